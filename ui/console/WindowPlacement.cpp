// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/console/WindowPlacement.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

namespace Porthole {

QSize WindowPlacement::decorationAllowance()
{
    // Before a window is mapped its frame is unknown; this covers common title bars and borders.
    return QSize(16, 48);
}

QSize WindowPlacement::fitted(const QSize &wanted, const QScreen *screen)
{
    if (!screen)
        return wanted;
    const QSize room = screen->availableGeometry().size() - decorationAllowance();
    return wanted.boundedTo(room).expandedTo(QSize(320, 240));
}

void WindowPlacement::prepare(QWidget *window, const QSize &wanted, const QWidget *near)
{
    QScreen *screen = near ? near->screen() : nullptr;
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    // A widget that lived in a layout carries the position it had there, and Qt would
    // hand it to the window manager as the window's place (its title bar off-screen at 0,0).
    window->setAttribute(Qt::WA_Moved, false);
    if (screen && screen != window->screen())
        window->setScreen(screen);
    window->resize(fitted(wanted, screen));
}

} // namespace Porthole
