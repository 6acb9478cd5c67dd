// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <Qt>

namespace Porthole {

// The key chord that lets go of a grabbed keyboard (and grabs it again): Ctrl+Alt+G.
// A letter rather than Ctrl+Alt alone (virt-viewer's choice), so that guests keep
// every Ctrl+Alt chord they need, Ctrl+Alt+Del and Ctrl+Alt+F1…F12 included.
class GrabChord
{
public:
    static bool matches(int key, Qt::KeyboardModifiers modifiers);
    static QString text(); // for tooltips: "Ctrl+Alt+G"
};

} // namespace Porthole
