// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/dialogs/WrapHeight.h"

#include <QEvent>
#include <QLabel>

namespace Porthole {

void WrapHeight::attach(QLabel *label)
{
    label->setWordWrap(true);
    label->installEventFilter(new WrapHeight(label));
    refresh(label);
}

void WrapHeight::refresh(QLabel *label)
{
    // Without the height-for-width flag the layout gives the label at least its minimum, which
    // this keeps right; with it, Qt grants that height by squeezing the other rows. QLabel sets
    // the flag again on every setText(), hence here.
    QSizePolicy policy = label->sizePolicy();
    policy.setHeightForWidth(false);
    label->setSizePolicy(policy);
    const int height = label->width() > 0 ? label->heightForWidth(label->width()) : -1;
    if (height > 0)
        label->setMinimumHeight(height);
}

bool WrapHeight::eventFilter(QObject *watched, QEvent *event)
{
    // Only the height follows from the width, so this settles after one more layout pass.
    if (event->type() == QEvent::Resize)
        refresh(static_cast<QLabel *>(watched));
    return QObject::eventFilter(watched, event);
}

} // namespace Porthole
