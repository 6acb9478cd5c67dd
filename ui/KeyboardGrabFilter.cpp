// SPDX-License-Identifier: GPL-2.0-or-later
#include "KeyboardGrabFilter.h"

#include <QEvent>
#include <QWidget>

namespace Porthole {

bool KeyboardGrabFilter::eventFilter(QObject *watched, QEvent *event)
{
    auto *widget = qobject_cast<QWidget *>(watched);
    if (!widget)
        return false;
    switch (event->type()) {
    case QEvent::FocusIn:
        widget->grabKeyboard();
        break;
    case QEvent::FocusOut:
    case QEvent::Hide:
        widget->releaseKeyboard();
        break;
    default:
        break;
    }
    return false;
}

} // namespace Porthole
