// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QSize>

class QScreen;
class QWidget;

namespace Porthole {

// Where top-level windows go: the window manager places them (no position of ours, so
// title bars never land off-screen), and their size fits the screen they open on, room
// for the window frame included. Sizes are logical pixels throughout (HiDPI-correct).
class WindowPlacement
{
public:
    // Room for the frame the window manager adds (title bar, borders), in logical pixels.
    static QSize decorationAllowance();
    // wanted, made to fit the screen's available area with its frame.
    static QSize fitted(const QSize &wanted, const QScreen *screen);
    // Before a window is shown as a top-level window (new, or just taken out of a tab): on
    // near's screen, wanted size fitted to it, and placed by the window manager.
    static void prepare(QWidget *window, const QSize &wanted, const QWidget *near = nullptr);
};

} // namespace Porthole
