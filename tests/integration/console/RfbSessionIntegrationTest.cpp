// SPDX-License-Identifier: GPL-2.0-or-later
#include "ConsolePeers.h"
#include "console/RfbSession.h"
#include "tokens/ConsoleUrl.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Porthole;
using namespace PortholeTest;

namespace {

constexpr int kWaitMs = 20000;

// Counts pixels of the image that differ from colour.
qsizetype pixelsNotEqual(const QImage &image, QRgb colour)
{
    qsizetype wrong = 0;
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x)
            if ((line[x] & 0xffffff) != (colour & 0xffffff))
                ++wrong;
    }
    return wrong;
}

ConsoleError waitError(RfbSession &session)
{
    QSignalSpy failed(&session, &RfbSession::errorOccurred);
    if (session.state() != RfbSession::State::Failed && !failed.wait(kWaitMs))
        return ConsoleError::None;
    return session.error();
}

class RfbSessionIntegration : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_open = new XvncServer;
        s_auth = new XvncServer;
        s_proxy = new Websockify;
        PORTHOLE_REQUIRE_PEER(s_open->start(QStringLiteral("640x480")));
        PORTHOLE_REQUIRE_PEER(s_open->setRootColour(QStringLiteral("#3366cc")));
        PORTHOLE_REQUIRE_PEER(s_auth->start(QStringLiteral("320x240"), QStringLiteral("sesame12")));
        PORTHOLE_REQUIRE_PEER(s_auth->setRootColour(QStringLiteral("#20c040")));
        s_deadPort = freePort();
        PORTHOLE_REQUIRE_PEER(s_proxy->start({QStringLiteral("open: 127.0.0.1:%1").arg(s_open->port()),
            QStringLiteral("auth: 127.0.0.1:%1").arg(s_auth->port()),
            QStringLiteral("dead: 127.0.0.1:%1").arg(s_deadPort)}));
    }
    void SetUp() override { ASSERT_TRUE(peerSetupError().isEmpty()) << peerSetupError().toStdString(); }
    static void TearDownTestSuite()
    {
        delete s_proxy;
        delete s_auth;
        delete s_open;
    }

    static XvncServer *s_open;
    static XvncServer *s_auth;
    static Websockify *s_proxy;
    static quint16 s_deadPort;
};

XvncServer *RfbSessionIntegration::s_open = nullptr;
XvncServer *RfbSessionIntegration::s_auth = nullptr;
Websockify *RfbSessionIntegration::s_proxy = nullptr;
quint16 RfbSessionIntegration::s_deadPort = 0;

} // namespace

TEST_F(RfbSessionIntegration, FirstFullFrameThroughWebsockifyHasTheRootColour)
{
    RfbSession session;
    session.open(consoleUrl(s_proxy->url(QStringLiteral("open"))));
    ASSERT_TRUE(waitFirstFrame(session)) << session.errorText().toStdString();
    EXPECT_EQ(session.state(), RfbSession::State::Connected);
    EXPECT_EQ(session.desktopSize(), QSize(640, 480));
    const QImage image = session.frame();
    ASSERT_EQ(image.size(), QSize(640, 480));
    EXPECT_EQ(image.format(), QImage::Format_RGB32);
    EXPECT_EQ(pixelsNotEqual(image, qRgb(0x33, 0x66, 0xcc)), 0);
    EXPECT_GE(session.firstFrameMs(), 0);
    session.close();
    EXPECT_EQ(session.state(), RfbSession::State::Closed);
}

TEST_F(RfbSessionIntegration, KeepalivePingsMeasureTheRoundTrip)
{
    RfbSession session;
    RfbSession::Options options;
    options.pingIntervalMs = 100;
    session.open(consoleUrl(s_proxy->url(QStringLiteral("open"))), options);
    ASSERT_TRUE(waitFirstFrame(session)) << session.errorText().toStdString();
    QSignalSpy frames(&session, &RfbSession::frameUpdated);
    QDeadlineTimer deadline(kWaitMs);
    while (session.roundTripMs() < 0 && !deadline.hasExpired())
        frames.wait(100);
    EXPECT_GE(session.roundTripMs(), 0);
    EXPECT_EQ(session.state(), RfbSession::State::Connected);
}

TEST_F(RfbSessionIntegration, LosslessRawAlsoMatches)
{
    RfbSession session;
    RfbSession::Options options;
    options.encodings = "raw";
    options.lossless = true;
    session.open(consoleUrl(s_proxy->url(QStringLiteral("open"))), options);
    ASSERT_TRUE(waitFirstFrame(session)) << session.errorText().toStdString();
    EXPECT_EQ(pixelsNotEqual(session.frame(), qRgb(0x33, 0x66, 0xcc)), 0);
}

TEST_F(RfbSessionIntegration, PlainTcpToXvnc)
{
    RfbSession session;
    session.open(ConsoleUrl::vnc(QStringLiteral("127.0.0.1"), s_open->port()));
    ASSERT_TRUE(waitFirstFrame(session)) << session.errorText().toStdString();
    EXPECT_EQ(pixelsNotEqual(session.frame(), qRgb(0x33, 0x66, 0xcc)), 0);
}

TEST_F(RfbSessionIntegration, VncAuthWithTheRightPassword)
{
    RfbSession session;
    RfbSession::Options options;
    options.password = QStringLiteral("sesame12");
    session.open(consoleUrl(s_proxy->url(QStringLiteral("auth"))), options);
    ASSERT_TRUE(waitFirstFrame(session)) << session.errorText().toStdString();
    EXPECT_EQ(session.desktopSize(), QSize(320, 240));
    EXPECT_EQ(pixelsNotEqual(session.frame(), qRgb(0x20, 0xc0, 0x40)), 0);
}

TEST_F(RfbSessionIntegration, PasswordFromTheNoVncUrl)
{
    const QString page = QStringLiteral("http://127.0.0.1:%1/vnc.html?path=websockify%3Ftoken%3Dauth&password=sesame12")
                             .arg(s_proxy->port());
    RfbSession session;
    session.open(consoleUrl(page));
    EXPECT_TRUE(waitFirstFrame(session)) << session.errorText().toStdString();
}

TEST_F(RfbSessionIntegration, WrongPassword)
{
    RfbSession session;
    RfbSession::Options options;
    options.password = QStringLiteral("wrongpw");
    session.open(consoleUrl(s_proxy->url(QStringLiteral("auth"))), options);
    EXPECT_EQ(waitError(session), ConsoleError::WrongPassword) << session.errorText().toStdString();
    EXPECT_TRUE(session.errorText().contains(u"password"));
}

TEST_F(RfbSessionIntegration, MissingPassword)
{
    RfbSession session;
    session.open(consoleUrl(s_proxy->url(QStringLiteral("auth"))));
    EXPECT_EQ(waitError(session), ConsoleError::PasswordRequired) << session.errorText().toStdString();
}

TEST_F(RfbSessionIntegration, UnknownToken)
{
    RfbSession session;
    session.open(consoleUrl(s_proxy->url(QStringLiteral("nosuchtoken"))));
    EXPECT_EQ(waitError(session), ConsoleError::TokenRefused) << session.errorText().toStdString();
    EXPECT_TRUE(session.errorText().contains(u"token is probably unknown or expired"));
    EXPECT_FALSE(session.errorText().contains(u"nosuchtoken")) << "tokens are redacted";
}

TEST_F(RfbSessionIntegration, DeadTarget)
{
    RfbSession session;
    session.open(consoleUrl(s_proxy->url(QStringLiteral("dead"))));
    EXPECT_EQ(waitError(session), ConsoleError::TargetDown) << session.errorText().toStdString();
    EXPECT_TRUE(session.errorText().contains(u"1011"));
}

TEST_F(RfbSessionIntegration, ProxyNotRunning)
{
    RfbSession session;
    session.open(consoleUrl(QStringLiteral("ws://127.0.0.1:%1/websockify?token=open").arg(freePort())));
    EXPECT_EQ(waitError(session), ConsoleError::ProxyUnreachable) << session.errorText().toStdString();
}

TEST_F(RfbSessionIntegration, DirectServerNotRunning)
{
    RfbSession session;
    session.open(ConsoleUrl::vnc(QStringLiteral("127.0.0.1"), freePort()));
    EXPECT_EQ(waitError(session), ConsoleError::ServerUnreachable) << session.errorText().toStdString();
}

TEST_F(RfbSessionIntegration, ProxyKilledMidSession)
{
    Websockify proxy;
    ASSERT_TRUE(proxy.start({QStringLiteral("t: 127.0.0.1:%1").arg(s_open->port())}));
    RfbSession session;
    session.open(consoleUrl(proxy.url(QStringLiteral("t"))));
    ASSERT_TRUE(waitFirstFrame(session)) << session.errorText().toStdString();
    proxy.kill();
    EXPECT_EQ(waitError(session), ConsoleError::ConnectionLost) << session.errorText().toStdString();
}

TEST_F(RfbSessionIntegration, ReconnectSucceedsWhenTheProxyReturns)
{
    const QStringList tokens {QStringLiteral("t: 127.0.0.1:%1").arg(s_open->port())};
    auto proxy = std::make_unique<Websockify>();
    ASSERT_TRUE(proxy->start(tokens));
    const quint16 port = proxy->port();
    RfbSession session;
    session.open(consoleUrl(proxy->url(QStringLiteral("t"))));
    ASSERT_TRUE(waitFirstFrame(session)) << session.errorText().toStdString();
    proxy->kill();
    ASSERT_EQ(waitError(session), ConsoleError::ConnectionLost);
    ASSERT_TRUE(waitForPortClosed(port));
    // While it is away, reconnecting says so.
    session.open(consoleUrl(QStringLiteral("ws://127.0.0.1:%1/websockify?token=t").arg(port)));
    EXPECT_EQ(waitError(session), ConsoleError::ProxyUnreachable);
    proxy = std::make_unique<Websockify>();
    ASSERT_TRUE(proxy->start(tokens, {}, port)) << proxy->log().toStdString();
    session.open(consoleUrl(proxy->url(QStringLiteral("t"))));
    EXPECT_TRUE(waitFirstFrame(session)) << session.errorText().toStdString();
    EXPECT_EQ(pixelsNotEqual(session.frame(), qRgb(0x33, 0x66, 0xcc)), 0);
}

TEST_F(RfbSessionIntegration, ReopenFromInsideTheErrorSignal)
{
    RfbSession session;
    bool reopened = false;
    QObject::connect(&session, &RfbSession::errorOccurred, &session, [&] {
        if (reopened)
            return;
        reopened = true;
        // Runs inside the failed transport's closed() emission.
        session.open(ConsoleUrl::vnc(QStringLiteral("127.0.0.1"), s_open->port()));
    });
    QSignalSpy full(&session, &RfbSession::firstFullFrame);
    session.open(consoleUrl(s_proxy->url(QStringLiteral("nosuchtoken"))));
    QDeadlineTimer deadline(kWaitMs);
    while (full.isEmpty() && !deadline.hasExpired())
        full.wait(200);
    EXPECT_EQ(full.size(), 1) << session.errorText().toStdString();
    EXPECT_TRUE(reopened);
    EXPECT_EQ(session.state(), RfbSession::State::Connected);
}

TEST_F(RfbSessionIntegration, XrandrResizeKeepsTheSession)
{
    XvncServer server;
    ASSERT_TRUE(server.start(QStringLiteral("1024x768")));
    ASSERT_TRUE(server.setRootColour(QStringLiteral("#c03020")));
    RfbSession session;
    session.open(ConsoleUrl::vnc(QStringLiteral("127.0.0.1"), server.port()));
    ASSERT_TRUE(waitFirstFrame(session)) << session.errorText().toStdString();
    QSignalSpy resized(&session, &RfbSession::desktopResized);
    ASSERT_TRUE(server.xrandr(QStringLiteral("800x600")));
    QDeadlineTimer deadline(kWaitMs);
    while (session.desktopSize() != QSize(800, 600) && !deadline.hasExpired())
        resized.wait(200);
    EXPECT_EQ(session.desktopSize(), QSize(800, 600));
    EXPECT_EQ(session.state(), RfbSession::State::Connected) << session.errorText().toStdString();
    EXPECT_EQ(session.frame().size(), QSize(800, 600));
}

TEST_F(RfbSessionIntegration, ClientRequestedResizeWorksAgainstXvnc)
{
    XvncServer server;
    ASSERT_TRUE(server.start(QStringLiteral("1024x768")));
    RfbSession session;
    session.open(ConsoleUrl::vnc(QStringLiteral("127.0.0.1"), server.port()));
    ASSERT_TRUE(waitFirstFrame(session)) << session.errorText().toStdString();
    QSignalSpy caps(&session, &RfbSession::capabilitiesChanged);
    QDeadlineTimer capsDeadline(kWaitMs);
    while (!session.supportsRemoteResize() && !capsDeadline.hasExpired())
        caps.wait(200);
    ASSERT_TRUE(session.supportsRemoteResize());
    QSignalSpy resized(&session, &RfbSession::desktopResized);
    session.requestResize(QSize(800, 600));
    QDeadlineTimer deadline(kWaitMs);
    while (session.desktopSize() != QSize(800, 600) && !deadline.hasExpired())
        resized.wait(200);
    EXPECT_EQ(session.desktopSize(), QSize(800, 600));
    EXPECT_EQ(session.state(), RfbSession::State::Connected);
}

TEST_F(RfbSessionIntegration, CloseMidHandshakeEndsTheWorker)
{
    // A peer that accepts and never says a word: the worker blocks reading the version.
    QTcpServer silent;
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost, 0));
    RfbSession session;
    QSignalSpy state(&session, &RfbSession::stateChanged);
    session.open(ConsoleUrl::vnc(QStringLiteral("127.0.0.1"), silent.serverPort()));
    QDeadlineTimer deadline(kWaitMs);
    while (session.state() != RfbSession::State::Handshaking && !deadline.hasExpired())
        state.wait(200);
    ASSERT_EQ(session.state(), RfbSession::State::Handshaking);
    session.close(); // joins the worker: a hang here fails the test by timeout
    EXPECT_EQ(session.state(), RfbSession::State::Closed);
}

TEST_F(RfbSessionIntegration, HandshakeTimeout)
{
    QTcpServer silent;
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost, 0));
    RfbSession session;
    RfbSession::Options options;
    options.connectTimeoutMs = 500;
    session.open(ConsoleUrl::vnc(QStringLiteral("127.0.0.1"), silent.serverPort()), options);
    EXPECT_EQ(waitError(session), ConsoleError::Timeout);
}

TEST_F(RfbSessionIntegration, InputReachesTheServerWithoutErrors)
{
    RfbSession session;
    session.open(consoleUrl(s_proxy->url(QStringLiteral("open"))));
    ASSERT_TRUE(waitFirstFrame(session));
    session.sendPointer(10, 10, 0);
    session.sendPointer(20, 20, 1);
    session.sendPointer(20, 20, 0);
    session.sendKey(0x61, true);
    session.sendKey(0x61, false);
    session.sendExtendedKey(0x62, 0x30, true);
    session.sendExtendedKey(0x62, 0x30, false);
    EXPECT_TRUE(session.sendClipboard(QStringLiteral("héllo")));
    EXPECT_FALSE(session.sendClipboard(QStringLiteral("price €5")));
    // A full update round trip after the input proves the stream stayed in sync.
    QSignalSpy frames(&session, &RfbSession::frameUpdated);
    session.requestUpdate(false);
    EXPECT_TRUE(frames.wait(kWaitMs));
    EXPECT_EQ(session.state(), RfbSession::State::Connected);
}
