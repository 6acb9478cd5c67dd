// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/GrabChord.h"

namespace Porthole {

bool GrabChord::matches(int key, Qt::KeyboardModifiers modifiers)
{
    // Shift and the keypad flag may ride along; Meta may not (it is the guest's).
    const Qt::KeyboardModifiers relevant = modifiers & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier);
    return key == Qt::Key_G && relevant == (Qt::ControlModifier | Qt::AltModifier);
}

QString GrabChord::text()
{
    return QStringLiteral("Ctrl+Alt+G");
}

} // namespace Porthole
