// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/console/FullScreenBar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolBar>

namespace Porthole {

namespace {
// How close to the top edge the pointer must come, in logical pixels.
constexpr int kEdge = 3;
} // namespace

FullScreenBar::FullScreenBar(QWidget *parent)
    : QFrame(parent)
    , m_bar(new QToolBar)
    , m_keyboard(new QLabel)
{
    setObjectName(QStringLiteral("fullScreenBar"));
    setAutoFillBackground(true);
    setFrameShape(QFrame::StyledPanel);
    m_bar->setObjectName(QStringLiteral("fullScreenToolBar"));
    m_bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_keyboard->setObjectName(QStringLiteral("fullScreenKeyboard"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(m_keyboard);
    layout->addWidget(m_bar);
    m_hideTimer.setSingleShot(true);
    connect(&m_hideTimer, &QTimer::timeout, this, &QWidget::hide);
    parent->installEventFilter(this);
    hide();
}

void FullScreenBar::addActions(const QList<QAction *> &actions)
{
    m_bar->addActions(actions);
}

void FullScreenBar::setActive(bool active)
{
    m_active = active;
    if (!active) {
        m_hideTimer.stop();
        hide();
    }
}

void FullScreenBar::reveal(int hideAfterMs)
{
    if (!m_active)
        return;
    place();
    show();
    raise();
    if (!underMouse())
        m_hideTimer.start(hideAfterMs);
}

void FullScreenBar::pointerMoved(const QPoint &position)
{
    if (!m_active)
        return;
    if (position.y() <= kEdge)
        reveal(1500);
}

void FullScreenBar::setKeyboardText(const QString &text)
{
    m_keyboard->setText(text);
    if (isVisible())
        place();
}

QString FullScreenBar::keyboardText() const
{
    return m_keyboard->text();
}

void FullScreenBar::enterEvent(QEnterEvent *event)
{
    m_hideTimer.stop();
    QFrame::enterEvent(event);
}

void FullScreenBar::leaveEvent(QEvent *event)
{
    if (m_active)
        m_hideTimer.start(1500);
    QFrame::leaveEvent(event);
}

bool FullScreenBar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible())
        place();
    return QFrame::eventFilter(watched, event);
}

void FullScreenBar::place()
{
    // Centred on the top edge, never wider than the picture.
    const QWidget *area = parentWidget();
    const QSize wanted = sizeHint().boundedTo(area->size());
    resize(wanted);
    move((area->width() - wanted.width()) / 2, 0);
}

} // namespace Porthole
