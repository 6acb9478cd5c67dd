// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>

class QLabel;

namespace Porthole {

// Qt's layouts size a window from its items' minimum sizes, not from what a word-wrapped
// label needs at the width it ends up with, so a long sentence is clipped after its first
// line or two, or it gets its lines by squeezing the rows around it. This keeps the label's
// minimum height at its height for its current width, and with it the window's minimum.
class WrapHeight : public QObject
{
    Q_OBJECT
public:
    static void attach(QLabel *label);
    // After every setText(): the text, not the width, changed.
    static void refresh(QLabel *label);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

} // namespace Porthole
