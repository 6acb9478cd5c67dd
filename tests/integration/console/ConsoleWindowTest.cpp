// SPDX-License-Identifier: GPL-2.0-or-later
// ConsoleWindow on the offscreen platform: status overlay, reconnect back-off and its
// cancel, and which failures are not retried.
#include "ui/console/ConsoleWindow.h"

#include "ConsolePeers.h"
#include "FakeRfbServer.h"
#include "ui/console/ConsoleView.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QSignalSpy>

using namespace Porthole;
using namespace PortholeTest;

namespace {

constexpr int kWaitMs = 30000;

} // namespace

TEST(ConsoleWindow, ConnectsAndHidesTheOverlay)
{
    FakeRfbServer server(FakeRfbServer::Scenario::Honest);
    ConsoleWindow window(ConsoleUrl::vnc(QStringLiteral("127.0.0.1"), server.port()), {});
    window.show();
    QSignalSpy full(window.session(), &RfbSession::firstFullFrame);
    ASSERT_TRUE(full.wait(kWaitMs)) << window.session()->errorText().toStdString();
    EXPECT_TRUE(window.overlayText().isEmpty()) << window.overlayText().toStdString();
    EXPECT_TRUE(window.windowTitle().contains(u"fake"));
    for (const char *name : {"actionOneToOne", "actionRemoteResize", "actionViewOnly", "actionSendKeys",
             "actionTypeClipboard", "actionClipboardSync", "actionScreenshot", "actionFullScreen", "actionReconnect"})
        EXPECT_NE(window.action(QString::fromLatin1(name)), nullptr) << name;
    window.action(QStringLiteral("actionOneToOne"))->setChecked(true);
    EXPECT_EQ(window.view()->scaleMode(), ConsoleView::ScaleMode::OneToOne);
    // The fake server never offers ExtendedDesktopSize: the action says why it is off.
    EXPECT_FALSE(window.action(QStringLiteral("actionRemoteResize"))->isEnabled());
    EXPECT_TRUE(window.action(QStringLiteral("actionRemoteResize"))->toolTip().contains(u"Not available"));
    window.action(QStringLiteral("actionViewOnly"))->setChecked(true);
    EXPECT_TRUE(window.view()->isViewOnly());
}

TEST(ConsoleWindow, LostProxySchedulesAReconnectThatCanBeCancelled)
{
    ConsoleWindow window(ConsoleUrl::parse(QStringLiteral("ws://127.0.0.1:%1/?token=t").arg(freePort())).value(), {});
    window.show();
    QSignalSpy failed(window.session(), &RfbSession::errorOccurred);
    ASSERT_TRUE(failed.wait(kWaitMs));
    EXPECT_EQ(window.session()->error(), ConsoleError::ProxyUnreachable);
    EXPECT_TRUE(window.reconnectPending());
    EXPECT_TRUE(window.overlayText().contains(u"Reconnecting in")) << window.overlayText().toStdString();
    // Core's sentence, as a dialog shows it: with a capital.
    EXPECT_TRUE(window.overlayText().startsWith(u"Cannot reach the console proxy"))
        << window.overlayText().toStdString();
    window.cancelReconnect();
    EXPECT_FALSE(window.reconnectPending());
    EXPECT_TRUE(window.overlayText().contains(u"cancelled"));
}

TEST(ConsoleWindow, TheReconnectFires)
{
    ConsoleWindow window(ConsoleUrl::parse(QStringLiteral("ws://127.0.0.1:%1/?token=t").arg(freePort())).value(), {});
    QSignalSpy failed(window.session(), &RfbSession::errorOccurred);
    ASSERT_TRUE(failed.wait(kWaitMs));
    ASSERT_TRUE(window.reconnectPending());
    // The first back-off step is 1 s: a second attempt fails the same way, and waits 2 s.
    ASSERT_TRUE(failed.wait(kWaitMs));
    EXPECT_EQ(failed.size(), 2);
    EXPECT_TRUE(window.reconnectPending());
}

TEST(ConsoleWindow, ProtocolErrorsAreNotRetried)
{
    FakeRfbServer server(FakeRfbServer::Scenario::BadVersion);
    ConsoleWindow window(ConsoleUrl::vnc(QStringLiteral("127.0.0.1"), server.port()), {});
    QSignalSpy failed(window.session(), &RfbSession::errorOccurred);
    ASSERT_TRUE(failed.wait(kWaitMs));
    EXPECT_EQ(window.session()->error(), ConsoleError::ProtocolError);
    EXPECT_FALSE(window.reconnectPending());
    EXPECT_FALSE(window.overlayText().isEmpty());
}
