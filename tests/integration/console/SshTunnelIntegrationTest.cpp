// SPDX-License-Identifier: GPL-2.0-or-later
// Consoles through a real OpenSSH sshd as the jump host, reaching a real Xvnc behind it.
#include "ConsolePeers.h"
#include "SshdPeer.h"
#include "console/RfbSession.h"
#include "ssh/SshConnection.h"
#include "ssh/SshConnectionPool.h"
#include "tokens/ConsoleUrl.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTimer>

using namespace Porthole;
using namespace PortholeTest;

namespace {

constexpr int kWaitMs = 30000;

ConsoleError waitError(RfbSession &session)
{
    QSignalSpy failed(&session, &RfbSession::errorOccurred);
    if (session.state() != RfbSession::State::Failed && !failed.wait(kWaitMs))
        return ConsoleError::None;
    return session.error();
}

class SshTunnelIntegration : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_xvnc = new XvncServer;
        s_sshd = new SshdPeer;
        PORTHOLE_REQUIRE_PEER(s_xvnc->start(QStringLiteral("320x240")));
        PORTHOLE_REQUIRE_PEER(s_xvnc->setRootColour(QStringLiteral("#c03060")));
        PORTHOLE_REQUIRE_PEER(s_sshd->start());
        s_key = s_sshd->makeUserKey(QStringLiteral("id_plain"));
        PORTHOLE_REQUIRE_PEER(!s_key.isEmpty());
    }
    void SetUp() override
    {
        ASSERT_TRUE(peerSetupError().isEmpty()) << peerSetupError().toStdString();
        if (s_sshd->port() == 0 || !waitForPort(s_sshd->port(), 1000)) {
            ASSERT_TRUE(s_sshd->start(s_sshd->port())) << s_sshd->log().toStdString();
        }
    }
    static void TearDownTestSuite()
    {
        delete s_sshd;
        delete s_xvnc;
    }

    // Nothing of the user's own ~/.ssh: this test's known_hosts, no config, no agent.
    static SshLink::Options sshOptions(const QString &knownHosts, const QStringList &keys = {s_key})
    {
        SshLink::Options options;
        options.knownHostsFile = knownHosts;
        options.globalKnownHostsFile = QStringLiteral("/dev/null");
        options.readConfig = false;
        options.defaultIdentities = false;
        options.useAgent = false;
        options.identityFiles = keys;
        options.timeoutMs = 10000;
        return options;
    }
    static ConsoleUrl tunnelUrl(quint16 port = 0)
    {
        ConsoleUrl url = ConsoleUrl::vnc(QStringLiteral("127.0.0.1"), port ? port : s_xvnc->port());
        url.setVia(s_sshd->url());
        return url;
    }
    static RfbSession::Options sessionOptions(const SshLink::Options &ssh)
    {
        RfbSession::Options options;
        options.ssh = ssh;
        options.connectTimeoutMs = kWaitMs;
        return options;
    }
    QString knownHosts(bool rightKey = true)
    {
        return s_sshd->writeKnownHosts(QStringLiteral("known_hosts_%1").arg(++s_counter), rightKey);
    }

    static XvncServer *s_xvnc;
    static SshdPeer *s_sshd;
    static QString s_key;
    static int s_counter;
};

XvncServer *SshTunnelIntegration::s_xvnc = nullptr;
SshdPeer *SshTunnelIntegration::s_sshd = nullptr;
QString SshTunnelIntegration::s_key;
int SshTunnelIntegration::s_counter = 0;

} // namespace

TEST_F(SshTunnelIntegration, KeyFileTunnelShowsTheSamePictureAsDirectTcp)
{
    RfbSession tunnel;
    tunnel.open(tunnelUrl(), sessionOptions(sshOptions(knownHosts())));
    ASSERT_TRUE(waitFirstFrame(tunnel, kWaitMs)) << tunnel.errorText().toStdString() << s_sshd->log().toStdString();
    RfbSession direct;
    direct.open(ConsoleUrl::vnc(QStringLiteral("127.0.0.1"), s_xvnc->port()));
    ASSERT_TRUE(waitFirstFrame(direct, kWaitMs)) << direct.errorText().toStdString();
    const QImage viaSsh = tunnel.frame();
    EXPECT_EQ(viaSsh.size(), QSize(320, 240));
    EXPECT_EQ(viaSsh, direct.frame());
    EXPECT_EQ(viaSsh.pixel(10, 10) & 0xffffff, 0xc03060u);
}

TEST_F(SshTunnelIntegration, AgentKeyIsUsed)
{
    SshAgentPeer agent;
    ASSERT_TRUE(agent.start());
    const QString key = s_sshd->makeUserKey(QStringLiteral("id_agent"));
    ASSERT_TRUE(agent.add(key));
    SshLink::Options options = sshOptions(knownHosts(), {});
    options.useAgent = true;
    options.agentSocket = agent.socket();
    SshConnection connection(SshTarget::parse(s_sshd->url()).value(), options);
    QSignalSpy ready(&connection, &SshConnection::ready);
    connection.start();
    ASSERT_TRUE(ready.wait(kWaitMs)) << connection.errorText().toStdString();
    EXPECT_EQ(connection.authenticatedBy(), QStringLiteral("ssh-agent"));
}

TEST_F(SshTunnelIntegration, EncryptedKeyAsksForItsPassphraseWithoutBlocking)
{
    const QString key = s_sshd->makeUserKey(QStringLiteral("id_locked"), QStringLiteral("open sesame"));
    SshConnection connection(SshTarget::parse(s_sshd->url()).value(), sshOptions(knownHosts(), {key}));
    QList<SshLink::SecretRequest> asked;
    QObject::connect(
        &connection, &SshConnection::secretQuestion, &connection, [&](const SshLink::SecretRequest &request) {
            asked << request;
            // Answered later from the event loop, as a dialog would: the worker waits, we do not.
            QTimer::singleShot(0, &connection, [&connection, retry = request.retry] {
                connection.answerSecret(retry ? QStringLiteral("open sesame") : QStringLiteral("wrong"));
            });
        });
    QSignalSpy ready(&connection, &SshConnection::ready);
    connection.start();
    ASSERT_TRUE(ready.wait(kWaitMs)) << connection.errorText().toStdString();
    ASSERT_EQ(asked.size(), 2);
    EXPECT_EQ(asked[0].kind, SshLink::SecretRequest::Kind::Passphrase);
    EXPECT_EQ(asked[0].keyFile, key);
    EXPECT_FALSE(asked[0].retry);
    EXPECT_TRUE(asked[1].retry);
    EXPECT_EQ(connection.authenticatedBy(), QStringLiteral("key ") + key);
}

TEST_F(SshTunnelIntegration, EncryptedKeyWithPassphraseGivenUpFrontOpensTheConsole)
{
    const QString key = s_sshd->makeUserKey(QStringLiteral("id_locked2"), QStringLiteral("s3cret phrase"));
    RfbSession::Options options = sessionOptions(sshOptions(knownHosts(), {key}));
    options.sshSecrets.passphrase = QStringLiteral("s3cret phrase");
    RfbSession session;
    session.open(tunnelUrl(), options);
    ASSERT_TRUE(waitFirstFrame(session, kWaitMs)) << session.errorText().toStdString();
}

TEST_F(SshTunnelIntegration, EncryptedKeyWithoutPassphraseIsSkippedAndSaidSo)
{
    const QString key = s_sshd->makeUserKey(QStringLiteral("id_locked3"), QStringLiteral("unknown to us"));
    RfbSession session;
    session.open(tunnelUrl(), sessionOptions(sshOptions(knownHosts(), {key})));
    EXPECT_EQ(waitError(session), ConsoleError::JumpHostRefused);
    EXPECT_TRUE(session.errorText().contains(QStringLiteral("no passphrase given")))
        << session.errorText().toStdString();
}

TEST_F(SshTunnelIntegration, WrongKeyIsRefused)
{
    const QString stranger = s_sshd->makeUserKey(QStringLiteral("id_stranger"), QString(), false);
    RfbSession session;
    session.open(tunnelUrl(), sessionOptions(sshOptions(knownHosts(), {stranger})));
    EXPECT_EQ(waitError(session), ConsoleError::JumpHostRefused);
    EXPECT_TRUE(session.errorText().contains(stranger + QStringLiteral(" (refused)")))
        << session.errorText().toStdString();
    EXPECT_EQ(consoleExitCode(session.error()), 3);
}

TEST_F(SshTunnelIntegration, WrongPasswordIsRefusedAndNeverShown)
{
    // Password login succeeds only for a system account's real password, which a test cannot
    // know; what it can check is that the password is offered, refused, and never echoed.
    RfbSession::Options options = sessionOptions(sshOptions(knownHosts(), {}));
    options.sshSecrets.password = QStringLiteral("not-the-password-42");
    RfbSession session;
    session.open(tunnelUrl(), options);
    EXPECT_EQ(waitError(session), ConsoleError::JumpHostRefused);
    EXPECT_TRUE(session.errorText().contains(QStringLiteral("password"))) << session.errorText().toStdString();
    EXPECT_FALSE(session.errorText().contains(QStringLiteral("not-the-password-42")));
}

TEST_F(SshTunnelIntegration, UnknownHostKeyIsRefusedWithItsFingerprint)
{
    const QString file = s_sshd->writeKnownHosts(QStringLiteral("known_hosts_empty_%1").arg(++s_counter));
    QFile::resize(file, 0);
    RfbSession session;
    session.open(tunnelUrl(), sessionOptions(sshOptions(file)));
    EXPECT_EQ(waitError(session), ConsoleError::HostKeyRejected);
    EXPECT_TRUE(session.errorText().contains(s_sshd->hostFingerprint())) << session.errorText().toStdString();
    EXPECT_TRUE(session.errorText().contains(QStringLiteral("not known")));
}

TEST_F(SshTunnelIntegration, UnknownHostKeyTrustedOnceIsNotWritten)
{
    const QString file = s_sshd->writeKnownHosts(QStringLiteral("known_hosts_once_%1").arg(++s_counter));
    QFile::resize(file, 0);
    SshConnection connection(SshTarget::parse(s_sshd->url()).value(), sshOptions(file));
    QList<SshHostKey> asked;
    QObject::connect(&connection, &SshConnection::hostKeyQuestion, &connection, [&](const SshHostKey &key) {
        asked << key;
        connection.answerHostKey(SshHostKeyAnswer::TrustOnce);
    });
    QSignalSpy ready(&connection, &SshConnection::ready);
    connection.start();
    ASSERT_TRUE(ready.wait(kWaitMs)) << connection.errorText().toStdString();
    ASSERT_EQ(asked.size(), 1);
    EXPECT_EQ(asked[0].fingerprint, s_sshd->hostFingerprint());
    EXPECT_EQ(asked[0].type, QStringLiteral("ssh-ed25519"));
    EXPECT_EQ(asked[0].verdict, SshHostKey::Verdict::Unknown);
    EXPECT_EQ(QFileInfo(file).size(), 0);
}

TEST_F(SshTunnelIntegration, UnknownHostKeyTrustedForGoodIsKnownNextTime)
{
    const QString file = s_sshd->writeKnownHosts(QStringLiteral("known_hosts_always_%1").arg(++s_counter));
    QFile::resize(file, 0);
    {
        SshConnection connection(SshTarget::parse(s_sshd->url()).value(), sshOptions(file));
        QObject::connect(&connection, &SshConnection::hostKeyQuestion, &connection,
            [&](const SshHostKey &) { connection.answerHostKey(SshHostKeyAnswer::TrustAlways); });
        QSignalSpy ready(&connection, &SshConnection::ready);
        connection.start();
        ASSERT_TRUE(ready.wait(kWaitMs)) << connection.errorText().toStdString();
    }
    EXPECT_GT(QFileInfo(file).size(), 0);
    SshConnection again(SshTarget::parse(s_sshd->url()).value(), sshOptions(file));
    int questions = 0;
    QObject::connect(&again, &SshConnection::hostKeyQuestion, &again, [&](const SshHostKey &) {
        ++questions;
        again.answerHostKey(SshHostKeyAnswer::Refuse);
    });
    QSignalSpy ready(&again, &SshConnection::ready);
    again.start();
    ASSERT_TRUE(ready.wait(kWaitMs)) << again.errorText().toStdString();
    EXPECT_EQ(questions, 0);
    EXPECT_EQ(again.hostKey().verdict, SshHostKey::Verdict::Known);
}

TEST_F(SshTunnelIntegration, ChangedHostKeyIsRefusedWithoutAsking)
{
    SshConnection connection(SshTarget::parse(s_sshd->url()).value(), sshOptions(knownHosts(false)));
    int questions = 0;
    QObject::connect(&connection, &SshConnection::hostKeyQuestion, &connection, [&](const SshHostKey &) {
        ++questions;
        connection.answerHostKey(SshHostKeyAnswer::TrustAlways);
    });
    QSignalSpy failed(&connection, &SshConnection::failed);
    connection.start();
    ASSERT_TRUE(failed.wait(kWaitMs));
    EXPECT_EQ(connection.error(), SshError::HostKeyChanged);
    EXPECT_TRUE(connection.errorText().contains(QStringLiteral("CHANGED"))) << connection.errorText().toStdString();
    EXPECT_TRUE(connection.errorText().contains(s_sshd->hostFingerprint()));
    EXPECT_EQ(questions, 0);
}

TEST_F(SshTunnelIntegration, ClosedPortBehindTheJumpHostIsTargetDown)
{
    RfbSession session;
    session.open(tunnelUrl(freePort()), sessionOptions(sshOptions(knownHosts())));
    EXPECT_EQ(waitError(session), ConsoleError::TargetDown);
    EXPECT_TRUE(session.errorText().contains(QStringLiteral("could not connect to 127.0.0.1:")))
        << session.errorText().toStdString();
}

TEST_F(SshTunnelIntegration, ConsolesThroughOneJumpHostShareOneConnection)
{
    const SshLink::Options options = sshOptions(knownHosts());
    // sshd logs each login: one for both consoles (log() returns what is new since the last call).
    s_sshd->log();
    RfbSession first;
    RfbSession second;
    // Watched from the start: through one connection the second may well be first.
    QSignalSpy firstFull(&first, &RfbSession::firstFullFrame);
    QSignalSpy secondFull(&second, &RfbSession::firstFullFrame);
    first.open(tunnelUrl(), sessionOptions(options));
    second.open(tunnelUrl(), sessionOptions(options));
    ASSERT_TRUE(!firstFull.isEmpty() || firstFull.wait(kWaitMs)) << first.errorText().toStdString();
    ASSERT_TRUE(!secondFull.isEmpty() || secondFull.wait(kWaitMs)) << second.errorText().toStdString();
    const QString log = s_sshd->log();
    EXPECT_EQ(log.count(QStringLiteral("Accepted publickey for")), 1) << log.toStdString();
    EXPECT_GE(SshConnectionPool::shared().liveConnections(), 1);
    EXPECT_EQ(first.frame(), second.frame());
}

TEST_F(SshTunnelIntegration, KilledJumpHostIsItsOwnErrorAndReconnectWorksWhenItReturns)
{
    const SshLink::Options options = sshOptions(knownHosts());
    RfbSession session;
    session.open(tunnelUrl(), sessionOptions(options));
    ASSERT_TRUE(waitFirstFrame(session, kWaitMs)) << session.errorText().toStdString();
    s_sshd->kill();
    EXPECT_EQ(waitError(session), ConsoleError::JumpHostLost);
    EXPECT_TRUE(session.errorText().contains(QStringLiteral("SSH connection"))) << session.errorText().toStdString();
    ASSERT_TRUE(s_sshd->start(s_sshd->port())) << s_sshd->log().toStdString();
    session.open(tunnelUrl(), sessionOptions(options));
    ASSERT_TRUE(waitFirstFrame(session, kWaitMs)) << session.errorText().toStdString();
}
