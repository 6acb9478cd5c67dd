// SPDX-License-Identifier: GPL-2.0-or-later
// TokenProxy in-process against real sockets on 127.0.0.1: relaying, refusals with
// reasons, hostile input, TLS on the same port, --web and /metrics.
#include "proxy/TokenProxy.h"

#include "ConsolePeers.h"
#include "ProxyTestSupport.h"
#include "tokens/MemoryTokenSource.h"
#include "websocket/WebSocketWire.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QProcess>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace Porthole;
using namespace PortholeTest;

namespace {

class TokenProxyTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_tokens.add(QStringLiteral("good-token"), TokenTarget {QStringLiteral("127.0.0.1"), m_echo.port()});
        m_tokens.add(QStringLiteral("down-token"), TokenTarget {QStringLiteral("127.0.0.1"), freePort()});
        m_tokens.add(QStringLiteral("old-token"), TokenTarget {QStringLiteral("127.0.0.1"), m_echo.port()},
            QDateTime::currentDateTimeUtc().addSecs(-5));
    }

    void startProxy(ProxyConfig config = {})
    {
        config.listenAddress = QHostAddress::LocalHost;
        config.listenPort = 0;
        m_proxy = std::make_unique<TokenProxy>(config, &m_tokens);
        QString error;
        ASSERT_TRUE(m_proxy->start(&error)) << qPrintable(error);
    }

    QString url(const QString &token, const QString &scheme = QStringLiteral("ws")) const
    {
        return QStringLiteral("%1://127.0.0.1:%2/websockify?token=%3").arg(scheme).arg(m_proxy->port()).arg(token);
    }

    QByteArray greeting() const { return "ECHO " + QByteArray::number(m_echo.port()) + '\n'; }

    // A good session: greeting, then a 64-byte echo.
    void expectGoodSession(const QString &scheme = QStringLiteral("ws"))
    {
        WsClient client(url(QStringLiteral("good-token"), scheme), true);
        ASSERT_TRUE(client.waitForBytes(greeting().size()))
            << "no greeting; closed=" << client.closed << " " << qPrintable(client.socket().closeReason());
        EXPECT_EQ(client.received, greeting());
        client.received.clear();
        const QByteArray payload(64, 'z');
        client.socket().sendBinaryMessage(payload);
        ASSERT_TRUE(client.waitForBytes(64));
        EXPECT_EQ(client.received, payload);
        EXPECT_EQ(client.socket().subprotocol(), QStringLiteral("binary"));
    }

    // Raw bytes in, everything the proxy answers until it closes (bounded).
    QByteArray rawExchange(const QByteArray &request, int timeoutMs = 20000)
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_proxy->port());
        EXPECT_TRUE(socket.waitForConnected(10000));
        socket.write(request);
        QByteArray answer;
        waitUntil(
            [&] {
                answer += socket.readAll();
                return socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
        answer += socket.readAll();
        return answer;
    }

    static QByteArray upgrade(const QByteArray &path, const QByteArray &extra = {})
    {
        return "GET " + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
              "Sec-WebSocket-Protocol: binary\r\n"
            + extra + "\r\n";
    }

    EchoServer m_echo;
    MemoryTokenSource m_tokens;
    std::unique_ptr<TokenProxy> m_proxy;
};

} // namespace

TEST_F(TokenProxyTest, RelaysByteExactBothWays)
{
    startProxy();
    WsClient client(url(QStringLiteral("good-token")));
    ASSERT_TRUE(client.waitForBytes(greeting().size()));
    client.received.clear();
    QByteArray sent;
    for (int i = 0; i < 64; ++i) {
        QByteArray chunk(16 * 1024 + i, Qt::Uninitialized);
        for (qsizetype j = 0; j < chunk.size(); ++j)
            chunk[j] = char((j * 7 + i) & 0xff);
        client.socket().sendBinaryMessage(chunk);
        sent += chunk;
    }
    ASSERT_TRUE(client.waitForBytes(sent.size(), 60000));
    EXPECT_EQ(client.received, sent);
    EXPECT_EQ(m_proxy->metrics().sessionsOpen, 1u);
    client.socket().close();
    EXPECT_TRUE(waitUntil([&] { return m_proxy->metrics().sessionsOpen == 0; }));
    EXPECT_GE(m_proxy->metrics().bytesToTarget, quint64(sent.size()));
}

TEST_F(TokenProxyTest, TokenFromCookieOnAnyPath)
{
    startProxy();
    QNetworkRequest request(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(m_proxy->port())));
    request.setRawHeader("Cookie", "token=good-token");
    QWebSocket socket;
    QByteArray received;
    QObject::connect(&socket, &QWebSocket::binaryMessageReceived, [&](const QByteArray &m) { received += m; });
    socket.open(request);
    ASSERT_TRUE(waitUntil([&] { return received.size() >= greeting().size(); }));
    EXPECT_EQ(received, greeting());
}

TEST_F(TokenProxyTest, RefusalsSayWhy)
{
    ProxyConfig config;
    config.maxPerToken = 1;
    startProxy(config);
    struct Case
    {
        QString token;
        int code; // 4014 is outside Qt's CloseCode enumerators: compare as numbers
        QString reason;
    } cases[] = {
        {QStringLiteral("nope"), 1008, QStringLiteral("unknown token")},
        {QStringLiteral("old-token"), 1008, QStringLiteral("expired token")},
        {QStringLiteral("down-token"), 4014, QStringLiteral("unreachable")},
        {QString(), 1008, QStringLiteral("no token")},
    };
    for (const Case &c : cases) {
        WsClient client(url(c.token));
        ASSERT_TRUE(client.waitForClose()) << qPrintable(c.token);
        EXPECT_EQ(int(client.socket().closeCode()), c.code) << qPrintable(c.token);
        EXPECT_TRUE(client.socket().closeReason().contains(c.reason))
            << qPrintable(c.token) << ": " << qPrintable(client.socket().closeReason());
        EXPECT_TRUE(client.received.isEmpty());
    }
    // --max-per-token 1: the second session on one token is told so.
    WsClient first(url(QStringLiteral("good-token")));
    ASSERT_TRUE(first.waitForBytes(greeting().size()));
    WsClient second(url(QStringLiteral("good-token")));
    ASSERT_TRUE(second.waitForClose());
    EXPECT_EQ(int(second.socket().closeCode()), 4013);
    EXPECT_TRUE(second.socket().closeReason().contains(QStringLiteral("too many connections")));
    EXPECT_EQ(m_proxy->metrics().refused.value("unknown_token"), 1u);
    EXPECT_EQ(m_proxy->metrics().refused.value("too_many_per_token"), 1u);
    // Only the echo server behind good-token was ever dialled.
    EXPECT_EQ(m_echo.connections(), 1);
}

TEST_F(TokenProxyTest, HostileInputIsAnsweredAndSurvived)
{
    ProxyConfig config;
    config.handshakeTimeoutMs = 1500;
    startProxy(config);
    EXPECT_TRUE(rawExchange("\x01\x02garbage\r\n\r\n").startsWith("HTTP/1.1 400"));
    EXPECT_TRUE(rawExchange(upgrade("/?token=good-token", "X-Big: " + QByteArray(100 * 1024, 'a') + "\r\n"))
                    .startsWith("HTTP/1.1 431"));
    EXPECT_TRUE(rawExchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 426"));
    EXPECT_TRUE(rawExchange(QByteArray(upgrade("/?token=good-token")).replace("Version: 13", "Version: 8"))
                    .startsWith("HTTP/1.1 426"));
    // A frame header declaring 2^62 bytes, then payload: refused with 1009, not buffered.
    QByteArray huge = upgrade("/websockify?token=good-token");
    huge += QByteArray("\x82\xff\x40\x00\x00\x00\x00\x00\x00\x00\x01\x02\x03\x04", 14);
    huge += QByteArray(256 * 1024, 'x');
    const QByteArray answer = rawExchange(huge);
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 101")) << answer.left(40).constData();
    EXPECT_TRUE(answer.contains(QByteArray(QByteArray("\x03\xf1", 2) + "frame of")))
        << "no close frame 1009 in the answer";
    // Slow loris: a partial head is closed after the handshake timeout with 408.
    const QByteArray slow = rawExchange("GET /websockify?token=good-token HTTP/1.1\r\nHost: x\r\n");
    EXPECT_TRUE(slow.startsWith("HTTP/1.1 408")) << slow.constData();
    expectGoodSession();
}

TEST_F(TokenProxyTest, MetricsAndStaticFiles)
{
    QTemporaryDir web;
    QFile page(web.filePath(QStringLiteral("vnc_lite.html")));
    ASSERT_TRUE(page.open(QIODevice::WriteOnly));
    page.write("<title>noVNC</title>");
    page.close();
    ProxyConfig config;
    config.webRoot = web.path();
    startProxy(config);
    const QByteArray file = rawExchange("GET /vnc_lite.html HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_TRUE(file.startsWith("HTTP/1.1 200 OK")) << file.constData();
    EXPECT_TRUE(file.endsWith("<title>noVNC</title>"));
    expectGoodSession();
    const QByteArray metrics = rawExchange("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_TRUE(metrics.contains("porthole_proxy_sessions_total 1\n")) << metrics.constData();
    EXPECT_TRUE(metrics.contains("# TYPE porthole_proxy_bytes_total counter"));
}

TEST_F(TokenProxyTest, NoVncFilesFromDebian)
{
    if (!QFileInfo::exists(QStringLiteral("/usr/share/novnc/vnc_lite.html")))
        GTEST_SKIP() << "package novnc is not installed (installer/debian-deps.sh installs it)";
    ProxyConfig config;
    config.webRoot = QStringLiteral("/usr/share/novnc");
    startProxy(config);
    const QByteArray page = rawExchange("GET /vnc_lite.html HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_TRUE(page.startsWith("HTTP/1.1 200 OK"));
    EXPECT_TRUE(page.contains("core/rfb.js"));
    const QByteArray module = rawExchange("GET /core/rfb.js HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_TRUE(module.contains("Content-Type: text/javascript"));
    EXPECT_TRUE(rawExchange("GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 404"));
}

TEST_F(TokenProxyTest, TlsAndPlainOnOnePort)
{
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
            QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert,
            QStringLiteral("-days"), QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost")});
    ASSERT_TRUE(openssl.waitForFinished(60000));
    ASSERT_EQ(openssl.exitCode(), 0) << openssl.readAllStandardError().constData();
    ProxyConfig config;
    config.certFile = cert;
    config.keyFile = key;
    startProxy(config);
    expectGoodSession(QStringLiteral("wss"));
    expectGoodSession(QStringLiteral("ws"));

    // --ssl-only: plain ws on the same kind of port gets nothing but a closed connection.
    config.sslOnly = true;
    startProxy(config);
    expectGoodSession(QStringLiteral("wss"));
    WsClient plain(url(QStringLiteral("good-token")));
    ASSERT_TRUE(plain.waitForClose());
    EXPECT_FALSE(plain.connected);
    EXPECT_TRUE(plain.received.isEmpty());
}

TEST_F(TokenProxyTest, StopClosesSessionsWithGoingAway)
{
    startProxy();
    WsClient client(url(QStringLiteral("good-token")));
    ASSERT_TRUE(client.waitForBytes(greeting().size()));
    bool stopped = false;
    QObject::connect(m_proxy.get(), &TokenProxy::stopped, [&] { stopped = true; });
    m_proxy->stop();
    ASSERT_TRUE(client.waitForClose());
    EXPECT_EQ(client.socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    EXPECT_TRUE(waitUntil([&] { return stopped; }));
}

// A viewer that reads nothing must not make the proxy buffer the server's stream: the
// VNC server's own writes stall instead (TCP backpressure through the proxy).
namespace {
char pattern(qint64 i)
{
    return char((i * 131 + (i >> 16)) % 251);
}
} // namespace

TEST_F(TokenProxyTest, SilentViewerStallsTheServerNotTheProxy)
{
    constexpr qint64 kStream = 64ll << 20;
    QTcpServer flood;
    ASSERT_TRUE(flood.listen(QHostAddress::LocalHost, 0));
    QTcpSocket *server = nullptr;
    QObject::connect(&flood, &QTcpServer::newConnection, [&] {
        server = flood.nextPendingConnection();
        QByteArray stream(kStream, Qt::Uninitialized);
        for (qint64 i = 0; i < kStream; ++i)
            stream[i] = pattern(i);
        server->write(stream);
    });
    m_tokens.add(QStringLiteral("flood"), TokenTarget {QStringLiteral("127.0.0.1"), flood.serverPort()});
    startProxy();

    QTcpSocket viewer;
    viewer.setReadBufferSize(4096); // Qt stops reading the socket once 4 KiB are waiting
    viewer.connectToHost(QHostAddress::LocalHost, m_proxy->port());
    ASSERT_TRUE(viewer.waitForConnected(10000));
    viewer.write(upgrade("/websockify?token=flood"));
    ASSERT_TRUE(waitUntil([&] { return server != nullptr; }));
    // Let the stream run until the server's backlog stops shrinking for a while.
    qint64 last = -1;
    int stableRounds = 0;
    waitUntil(
        [&] {
            const qint64 now = server->bytesToWrite();
            stableRounds = now == last ? stableRounds + 1 : 0;
            last = now;
            return stableRounds >= 100; // unchanged for ~1 s of polling
        },
        60000);
    // Kernel socket buffers on the way may hold some MiB; the proxy must not hold the rest.
    EXPECT_GT(server->bytesToWrite(), kStream / 2) << "the proxy drained the server's stream into memory";

    // Then the viewer reads: every byte arrives, in order, in well-formed binary frames.
    viewer.setReadBufferSize(0);
    QByteArray in;
    qsizetype at = 0;
    qint64 payload = 0;
    bool headSkipped = false;
    bool intact = true;
    waitUntil(
        [&] {
            in += viewer.readAll();
            if (!headSkipped) {
                const qsizetype end = in.indexOf("\r\n\r\n");
                if (end < 0)
                    return false;
                at = end + 4;
                headSkipped = true;
            }
            while (intact && in.size() - at >= 2) {
                const auto *b = reinterpret_cast<const uchar *>(in.constData() + at);
                qint64 length = b[1] & 0x7f;
                int header = 2;
                if (length == 126) {
                    header = 4;
                    length = in.size() - at >= 4 ? qFromBigEndian<quint16>(b + 2) : -1;
                } else if (length == 127) {
                    header = 10;
                    length = in.size() - at >= 10 ? qint64(qFromBigEndian<quint64>(b + 2)) : -1;
                }
                if (length < 0 || in.size() - at < header + length)
                    break;
                intact = b[0] == 0x82 && !(b[1] & 0x80);
                for (qint64 i = 0; i < length && intact; ++i)
                    intact = in[at + header + i] == pattern(payload + i);
                payload += length;
                at += header + length;
            }
            if (at > (1 << 20)) {
                in.remove(0, at);
                at = 0;
            }
            return payload >= kStream || !intact;
        },
        120000);
    EXPECT_TRUE(intact) << "frame or payload damaged near byte " << payload;
    EXPECT_EQ(payload, kStream);
}

TEST_F(TokenProxyTest, IdleTimeoutIsPerSessionAndHeartbeatPings)
{
    ProxyConfig config;
    config.idleTimeoutSeconds = 2;
    config.heartbeatSeconds = 1;
    startProxy(config);
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, m_proxy->port());
    ASSERT_TRUE(raw.waitForConnected(10000));
    raw.write(upgrade("/websockify?token=good-token"));
    QByteArray received;
    // A ping carrying "porthole" arrives within the heartbeat period (plus the sweep's second).
    ASSERT_TRUE(waitUntil([&] {
        received += raw.readAll();
        return received.contains(QByteArray("\x89\x08porthole", 10));
    }));
    // Nobody talks but the browser, which answers every ping with a pong (issue 16: that kept
    // the session alive for ever): the session is closed with a reason, others are served.
    qsizetype pings = 0;
    ASSERT_TRUE(waitUntil([&] {
        received += raw.readAll();
        for (qsizetype at = 0; (at = received.indexOf(QByteArray("\x89\x08porthole", 10), at)) >= 0; ++at) {
            if (at >= pings) {
                raw.write(WebSocketWire::frame(WebSocketWire::Pong, "porthole", true));
                pings = at + 1;
            }
        }
        return received.contains("idle for 2 s");
    }));
    expectGoodSession();
}

TEST_F(TokenProxyTest, HostTokenAsWebsockifyDoes)
{
    ProxyConfig config;
    config.hostToken = true;
    startProxy(config);
    QTcpSocket raw;
    raw.connectToHost(QHostAddress::LocalHost, m_proxy->port());
    ASSERT_TRUE(raw.waitForConnected(10000));
    QByteArray request = upgrade("/websockify");
    request.replace("Host: 127.0.0.1", QByteArray("Host: good-token:" + QByteArray::number(m_proxy->port())));
    raw.write(request);
    QByteArray received;
    EXPECT_TRUE(waitUntil([&] {
        received += raw.readAll();
        return received.contains(greeting());
    })) << received.constData();
    EXPECT_TRUE(received.startsWith("HTTP/1.1 101"));
}

TEST_F(TokenProxyTest, OperatorSeesAndClosesLiveSessions)
{
    startProxy();
    EXPECT_TRUE(m_proxy->sessions().isEmpty());
    WsClient client(url(QStringLiteral("good-token")));
    ASSERT_TRUE(client.waitForBytes(greeting().size()));
    client.socket().sendBinaryMessage(QByteArray(100, 'x'));
    ASSERT_TRUE(client.waitForBytes(greeting().size() + 100));

    ASSERT_TRUE(
        waitUntil([&] { return m_proxy->sessions().size() == 1 && m_proxy->sessions()[0].bytesToTarget >= 100; }));
    const ProxySessionInfo session = m_proxy->sessions().constFirst();
    EXPECT_EQ(session.token, QStringLiteral("good…")); // redacted
    EXPECT_EQ(session.target, QStringLiteral("127.0.0.1:%1").arg(m_echo.port()));
    EXPECT_TRUE(session.client.startsWith(u"127.0.0.1")) << qPrintable(session.client);
    EXPECT_EQ(session.bytesToTarget, 100u);
    EXPECT_EQ(session.bytesToClient, quint64(greeting().size() + 100));
    EXPECT_GE(session.durationMs, 0);

    EXPECT_TRUE(m_proxy->closeSession(session.id));
    ASSERT_TRUE(client.waitForClose());
    EXPECT_EQ(client.socket().closeReason(), QStringLiteral("closed by the proxy's operator"));
    EXPECT_TRUE(waitUntil([&] { return m_proxy->sessions().isEmpty(); }));
    EXPECT_FALSE(m_proxy->closeSession(session.id));
}

namespace {

// Whether a TLS client limited to protocol and (if given) ciphers gets through the handshake.
bool tlsHandshakeSucceeds(quint16 port, QSsl::SslProtocol protocol, const QString &ciphers = {})
{
    QSslSocket client;
    QSslConfiguration tls = client.sslConfiguration();
    tls.setPeerVerifyMode(QSslSocket::VerifyNone);
    tls.setProtocol(protocol);
    if (!ciphers.isEmpty())
        tls.setCiphers(ciphers);
    client.setSslConfiguration(tls);
    QSignalSpy encrypted(&client, &QSslSocket::encrypted);
    QSignalSpy failed(&client, &QAbstractSocket::errorOccurred);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    return QTest::qWaitFor([&] { return !encrypted.isEmpty() || !failed.isEmpty(); }, 20000) && !encrypted.isEmpty();
}

} // namespace

// Forward secrecy only by default: no static-RSA or CBC-SHA1 suite, no TLS below 1.2;
// --ssl-ciphers and --ssl-version choose otherwise, as websockify's flags do (issue 16).
TEST_F(TokenProxyTest, TlsOffersForwardSecrecyOnlyAndTakesCiphersAndAVersion)
{
    QTemporaryDir dir;
    PortholeTest::TestCertificate cert;
    ASSERT_TRUE(cert.create(dir.path()));
    ProxyConfig config;
    config.certFile = cert.certFile;
    config.keyFile = cert.keyFile;
    startProxy(config);
    EXPECT_TRUE(tlsHandshakeSucceeds(m_proxy->port(), QSsl::TlsV1_3));
    EXPECT_TRUE(tlsHandshakeSucceeds(m_proxy->port(), QSsl::TlsV1_2, QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256")));
    EXPECT_FALSE(tlsHandshakeSucceeds(m_proxy->port(), QSsl::TlsV1_2, QStringLiteral("AES128-SHA")))
        << "static RSA key exchange with CBC-SHA1";
    EXPECT_FALSE(tlsHandshakeSucceeds(m_proxy->port(), QSsl::TlsV1_2, QStringLiteral("AES256-GCM-SHA384")))
        << "static RSA key exchange";

    config.sslCiphers = QStringLiteral("AES128-SHA");
    startProxy(config);
    EXPECT_TRUE(tlsHandshakeSucceeds(m_proxy->port(), QSsl::TlsV1_2, QStringLiteral("AES128-SHA")));

    config.sslCiphers.clear();
    config.sslMinimum = QSsl::TlsV1_3OrLater;
    startProxy(config);
    EXPECT_FALSE(tlsHandshakeSucceeds(m_proxy->port(), QSsl::TlsV1_2));
    EXPECT_TRUE(tlsHandshakeSucceeds(m_proxy->port(), QSsl::TlsV1_3));
}

// The kernel queues 1,024 connections not yet accepted, not Qt's default of 50: a burst of
// consoles reconnecting after a restart must not lose SYNs (issue 16). ss(8) shows a
// listening socket's backlog as its Send-Q.
TEST_F(TokenProxyTest, TheListenBacklogHoldsABurstOfReconnects)
{
    startProxy();
    const PortholeTest::ProcessResult ss = PortholeTest::runProgram(
        QStringLiteral("ss"), {QStringLiteral("-ltnH"), QStringLiteral("sport = :%1").arg(m_proxy->port())});
    ASSERT_EQ(ss.exitCode, 0) << qPrintable(ss.err);
    const QStringList columns = ss.out.simplified().split(u' ');
    ASSERT_GE(columns.size(), 3) << qPrintable(ss.out);
    EXPECT_EQ(columns.at(2), QStringLiteral("1024")) << qPrintable(ss.out);
}
