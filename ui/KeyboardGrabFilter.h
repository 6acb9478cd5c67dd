// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>

namespace Porthole {

// Grabs the keyboard for a console view while it has focus, so system keys
// (Alt+Tab, Super) go to the VM instead of the desktop; losing focus (a click
// elsewhere) lets go. Installed on the view when the setting is on.
class KeyboardGrabFilter : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

} // namespace Porthole
