// SPDX-License-Identifier: GPL-2.0-or-later
// installer/systemd: what `cmake --install` (prefix /usr, as the package) puts on a front-end:
// the unit where systemd looks, reading /etc/default/porthole-proxy, running the installed
// program unprivileged and sandboxed; systemd-analyze accepts it; the shipped options parse.
#include "TestSupport.h"
#include "app/proxy/ProxyCommandLine.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace PortholeTest;

namespace {

QString readAll(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << qPrintable(path);
    return QString::fromUtf8(file.readAll());
}

} // namespace

TEST(ProxyServiceUnit, InstalledForSystemdWithItsOptionsFile)
{
    QTemporaryDir root;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DESTDIR"), root.path());
    const ProcessResult install = runProgram(QStringLiteral(PORTHOLE_CMAKE_COMMAND),
        {QStringLiteral("-DCMAKE_INSTALL_PREFIX=/usr"), QStringLiteral("-P"),
            builtProgram(QStringLiteral("installer/systemd/cmake_install.cmake"))},
        {}, 60000, environment);
    ASSERT_EQ(install.exitCode, 0) << qPrintable(install.err) << qPrintable(install.out);

    const QString unit = readAll(root.filePath(QStringLiteral("lib/systemd/system/porthole-proxy.service")));
    for (const char *line :
        {"EnvironmentFile=/etc/default/porthole-proxy\n", "ExecStart=/usr/bin/porthole-proxy $PORTHOLE_PROXY_OPTIONS\n",
            "Restart=on-failure\n", "User=porthole-proxy\n", "DynamicUser=yes\n", "ProtectSystem=strict\n",
            "ProtectHome=yes\n", "NoNewPrivileges=yes\n", "CapabilityBoundingSet=\n", "WantedBy=multi-user.target\n"})
        EXPECT_TRUE(unit.contains(QLatin1String(line))) << line;
    EXPECT_FALSE(unit.contains(QLatin1String("User=root")));

    // The shipped options are a gateway command line porthole-proxy accepts.
    const QString options = readAll(root.filePath(QStringLiteral("etc/default/porthole-proxy")));
    const auto match = QRegularExpression(
        QStringLiteral("^PORTHOLE_PROXY_OPTIONS=\"([^\"]*)\"$"), QRegularExpression::MultilineOption)
                           .match(options);
    ASSERT_TRUE(match.hasMatch()) << qPrintable(options);
    Porthole::ProxyCommandLine commandLine;
    ASSERT_TRUE(commandLine.parse(
        QStringList {QStringLiteral("porthole-proxy")} + match.captured(1).split(QLatin1Char(' '), Qt::SkipEmptyParts)))
        << qPrintable(commandLine.output());
    EXPECT_TRUE(commandLine.isGateway());
    EXPECT_EQ(commandLine.config.listenAddress, QHostAddress(QStringLiteral("127.0.0.1")));

    if (QStandardPaths::findExecutable(QStringLiteral("systemd-analyze")).isEmpty())
        GTEST_SKIP() << "systemd-analyze is not installed";
    // verify wants the program and the options file to exist: point them at this build.
    QString local = unit;
    local.replace(QStringLiteral("/usr/bin/porthole-proxy"), builtProgram(QStringLiteral("app/porthole-proxy")));
    local.replace(
        QStringLiteral("/etc/default/porthole-proxy"), root.filePath(QStringLiteral("etc/default/porthole-proxy")));
    QFile copy(root.filePath(QStringLiteral("porthole-proxy.service")));
    ASSERT_TRUE(copy.open(QIODevice::WriteOnly));
    copy.write(local.toUtf8());
    copy.close();
    // --man=no: Documentation=man:porthole-proxy(1) is installed by the package, not on this machine
    // (the package test reads that page).
    const ProcessResult verify = runProgram(
        QStringLiteral("systemd-analyze"), {QStringLiteral("verify"), QStringLiteral("--man=no"), copy.fileName()});
    EXPECT_EQ(verify.exitCode, 0) << qPrintable(verify.err);
    EXPECT_FALSE(verify.err.contains(QStringLiteral("porthole-proxy.service:"))) << qPrintable(verify.err);
}
