// SPDX-License-Identifier: GPL-2.0-or-later
// porthole --help and --version answer without any window system (over ssh, in scripts).
#include "TestSupport.h"
#include "app/gui/DesktopIdentity.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>

using PortholeTest::ProcessResult;

namespace {

ProcessResult porthole(const QStringList &arguments, const QString &locale = QStringLiteral("C.UTF-8"))
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // The system locale decides the language (no Settings file in a fresh configuration directory).
    static QTemporaryDir configuration;
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), configuration.path());
    environment.insert(QStringLiteral("LC_ALL"), locale);
    environment.remove(QStringLiteral("LANGUAGE"));
    environment.remove(QStringLiteral("DISPLAY"));
    environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
    return PortholeTest::runProgram(
        PortholeTest::builtProgram(QStringLiteral("app/porthole")), arguments, {}, 30000, environment);
}

} // namespace

TEST(DesktopCommandLine, HelpWorksWithoutADisplay)
{
    const ProcessResult run = porthole({QStringLiteral("--help")});
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_TRUE(run.out.contains(u"--demo")) << qPrintable(run.out);
    EXPECT_TRUE(run.out.contains(u"--connect <url>")) << qPrintable(run.out);
    EXPECT_FALSE(run.out.contains(u"--screenshot")); // hidden: for tests only
}

TEST(DesktopCommandLine, VersionNamesQtAndLibvncclient)
{
    const ProcessResult run = porthole({QStringLiteral("--version")});
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    // The name once, then the version: the line help2man turns into the man page's header.
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^porthole \\d+\\.\\d+\\.\\d+ \\(Qt ")).match(run.out).hasMatch())
        << qPrintable(run.out);
    EXPECT_EQ(run.out.count(QStringLiteral("porthole"), Qt::CaseInsensitive), 1) << qPrintable(run.out);
    EXPECT_TRUE(run.out.contains(u"libvncclient")) << qPrintable(run.out);
}

TEST(DesktopCommandLine, HelpSpeaksTheGuiLanguage)
{
    const ProcessResult german = porthole({QStringLiteral("--help")}, QStringLiteral("de_DE.UTF-8"));
    EXPECT_EQ(german.exitCode, 0) << qPrintable(german.err);
    EXPECT_TRUE(german.out.contains(u"Die eingebaute Demo-Cloud starten")) << qPrintable(german.out);
    const ProcessResult french = porthole({QStringLiteral("--help")}, QStringLiteral("fr_FR.UTF-8"));
    EXPECT_FALSE(french.out.contains(u"Start the built-in demo cloud")) << qPrintable(french.out);
    EXPECT_TRUE(porthole({QStringLiteral("--help")}).out.contains(u"Start the built-in demo cloud"));
}

TEST(DesktopCommandLine, WindowIdentityMatchesTheInstalledDesktopFile)
{
    // Shells find the icon and the launcher of a Wayland window by its app id = the file's name.
    const QString desktopFile
        = QStringLiteral(PORTHOLE_SOURCE_DIR "/resources/%1.desktop").arg(Porthole::DesktopIdentity::desktopFileName());
    QFile file(desktopFile);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly | QIODevice::Text)) << qPrintable(desktopFile);
    // The [Desktop Entry] group's keys (the actions' groups follow it).
    QMap<QString, QString> entry;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1Char('[')) && line != QLatin1String("[Desktop Entry]"))
            break;
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals > 0)
            entry.insert(line.left(equals), line.mid(equals + 1));
    }
    EXPECT_EQ(entry.value(QStringLiteral("Icon")), Porthole::DesktopIdentity::desktopFileName());
    // X11 matches WM_CLASS, which Qt takes from the application name.
    EXPECT_EQ(entry.value(QStringLiteral("StartupWMClass")), Porthole::DesktopIdentity::applicationName());
    EXPECT_EQ(entry.value(QStringLiteral("Exec")), QStringLiteral("porthole %u"));
}
