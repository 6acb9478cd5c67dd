// SPDX-License-Identifier: GPL-2.0-or-later
// Broken and hostile servers must give typed errors, never crashes (also run under ASan/UBSan).
#include "FakeRfbServer.h"
#include "console/ConsoleProbe.h"
#include "console/RfbSession.h"

#include <gtest/gtest.h>

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Porthole;
using PortholeTest::FakeRfbServer;

namespace {

constexpr int kWaitMs = 30000;

ConsoleError sessionOutcome(FakeRfbServer::Scenario scenario, QString *text = nullptr)
{
    FakeRfbServer server(scenario);
    RfbSession session;
    QSignalSpy failed(&session, &RfbSession::errorOccurred);
    QSignalSpy full(&session, &RfbSession::firstFullFrame);
    session.open(ConsoleUrl::vnc(QStringLiteral("127.0.0.1"), server.port()));
    QDeadlineTimer deadline(kWaitMs);
    while (failed.isEmpty() && full.isEmpty() && !deadline.hasExpired())
        failed.wait(100);
    if (!full.isEmpty())
        return ConsoleError::None;
    EXPECT_FALSE(session.errorText().isEmpty());
    if (text)
        *text = session.errorText();
    return session.error();
}

} // namespace

TEST(RfbHostileServer, HonestFakeServerWorks)
{
    // Proves the fake speaks enough RFB that the failures below are the scenarios' doing.
    EXPECT_EQ(sessionOutcome(FakeRfbServer::Scenario::Honest), ConsoleError::None);
}

TEST(RfbHostileServer, TruncatedServerInit)
{
    EXPECT_EQ(sessionOutcome(FakeRfbServer::Scenario::TruncatedServerInit), ConsoleError::ProtocolError);
}

TEST(RfbHostileServer, AbsurdDimensions)
{
    EXPECT_EQ(sessionOutcome(FakeRfbServer::Scenario::AbsurdDimensions), ConsoleError::ProtocolError);
}

TEST(RfbHostileServer, HugeNameLength)
{
    EXPECT_EQ(sessionOutcome(FakeRfbServer::Scenario::HugeNameLength), ConsoleError::ProtocolError);
}

TEST(RfbHostileServer, RectangleOutsideTheFramebuffer)
{
    EXPECT_EQ(sessionOutcome(FakeRfbServer::Scenario::RectOutside), ConsoleError::ProtocolError);
}

TEST(RfbHostileServer, ConnectionClosedMidRectangle)
{
    EXPECT_EQ(sessionOutcome(FakeRfbServer::Scenario::CloseMidRect), ConsoleError::ConnectionLost);
}

TEST(RfbHostileServer, ATightRectangleThatInflatesPastItsHeightIsRefused)
{
    // Debian 12's 0.9.14+dfsg-1+deb12u2 carries the fix (docs/libvncclient-0.9.14-notes.md);
    // a libvncclient without it writes 62 rows past the framebuffer here (ASan: heap overflow).
    EXPECT_EQ(sessionOutcome(FakeRfbServer::Scenario::TightTooManyRows), ConsoleError::ProtocolError);
}

TEST(RfbHostileServer, NotRfbAtAll)
{
    EXPECT_EQ(sessionOutcome(FakeRfbServer::Scenario::BadVersion), ConsoleError::ProtocolError);
}

TEST(RfbHostileServer, ServerRefusesBeforeAuthentication)
{
    // Decided from the greeting's bytes (no types, then a reason), not from libvncclient's log.
    QString text;
    EXPECT_EQ(sessionOutcome(FakeRfbServer::Scenario::ZeroSecurityTypes, &text), ConsoleError::UnsupportedSecurity);
    EXPECT_TRUE(text.contains(u"refused the connection: go away")) << text.toStdString();
}

TEST(RfbHostileServer, SecurityTypesThatAbortInsideLibvncclientAreNeverChosen)
{
    // Choosing ARD or MSLogon II with these parameters kills the process (libgcrypt abort).
    QString text;
    EXPECT_EQ(sessionOutcome(FakeRfbServer::Scenario::HostileArd, &text), ConsoleError::UnsupportedSecurity);
    EXPECT_TRUE(text.contains(u"it offers 30")) << text.toStdString();
    EXPECT_EQ(sessionOutcome(FakeRfbServer::Scenario::HostileMsLogonII, &text), ConsoleError::UnsupportedSecurity);
    EXPECT_TRUE(text.contains(u"it offers 113")) << text.toStdString();
}

TEST(RfbHostileServer, OnlyUnsupportedSecurityTypesAreNamed)
{
    QString text;
    EXPECT_EQ(sessionOutcome(FakeRfbServer::Scenario::OnlyUnsupportedTypes, &text), ConsoleError::UnsupportedSecurity);
    EXPECT_TRUE(text.contains(u"it offers 6, 16")) << text.toStdString();
}

namespace {

ProbeReport probe(FakeRfbServer::Scenario scenario)
{
    FakeRfbServer server(scenario);
    ConsoleProbe prober;
    QSignalSpy done(&prober, &ConsoleProbe::finished);
    ConsoleProbe::Options options;
    options.stepTimeoutMs = 5000;
    prober.start(ConsoleUrl::vnc(QStringLiteral("127.0.0.1"), server.port()), options);
    EXPECT_TRUE(done.wait(kWaitMs));
    return done.isEmpty() ? ProbeReport() : done.first().first().value<ProbeReport>();
}

} // namespace

TEST(RfbHostileServer, ProbeOnHostileServerInits)
{
    EXPECT_TRUE(probe(FakeRfbServer::Scenario::Honest).ok());
    EXPECT_EQ(probe(FakeRfbServer::Scenario::TruncatedServerInit).error, ConsoleError::ProtocolError);
    EXPECT_EQ(probe(FakeRfbServer::Scenario::AbsurdDimensions).error, ConsoleError::ProtocolError);
    EXPECT_EQ(probe(FakeRfbServer::Scenario::HugeNameLength).error, ConsoleError::ProtocolError);
    EXPECT_EQ(probe(FakeRfbServer::Scenario::ZeroSecurityTypes).error, ConsoleError::UnsupportedSecurity);
}

namespace {

// Completes the WebSocket upgrade, sends the RFB greeting, then never answers anything,
// pings included: a link that died without a FIN, as far as the client can tell.
class SilentWebSocketServer : public QObject
{
public:
    SilentWebSocketServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *s = m_server.nextPendingConnection();
            QObject::connect(s, &QTcpSocket::readyRead, s, [this, s] {
                m_request += s->readAll();
                if (m_upgraded || !m_request.contains("\r\n\r\n"))
                    return;
                m_upgraded = true;
                QByteArray key;
                for (const QByteArray &line : m_request.split('\n'))
                    if (line.toLower().startsWith("sec-websocket-key:"))
                        key = line.mid(18).trimmed();
                const QByteArray accept = QCryptographicHash::hash(
                    QByteArray(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"), QCryptographicHash::Sha1)
                                              .toBase64();
                s->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                         "Sec-WebSocket-Accept: "
                    + accept + "\r\nSec-WebSocket-Protocol: binary\r\n\r\n");
                s->write(QByteArray("\x82\x0c", 2) + "RFB 003.008\n");
            });
        });
    }
    quint16 port() const { return m_server.serverPort(); }

private:
    QTcpServer m_server;
    QByteArray m_request;
    bool m_upgraded = false;
};

} // namespace

TEST(RfbHostileServer, SilentLinkIsNoticedByKeepalive)
{
    SilentWebSocketServer server;
    RfbSession session;
    RfbSession::Options options;
    options.pingIntervalMs = 200;
    options.pongTimeoutMs = 800;
    QSignalSpy failed(&session, &RfbSession::errorOccurred);
    session.open(ConsoleUrl::parse(QStringLiteral("ws://127.0.0.1:%1/?token=t").arg(server.port())).value(), options);
    ASSERT_TRUE(failed.wait(kWaitMs));
    EXPECT_EQ(session.error(), ConsoleError::ConnectionLost) << session.errorText().toStdString();
    EXPECT_TRUE(session.errorText().contains(u"keepalive")) << session.errorText().toStdString();
}

TEST(RfbHostileServer, CloseWhileTheUpgradeIsPendingIsNotAnError)
{
    // Accepts TCP, never answers the HTTP upgrade: the transport stays in Connecting.
    QTcpServer mute;
    ASSERT_TRUE(mute.listen(QHostAddress::LocalHost, 0));
    RfbSession session;
    QSignalSpy failed(&session, &RfbSession::errorOccurred);
    QSignalSpy closedSpy(&session, &RfbSession::closed);
    session.open(ConsoleUrl::parse(QStringLiteral("ws://127.0.0.1:%1/?token=t").arg(mute.serverPort())).value());
    ASSERT_TRUE(mute.waitForNewConnection(kWaitMs));
    EXPECT_EQ(session.state(), RfbSession::State::Connecting);
    session.close();
    EXPECT_EQ(session.state(), RfbSession::State::Closed);
    EXPECT_EQ(closedSpy.size(), 1);
    EXPECT_TRUE(failed.isEmpty()) << session.errorText().toStdString();
}

TEST(RfbHostileServer, TimeoutWhileTheUpgradeIsPendingIsReportedOnce)
{
    QTcpServer mute;
    ASSERT_TRUE(mute.listen(QHostAddress::LocalHost, 0));
    RfbSession session;
    RfbSession::Options options;
    options.connectTimeoutMs = 300;
    QSignalSpy failed(&session, &RfbSession::errorOccurred);
    session.open(
        ConsoleUrl::parse(QStringLiteral("ws://127.0.0.1:%1/?token=t").arg(mute.serverPort())).value(), options);
    ASSERT_TRUE(failed.wait(kWaitMs));
    EXPECT_EQ(session.error(), ConsoleError::Timeout);
    EXPECT_FALSE(failed.wait(300)) << "a second error was reported";
    EXPECT_EQ(failed.size(), 1);
}

TEST(RfbHostileServer, TheProbeRefusesWhatTheViewerRefuses)
{
    for (const auto scenario : {FakeRfbServer::Scenario::HostileArd, FakeRfbServer::Scenario::HostileMsLogonII,
             FakeRfbServer::Scenario::OnlyUnsupportedTypes}) {
        const ProbeReport report = probe(scenario);
        EXPECT_EQ(report.error, ConsoleError::UnsupportedSecurity) << report.toText().toStdString();
        EXPECT_EQ(report.exitCode(), 3);
        ASSERT_FALSE(report.steps.isEmpty());
        EXPECT_EQ(report.steps.last().name, u"security-types");
    }
}
