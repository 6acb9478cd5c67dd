// SPDX-License-Identifier: GPL-2.0-or-later
// ConsoleWindow on the offscreen platform against an in-process demo desktop (libvncserver),
// which records every key it receives: full screen wherever the console is shown, and who
// gets the keyboard.
#include "ui/console/ConsoleWindow.h"

#include "demo/DemoDesktop.h"
#include "ui/console/ConsoleTabWindow.h"
#include "ui/console/ConsoleTabs.h"
#include "ui/console/ConsoleView.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QToolBar>

using namespace Porthole;

namespace {

constexpr int kWaitMs = 30000;

class ConsoleWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        QString error;
        ASSERT_TRUE(m_desktop.start(&error, QSize(320, 240))) << error.toStdString();
    }

    ConsoleUrl url() const { return ConsoleUrl::vnc(u"127.0.0.1"_qs, m_desktop.port()); }

    static bool waitConnected(ConsoleWindow *console)
    {
        if (console->session()->state() == RfbSession::State::Connected)
            return true;
        QSignalSpy connected(console->session(), &RfbSession::connected);
        return connected.wait(kWaitMs);
    }

    static bool isFullScreen(const QWidget *window) { return window->windowState() & Qt::WindowFullScreen; }

    DemoDesktop m_desktop {u"console-window-test"_qs};
};

} // namespace

// A tab's console goes full screen alone, in a window of its own, and F11 brings it back.
TEST_F(ConsoleWindowTest, FullScreenTakesATabsConsoleAloneAndBringsItBack)
{
    ConsoleTabWindow tabs;
    tabs.show();
    ConsoleWindow *console = tabs.addConsole(url(), {});
    ASSERT_TRUE(waitConnected(console)) << console->session()->errorText().toStdString();
    tabs.activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(&tabs));
    // Keys the console does not take (its view has no focus here) reach the window's shortcuts.
    console->view()->clearFocus();
    QTest::keyClick(&tabs, Qt::Key_F11);
    QWidget *full = console->view()->window();
    ASSERT_NE(full, &tabs) << "the console left the tab window for a window of its own";
    EXPECT_TRUE(isFullScreen(full));
    EXPECT_FALSE(isFullScreen(&tabs)) << "the tab window itself stays as it was";
    EXPECT_EQ(tabs.tabs()->count(), 1) << "the tab stays, to come back to";
    EXPECT_TRUE(console->action(u"actionFullScreen"_qs)->isChecked());

    full->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(full));
    console->view()->clearFocus();
    QTest::keyClick(full, Qt::Key_F11);
    EXPECT_EQ(console->view()->window(), &tabs) << "back in its tab";
    EXPECT_EQ(tabs.tabs()->console(0), console);
    EXPECT_FALSE(console->action(u"actionFullScreen"_qs)->isChecked());
    EXPECT_EQ(console->session()->state(), RfbSession::State::Connected) << "the session went along";
}

// A console in a window of its own (detached, or opened in a new window): no toolbar or
// status bar in full screen, but an overlay toolbar that shows at the top edge.
TEST_F(ConsoleWindowTest, FullScreenWindowHidesItsBarsAndShowsTheOverlayToolbar)
{
    ConsoleWindow console(url(), {});
    console.show();
    ASSERT_TRUE(waitConnected(&console)) << console.session()->errorText().toStdString();
    auto *toolBar = console.findChild<QToolBar *>(u"consoleToolBar"_qs);
    ASSERT_NE(toolBar, nullptr);
    EXPECT_TRUE(toolBar->isVisible());

    console.action(u"actionFullScreen"_qs)->trigger();
    EXPECT_TRUE(isFullScreen(&console));
    EXPECT_FALSE(toolBar->isVisible());
    EXPECT_FALSE(console.statusBar()->isVisible());
    auto *overlay = console.findChild<QWidget *>(u"fullScreenBar"_qs);
    ASSERT_NE(overlay, nullptr) << "an overlay toolbar";
    EXPECT_TRUE(overlay->isVisible()) << "shown as full screen starts";
    EXPECT_EQ(overlay->y(), 0) << "at the top edge";
    ASSERT_TRUE(QTest::qWaitFor([&] { return !overlay->isVisible(); }, kWaitMs)) << "it hides itself";
    // The pointer at the top edge brings it back.
    QTest::mouseMove(console.view(), QPoint(console.view()->width() / 2, 0));
    EXPECT_TRUE(overlay->isVisible());

    console.action(u"actionFullScreen"_qs)->trigger();
    EXPECT_FALSE(isFullScreen(&console));
    EXPECT_TRUE(toolBar->isVisible());
    EXPECT_TRUE(console.statusBar()->isVisible());
    EXPECT_FALSE(overlay->isVisible());
}
