// SPDX-License-Identifier: GPL-2.0-or-later
// `porthole --demo` as a user starts it, on a real X server (Xvfb): the main
// window comes up with the demo VM list, the first VM's console opens in a tab
// and shows its live demo desktop; both screenshots are checked for content.
#include "ConsolePeers.h"
#include "TestSupport.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace PortholeTest;

namespace {

// A display number nobody uses: no socket and no lock file for it.
int freeDisplay()
{
    for (int n = 90 + int(QCoreApplication::applicationPid() % 100); n < 400; ++n) {
        if (!QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(n))
            && !QFileInfo::exists(QStringLiteral("/tmp/.X%1-lock").arg(n)))
            return n;
    }
    return -1;
}

} // namespace

TEST(PortholeDemoUnderXvfb, MainWindowAndConsoleTab)
{
    if (QStandardPaths::findExecutable(QStringLiteral("Xvfb")).isEmpty())
        GTEST_FAIL() << "Xvfb is not installed (installer/debian-deps.sh installs it)";
    const int display = freeDisplay();
    ASSERT_GT(display, 0);
    PeerProcess xvfb;
    ASSERT_TRUE(xvfb.start(QStringLiteral("Xvfb"),
        {QStringLiteral(":%1").arg(display), QStringLiteral("-screen"), QStringLiteral("0"),
            QStringLiteral("1280x800x24"), QStringLiteral("-nolisten"), QStringLiteral("tcp")}));
    const QString socket = QStringLiteral("/tmp/.X11-unix/X%1").arg(display);
    ASSERT_TRUE(QTest::qWaitFor([&] { return QFileInfo::exists(socket); }, 30000)) << xvfb.output().toStdString();

    QTemporaryDir home;
    const QString shot = home.filePath(QStringLiteral("porthole-demo.png"));
    const QString consoleShot = home.filePath(QStringLiteral("porthole-console.png"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":%1").arg(display));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
    // Its settings go to a throw-away place, not the user's configuration.
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("LSAN_OPTIONS"), QStringLiteral("suppressions=" PORTHOLE_LSAN_SUPPRESSIONS));
    env.remove(QStringLiteral("ONE_XMLRPC"));
    env.remove(QStringLiteral("ONE_AUTH"));
    const ProcessResult run = runProgram(builtProgram(QStringLiteral("app/porthole")),
        {QStringLiteral("--demo"), QStringLiteral("--screenshot"), shot, QStringLiteral("--console-screenshot"),
            consoleShot},
        {}, 90000, env);
    ASSERT_TRUE(run.finished) << run.err.toStdString();
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("VM list loaded (ok)"))) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("first full frame"))) << run.err.toStdString();

    QImage image(shot);
    ASSERT_FALSE(image.isNull()) << "no screenshot at " << shot.toStdString();
    EXPECT_GE(image.width(), 600);
    EXPECT_GE(image.height(), 400);
    // Not blank: a filled table, a toolbar and text give many colours, and
    // dark (text) pixels make up a visible share of the table area.
    QSet<QRgb> colours;
    qint64 dark = 0;
    for (int y = 0; y < image.height(); y += 2) {
        for (int x = 0; x < image.width(); x += 2) {
            const QRgb p = image.pixel(x, y);
            colours.insert(p);
            if (qGray(p) < 100)
                ++dark;
        }
    }
    EXPECT_GT(colours.size(), 20) << "the screenshot looks blank";
    std::fprintf(stderr, "screenshot: %s (%d colours, %lld dark pixels)\n", qPrintable(shot), int(colours.size()),
        static_cast<long long>(dark));

    // The console: the demo desktop's blue sky and its golden ball are on screen.
    QImage console(consoleShot);
    ASSERT_FALSE(console.isNull()) << "no console screenshot at " << consoleShot.toStdString();
    qint64 sky = 0;
    qint64 gold = 0;
    for (int y = 0; y < console.height(); y += 2) {
        for (int x = 0; x < console.width(); x += 2) {
            const QColor c(console.pixel(x, y));
            if (c.blue() > 60 && c.blue() > c.red() + 30)
                ++sky;
            if (c.red() > 180 && c.green() > 110 && c.blue() < 120)
                ++gold;
        }
    }
    const qint64 samples = qint64(console.width() / 2) * (console.height() / 2);
    EXPECT_GT(sky, samples / 4) << "the console area does not show the demo desktop";
    EXPECT_GT(gold, 50) << "the animated ball is missing from the console";
    if (qEnvironmentVariableIsSet("PORTHOLE_KEEP_SCREENSHOT")) {
        QFile::copy(shot, qEnvironmentVariable("PORTHOLE_KEEP_SCREENSHOT"));
        QFile::copy(consoleShot, qEnvironmentVariable("PORTHOLE_KEEP_SCREENSHOT") + QStringLiteral(".console.png"));
    }
}
