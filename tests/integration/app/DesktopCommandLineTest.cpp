// SPDX-License-Identifier: GPL-2.0-or-later
// porthole --help and --version answer without any window system (over ssh, in scripts).
#include "TestSupport.h"

#include <gtest/gtest.h>

using PortholeTest::ProcessResult;

namespace {

ProcessResult porthole(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
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
    EXPECT_TRUE(run.out.startsWith(u"porthole Porthole ")) << qPrintable(run.out);
    EXPECT_TRUE(run.out.contains(u"libvncclient")) << qPrintable(run.out);
}
