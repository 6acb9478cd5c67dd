// SPDX-License-Identifier: GPL-2.0-or-later
// The addon-vnctoken method layer of the console gateway: every response shape, every
// error code, hostile bodies, against oned 6.10.5's recorded one.vm.info answers.
#include "gateway/GatewayMethods.h"

#include "OneFixtures.h"
#include "ProxyTestSupport.h"
#include "cloud/VmPoolParser.h"
#include "cloud/VncToken.h"
#include "gateway/ConsoleGateway.h"
#include "gateway/VmInfoSource.h"
#include "proxy/ProxyMetrics.h"
#include "proxy/TokenProxy.h"
#include "tokens/MemoryTokenSource.h"
#include "xmlrpc/XmlRpcReader.h"
#include "xmlrpc/XmlRpcWriter.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimer>

using namespace Porthole;
using namespace PortholeTest;

namespace {

// one.vm.info as oned 6.10.5 answered it: sessions map to recorded responses.
class RecordedOned : public VmInfoSource
{
public:
    // session → fixture file (a success or oned's failure envelope)
    QHash<QString, QString> answers;
    QString unreachable; // when set, every call fails as if oned did not answer
    int calls = 0;

    void vmInfo(const QString &session, int, Done done) override
    {
        ++calls;
        Result result;
        if (!unreachable.isEmpty()) {
            result.message = unreachable;
        } else {
            const QString file = answers.value(session);
            const QString text = oneResultString(file);
            if (file.contains(QLatin1String("bad_session")) || file.contains(QLatin1String("as_alice_oneadmin"))
                || file.contains(QLatin1String("nonexistent"))) {
                result.onedAnswered = true;
                result.message = text;
            } else {
                const auto vms = VmPoolParser::parse(text);
                if (vms && vms->size() == 1)
                    result.vm = vms->first();
            }
        }
        // Never from inside vmInfo(), as oned's answer comes later.
        QTimer::singleShot(0, [done, result] { done(result); });
    }
};

class GatewayMethodsTest : public ::testing::Test
{
protected:
    GatewayMethodsTest()
    {
        m_oned.answers.insert(QStringLiteral("oneadmin:pw"), QStringLiteral("one.vm.info__vm-vnc-upper.response.xml"));
        m_oned.answers.insert(
            QStringLiteral("oneadmin:wrong"), QStringLiteral("one.vm.info__bad_session.response.xml"));
        m_oned.answers.insert(
            QStringLiteral("alice:pw"), QStringLiteral("one.vm.info__as_alice_oneadmin_vm.response.xml"));
        m_oned.answers.insert(QStringLiteral("off:pw"), QStringLiteral("one.vm.info__vm-poweroff.response.xml"));
        m_oned.answers.insert(QStringLiteral("spice:pw"), QStringLiteral("one.vm.info__vm-spice.response.xml"));
        m_oned.answers.insert(QStringLiteral("none:pw"), QStringLiteral("one.vm.info__vm-no-graphics.response.xml"));
        m_oned.answers.insert(QStringLiteral("lower:pw"), QStringLiteral("one.vm.info__vm-vnc-lower.response.xml"));
        m_settings.hosts.add(QStringLiteral("dummy-host-1=127.0.0.1"), &m_error);
    }

    GatewayMethods &methods()
    {
        if (!m_methods)
            m_methods = std::make_unique<GatewayMethods>(m_settings, &m_oned, &m_tokens, &m_metrics);
        return *m_methods;
    }

    // The whole answer document, parsed.
    std::unique_ptr<XmlRpcReader> callRaw(const QByteArray &body)
    {
        std::optional<QByteArray> answer;
        methods().call(body, [&](const QByteArray &document) { answer = document; });
        EXPECT_TRUE(waitUntil([&] { return answer.has_value(); }, 5000));
        auto reader = XmlRpcReader::parse(XmlRpcReader::Kind::Response, answer.value_or(QByteArray()));
        EXPECT_FALSE(reader->hasError()) << qPrintable(reader->errorString());
        return reader;
    }

    QVariantList call(const QString &method, const QVariantList &params)
    {
        const auto reader = callRaw(XmlRpcWriter::methodCall(method, params));
        EXPECT_FALSE(reader->isFault()) << qPrintable(reader->faultString());
        return reader->value().toList();
    }

    void expectFailure(const QVariantList &envelope, int code, const QString &message)
    {
        ASSERT_EQ(envelope.size(), 3);
        EXPECT_EQ(envelope[0], QVariant(false));
        EXPECT_EQ(envelope[1].toString(), message);
        EXPECT_EQ(envelope[2].typeId(), QMetaType::Int);
        EXPECT_EQ(envelope[2].toInt(), code);
    }

    RecordedOned m_oned;
    MemoryTokenSource m_tokens;
    ProxyMetrics m_metrics;
    GatewayMethods::Settings m_settings;
    std::unique_ptr<GatewayMethods> m_methods;
    QString m_error;
};

const QRegularExpression kToken(QStringLiteral("^[0-9a-f]{32}$"));

} // namespace

TEST_F(GatewayMethodsTest, VncTokenAnswersTheAddonsStruct)
{
    const QVariantList envelope = call(QStringLiteral("one.vm.vnctoken"), {QStringLiteral("oneadmin:pw"), 0});
    ASSERT_EQ(envelope.size(), 3);
    EXPECT_EQ(envelope[0], QVariant(true));
    EXPECT_EQ(envelope[2], QVariant(0));
    ASSERT_EQ(envelope[1].typeId(), QMetaType::QVariantMap);
    const QVariantMap data = envelope[1].toMap();
    EXPECT_EQ(data.keys(),
        (QStringList {QStringLiteral("host"), QStringLiteral("id"), QStringLiteral("listen"),
            QStringLiteral("password"), QStringLiteral("port"), QStringLiteral("token"), QStringLiteral("type"),
            QStringLiteral("wss")}));
    EXPECT_EQ(data[QStringLiteral("id")], QVariant(0));
    EXPECT_EQ(data[QStringLiteral("host")], QVariant(QStringLiteral("dummy-host-1"))); // oned's name, as the addon
    EXPECT_EQ(data[QStringLiteral("type")], QVariant(QStringLiteral("VNC")));
    EXPECT_EQ(data[QStringLiteral("port")], QVariant(5900));
    EXPECT_EQ(data[QStringLiteral("listen")], QVariant(QStringLiteral("0.0.0.0")));
    EXPECT_EQ(data[QStringLiteral("password")], QVariant(QStringLiteral("secret")));
    EXPECT_EQ(data[QStringLiteral("wss")], QVariant(false));
    const QString token = data[QStringLiteral("token")].toString();
    EXPECT_TRUE(kToken.match(token).hasMatch()) << qPrintable(token);
    // The client's own parser reads it as it reads the addon's.
    QString error;
    const auto parsed = VncToken::fromStruct(data, &error);
    ASSERT_TRUE(parsed) << qPrintable(error);
    EXPECT_EQ(parsed->token, token);

    // Stored with the mapped target, the VM, the user (never the secret) and the expiry.
    TokenGrant grant;
    ASSERT_TRUE(m_tokens.grantOf(token, &grant).found());
    EXPECT_EQ(grant.target.toString(), QStringLiteral("127.0.0.1:5900"));
    EXPECT_EQ(grant.vmId, 0);
    EXPECT_EQ(grant.user, QStringLiteral("oneadmin"));
    EXPECT_NEAR(double(QDateTime::currentDateTimeUtc().secsTo(grant.expiresAt)), 3600.0, 5.0);
    EXPECT_FALSE(grant.oneTime);
    EXPECT_TRUE(m_tokens.lookup(token).found());
    EXPECT_EQ(m_metrics.tokensMinted, 1u);
}

TEST_F(GatewayMethodsTest, VncTokenOnlyAnswersTheTokenString)
{
    const QVariantList envelope = call(QStringLiteral("one.vm.vnctokenonly"), {QStringLiteral("oneadmin:pw"), 0});
    ASSERT_EQ(envelope.size(), 3);
    EXPECT_EQ(envelope[0], QVariant(true));
    ASSERT_EQ(envelope[1].typeId(), QMetaType::QString);
    EXPECT_TRUE(kToken.match(envelope[1].toString()).hasMatch());
    EXPECT_TRUE(m_tokens.lookup(envelope[1].toString()).found());
}

TEST_F(GatewayMethodsTest, VncAnswersTheAddonsVmXml)
{
    m_settings.wss = true;
    const QVariantList envelope = call(QStringLiteral("one.vm.vnc"), {QStringLiteral("oneadmin:pw"), 0});
    ASSERT_EQ(envelope.size(), 3);
    const QString xml = envelope[1].toString();
    const QRegularExpression shape(
        QStringLiteral("^<VM><ID>0</ID><HOST>dummy-host-1</HOST><TYPE>VNC</TYPE><PORT>5900</PORT>"
                       "<LISTEN>0.0.0.0</LISTEN><PASSWORD>secret</PASSWORD><WSS>true</WSS>"
                       "<TOKEN>([0-9a-f]{32})</TOKEN></VM>$"));
    const auto match = shape.match(xml);
    ASSERT_TRUE(match.hasMatch()) << qPrintable(xml);
    QString error;
    const auto parsed = VncToken::fromVncXml(xml, &error);
    ASSERT_TRUE(parsed) << qPrintable(error);
    EXPECT_EQ(parsed->token, match.captured(1));
}

TEST_F(GatewayMethodsTest, LowerCaseVncIsVnc)
{
    const QVariantList envelope = call(QStringLiteral("one.vm.vnctokenonly"), {QStringLiteral("lower:pw"), 0});
    EXPECT_EQ(envelope.value(0), QVariant(true)) << qPrintable(envelope.value(1).toString());
}

TEST_F(GatewayMethodsTest, OnedRefusalsComeBackAsNoExistsWithOnedsText)
{
    expectFailure(call(QStringLiteral("one.vm.vnctoken"), {QStringLiteral("oneadmin:wrong"), 0}), 0x400,
        QStringLiteral("[one.vm.info] User couldn't be authenticated, aborting call."));
    expectFailure(call(QStringLiteral("one.vm.vnctoken"), {QStringLiteral("alice:pw"), 0}), 0x400,
        QStringLiteral("[one.vm.info] User [2] : Not authorized to perform USE VM [0]."));
    EXPECT_EQ(m_tokens.tokenCount(), 0);
    EXPECT_EQ(m_metrics.mintsRefused.value("oned_refused"), 2u);
}

TEST_F(GatewayMethodsTest, OnedUnreachableNamesOned)
{
    m_oned.unreachable = QStringLiteral("oned at http://127.0.0.1:2633/RPC2 failed: connection refused");
    expectFailure(
        call(QStringLiteral("one.vm.vnctoken"), {QStringLiteral("oneadmin:pw"), 0}), 0x400, m_oned.unreachable);
    EXPECT_EQ(m_metrics.mintsRefused.value("oned_unreachable"), 1u);
}

TEST_F(GatewayMethodsTest, StateWithoutConsoleIsAction)
{
    expectFailure(call(QStringLiteral("one.vm.vnctoken"), {QStringLiteral("off:pw"), 0}), 0x800,
        QStringLiteral("Unsupported VM state! STATE:8 LCM_STATE:0"));
}

TEST_F(GatewayMethodsTest, GraphicsOtherThanVncIsNoExists)
{
    expectFailure(call(QStringLiteral("one.vm.vnctoken"), {QStringLiteral("spice:pw"), 0}), 0x400,
        QStringLiteral("Graphics type 'SPICE' but 'VNC' expected"));
    expectFailure(call(QStringLiteral("one.vm.vnc"), {QStringLiteral("none:pw"), 0}), 0x400,
        QStringLiteral("Graphics type '' but 'VNC' expected"));
}

TEST_F(GatewayMethodsTest, UnknownMethodIsApiWithTheAddonsText)
{
    expectFailure(call(QStringLiteral("one.vm.info"), {QStringLiteral("oneadmin:pw"), 0}), 0x1000,
        QStringLiteral("Unknown method 'one.vm.info'. Expected [\"one.vm.vnctoken\", \"one.vm.vnctokenonly\", "
                       "\"one.vm.vnc\", \"one.vm.vnctokenrevoke\"]"));
    EXPECT_EQ(m_oned.calls, 0);
}

TEST_F(GatewayMethodsTest, WrongParametersAreApiAndNeverReachOned)
{
    for (const QVariantList &params : {QVariantList {}, QVariantList {QStringLiteral("oneadmin:pw")},
             QVariantList {42, 0}, QVariantList {QStringLiteral("oneadmin:pw"), QStringLiteral("0")},
             QVariantList {QStringLiteral("oneadmin:pw"), -1}}) {
        const QVariantList envelope = call(QStringLiteral("one.vm.vnctoken"), params);
        ASSERT_EQ(envelope.size(), 3);
        EXPECT_EQ(envelope[0], QVariant(false));
        EXPECT_EQ(envelope[2].toInt(), 0x1000) << qPrintable(envelope[1].toString());
    }
    EXPECT_EQ(m_oned.calls, 0);
}

TEST_F(GatewayMethodsTest, HostileBodiesGetFaultsNotCrashes)
{
    const QByteArray doctype = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b "
                               "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><methodCall><methodName>&b;</methodName>"
                               "</methodCall>";
    const QByteArray tenMegabytes = "<methodCall><methodName>" + QByteArray(10 * 1024 * 1024, 'x');
    for (const QByteArray &body : {QByteArray(), QByteArray("not xml at all"), doctype, tenMegabytes,
             QByteArray("<methodResponse><params/></methodResponse>"),
             QByteArray("<methodCall><methodName>one.vm.vnctoken</methodName><params><param><value>"
                        "<i4>zero</i4></value></param></params></methodCall>")}) {
        const auto reader = callRaw(body);
        EXPECT_TRUE(reader->isFault()) << body.left(80).constData();
        EXPECT_EQ(reader->faultCode(), GatewayMethods::kFaultParse);
        EXPECT_TRUE(reader->faultString().startsWith(QStringLiteral("not an XML-RPC call")))
            << qPrintable(reader->faultString());
    }
    EXPECT_EQ(m_oned.calls, 0);
    EXPECT_EQ(m_metrics.mintsRefused.value("malformed"), 6u);
}

TEST_F(GatewayMethodsTest, OversizedAndChunkedBodiesAreRefusedUnread)
{
    TokenProxy proxy(ProxyConfig {}, &m_tokens);
    ConsoleGateway gateway(m_settings, &proxy, &m_oned, &m_tokens);
    EXPECT_EQ(proxy.rpcHandler(), &gateway);
    ProxyRpcHandler::Call call;
    call.method = "POST";
    call.problem = ProxyRpcHandler::Call::Problem::TooLarge;
    call.declaredLength = 10 * 1024 * 1024;
    QByteArray answer;
    gateway.handle(call, [&](const QByteArray &response) { answer = response; });
    ASSERT_TRUE(answer.startsWith("HTTP/1.1 200 OK\r\nContent-Type: application/xml;charset=utf-8\r\n"));
    const auto reader = XmlRpcReader::parse(XmlRpcReader::Kind::Response, answer.mid(answer.indexOf("\r\n\r\n") + 4));
    ASSERT_TRUE(reader->isFault());
    EXPECT_EQ(reader->faultCode(), GatewayMethods::kFaultLimit);
    EXPECT_TRUE(reader->faultString().contains(QStringLiteral("10485760"))) << qPrintable(reader->faultString());
    EXPECT_EQ(proxy.metrics().mintsRefused.value("too_large"), 1u);
    EXPECT_TRUE(proxy.metrics().toPrometheus().contains("porthole_gateway_refused_total{reason=\"too_large\"} 1"));
}

TEST_F(GatewayMethodsTest, OneTimeTokensOpenOneSession)
{
    m_settings.oneTimeTokens = true;
    const QString token = call(QStringLiteral("one.vm.vnctokenonly"), {QStringLiteral("oneadmin:pw"), 0})[1].toString();
    EXPECT_TRUE(m_tokens.lookup(token).found());
    EXPECT_EQ(m_tokens.lookup(token).reason, QStringLiteral("token already used"));
}

TEST_F(GatewayMethodsTest, TokensExpireAfterTheTtl)
{
    m_settings.ttlSeconds = 30;
    methods().now = [] { return QDateTime::currentDateTimeUtc().addSecs(-31); }; // minted 31 s ago
    const QString token = call(QStringLiteral("one.vm.vnctokenonly"), {QStringLiteral("oneadmin:pw"), 0})[1].toString();
    const TokenLookup found = m_tokens.lookup(token);
    EXPECT_EQ(found.status, TokenLookup::Status::Expired);
    EXPECT_EQ(found.reason, QStringLiteral("expired token"));
}

TEST_F(GatewayMethodsTest, TtlZeroMeansNoTimeLimit)
{
    m_settings.ttlSeconds = 0;
    const QString token = call(QStringLiteral("one.vm.vnctokenonly"), {QStringLiteral("oneadmin:pw"), 0})[1].toString();
    const TokenLookup found = m_tokens.lookup(token);
    ASSERT_TRUE(found.found());
    EXPECT_FALSE(found.expiresAt.isValid());
}

TEST_F(GatewayMethodsTest, RevokeNeedsRightsOnTheTokensVm)
{
    QStringList revoked;
    methods().onRevoked = [&](const QString &token) { revoked << token; };
    const QString token = call(QStringLiteral("one.vm.vnctokenonly"), {QStringLiteral("oneadmin:pw"), 0})[1].toString();
    // alice may not USE VM 0: oned's refusal, and the token still works.
    expectFailure(call(QStringLiteral("one.vm.vnctokenrevoke"), {QStringLiteral("alice:pw"), token}), 0x400,
        QStringLiteral("[one.vm.info] User [2] : Not authorized to perform USE VM [0]."));
    EXPECT_TRUE(m_tokens.lookup(token).found());
    const QVariantList ok = call(QStringLiteral("one.vm.vnctokenrevoke"), {QStringLiteral("oneadmin:pw"), token});
    EXPECT_EQ(ok, (QVariantList {true, true, 0}));
    EXPECT_EQ(m_tokens.lookup(token).reason, QStringLiteral("token revoked"));
    EXPECT_EQ(revoked, QStringList {token});
    EXPECT_EQ(m_metrics.tokensRevoked, 1u);
    const QVariantList unknown
        = call(QStringLiteral("one.vm.vnctokenrevoke"), {QStringLiteral("oneadmin:pw"), QStringLiteral("deadbeef0")});
    expectFailure(unknown, 0x400, QStringLiteral("Unknown token 'dead…'"));
}

TEST_F(GatewayMethodsTest, StoreThatCannotIssueIsAllocateWithTheAddonsText)
{
    class FullStore : public MemoryTokenSource
    {
    public:
        bool issue(const QString &, const TokenGrant &, QString *error) override
        {
            *error = QStringLiteral("Redis 127.0.0.1:1 unavailable: Connection refused");
            return false;
        }
    } full;
    GatewayMethods methods(m_settings, &m_oned, &full, &m_metrics);
    std::optional<QByteArray> answer;
    methods.call(XmlRpcWriter::methodCall(QStringLiteral("one.vm.vnctoken"), {QStringLiteral("oneadmin:pw"), 0}),
        [&](const QByteArray &document) { answer = document; });
    ASSERT_TRUE(waitUntil([&] { return answer.has_value(); }, 5000));
    const auto reader = XmlRpcReader::parse(XmlRpcReader::Kind::Response, *answer);
    expectFailure(reader->value().toList(), 0x4000,
        QStringLiteral("Cannot create VNC proxy token. Redis 127.0.0.1:1 unavailable: Connection refused"));
}

TEST_F(GatewayMethodsTest, NoSecretInTheLog)
{
    m_oned.answers.insert(
        QStringLiteral("oneadmin:pw-secret"), QStringLiteral("one.vm.info__vm-vnc-upper.response.xml"));
    QStringList lines;
    static QStringList *s_lines = nullptr;
    s_lines = &lines;
    const QtMessageHandler previous = qInstallMessageHandler(
        [](QtMsgType, const QMessageLogContext &, const QString &message) { s_lines->append(message); });
    const QString token
        = call(QStringLiteral("one.vm.vnctokenonly"), {QStringLiteral("oneadmin:pw-secret"), 0}).value(1).toString();
    qInstallMessageHandler(previous);
    const QString all = lines.join(QLatin1Char('\n'));
    EXPECT_FALSE(all.contains(QStringLiteral("pw-secret")));
    ASSERT_FALSE(token.isEmpty());
    EXPECT_FALSE(all.contains(token));
    EXPECT_TRUE(all.contains(token.left(4))) << qPrintable(all); // the mint is logged, redacted
}

TEST_F(GatewayMethodsTest, AHungOnedCannotPileUpRequestsWithoutBound)
{
    class HungOned : public VmInfoSource
    {
    public:
        std::vector<Done> waiting;
        void vmInfo(const QString &, int, Done done) override { waiting.push_back(std::move(done)); }
    } hung;
    m_settings.maxOnedCalls = 2;
    GatewayMethods methods(m_settings, &hung, &m_tokens, &m_metrics);
    const QByteArray body
        = XmlRpcWriter::methodCall(QStringLiteral("one.vm.vnctoken"), {QStringLiteral("oneadmin:pw"), 0});
    int answered = 0;
    QByteArray last;
    auto count = [&](const QByteArray &document) {
        ++answered;
        last = document;
    };
    methods.call(body, count);
    methods.call(body, count);
    EXPECT_EQ(answered, 0);
    methods.call(body, count); // the third is refused at once
    ASSERT_EQ(answered, 1);
    const auto refused = XmlRpcReader::parse(XmlRpcReader::Kind::Response, last);
    expectFailure(refused->value().toList(), 0x400,
        QStringLiteral("oned is slow: 2 token requests already wait for its answer; try again"));
    EXPECT_EQ(m_metrics.mintsRefused.value("oned_busy"), 1u);
    ASSERT_EQ(hung.waiting.size(), 2u);
    // One answer frees a place.
    hung.waiting.front()(VmInfoSource::Result {std::nullopt, QStringLiteral("oned at x failed: timeout"), false});
    EXPECT_EQ(answered, 2);
    methods.call(body, count);
    EXPECT_EQ(hung.waiting.size(), 3u);
    EXPECT_EQ(answered, 2);
}

TEST_F(GatewayMethodsTest, TtlZeroTokensEndWhenTheVmLeavesItsConsoleStates)
{
    m_settings.ttlSeconds = 0;
    QStringList revoked;
    methods().onRevoked = [&](const QString &token) { revoked << token; };
    const QString token = call(QStringLiteral("one.vm.vnctokenonly"), {QStringLiteral("oneadmin:pw"), 0})[1].toString();
    EXPECT_EQ(methods().watchedTokens(), 1);
    // Still running: nothing changes.
    methods().recheckStates();
    ASSERT_TRUE(waitUntil([&] { return m_oned.calls == 2; }, 5000));
    QCoreApplication::processEvents();
    EXPECT_TRUE(m_tokens.lookup(token).found());
    EXPECT_TRUE(revoked.isEmpty());
    // Powered off: the token ends, and its live sessions with --close-on-revoke.
    m_oned.answers.insert(QStringLiteral("oneadmin:pw"), QStringLiteral("one.vm.info__vm-poweroff.response.xml"));
    methods().recheckStates();
    ASSERT_TRUE(waitUntil([&] { return !revoked.isEmpty(); }, 5000));
    EXPECT_EQ(revoked, QStringList {token});
    EXPECT_EQ(m_tokens.lookup(token).reason, QStringLiteral("token revoked"));
    EXPECT_EQ(methods().watchedTokens(), 0);
    EXPECT_EQ(m_metrics.tokensRevoked, 1u);
}

TEST_F(GatewayMethodsTest, TtlZeroTokensEndWhenOnedNoLongerAcceptsTheirMinter)
{
    m_settings.ttlSeconds = 0;
    QStringList revoked;
    methods().onRevoked = [&](const QString &token) { revoked << token; };
    const QString token = call(QStringLiteral("one.vm.vnctokenonly"), {QStringLiteral("oneadmin:pw"), 0})[1].toString();
    m_oned.answers.insert(QStringLiteral("oneadmin:pw"), QStringLiteral("one.vm.info__bad_session.response.xml"));
    methods().recheckStates();
    ASSERT_TRUE(waitUntil([&] { return !revoked.isEmpty(); }, 5000));
    EXPECT_EQ(m_tokens.lookup(token).reason, QStringLiteral("token revoked"));
    // oned silent is not a reason: the token stays.
    const QString other = call(QStringLiteral("one.vm.vnctokenonly"), {QStringLiteral("lower:pw"), 0})[1].toString();
    m_oned.unreachable = QStringLiteral("oned at x failed: timeout");
    const int before = m_oned.calls;
    methods().recheckStates();
    ASSERT_TRUE(waitUntil([&] { return m_oned.calls > before; }, 5000));
    QCoreApplication::processEvents();
    EXPECT_TRUE(m_tokens.lookup(other).found());
    EXPECT_EQ(methods().watchedTokens(), 1);
}

TEST_F(GatewayMethodsTest, TtlZeroRecheckAsksOncePerMinterAndVm)
{
    m_settings.ttlSeconds = 0;
    QStringList revoked;
    methods().onRevoked = [&](const QString &token) { revoked << token; };
    for (int i = 0; i < 3; ++i)
        call(QStringLiteral("one.vm.vnctokenonly"), {QStringLiteral("oneadmin:pw"), 0});
    EXPECT_EQ(methods().watchedTokens(), 3);
    const int before = m_oned.calls;
    m_oned.answers.insert(QStringLiteral("oneadmin:pw"), QStringLiteral("one.vm.info__vm-poweroff.response.xml"));
    methods().recheckStates();
    EXPECT_EQ(m_oned.calls, before + 1);
    ASSERT_TRUE(waitUntil([&] { return revoked.size() == 3; }, 5000));
    EXPECT_EQ(methods().watchedTokens(), 0);
}
