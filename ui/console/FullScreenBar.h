// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QFrame>
#include <QTimer>

class QAction;
class QLabel;
class QToolBar;

namespace Porthole {

// The toolbar of a full-screen console (remote-viewer's and KRDC's): it floats over the
// top edge of the picture, shows itself when the pointer touches that edge (and for a
// few seconds when full screen starts), and hides again when the pointer leaves it.
// It carries the console's own actions and a line saying who has the keyboard.
class FullScreenBar : public QFrame
{
    Q_OBJECT
public:
    explicit FullScreenBar(QWidget *parent);

    void addActions(const QList<QAction *> &actions);
    // Only an active bar shows itself (the console is full screen).
    void setActive(bool active);
    bool isActive() const { return m_active; }
    // Shows the bar now and hides it after hideAfterMs unless the pointer is on it.
    void reveal(int hideAfterMs = 3000);
    // The pointer moved to position (in the parent's coordinates) over the picture.
    void pointerMoved(const QPoint &position);
    void setKeyboardText(const QString &text);
    QString keyboardText() const;

protected:
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void place();

    QToolBar *m_bar;
    QLabel *m_keyboard;
    QTimer m_hideTimer;
    bool m_active = false;
};

} // namespace Porthole
