// SPDX-License-Identifier: GPL-2.0-or-later
// porthole-cli reaching consoles through an SSH jump host (OpenSSH's sshd, named in a
// throw-away ~/.ssh/config) and exposing them as a plain TCP port for TigerVNC's vncviewer.
#include "ConsolePeers.h"
#include "SshdPeer.h"
#include "TestSupport.h"
#include "XvfbPeer.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>

using PortholeTest::ProcessResult;

namespace {

class CliReach : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_home.isValid());
        ASSERT_TRUE(m_xvnc.start(QStringLiteral("320x200"))) << qPrintable(m_xvnc.log());
        ASSERT_TRUE(m_xvnc.setRootColour(QStringLiteral("#3366cc")));
        ASSERT_TRUE(m_sshd.start()) << qPrintable(m_sshd.log());
        const QString key = m_sshd.makeUserKey(QStringLiteral("id_cli"));
        ASSERT_FALSE(key.isEmpty());
        // The jump host by an alias only ~/.ssh/config resolves: HostName, Port, User, IdentityFile.
        ASSERT_TRUE(QDir(m_home.path()).mkpath(QStringLiteral(".ssh")));
        QFile config(m_home.filePath(QStringLiteral(".ssh/config")));
        ASSERT_TRUE(config.open(QIODevice::WriteOnly));
        config.write(QStringLiteral("Host frontend\n  HostName 127.0.0.1\n  Port %1\n  User %2\n  IdentityFile %3\n")
                         .arg(m_sshd.port())
                         .arg(m_sshd.user(), key)
                         .toUtf8());
        config.close();
        QFile::copy(
            m_sshd.writeKnownHosts(QStringLiteral("known_hosts")), m_home.filePath(QStringLiteral(".ssh/known_hosts")));
        m_environment = QProcessEnvironment::systemEnvironment();
        m_environment.insert(QStringLiteral("HOME"), m_home.path());
        m_environment.remove(QStringLiteral("SSH_AUTH_SOCK"));
    }

    ProcessResult cli(const QStringList &arguments)
    {
        return PortholeTest::runProgram(
            PortholeTest::builtProgram(QStringLiteral("app/porthole-cli")), arguments, {}, 90000, m_environment);
    }
    QString target() const { return QStringLiteral("vnc://127.0.0.1:%1").arg(m_xvnc.port()); }

    PortholeTest::XvncServer m_xvnc;
    PortholeTest::SshdPeer m_sshd;
    QTemporaryDir m_home;
    QProcessEnvironment m_environment;
};

} // namespace

TEST_F(CliReach, ScreenshotThroughAJumpHostNamedInSshConfig)
{
    const QString file = m_home.filePath(QStringLiteral("shot.png"));
    const ProcessResult run = cli({QStringLiteral("screenshot"), target(), QStringLiteral("--via"),
        QStringLiteral("ssh://frontend"), QStringLiteral("-o"), file});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err) << qPrintable(m_sshd.log());
    const QImage image(file);
    ASSERT_EQ(image.size(), QSize(320, 200));
    EXPECT_EQ(image.pixelColor(5, 5), QColor(QStringLiteral("#3366cc")));
}

TEST_F(CliReach, ProbeReportsEachSshStep)
{
    const ProcessResult run = cli({QStringLiteral("probe"), target(), QStringLiteral("--via"),
        QStringLiteral("frontend"), QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.out) << qPrintable(run.err);
    const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QStringList names;
    for (const QJsonValue &step : report.value(u"steps").toArray())
        names << step.toObject().value(u"step").toString();
    EXPECT_EQ(names.mid(0, 5),
        (QStringList {QStringLiteral("ssh-connect"), QStringLiteral("ssh-host-key"),
            QStringLiteral("ssh-authentication"), QStringLiteral("ssh-channel"), QStringLiteral("rfb-version")}))
        << qPrintable(run.out);
    EXPECT_TRUE(names.contains(QStringLiteral("server-init")));
    EXPECT_TRUE(run.out.contains(m_sshd.hostFingerprint())) << qPrintable(run.out);
}

TEST_F(CliReach, UnknownHostKeyIsRefusedUntilAcceptedForGood)
{
    const QString knownHosts = m_home.filePath(QStringLiteral("empty_known_hosts"));
    QFile(knownHosts).open(QIODevice::WriteOnly);
    const QStringList arguments {QStringLiteral("probe"), target(), QStringLiteral("--via"), QStringLiteral("frontend"),
        QStringLiteral("--ssh-known-hosts"), knownHosts};
    const ProcessResult refused = cli(arguments);
    EXPECT_EQ(refused.exitCode, 3) << qPrintable(refused.out);
    EXPECT_TRUE(refused.out.contains(u"ssh-host-key")) << qPrintable(refused.out);
    EXPECT_TRUE(refused.out.contains(m_sshd.hostFingerprint())) << qPrintable(refused.out);
    EXPECT_EQ(QFileInfo(knownHosts).size(), 0);

    const ProcessResult accepted = cli(arguments + QStringList {QStringLiteral("--ssh-accept-new")});
    EXPECT_EQ(accepted.exitCode, 0) << qPrintable(accepted.out);
    EXPECT_GT(QFileInfo(knownHosts).size(), 0);
    EXPECT_EQ(cli(arguments).exitCode, 0);
}

TEST_F(CliReach, ForwardExposesTheTunnelToScreenshotsAndTigerVncViewer)
{
    QProcess forward;
    forward.setProcessEnvironment(m_environment);
    forward.start(PortholeTest::builtProgram(QStringLiteral("app/porthole-cli")),
        {QStringLiteral("forward"), target(), QStringLiteral("--via"), QStringLiteral("ssh://frontend"),
            QStringLiteral("--json")});
    ASSERT_TRUE(forward.waitForStarted());
    while (!forward.canReadLine())
        ASSERT_TRUE(forward.waitForReadyRead(30000)) << qPrintable(QString::fromUtf8(forward.readAllStandardError()));
    const QJsonObject started = QJsonDocument::fromJson(forward.readLine()).object();
    EXPECT_EQ(started.value(u"address").toString(), QStringLiteral("127.0.0.1"));
    const int port = started.value(u"port").toInt();
    ASSERT_GT(port, 0);

    const QString file = m_home.filePath(QStringLiteral("forwarded.png"));
    const ProcessResult shot = cli(
        {QStringLiteral("screenshot"), QStringLiteral("vnc://127.0.0.1:%1").arg(port), QStringLiteral("-o"), file});
    ASSERT_EQ(shot.exitCode, 0) << qPrintable(shot.err);
    EXPECT_EQ(QImage(file).pixelColor(5, 5), QColor(QStringLiteral("#3366cc")));

    PortholeTest::XvfbPeer x;
    ASSERT_TRUE(x.start());
    QProcess viewer;
    viewer.setProcessChannelMode(QProcess::MergedChannels);
    viewer.start(QStringLiteral("vncviewer"),
        {QStringLiteral("-display"), x.display(), QStringLiteral("127.0.0.1::%1").arg(port)});
    ASSERT_TRUE(viewer.waitForStarted());
    // TigerVNC titles its window "<desktop name> - TigerVNC" once the server said its name.
    EXPECT_TRUE(x.waitForWindow(QStringLiteral("- TigerVNC")))
        << qPrintable(x.windowTree()) << qPrintable(QString::fromLocal8Bit(viewer.readAll()));
    viewer.kill();
    viewer.waitForFinished();

    forward.terminate(); // SIGTERM: forward stops cleanly
    ASSERT_TRUE(forward.waitForFinished(30000));
    EXPECT_EQ(forward.exitCode(), 0) << qPrintable(QString::fromUtf8(forward.readAllStandardError()));
}
