// SPDX-License-Identifier: GPL-2.0-or-later
// The layers hold in the built programs: porthole-proxy, a service that faces the network, carries
// neither the RFB client nor the keychain nor a GUI library (docs/ARCHITECTURE.md, the layer table).
#include "TestSupport.h"

#include <gtest/gtest.h>

using PortholeTest::builtProgram;
using PortholeTest::runProgram;

namespace {

QString linkedLibraries(const QString &program)
{
    const auto r = runProgram(QStringLiteral("ldd"), {builtProgram(program)});
    EXPECT_TRUE(r.finished);
    EXPECT_EQ(r.exitCode, 0) << qPrintable(r.err);
    return r.out;
}

} // namespace

TEST(Linkage, ProxyLinksNoClientKeychainOrGuiLibrary)
{
    const QString libs = linkedLibraries(QStringLiteral("app/porthole-proxy"));
    ASSERT_TRUE(libs.contains(QStringLiteral("libQt6Network"))) << qPrintable(libs);
    for (const char *forbidden :
        {"libvncclient", "libvncserver", "libqt6keychain", "libQt6Gui", "libQt6DBus", "libQt6Widgets", "libgnutls"})
        EXPECT_FALSE(libs.contains(QLatin1String(forbidden))) << forbidden << " in\n" << qPrintable(libs);
}

TEST(Linkage, CliLinksNoWidgets)
{
    const QString libs = linkedLibraries(QStringLiteral("app/porthole-cli"));
    ASSERT_TRUE(libs.contains(QStringLiteral("libvncclient"))) << qPrintable(libs);
    EXPECT_FALSE(libs.contains(QStringLiteral("libQt6Widgets"))) << qPrintable(libs);
}
