// SPDX-License-Identifier: GPL-2.0-or-later
// porthole-cli screenshot / watch / probe against TigerVNC's Xvnc behind Debian's websockify,
// and against the live desktops of the demo (--demo, serve-demo).
#include "ConsolePeers.h"
#include "TestSupport.h"

#include <gtest/gtest.h>

#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>

using PortholeTest::ProcessResult;

namespace {

ProcessResult cli(const QStringList &arguments, const QByteArray &input = {})
{
    return PortholeTest::runProgram(
        PortholeTest::builtProgram(QStringLiteral("app/porthole-cli")), arguments, input, 90000);
}

class CliConsole : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_open.start(QStringLiteral("320x200"))) << qPrintable(m_open.log());
        ASSERT_TRUE(m_open.setRootColour(QStringLiteral("#3366cc")));
        ASSERT_TRUE(m_locked.start(QStringLiteral("320x200"), QStringLiteral("s3cret")));
        ASSERT_TRUE(m_proxy.start({QStringLiteral("open: 127.0.0.1:%1").arg(m_open.port()),
            QStringLiteral("locked: 127.0.0.1:%1").arg(m_locked.port())}))
            << qPrintable(m_proxy.log());
    }

    PortholeTest::XvncServer m_open;
    PortholeTest::XvncServer m_locked;
    PortholeTest::Websockify m_proxy;
    QTemporaryDir m_dir;
};

} // namespace

TEST_F(CliConsole, ScreenshotSavesTheDesktopsPixels)
{
    const QString file = m_dir.filePath(QStringLiteral("shot.png"));
    const ProcessResult run
        = cli({QStringLiteral("screenshot"), m_proxy.url(QStringLiteral("open")), QStringLiteral("-o"), file});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_TRUE(run.out.startsWith(file + QStringLiteral(": 320x200, first complete frame after ")))
        << qPrintable(run.out);
    const QImage image(file);
    ASSERT_EQ(image.size(), QSize(320, 200));
    EXPECT_EQ(image.pixelColor(5, 5), QColor(QStringLiteral("#3366cc")));
    EXPECT_EQ(image.pixelColor(310, 190), QColor(QStringLiteral("#3366cc")));
}

TEST_F(CliConsole, WrongVncPasswordExits3)
{
    const ProcessResult run
        = cli({QStringLiteral("screenshot"), m_proxy.url(QStringLiteral("locked")), QStringLiteral("-o"),
                  m_dir.filePath(QStringLiteral("x.png")), QStringLiteral("--password-stdin")},
            "wrong\n");
    EXPECT_EQ(run.exitCode, 3) << qPrintable(run.err);
    EXPECT_FALSE(QFile::exists(m_dir.filePath(QStringLiteral("x.png"))));
}

TEST_F(CliConsole, RightVncPasswordWorks)
{
    const ProcessResult run
        = cli({QStringLiteral("screenshot"), m_proxy.url(QStringLiteral("locked")), QStringLiteral("-o"),
                  m_dir.filePath(QStringLiteral("y.png")), QStringLiteral("--password-stdin")},
            "s3cret\n");
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
}

TEST_F(CliConsole, ProbeReportsEveryStepAsJson)
{
    const ProcessResult run
        = cli({QStringLiteral("probe"), m_proxy.url(QStringLiteral("open")), QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
    EXPECT_FALSE(report.isEmpty()) << qPrintable(run.out);
    EXPECT_TRUE(run.out.contains(u"server-init"));
    EXPECT_FALSE(run.out.contains(u"open:")); // nothing of the token file leaks
}

TEST_F(CliConsole, ProbeOfAnUnknownTokenExits4AndSaysWhy)
{
    const ProcessResult run = cli({QStringLiteral("probe"), m_proxy.url(QStringLiteral("no-such-token"))});
    EXPECT_EQ(run.exitCode, 4) << qPrintable(run.out) << qPrintable(run.err);
    EXPECT_TRUE(run.out.contains(u"token")) << qPrintable(run.out);
    EXPECT_FALSE(run.out.contains(u"no-such-token")); // tokens are redacted
}

TEST_F(CliConsole, WatchPrintsASummary)
{
    const ProcessResult run = cli({QStringLiteral("watch"), m_proxy.url(QStringLiteral("open")),
        QStringLiteral("--duration"), QStringLiteral("1.5")});
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_TRUE(run.out.contains(u"320x200")) << qPrintable(run.out);
    EXPECT_TRUE(run.out.contains(u"fps")) << qPrintable(run.out);
}

TEST(CliConsoleUsage, ScreenshotWithoutOutputExits2)
{
    const ProcessResult run = cli({QStringLiteral("screenshot"), QStringLiteral("vnc://127.0.0.1:5900")});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(u"'screenshot' wants -o FILE.png")) << qPrintable(run.err);
}

TEST(CliConsoleUsage, JunkUrlExits2)
{
    const ProcessResult run = cli({QStringLiteral("probe"), QStringLiteral("gopher://x")});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(u"gopher")) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(u"console URL")) << qPrintable(run.err);
}

TEST_F(CliConsole, ScreenshotWithPictureOptions)
{
    // Lossless settings and a plain encoding list: the pixels come through exactly.
    const QString file = m_dir.filePath(QStringLiteral("shot.png"));
    const ProcessResult run = cli({QStringLiteral("screenshot"), m_proxy.url(QStringLiteral("open")),
        QStringLiteral("-o"), file, QStringLiteral("--quality"), QStringLiteral("9"), QStringLiteral("--compression"),
        QStringLiteral("0"), QStringLiteral("--encodings"), QStringLiteral("zrle,raw")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    const QImage image(file);
    ASSERT_EQ(image.size(), QSize(320, 200));
    EXPECT_EQ(image.pixelColor(160, 100), QColor(QStringLiteral("#3366cc")));
}

TEST(CliConsoleUsage, PictureOptionsAreCheckedAndBelongToScreenshotAndWatch)
{
    struct Case
    {
        QStringList arguments;
        const char *expected;
    };
    const QString url = QStringLiteral("vnc://127.0.0.1:1");
    const QList<Case> cases = {
        {{QStringLiteral("screenshot"), url, QStringLiteral("-o"), QStringLiteral("x.png"), QStringLiteral("--quality"),
             QStringLiteral("10")},
            "--quality wants a level from 0 to 9, got \"10\""},
        {{QStringLiteral("watch"), url, QStringLiteral("--compression"), QStringLiteral("high")},
            "--compression wants a level from 0 to 9, got \"high\""},
        {{QStringLiteral("probe"), url, QStringLiteral("--encodings"), QStringLiteral("raw")},
            "--encodings does not apply to 'probe'"},
    };
    for (const Case &c : cases) {
        const ProcessResult run = cli(c.arguments);
        EXPECT_EQ(run.exitCode, 2) << qPrintable(c.arguments.join(u' '));
        EXPECT_TRUE(run.err.contains(QLatin1String(c.expected))) << qPrintable(run.err);
    }
}

// porthole-cli --demo: a demo VM's ID names its live desktop (libvncserver in the CLI's process).
TEST(CliDemoConsole, ScreenshotOfADemoVmSavesItsLiveDesktop)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("demo.png"));
    // VM 2 has a VNC password: the CLI takes it from the VM, as a console does.
    const ProcessResult run = cli(
        {QStringLiteral("--demo"), QStringLiteral("screenshot"), QStringLiteral("2"), QStringLiteral("-o"), file});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_TRUE(run.out.startsWith(file + QStringLiteral(": 800x600, first complete frame after ")))
        << qPrintable(run.out);
    const QImage image(file);
    ASSERT_EQ(image.size(), QSize(800, 600));
    const QColor sky = image.pixelColor(2, 2); // the desktop's blue sky, not a black buffer
    EXPECT_GT(sky.blue(), 80);
    EXPECT_GT(sky.blue(), sky.red());
}

TEST(CliDemoConsole, ProbeOfADemoVmReachesItsDesktop)
{
    const ProcessResult run
        = cli({QStringLiteral("--demo"), QStringLiteral("probe"), QStringLiteral("9"), QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.out) << qPrintable(run.err);
    EXPECT_TRUE(run.out.contains(u"vnc://127.0.0.1:")) << qPrintable(run.out);
    EXPECT_TRUE(run.out.contains(u"alice-desktop")) << qPrintable(run.out); // the desktop's name in ServerInit
    EXPECT_FALSE(run.out.contains(u"alicepw")); // the VNC password stays out
}

TEST(CliDemoConsole, ADemoVmWithoutAConsoleExits4AndNamesTheOnesWithOne)
{
    const ProcessResult run = cli({QStringLiteral("--demo"), QStringLiteral("screenshot"), QStringLiteral("3"),
        QStringLiteral("-o"), QStringLiteral("/nonexistent/x.png")});
    EXPECT_EQ(run.exitCode, 4);
    EXPECT_TRUE(run.err.contains(u"demo VM 3 has no live console; the demo's VNC consoles are VMs 0, 1, 2, 9"))
        << qPrintable(run.err);
}

TEST(CliDemoConsole, TokenNamesTheLiveDesktop)
{
    const ProcessResult run
        = cli({QStringLiteral("--demo"), QStringLiteral("token"), QStringLiteral("0"), QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    const QJsonObject token = QJsonDocument::fromJson(run.out.toUtf8()).object();
    EXPECT_EQ(token.value(u"host").toString(), QStringLiteral("127.0.0.1")) << qPrintable(run.out);
    EXPECT_GT(token.value(u"port").toInt(), 1024); // a free port of the loopback, not oned's 5900
    EXPECT_NE(token.value(u"port").toInt(), 5900);
}

// serve-demo names each live desktop; the addon's token for a VM names the same one, and a
// console URL built from it (vnc://host:port) is answered by that desktop.
TEST(CliDemoConsole, ServeDemoListsLiveConsolesAndTheirTokensLeadThere)
{
    QProcess serve;
    serve.start(PortholeTest::builtProgram(QStringLiteral("app/porthole-cli")),
        {QStringLiteral("serve-demo"), QStringLiteral("--json")});
    ASSERT_TRUE(serve.waitForStarted());
    while (!serve.canReadLine())
        ASSERT_TRUE(serve.waitForReadyRead(30000)) << qPrintable(QString::fromUtf8(serve.readAllStandardError()));
    const QJsonObject started = QJsonDocument::fromJson(serve.readLine()).object();
    const QJsonObject consoles = started.value(u"consoles").toObject();
    EXPECT_EQ(consoles.keys(),
        (QStringList {QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("9")}));
    const QString endpoint = started.value(u"endpoint").toString();

    const ProcessResult token
        = cli({QStringLiteral("--endpoint"), endpoint, QStringLiteral("--user"), QStringLiteral("oneadmin"),
                  QStringLiteral("--password-stdin"), QStringLiteral("--vnctoken-endpoint"), endpoint,
                  QStringLiteral("token"), QStringLiteral("1"), QStringLiteral("--json")},
            "password\n");
    ASSERT_EQ(token.exitCode, 0) << qPrintable(token.err);
    const QJsonObject answer = QJsonDocument::fromJson(token.out.toUtf8()).object();
    const QString url
        = QStringLiteral("vnc://%1:%2").arg(answer.value(u"host").toString()).arg(answer.value(u"port").toInt());
    EXPECT_EQ(url, consoles.value(u"1").toString());
    const ProcessResult probe = cli({QStringLiteral("probe"), url});
    EXPECT_EQ(probe.exitCode, 0) << qPrintable(probe.out);
    EXPECT_TRUE(probe.out.contains(u"\"db-1\" 800x600")) << qPrintable(probe.out);

    serve.terminate(); // SIGTERM: serve-demo stops cleanly
    ASSERT_TRUE(serve.waitForFinished(30000));
    EXPECT_EQ(serve.exitCode(), 0);
}

// D9: one.vm.vnctokenonly answers the token alone; whether the VM has a VNC password
// is unknown then, like its host and port (demo VM 2 has one).
TEST(CliDemoConsole, TokenOnlySaysThePasswordIsUnknown)
{
    const ProcessResult json = cli({QStringLiteral("--demo"), QStringLiteral("token"), QStringLiteral("2"),
        QStringLiteral("--method"), QStringLiteral("vnctokenonly"), QStringLiteral("--json")});
    ASSERT_EQ(json.exitCode, 0) << qPrintable(json.err);
    const QJsonObject token = QJsonDocument::fromJson(json.out.toUtf8()).object();
    EXPECT_TRUE(token.value(u"password_set").isNull()) << qPrintable(json.out);
    EXPECT_TRUE(token.value(u"port").isNull()) << qPrintable(json.out);
    EXPECT_FALSE(token.value(u"token").toString().isEmpty()) << qPrintable(json.out);

    const ProcessResult text = cli({QStringLiteral("--demo"), QStringLiteral("token"), QStringLiteral("2"),
        QStringLiteral("--method"), QStringLiteral("vnctokenonly")});
    ASSERT_EQ(text.exitCode, 0) << qPrintable(text.err);
    EXPECT_TRUE(text.out.contains(
        QRegularExpression(QStringLiteral("^PASSWORD +unknown$"), QRegularExpression::MultilineOption)))
        << qPrintable(text.out);
    EXPECT_FALSE(text.out.contains(u"none")) << qPrintable(text.out);

    const ProcessResult full = cli({QStringLiteral("--demo"), QStringLiteral("token"), QStringLiteral("2")});
    ASSERT_EQ(full.exitCode, 0) << qPrintable(full.err);
    EXPECT_TRUE(
        full.out.contains(QRegularExpression(QStringLiteral("^PASSWORD +set$"), QRegularExpression::MultilineOption)))
        << qPrintable(full.out);
}

// F8: serve-demo's hints work as printed. The addon lives at the demo's own endpoint, not
// on port 2644 of its host, so the token hint must name --vnctoken-endpoint.
TEST(CliDemoConsole, ServeDemoHintsWorkAsPrinted)
{
    QProcess serve;
    serve.start(PortholeTest::builtProgram(QStringLiteral("app/porthole-cli")), {QStringLiteral("serve-demo")});
    ASSERT_TRUE(serve.waitForStarted());
    QStringList hints;
    QString banner;
    while (!banner.contains(u"Press Ctrl+C to stop.")) {
        ASSERT_TRUE(serve.waitForReadyRead(30000)) << qPrintable(QString::fromUtf8(serve.readAllStandardError()));
        banner += QString::fromUtf8(serve.readAllStandardOutput());
    }
    for (const QString &line : banner.split(u'\n')) {
        const qsizetype at = line.indexOf(u"echo ");
        if (at >= 0)
            hints << line.mid(at);
    }
    ASSERT_EQ(hints.size(), 2) << qPrintable(banner);
    EXPECT_TRUE(hints[1].contains(u" --vnctoken-endpoint ")) << qPrintable(hints[1]);
    EXPECT_TRUE(hints[1].endsWith(u" token 0")) << qPrintable(hints[1]);
    for (const QString &hint : std::as_const(hints)) {
        // "echo PASSWORD | porthole-cli ARGUMENTS", run as a shell would
        const QStringList words = hint.split(u' ', Qt::SkipEmptyParts);
        ASSERT_GE(words.size(), 5) << qPrintable(hint);
        ASSERT_EQ(words[2], QStringLiteral("|"));
        ASSERT_EQ(words[3], QStringLiteral("porthole-cli"));
        const ProcessResult run = cli(words.mid(4), words[1].toUtf8() + '\n');
        EXPECT_EQ(run.exitCode, 0) << qPrintable(hint + u'\n' + run.err);
        EXPECT_FALSE(run.out.isEmpty()) << qPrintable(hint);
    }
    serve.terminate();
    ASSERT_TRUE(serve.waitForFinished(30000));
}

TEST(CliDemoConsole, ServeDemoJsonNamesTheVnctokenEndpoint)
{
    QProcess serve;
    serve.start(PortholeTest::builtProgram(QStringLiteral("app/porthole-cli")),
        {QStringLiteral("serve-demo"), QStringLiteral("--json")});
    ASSERT_TRUE(serve.waitForStarted());
    while (!serve.canReadLine())
        ASSERT_TRUE(serve.waitForReadyRead(30000)) << qPrintable(QString::fromUtf8(serve.readAllStandardError()));
    const QJsonObject started = QJsonDocument::fromJson(serve.readLine()).object();
    EXPECT_EQ(started.value(u"vnctoken_endpoint").toString(), started.value(u"endpoint").toString())
        << qPrintable(QString::fromUtf8(QJsonDocument(started).toJson()));
    serve.terminate();
    ASSERT_TRUE(serve.waitForFinished(30000));
}

// F8: when nothing answers at the vnctoken endpoint, the error names the addon and the option.
TEST(CliConsoleUsage, RefusedAddonNamesTheVnctokenEndpoint)
{
    QTcpServer closed;
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost));
    const QString addon = QStringLiteral("http://127.0.0.1:%1/RPC2").arg(closed.serverPort());
    closed.close();
    const ProcessResult run = cli({QStringLiteral("--demo"), QStringLiteral("token"), QStringLiteral("0"),
        QStringLiteral("--vnctoken-endpoint"), addon});
    EXPECT_EQ(run.exitCode, 5) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(u"Is addon-vnctoken running there, and is the vnctoken endpoint right?"))
        << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(u"port 2644. (--vnctoken-endpoint)\n")) << qPrintable(run.err);
    EXPECT_FALSE(run.err.contains(u"Is oned running")) << qPrintable(run.err);
}
