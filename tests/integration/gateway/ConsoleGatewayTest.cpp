// SPDX-License-Identifier: GPL-2.0-or-later
// porthole-proxy --opennebula, the built program: tokens minted through the addon-vnctoken API
// after oned (the demo cloud, which checks sessions and VM ownership as oned does) said yes,
// then the console of a real Xvnc through the same port; hostile requests, oned dying or
// silent, two gateways sharing tokens through a real redis-server, revocation and expiry
// closing live sessions.
#include "ConsolePeers.h"
#include "FakeOned.h"
#include "HeadlessNoVnc.h"
#include "ProxyTestSupport.h"
#include "TestSupport.h"
#include "cloud/OneClient.h"
#include "cloud/VncToken.h"
#include "demo/DemoCloud.h"
#include "demo/DemoCloudServer.h"
#include "profiles/ConsoleResolver.h"
#include "xmlrpc/XmlRpcReader.h"
#include "xmlrpc/XmlRpcWriter.h"

#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QImage>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>

using namespace Porthole;
using namespace PortholeTest;

namespace {

const QString kAdmin = QStringLiteral("oneadmin:password");
const QString kAlice = QStringLiteral("alice:alicepass");

// One porthole-proxy --opennebula process.
class Gateway
{
public:
    ~Gateway() { stop(); }

    bool start(const QUrl &oned, const QStringList &extra = {})
    {
        m_port = freePort();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(builtProgram(QStringLiteral("app/porthole-proxy")),
            QStringList {QStringLiteral("--opennebula"), oned.toString()} + extra
                + QStringList {QStringLiteral("127.0.0.1:%1").arg(m_port)});
        return waitForListening(m_port, m_process);
    }
    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }
    bool running() const { return m_process.state() == QProcess::Running; }
    quint16 port() const { return m_port; }
    QString log() { return QString::fromLocal8Bit(m_output += m_process.readAll()); }
    QString wsUrl(const QString &token) const
    {
        return QStringLiteral("ws://127.0.0.1:%1/websockify?token=%2").arg(m_port).arg(token);
    }
    QUrl rpcUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/RPC2").arg(m_port)); }

    // Raw bytes in, everything the gateway answers until it closes.
    QByteArray exchange(const QByteArray &request, const QByteArray &more = {}) const
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        EXPECT_TRUE(socket.waitForConnected(10000));
        socket.write(request);
        socket.write(more);
        QByteArray answer;
        waitUntil(
            [&] {
                answer += socket.readAll();
                return socket.state() == QAbstractSocket::UnconnectedState;
            },
            30000);
        return answer + socket.readAll();
    }

    static QByteArray post(const QByteArray &body, qint64 declaredLength = -1)
    {
        return "POST /RPC2 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nContent-Length: "
            + QByteArray::number(declaredLength < 0 ? body.size() : declaredLength) + "\r\n\r\n";
    }

    // One XML-RPC call; the parsed answer (fault or value).
    std::unique_ptr<XmlRpcReader> rpc(const QByteArray &body, qint64 declaredLength = -1) const
    {
        const QByteArray answer = exchange(post(body, declaredLength), body);
        EXPECT_TRUE(answer.startsWith("HTTP/1.1 200 OK\r\n")) << answer.left(200).constData();
        EXPECT_TRUE(answer.contains("Content-Type: application/xml;charset=utf-8\r\n"));
        return XmlRpcReader::parse(XmlRpcReader::Kind::Response, answer.mid(answer.indexOf("\r\n\r\n") + 4));
    }
    QVariantList call(const QString &method, const QVariantList &params) const
    {
        const auto reader = rpc(XmlRpcWriter::methodCall(method, params));
        EXPECT_FALSE(reader->hasError()) << qPrintable(reader->errorString());
        EXPECT_FALSE(reader->isFault()) << qPrintable(reader->faultString());
        return reader->value().toList();
    }
    QString mint(int vm, const QString &session = kAdmin) const
    {
        const QVariantList envelope = call(QStringLiteral("one.vm.vnctokenonly"), {session, vm});
        EXPECT_EQ(envelope.value(0), QVariant(true)) << qPrintable(envelope.value(1).toString());
        return envelope.value(1).toString();
    }
    QByteArray metrics() const { return exchange("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"); }

private:
    QProcess m_process;
    QByteArray m_output;
    quint16 m_port = 0;
};

class ConsoleGatewayTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (QStandardPaths::findExecutable(QStringLiteral("Xvnc")).isEmpty())
            GTEST_SKIP() << "Xvnc is not installed (tigervnc-standalone-server, installer/debian-deps.sh)";
        // The tests open many sessions that stop after the greeting; TigerVNC would count them as
        // failed attempts and blacklist 127.0.0.1 (answering "RFB 003.003" and a refusal).
        ASSERT_TRUE(m_xvnc.start(QStringLiteral("320x200"), QString(), QStringLiteral("None"),
            {QStringLiteral("-BlacklistThreshold"), QStringLiteral("1000000")}))
            << qPrintable(m_xvnc.log());
        ASSERT_TRUE(m_xvnc.setRootColour(QStringLiteral("#3366cc")));
        ASSERT_TRUE(m_oned.listen(QHostAddress::LocalHost)) << qPrintable(m_oned.errorString());
        // VM 0 (oneadmin's) and VM 9 (alice's) run on hosts that do not resolve here:
        // --host-address says where they are.
        ASSERT_TRUE(m_oned.cloud()->setConsoleTarget(0, QStringLiteral("node-1.demo"), m_xvnc.port()));
        ASSERT_TRUE(m_oned.cloud()->setConsoleTarget(9, QStringLiteral("node-2.demo"), m_xvnc.port()));
    }

    QStringList hostMapping() const
    {
        return {QStringLiteral("--host-address"), QStringLiteral("node-1.demo=127.0.0.1"),
            QStringLiteral("--host-address"), QStringLiteral("node-2.demo=127.0.0.1")};
    }

    // RFB speaks first: a live session to Xvnc shows its version string.
    static void expectRfbGreeting(WsClient &client)
    {
        ASSERT_TRUE(client.waitForBytes(12))
            << "closed=" << client.closed << " " << qPrintable(client.socket().closeReason());
        EXPECT_TRUE(client.received.startsWith("RFB 003.008\n")) << client.received.constData();
    }

    XvncServer m_xvnc;
    DemoCloudServer m_oned;
    QTemporaryDir m_dir;
};

} // namespace

TEST_F(ConsoleGatewayTest, MintedTokenShowsTheXvncPictureInPortholeCliScreenshot)
{
    Gateway gateway;
    ASSERT_TRUE(gateway.start(m_oned.endpoint(), hostMapping())) << qPrintable(gateway.log());

    // Porthole's own client, unchanged, against the gateway as its vnctoken endpoint.
    OneSettings settings;
    settings.endpoint = m_oned.endpoint();
    settings.vnctokenEndpoint = gateway.rpcUrl();
    settings.user = QStringLiteral("oneadmin");
    settings.secret = QStringLiteral("password");
    OneClient client(settings);
    OneCall *call = client.consoleToken(0);
    std::optional<VncToken> token;
    QString error;
    QObject::connect(call, &OneCall::finished, [&] {
        if (call->succeeded())
            token = call->resultAs<VncToken>();
        else
            error = call->error().message();
    });
    ASSERT_TRUE(waitUntil([&] { return token.has_value() || !error.isEmpty(); }));
    ASSERT_TRUE(token) << qPrintable(error);
    EXPECT_EQ(token->host, QStringLiteral("node-1.demo"));
    EXPECT_EQ(token->port, m_xvnc.port());

    const QString file = m_dir.filePath(QStringLiteral("shot.png"));
    const ProcessResult run = runProgram(builtProgram(QStringLiteral("app/porthole-cli")),
        {QStringLiteral("screenshot"), gateway.wsUrl(token->token), QStringLiteral("-o"), file}, {}, 90000);
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err) << qPrintable(gateway.log());
    const QImage image(file);
    ASSERT_EQ(image.size(), QSize(320, 200));
    EXPECT_EQ(image.pixelColor(5, 5), QColor(QStringLiteral("#3366cc")));
    EXPECT_EQ(image.pixelColor(310, 190), QColor(QStringLiteral("#3366cc")));
    // The log names the token shortened, never whole, and never the password.
    const QString log = gateway.log();
    EXPECT_TRUE(log.contains(token->token.left(4))) << qPrintable(log);
    EXPECT_FALSE(log.contains(token->token));
    EXPECT_FALSE(log.contains(QStringLiteral("password")));
}

TEST_F(ConsoleGatewayTest, UserWithoutRightsGetsOnedsAuthorizationMessage)
{
    Gateway gateway;
    ASSERT_TRUE(gateway.start(m_oned.endpoint(), hostMapping())) << qPrintable(gateway.log());
    const QVariantList refused = gateway.call(QStringLiteral("one.vm.vnctoken"), {kAlice, 0});
    ASSERT_EQ(refused.size(), 3);
    EXPECT_EQ(refused[0], QVariant(false));
    EXPECT_EQ(refused[1].toString(), QStringLiteral("[one.vm.info] User [2] : Not authorized to perform USE VM [0]."));
    EXPECT_EQ(refused[2], QVariant(0x400));
    const QVariantList badSession = gateway.call(QStringLiteral("one.vm.vnctoken"), {QStringLiteral("alice:nope"), 9});
    EXPECT_EQ(
        badSession.value(1).toString(), QStringLiteral("[one.vm.info] User couldn't be authenticated, aborting call."));
    EXPECT_EQ(badSession.value(2), QVariant(0x400));
    // Her own VM works, and its console opens.
    WsClient client(gateway.wsUrl(gateway.mint(9, kAlice)));
    expectRfbGreeting(client);
}

TEST_F(ConsoleGatewayTest, HostileRequestsGetFaultsWhileAGoodSessionFlows)
{
    Gateway gateway;
    ASSERT_TRUE(gateway.start(m_oned.endpoint(), hostMapping())) << qPrintable(gateway.log());
    WsClient session(gateway.wsUrl(gateway.mint(0)));
    expectRfbGreeting(session);

    // 10 MB: refused from the Content-Length, never read.
    const QByteArray big(10 * 1024 * 1024, 'x');
    auto reader = gateway.rpc(big);
    ASSERT_TRUE(reader->isFault());
    EXPECT_EQ(reader->faultCode(), -509);
    // A DOCTYPE (entity expansion) and plain garbage.
    reader = gateway.rpc("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaa\">]><methodCall><methodName>&a;"
                         "</methodName></methodCall>");
    ASSERT_TRUE(reader->isFault());
    EXPECT_TRUE(reader->faultString().contains(QStringLiteral("document type"))) << qPrintable(reader->faultString());
    reader = gateway.rpc("<methodCall><methodName>one.vm.vnc");
    ASSERT_TRUE(reader->isFault());
    // An unknown method: the addon's envelope.
    const QVariantList unknown = gateway.call(QStringLiteral("one.vm.deploy"), {kAdmin, 0});
    EXPECT_EQ(unknown.value(0), QVariant(false));
    EXPECT_EQ(unknown.value(2), QVariant(0x1000));
    // A state without a console, SPICE graphics.
    EXPECT_EQ(gateway.call(QStringLiteral("one.vm.vnctoken"), {kAdmin, 5}).value(2), QVariant(0x800));
    EXPECT_EQ(gateway.call(QStringLiteral("one.vm.vnctoken"), {kAdmin, 3}).value(2), QVariant(0x400));
    // A chunked body is not read.
    const QByteArray chunked = gateway.exchange(
        "POST /RPC2 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
    EXPECT_TRUE(chunked.contains("<fault>")) << chunked.constData();

    // The session kept flowing: the client's version gets Xvnc's security types.
    session.received.clear();
    session.socket().sendBinaryMessage("RFB 003.008\n");
    ASSERT_TRUE(session.waitForBytes(2)) << qPrintable(session.socket().closeReason());
    EXPECT_TRUE(gateway.running());
    const QByteArray metrics = gateway.metrics();
    EXPECT_TRUE(metrics.contains("porthole_gateway_tokens_minted_total 1\n")) << metrics.constData();
    EXPECT_TRUE(metrics.contains("porthole_gateway_refused_total{reason=\"too_large\"} 1\n")) << metrics.constData();
    EXPECT_TRUE(metrics.contains("porthole_gateway_refused_total{reason=\"malformed\"} 3\n")) << metrics.constData();
    EXPECT_TRUE(metrics.contains("porthole_gateway_refused_total{reason=\"unknown_method\"} 1\n"));
    EXPECT_TRUE(metrics.contains("porthole_gateway_refused_total{reason=\"state\"} 1\n"));
    EXPECT_TRUE(metrics.contains("porthole_gateway_refused_total{reason=\"graphics\"} 1\n"));
}

TEST_F(ConsoleGatewayTest, OnedDyingMidRequestOrSilentGivesAnErrorNamingOned)
{
    enum class Mode
    {
        Demo,
        DieMidAnswer,
        Silent
    } mode
        = Mode::Demo;
    std::unique_ptr<QTcpSocket> forward;
    // A front of the demo cloud that can die mid-answer or stay silent.
    FakeOned front([&](QTcpSocket *socket, const QByteArray &body) {
        if (mode == Mode::DieMidAnswer) {
            socket->write(
                "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 500\r\n\r\n<?xml version=\"1.0\"?>"
                "<methodResponse><params><param>");
            socket->flush();
            socket->abort();
            return;
        }
        if (mode == Mode::Silent)
            return;
        const auto call = XmlRpcReader::parse(XmlRpcReader::Kind::Call, body);
        const DemoCloud::Reply reply = m_oned.cloud()->call(call->methodName(), call->params());
        socket->write(FakeOned::httpResponse(200, "OK", "text/xml", XmlRpcWriter::response(reply.value)));
        socket->disconnectFromHost();
    });
    ASSERT_TRUE(front.isListening());
    Gateway gateway;
    ASSERT_TRUE(gateway.start(
        front.endpoint(), hostMapping() + QStringList {QStringLiteral("--oned-timeout"), QStringLiteral("3")}))
        << qPrintable(gateway.log());
    WsClient session(gateway.wsUrl(gateway.mint(0)));
    expectRfbGreeting(session);

    mode = Mode::DieMidAnswer;
    const QVariantList died = gateway.call(QStringLiteral("one.vm.vnctoken"), {kAdmin, 0});
    EXPECT_EQ(died.value(0), QVariant(false));
    EXPECT_EQ(died.value(2), QVariant(0x400));
    EXPECT_TRUE(died.value(1).toString().startsWith(QStringLiteral("oned at ") + front.endpoint().toString()))
        << qPrintable(died.value(1).toString());

    // Silent: the answer comes after the oned timeout; meanwhile the gateway serves others.
    mode = Mode::Silent;
    QTcpSocket pending;
    pending.connectToHost(QHostAddress::LocalHost, gateway.port());
    ASSERT_TRUE(pending.waitForConnected(5000));
    const QByteArray body = XmlRpcWriter::methodCall(QStringLiteral("one.vm.vnctoken"), {kAdmin, 0});
    pending.write(Gateway::post(body) + body);
    QElapsedTimer clock;
    clock.start();
    const QByteArray metrics = gateway.metrics();
    EXPECT_TRUE(metrics.contains("porthole_proxy_sessions_open 1")) << metrics.constData();
    EXPECT_LT(clock.elapsed(), 2000) << "the event loop waited for oned";
    QByteArray answer;
    ASSERT_TRUE(waitUntil(
        [&] {
            answer += pending.readAll();
            return pending.state() == QAbstractSocket::UnconnectedState;
        },
        20000));
    answer += pending.readAll();
    EXPECT_GE(clock.elapsed(), 2500);
    EXPECT_TRUE(answer.contains("oned at ")) << answer.constData();
    EXPECT_TRUE(answer.contains("<int>1024</int>")) << answer.constData();

    // oned gone for good (nothing listens): refused at once, and the session still flows.
    front.close();
    const QVariantList down = gateway.call(QStringLiteral("one.vm.vnctoken"), {kAdmin, 0});
    EXPECT_TRUE(down.value(1).toString().startsWith(QStringLiteral("oned at ")))
        << qPrintable(down.value(1).toString());
    session.received.clear();
    session.socket().sendBinaryMessage("RFB 003.008\n");
    EXPECT_TRUE(session.waitForBytes(2));
    EXPECT_TRUE(gateway.running());
}

TEST_F(ConsoleGatewayTest, RevokeAndExpiryCloseLiveSessionsSayingWhy)
{
    Gateway gateway;
    ASSERT_TRUE(gateway.start(m_oned.endpoint(),
        hostMapping()
            + QStringList {QStringLiteral("--close-on-revoke"), QStringLiteral("--token-ttl"), QStringLiteral("3")}))
        << qPrintable(gateway.log());
    const QString revoked = gateway.mint(0);
    WsClient first(gateway.wsUrl(revoked));
    expectRfbGreeting(first);
    // alice may not revoke oneadmin's token; oneadmin may.
    EXPECT_EQ(gateway.call(QStringLiteral("one.vm.vnctokenrevoke"), {kAlice, revoked}).value(2), QVariant(0x400));
    EXPECT_EQ(gateway.call(QStringLiteral("one.vm.vnctokenrevoke"), {kAdmin, revoked}), (QVariantList {true, true, 0}));
    ASSERT_TRUE(first.waitForClose(5000));
    EXPECT_EQ(int(first.socket().closeCode()), 1008);
    EXPECT_EQ(first.socket().closeReason(), QStringLiteral("token revoked"));
    // A revoked token opens nothing, and says why.
    WsClient again(gateway.wsUrl(revoked));
    ASSERT_TRUE(again.waitForClose(5000));
    EXPECT_EQ(again.socket().closeReason(), QStringLiteral("token revoked"));

    WsClient expiring(gateway.wsUrl(gateway.mint(0)));
    expectRfbGreeting(expiring);
    ASSERT_TRUE(expiring.waitForClose(10000));
    EXPECT_EQ(expiring.socket().closeReason(), QStringLiteral("token expired"));
    const QByteArray metrics = gateway.metrics();
    EXPECT_TRUE(metrics.contains("porthole_gateway_tokens_minted_total 2\n")) << metrics.constData();
    EXPECT_TRUE(metrics.contains("porthole_gateway_tokens_revoked_total 1\n")) << metrics.constData();
    EXPECT_TRUE(metrics.contains("porthole_gateway_refused_total{reason=\"oned_refused\"} 1\n"));
}

TEST_F(ConsoleGatewayTest, OneTimeTokensOpenOneSession)
{
    Gateway gateway;
    ASSERT_TRUE(gateway.start(m_oned.endpoint(), hostMapping() + QStringList {QStringLiteral("--one-time-tokens")}))
        << qPrintable(gateway.log());
    const QString token = gateway.mint(0);
    WsClient first(gateway.wsUrl(token));
    expectRfbGreeting(first);
    WsClient second(gateway.wsUrl(token));
    ASSERT_TRUE(second.waitForClose(5000));
    EXPECT_EQ(second.socket().closeReason(), QStringLiteral("token already used"));
}

TEST_F(ConsoleGatewayTest, TwoGatewaysShareTokensThroughRedis)
{
    if (QStandardPaths::findExecutable(QStringLiteral("redis-server")).isEmpty())
        GTEST_SKIP() << "redis-server is not installed (installer/debian-deps.sh installs it)";
    const quint16 redisPort = freePort();
    QProcess redis;
    const auto stopRedis = qScopeGuard([&] {
        redis.kill();
        redis.waitForFinished(10000);
    });
    auto startRedis = [&] {
        redis.start(QStringLiteral("redis-server"),
            {QStringLiteral("--port"), QString::number(redisPort), QStringLiteral("--bind"),
                QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"),
                QStringLiteral("no"), QStringLiteral("--dir"), m_dir.path()});
        return waitForListening(redisPort, redis);
    };
    ASSERT_TRUE(startRedis());
    const QStringList shared = hostMapping()
        + QStringList {QStringLiteral("--token-store"), QStringLiteral("redis:127.0.0.1:%1:0::gw").arg(redisPort),
            QStringLiteral("--one-time-tokens"), QStringLiteral("--close-on-revoke")};
    Gateway a;
    Gateway b;
    ASSERT_TRUE(a.start(m_oned.endpoint(), shared)) << qPrintable(a.log());
    ASSERT_TRUE(b.start(m_oned.endpoint(), shared)) << qPrintable(b.log());

    // Minted by A, served by B; used once across both.
    const QString token = a.mint(0);
    WsClient onB(b.wsUrl(token));
    expectRfbGreeting(onB);
    WsClient onA(a.wsUrl(token));
    ASSERT_TRUE(onA.waitForClose(5000));
    EXPECT_EQ(onA.socket().closeReason(), QStringLiteral("token already used"));
    // Revoked through A: B's live session ends within its recheck.
    EXPECT_EQ(a.call(QStringLiteral("one.vm.vnctokenrevoke"), {kAdmin, token}), (QVariantList {true, true, 0}));
    ASSERT_TRUE(onB.waitForClose(8000));
    EXPECT_EQ(onB.socket().closeReason(), QStringLiteral("token revoked"));

    // Redis away: minting says why; back: it works again by itself.
    redis.kill();
    redis.waitForFinished(10000);
    const QVariantList down = a.call(QStringLiteral("one.vm.vnctokenonly"), {kAdmin, 0});
    EXPECT_EQ(down.value(2), QVariant(0x4000));
    EXPECT_TRUE(down.value(1).toString().startsWith(QStringLiteral("Cannot create VNC proxy token. Redis 127.0.0.1:")))
        << qPrintable(down.value(1).toString());
    ASSERT_TRUE(startRedis());
    QString fresh;
    ASSERT_TRUE(waitUntil(
        [&] {
            const QVariantList envelope = a.call(QStringLiteral("one.vm.vnctokenonly"), {kAdmin, 0});
            fresh = envelope.value(0).toBool() ? envelope.value(1).toString() : QString();
            return !fresh.isEmpty();
        },
        10000));
    WsClient afterOutage(b.wsUrl(fresh));
    expectRfbGreeting(afterOutage);

    // --workers: processes sharing one port mint into and serve from the same store.
    Gateway workers;
    ASSERT_TRUE(
        workers.start(m_oned.endpoint(), shared + QStringList {QStringLiteral("--workers"), QStringLiteral("2")}))
        << qPrintable(workers.log());
    std::vector<std::unique_ptr<WsClient>> sessions;
    for (int i = 0; i < 8; ++i)
        sessions.push_back(std::make_unique<WsClient>(workers.wsUrl(workers.mint(0))));
    for (auto &session : sessions)
        expectRfbGreeting(*session);
}

TEST_F(ConsoleGatewayTest, DesktopProfileInGatewayModeAndPortholeCliRevoke)
{
    Gateway gateway;
    ASSERT_TRUE(gateway.start(m_oned.endpoint(), hostMapping() + QStringList {QStringLiteral("--close-on-revoke")}))
        << qPrintable(gateway.log());
    // The desktop's profile mode "Porthole console gateway": one URL, tokens from URL/RPC2.
    ConnectionProfile profile;
    profile.name = QStringLiteral("seven");
    profile.endpoint = m_oned.endpoint();
    profile.user = QStringLiteral("oneadmin");
    profile.consoleAccess = ConnectionProfile::ConsoleAccess::Gateway;
    profile.gatewayUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(gateway.port()));
    OneClient client(profile.toOneSettings(QStringLiteral("password")));
    ConsoleResolver resolver(&client, nullptr);
    resolver.setProfile(profile);
    VirtualMachine vm;
    vm.id = 0;
    vm.state = 3;
    vm.lcmState = 3;
    vm.host = QStringLiteral("node-1.demo");
    vm.graphics = VmGraphics {QStringLiteral("VNC"), QStringLiteral("0.0.0.0"), m_xvnc.port(), {}};
    std::optional<ConsoleResolver::Resolution> resolution;
    QObject context;
    resolver.resolve(vm, &context, [&](const ConsoleResolver::Resolution &r) { resolution = r; });
    ASSERT_TRUE(waitUntil([&] { return resolution.has_value(); }));
    ASSERT_TRUE(resolution->url) << qPrintable(resolution->error);
    EXPECT_EQ(resolution->how, QStringLiteral("console gateway"));
    const ConsoleUrl url = *resolution->url;
    EXPECT_EQ(url.webSocketUrl().toString(QUrl::RemoveQuery),
        QStringLiteral("ws://127.0.0.1:%1/websockify").arg(gateway.port()));
    WsClient session(url.webSocketUrl().toString());
    expectRfbGreeting(session);

    // porthole-cli revoke TOKEN against the gateway ends the token and its live session.
    const ProcessResult revoked = runProgram(builtProgram(QStringLiteral("app/porthole-cli")),
        {QStringLiteral("--endpoint"), m_oned.endpoint().toString(), QStringLiteral("--user"),
            QStringLiteral("oneadmin"), QStringLiteral("--password-stdin"), QStringLiteral("revoke"), url.token(),
            QStringLiteral("--vnctoken-endpoint"), gateway.rpcUrl().toString()},
        "password\n");
    ASSERT_EQ(revoked.exitCode, 0) << qPrintable(revoked.err);
    EXPECT_EQ(revoked.out, QStringLiteral("revoked\n"));
    ASSERT_TRUE(session.waitForClose(5000));
    EXPECT_EQ(session.socket().closeReason(), QStringLiteral("token revoked"));
    // alice may not: oned's refusal, read from the addon's envelope as an authorization refusal (exit 3).
    const ProcessResult refused = runProgram(builtProgram(QStringLiteral("app/porthole-cli")),
        {QStringLiteral("--endpoint"), m_oned.endpoint().toString(), QStringLiteral("--user"), QStringLiteral("alice"),
            QStringLiteral("--password-stdin"), QStringLiteral("revoke"), gateway.mint(0),
            QStringLiteral("--vnctoken-endpoint"), gateway.rpcUrl().toString()},
        "alicepass\n");
    EXPECT_EQ(refused.exitCode, 3) << qPrintable(refused.err);
    EXPECT_TRUE(refused.err.contains(QStringLiteral("Not authorized to perform USE VM [0]")))
        << qPrintable(refused.err);
}

TEST_F(ConsoleGatewayTest, DebianWebsockifyServesGatewayTokensFromRedis)
{
    if (QStandardPaths::findExecutable(QStringLiteral("redis-server")).isEmpty()
        || QStandardPaths::findExecutable(QStringLiteral("websockify")).isEmpty())
        GTEST_SKIP() << "redis-server or websockify is not installed (installer/debian-deps.sh)";
    if (runProgram(
            QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import redis, simplejson")})
            .exitCode
        != 0)
        GTEST_SKIP() << "websockify's TokenRedis needs python3-redis and python3-simplejson (installer/debian-deps.sh)";
    const quint16 redisPort = freePort();
    QProcess redis;
    const auto stopRedis = qScopeGuard([&] {
        redis.kill();
        redis.waitForFinished(10000);
    });
    redis.start(QStringLiteral("redis-server"),
        {QStringLiteral("--port"), QString::number(redisPort), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
            QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"), QStringLiteral("no"),
            QStringLiteral("--dir"), m_dir.path()});
    ASSERT_TRUE(waitForListening(redisPort, redis));
    // websockify 0.10's TokenRedis reads key = token, value {"host": "h:p"}: no namespace.
    Gateway gateway;
    ASSERT_TRUE(gateway.start(m_oned.endpoint(),
        hostMapping()
            + QStringList {QStringLiteral("--token-store"), QStringLiteral("redis:127.0.0.1:%1").arg(redisPort)}))
        << qPrintable(gateway.log());
    Websockify websockify;
    ASSERT_TRUE(websockify.start({},
        {QStringLiteral("--token-plugin"), QStringLiteral("TokenRedis"), QStringLiteral("--token-source"),
            QStringLiteral("127.0.0.1:%1").arg(redisPort)}))
        << qPrintable(websockify.log());
    WsClient client(websockify.url(gateway.mint(0)));
    expectRfbGreeting(client);
}

TEST_F(ConsoleGatewayTest, NoVncInChromiumOpensATokenMintedWithCurl)
{
    if (QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty())
        GTEST_SKIP() << "curl is not installed";
    Gateway gateway;
    ASSERT_TRUE(gateway.start(
        m_oned.endpoint(), hostMapping() + QStringList {QStringLiteral("--web"), QStringLiteral("/usr/share/novnc")}))
        << qPrintable(gateway.log());
    // As a billing system would (the README's call).
    const QByteArray body = XmlRpcWriter::methodCall(QStringLiteral("one.vm.vnctokenonly"), {kAdmin, 0});
    const ProcessResult curl = runProgram(QStringLiteral("curl"),
        {QStringLiteral("-s"), QStringLiteral("-H"), QStringLiteral("Content-Type: text/xml"),
            QStringLiteral("--data-binary"), QStringLiteral("@-"),
            gateway.rpcUrl().toString() + QStringLiteral("/vnctoken")},
        body);
    ASSERT_EQ(curl.exitCode, 0) << qPrintable(curl.err);
    const auto answer = XmlRpcReader::parse(XmlRpcReader::Kind::Response, curl.out.toUtf8());
    const QVariantList envelope = answer->value().toList();
    ASSERT_EQ(envelope.value(0), QVariant(true)) << qPrintable(curl.out);
    const QString token = envelope.value(1).toString();
    QString skip;
    const QString status = noVncStatusInChromium(
        QStringLiteral("http://127.0.0.1:%1/vnc_lite.html?path=websockify%3Ftoken%3D%2").arg(gateway.port()).arg(token),
        90000, &skip);
    if (!skip.isEmpty())
        GTEST_SKIP() << qPrintable(skip);
    EXPECT_TRUE(status.startsWith(QLatin1String("Connected to"))) << "noVNC status: " << qPrintable(status);
}
