// SPDX-License-Identifier: GPL-2.0-or-later
// porthole-proxy as a program: start-up errors, --check, signals.
#include "ProxyTestSupport.h"
#include "TestSupport.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace PortholeTest;
using PortholeTest::builtProgram;
using PortholeTest::runProgram;

namespace {

QString proxyProgram()
{
    return builtProgram(QStringLiteral("app/porthole-proxy"));
}

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}

} // namespace

TEST(ProxyCli, MissingTokenSourceIsFatal)
{
    const auto r = runProgram(proxyProgram(),
        {QStringLiteral("--token-source"), QStringLiteral("/nonexistent/tokens"), QStringLiteral("127.0.0.1:0")});
    ASSERT_TRUE(r.finished);
    EXPECT_NE(r.exitCode, 0);
    EXPECT_TRUE(r.err.contains(QStringLiteral("/nonexistent/tokens"))) << qPrintable(r.err);
    EXPECT_TRUE(r.err.contains(QStringLiteral("No such file"))) << qPrintable(r.err);

    const auto none = runProgram(proxyProgram(), {QStringLiteral("6080")});
    EXPECT_NE(none.exitCode, 0);
    EXPECT_TRUE(none.err.contains(QStringLiteral("no token source")));
}

TEST(ProxyCli, CheckListsProblemsWithFileAndLine)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("tokens"));
    writeFile(file, "# ok\na: 127.0.0.1:5900\nb: nohost\n\nc 1.2.3.4:5\n");
    const auto r = runProgram(proxyProgram(), {QStringLiteral("--check"), QStringLiteral("--token-source"), file});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_TRUE(r.out.contains(file + QStringLiteral(":3: "))) << qPrintable(r.out);
    EXPECT_TRUE(r.out.contains(file + QStringLiteral(":5: "))) << qPrintable(r.out);
    EXPECT_TRUE(r.out.contains(QStringLiteral("2 tokens, 2 problems"))) << qPrintable(r.out);

    writeFile(file, "a: 127.0.0.1:5900\n");
    const auto clean = runProgram(proxyProgram(), {QStringLiteral("--check"), QStringLiteral("--target-config"), file});
    EXPECT_EQ(clean.exitCode, 0) << qPrintable(clean.out);
    EXPECT_TRUE(clean.out.contains(QStringLiteral("1 tokens, 0 problems")));
}

TEST(ProxyCli, SighupReloadsAndSigtermExitsCleanly)
{
    QTemporaryDir dir;
    EchoServer echo;
    const QString file = dir.filePath(QStringLiteral("tokens"));
    writeFile(file, "old: 127.0.0.1:1\n");
    const quint16 port = freePort();
    QProcess proxy;
    proxy.start(proxyProgram(),
        {QStringLiteral("--token-plugin"), QStringLiteral("ReadOnlyTokenFile"), QStringLiteral("--token-source"), file,
            QStringLiteral("127.0.0.1:%1").arg(port)});
    ASSERT_TRUE(waitForListening(port, proxy)) << proxy.readAllStandardError().constData();
    const QString url = QStringLiteral("ws://127.0.0.1:%1/websockify?token=new").arg(port);
    {
        WsClient before(url);
        ASSERT_TRUE(before.waitForClose());
        EXPECT_EQ(before.socket().closeReason(), QStringLiteral("unknown token"));
    }
    writeFile(file, "new: 127.0.0.1:" + QByteArray::number(echo.port()) + "\n");
    ::kill(pid_t(proxy.processId()), SIGHUP);
    // ReadOnlyTokenFile only sees the new token through the reload.
    bool served = waitUntil([&] {
        WsClient after(url);
        return after.waitForBytes(5, 5000);
    });
    EXPECT_TRUE(served);
    WsClient open(url);
    ASSERT_TRUE(open.waitForBytes(5));
    ::kill(pid_t(proxy.processId()), SIGTERM);
    ASSERT_TRUE(open.waitForClose());
    EXPECT_EQ(open.socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    ASSERT_TRUE(proxy.state() == QProcess::NotRunning || proxy.waitForFinished(20000));
    EXPECT_EQ(proxy.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(proxy.exitCode(), 0);
    const QString log = QString::fromUtf8(proxy.readAllStandardError());
    // One line per session, token redacted to its first characters.
    EXPECT_TRUE(log.contains(QStringLiteral("session closed"))) << qPrintable(log);
    EXPECT_FALSE(log.contains(QStringLiteral("token new "))) << qPrintable(log);
}

namespace {

// porthole-proxy --workers 2 on a free port, serving token "t" for an echo server.
struct TwoWorkers
{
    QTemporaryDir dir;
    EchoServer echo;
    quint16 port = freePort();
    QProcess proxy;

    void start()
    {
        const QString file = dir.filePath(QStringLiteral("tokens"));
        writeFile(file, "t: 127.0.0.1:" + QByteArray::number(echo.port()) + "\n");
        proxy.start(proxyProgram(),
            {QStringLiteral("--workers"), QStringLiteral("2"), QStringLiteral("--token-source"), file,
                QStringLiteral("127.0.0.1:%1").arg(port)});
        ASSERT_TRUE(waitForListening(port, proxy)) << proxy.readAllStandardError().constData();
    }
};

} // namespace

TEST(ProxyCli, WorkersShareThePortAndStopTogether)
{
    TwoWorkers workers;
    ASSERT_NO_FATAL_FAILURE(workers.start());
    const quint16 port = workers.port;
    QProcess &proxy = workers.proxy;
    const QString url = QStringLiteral("ws://127.0.0.1:%1/websockify?token=t").arg(port);
    std::vector<std::unique_ptr<WsClient>> clients;
    for (int i = 0; i < 6; ++i)
        clients.push_back(std::make_unique<WsClient>(url));
    for (auto &c : clients)
        ASSERT_TRUE(c->waitForBytes(5));
    ::kill(pid_t(proxy.processId()), SIGTERM);
    for (auto &c : clients) {
        ASSERT_TRUE(c->waitForClose());
        EXPECT_EQ(c->socket().closeCode(), QWebSocketProtocol::CloseCodeGoingAway);
    }
    ASSERT_TRUE(proxy.state() == QProcess::NotRunning || proxy.waitForFinished(20000));
    EXPECT_EQ(proxy.exitStatus(), QProcess::NormalExit);
    EXPECT_EQ(proxy.exitCode(), 0);
}

TEST(ProxyCli, HelpListsWebsockifysOptions)
{
    const auto r = runProgram(proxyProgram(), {QStringLiteral("--help")});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_TRUE(r.out.startsWith(QStringLiteral("Usage: porthole-proxy "))) << qPrintable(r.out);
    for (const char *option : {"--token-plugin", "--token-source", "--target-config", "--cert", "--key", "--ssl-only",
             "--web", "--host-token", "--heartbeat", "--idle-timeout", "--max-connections", "--max-per-token",
             "--log-file", "--verbose", "--check", "--version"})
        EXPECT_TRUE(r.out.contains(QString::fromLatin1(option))) << option;
    // The one flag whose meaning differs from websockify's says so.
    EXPECT_TRUE(r.out.contains(QStringLiteral("Per session")));
}

namespace {

QList<pid_t> childrenOf(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/task/%1/children").arg(pid));
    QList<pid_t> out;
    if (!file.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &word : file.readAll().split(' ')) {
        if (!word.trimmed().isEmpty())
            out << pid_t(word.trimmed().toInt());
    }
    return out;
}

} // namespace

// A worker that dies is replaced (after a back-off), and signals go only to live workers:
// a dead worker's PID may belong to a bystander by then (issue 16).
TEST(ProxyCli, ADeadWorkerIsReplacedAndOnlyLiveOnesAreSignalled)
{
    TwoWorkers workers;
    ASSERT_NO_FATAL_FAILURE(workers.start());
    const quint16 port = workers.port;
    QProcess &proxy = workers.proxy;
    ASSERT_TRUE(QTest::qWaitFor([&] { return childrenOf(proxy.processId()).size() == 2; }, 20000));
    const QList<pid_t> before = childrenOf(proxy.processId());
    ::kill(before.first(), SIGKILL);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            const QList<pid_t> now = childrenOf(proxy.processId());
            return now.size() == 2 && !now.contains(before.first());
        },
        20000))
        << "the dead worker was not replaced";
    EXPECT_EQ(proxy.state(), QProcess::Running);
    // Sessions are served by the workers alive now.
    std::vector<std::unique_ptr<WsClient>> clients;
    for (int i = 0; i < 4; ++i)
        clients.push_back(std::make_unique<WsClient>(QStringLiteral("ws://127.0.0.1:%1/websockify?token=t").arg(port)));
    for (auto &c : clients)
        ASSERT_TRUE(c->waitForBytes(5));
    // A reload reaches the live workers; the supervisor keeps running.
    ::kill(pid_t(proxy.processId()), SIGHUP);
    ::kill(pid_t(proxy.processId()), SIGTERM);
    ASSERT_TRUE(proxy.waitForFinished(20000));
    EXPECT_EQ(proxy.exitCode(), 0);
    const QString log = QString::fromUtf8(proxy.readAllStandardError());
    EXPECT_TRUE(log.contains(
        QStringLiteral("worker %1 ended unexpectedly (signal 9); starting another in 1 s").arg(before.first())))
        << qPrintable(log);
}
