// SPDX-License-Identifier: GPL-2.0-or-later
// TokenRedis against a real redis-server on a free port, and two proxies sharing it.
#include "ProxyTestSupport.h"
#include "TestSupport.h"
#include "proxy/TokenProxy.h"
#include "tokens/TokenRedis.h"

#include <gtest/gtest.h>

#include <QStandardPaths>
#include <QTemporaryDir>

#include <algorithm>
#include <csignal>
#include <memory>
#include <vector>

using namespace Porthole;
using namespace PortholeTest;

namespace {

class RedisTokenTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (QStandardPaths::findExecutable(QStringLiteral("redis-server")).isEmpty())
            GTEST_SKIP() << "redis-server is not installed (installer/debian-deps.sh installs it)";
        m_port = freePort();
        startRedis();
    }

    void TearDown() override { stopRedis(); }

    void startRedis()
    {
        m_redis.setWorkingDirectory(m_dir.path());
        m_redis.start(QStringLiteral("redis-server"),
            {QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"), QStringLiteral("127.0.0.1"),
                QStringLiteral("--save"), QString(), QStringLiteral("--appendonly"), QStringLiteral("no"),
                QStringLiteral("--dir"), m_dir.path()});
        ASSERT_TRUE(waitForListening(m_port, m_redis)) << m_redis.readAllStandardOutput().constData();
    }

    void stopRedis()
    {
        if (m_redis.state() != QProcess::NotRunning) {
            m_redis.kill();
            m_redis.waitForFinished(10000);
        }
    }

    void redisCli(const QStringList &args)
    {
        const auto r = PortholeTest::runProgram(
            QStringLiteral("redis-cli"), QStringList {QStringLiteral("-p"), QString::number(m_port)} + args);
        ASSERT_EQ(r.exitCode, 0) << qPrintable(r.err);
    }

    QString source(const QString &rest = {}) const { return QStringLiteral("127.0.0.1:%1").arg(m_port) + rest; }

    QTemporaryDir m_dir;
    QProcess m_redis;
    quint16 m_port = 0;
};

} // namespace

TEST_F(RedisTokenTest, ValueFormsAndNamespace)
{
    redisCli({QStringLiteral("SET"), QStringLiteral("plain"), QStringLiteral("10.0.0.1:5901")});
    redisCli({QStringLiteral("SET"), QStringLiteral("json1"), QStringLiteral("{\"host\": \"10.0.0.2:5902\"}")});
    redisCli(
        {QStringLiteral("SET"), QStringLiteral("json2"), QStringLiteral("{\"host\": \"10.0.0.3\", \"port\": 5903}")});
    redisCli({QStringLiteral("SET"), QStringLiteral("broken"), QStringLiteral("no-port-here")});
    redisCli({QStringLiteral("SET"), QStringLiteral("app:spaced"), QStringLiteral("10.0.0.4:5904")});
    redisCli({QStringLiteral("-n"), QStringLiteral("2"), QStringLiteral("SET"), QStringLiteral("indb2"),
        QStringLiteral("10.0.0.5:5905")});

    TokenRedis redis(source());
    QString error;
    ASSERT_TRUE(redis.load(&error)) << qPrintable(error);
    EXPECT_EQ(redis.lookup(QStringLiteral("plain")).target.toString(), QStringLiteral("10.0.0.1:5901"));
    EXPECT_EQ(redis.lookup(QStringLiteral("json1")).target.toString(), QStringLiteral("10.0.0.2:5902"));
    EXPECT_EQ(redis.lookup(QStringLiteral("json2")).target.toString(), QStringLiteral("10.0.0.3:5903"));
    EXPECT_EQ(redis.lookup(QStringLiteral("missing")).status, TokenLookup::Status::NotFound);
    const TokenLookup broken = redis.lookup(QStringLiteral("broken"));
    EXPECT_EQ(broken.status, TokenLookup::Status::SourceError);
    EXPECT_TRUE(broken.reason.contains(QStringLiteral("no port"))) << qPrintable(broken.reason);

    TokenRedis namespaced(source(QStringLiteral(":::app")));
    ASSERT_TRUE(namespaced.load(&error)) << qPrintable(error);
    EXPECT_TRUE(namespaced.lookup(QStringLiteral("spaced")).found());
    EXPECT_FALSE(namespaced.lookup(QStringLiteral("plain")).found());

    TokenRedis db2(source(QStringLiteral(":2")));
    ASSERT_TRUE(db2.load(&error)) << qPrintable(error);
    EXPECT_EQ(db2.lookup(QStringLiteral("indb2")).target.port, 5905);
}

TEST_F(RedisTokenTest, RedisDownRefusesWithReasonAndRecovers)
{
    redisCli({QStringLiteral("SET"), QStringLiteral("t"), QStringLiteral("10.0.0.1:5901")});
    TokenRedis redis(source());
    QString error;
    ASSERT_TRUE(redis.load(&error));
    ASSERT_TRUE(redis.lookup(QStringLiteral("t")).found());
    stopRedis();
    const TokenLookup down = redis.lookup(QStringLiteral("t"));
    EXPECT_EQ(down.status, TokenLookup::Status::SourceError);
    EXPECT_TRUE(down.reason.contains(QStringLiteral("unavailable"))) << qPrintable(down.reason);
    startRedis();
    redisCli({QStringLiteral("SET"), QStringLiteral("t"), QStringLiteral("10.0.0.9:5909")});
    // A failure is remembered for a quarter second, then Redis is tried again.
    EXPECT_TRUE(waitUntil([&] { return redis.lookup(QStringLiteral("t")).found(); }));
    EXPECT_EQ(redis.lookup(QStringLiteral("t")).target.port, 5909);
}

TEST_F(RedisTokenTest, TwoProxiesShareOneRedis)
{
    EchoServer echo;
    redisCli({QStringLiteral("SET"), QStringLiteral("shared"),
        QStringLiteral("{\"host\": \"127.0.0.1\", \"port\": %1}").arg(echo.port())});
    TokenRedis sourceA(source());
    TokenRedis sourceB(source());
    QString error;
    ASSERT_TRUE(sourceA.load(&error));
    ASSERT_TRUE(sourceB.load(&error));
    ProxyConfig config;
    config.listenAddress = QHostAddress::LocalHost;
    TokenProxy a(config, &sourceA);
    TokenProxy b(config, &sourceB);
    ASSERT_TRUE(a.start(&error)) << qPrintable(error);
    ASSERT_TRUE(b.start(&error)) << qPrintable(error);
    const QByteArray greeting = "ECHO " + QByteArray::number(echo.port()) + '\n';
    for (TokenProxy *proxy : {&a, &b}) {
        WsClient client(QStringLiteral("ws://127.0.0.1:%1/websockify?token=shared").arg(proxy->port()));
        ASSERT_TRUE(client.waitForBytes(greeting.size()));
        EXPECT_EQ(client.received, greeting);
    }
    // Redis gone: the proxy refuses with 1011, and tells the client (who may hold no token)
    // that, not where Redis is: the address and the cause are for the proxy's log.
    stopRedis();
    WsClient refused(QStringLiteral("ws://127.0.0.1:%1/websockify?token=shared").arg(a.port()));
    ASSERT_TRUE(refused.waitForClose());
    EXPECT_EQ(int(refused.socket().closeCode()), 1011);
    EXPECT_TRUE(refused.socket().closeReason().contains(QStringLiteral("cannot look tokens up")))
        << qPrintable(refused.socket().closeReason());
    EXPECT_FALSE(refused.socket().closeReason().contains(QStringLiteral("127.0.0.1")))
        << qPrintable(refused.socket().closeReason());
}

TEST_F(RedisTokenTest, IssuedGrantsExpireGetUsedOnceAndAreRevoked)
{
    TokenRedis redis(source(QStringLiteral(":0::gw")));
    QString error;
    ASSERT_TRUE(redis.load(&error)) << qPrintable(error);
    ASSERT_TRUE(redis.canIssue());
    TokenGrant grant;
    grant.target = TokenTarget {QStringLiteral("10.0.0.9"), 5909};
    grant.vmId = 9;
    grant.user = QStringLiteral("alice");
    grant.expiresAt = QDateTime::currentDateTimeUtc().addSecs(120);
    ASSERT_TRUE(redis.issue(QStringLiteral("keep"), grant, &error)) << qPrintable(error);

    // websockify's JSON, with the grant's members; the key lives past the expiry.
    const auto value = runProgram(QStringLiteral("redis-cli"),
        {QStringLiteral("-p"), QString::number(m_port), QStringLiteral("GET"), QStringLiteral("gw:keep")});
    EXPECT_TRUE(value.out.contains(QStringLiteral("\"host\":\"10.0.0.9:5909\""))) << qPrintable(value.out);
    EXPECT_TRUE(value.out.contains(QStringLiteral("\"user\":\"alice\""))) << qPrintable(value.out);
    const auto ttl = runProgram(QStringLiteral("redis-cli"),
        {QStringLiteral("-p"), QString::number(m_port), QStringLiteral("TTL"), QStringLiteral("gw:keep")});
    EXPECT_GT(ttl.out.trimmed().toInt(), 120 + TokenRedis::kKeepEndedSeconds - 10) << qPrintable(ttl.out);

    const TokenLookup found = redis.lookup(QStringLiteral("keep"));
    ASSERT_TRUE(found.found()) << qPrintable(found.reason);
    EXPECT_EQ(found.target.toString(), QStringLiteral("10.0.0.9:5909"));
    EXPECT_EQ(found.expiresAt.toSecsSinceEpoch(), grant.expiresAt.toSecsSinceEpoch());
    TokenGrant read;
    ASSERT_TRUE(redis.grantOf(QStringLiteral("keep"), &read).found());
    EXPECT_EQ(read.vmId, 9);
    EXPECT_EQ(read.user, QStringLiteral("alice"));

    // One-time: the second lookup, from any instance, is refused.
    grant.oneTime = true;
    ASSERT_TRUE(redis.issue(QStringLiteral("once"), grant, &error));
    TokenRedis other(source(QStringLiteral(":0::gw")));
    ASSERT_TRUE(other.load(&error));
    EXPECT_TRUE(redis.lookup(QStringLiteral("once")).found());
    EXPECT_EQ(other.lookup(QStringLiteral("once")).reason, QStringLiteral("token already used"));

    // Expired, then revoked.
    grant.oneTime = false;
    grant.expiresAt = QDateTime::currentDateTimeUtc().addSecs(-5);
    ASSERT_TRUE(redis.issue(QStringLiteral("old"), grant, &error));
    EXPECT_EQ(redis.lookup(QStringLiteral("old")).reason, QStringLiteral("expired token"));
    ASSERT_TRUE(other.revoke(QStringLiteral("keep"), &error)) << qPrintable(error);
    EXPECT_EQ(redis.lookup(QStringLiteral("keep")).reason, QStringLiteral("token revoked"));
    EXPECT_FALSE(redis.revoke(QStringLiteral("never"), &error));
    EXPECT_EQ(error, QStringLiteral("unknown token"));
}

// A Redis that hangs (stopped, its socket open) must not freeze the sessions being relayed:
// lookups wait on their own thread (issue 16: live sessions stood still 8.2 s of 12 s).
TEST_F(RedisTokenTest, AHungRedisDoesNotFreezeLiveSessions)
{
    EchoServer echo;
    redisCli({QStringLiteral("SET"), QStringLiteral("live"),
        QStringLiteral("{\"host\": \"127.0.0.1\", \"port\": %1}").arg(echo.port())});
    TokenRedis tokens(source());
    tokens.setTimeoutMs(3000);
    QString error;
    ASSERT_TRUE(tokens.load(&error)) << qPrintable(error);
    ProxyConfig config;
    config.listenAddress = QHostAddress::LocalHost;
    TokenProxy proxy(config, &tokens);
    ASSERT_TRUE(proxy.start(&error)) << qPrintable(error);
    const QString url = QStringLiteral("ws://127.0.0.1:%1/websockify?token=").arg(proxy.port());
    WsClient live(url + QStringLiteral("live"));
    const QByteArray greeting = "ECHO " + QByteArray::number(echo.port()) + '\n';
    ASSERT_TRUE(live.waitForBytes(greeting.size()));

    ::kill(pid_t(m_redis.processId()), SIGSTOP);
    std::vector<std::unique_ptr<WsClient>> waiting;
    for (int i = 0; i < 3; ++i)
        waiting.push_back(std::make_unique<WsClient>(url + QStringLiteral("new-%1").arg(i)));
    // The live session echoes at once while those lookups hang (each for up to 3 s).
    live.socket().sendBinaryMessage("ping");
    const bool echoed = live.waitForBytes(greeting.size() + 4, 2500);
    const bool anyAnswered = std::any_of(waiting.begin(), waiting.end(), [](const auto &c) { return c->closed; });
    ::kill(pid_t(m_redis.processId()), SIGCONT);
    ASSERT_TRUE(echoed) << "the live session stood still while Redis hung";
    EXPECT_FALSE(anyAnswered) << "the hung lookups were answered before the live session";
    EXPECT_EQ(live.received, greeting + "ping");
    for (auto &c : waiting)
        ASSERT_TRUE(c->waitForClose());
}
