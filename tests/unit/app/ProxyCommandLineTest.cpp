// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/proxy/ProxyCommandLine.h"

#include <gtest/gtest.h>

using Porthole::ProxyCommandLine;

namespace {

ProxyCommandLine parsed(const QStringList &arguments, bool expectRun = true)
{
    ProxyCommandLine commandLine;
    EXPECT_EQ(commandLine.parse(QStringList {QStringLiteral("porthole-proxy")} + arguments), expectRun)
        << qPrintable(commandLine.output());
    return commandLine;
}

} // namespace

TEST(ProxyCommandLine, TakesWebsockifysSpelling)
{
    const auto line
        = parsed({QStringLiteral("--token-plugin"), QStringLiteral("TokenRedis"), QStringLiteral("--token-source"),
            QStringLiteral("127.0.0.1:6379"), QStringLiteral("--heartbeat"), QStringLiteral("20"),
            QStringLiteral("--idle-timeout"), QStringLiteral("300"), QStringLiteral("--max-connections"),
            QStringLiteral("100"), QStringLiteral("--max-per-token"), QStringLiteral("2"), QStringLiteral("--ssl-only"),
            QStringLiteral("--host-token"), QStringLiteral("127.0.0.1:29876")});
    EXPECT_EQ(line.plugin, QStringLiteral("TokenRedis"));
    EXPECT_EQ(line.source, QStringLiteral("127.0.0.1:6379"));
    EXPECT_EQ(line.config.heartbeatSeconds, 20);
    EXPECT_EQ(line.config.idleTimeoutSeconds, 300);
    EXPECT_EQ(line.config.maxConnections, 100);
    EXPECT_EQ(line.config.maxPerToken, 2);
    EXPECT_TRUE(line.config.sslOnly);
    EXPECT_TRUE(line.config.hostToken);
    EXPECT_EQ(line.config.listenAddress, QHostAddress(QStringLiteral("127.0.0.1")));
    EXPECT_EQ(line.config.listenPort, 29876);
    EXPECT_EQ(line.workers, 1);
}

TEST(ProxyCommandLine, TargetConfigIsTokenFileOnADirectory)
{
    const auto line = parsed({QStringLiteral("--target-config"), QStringLiteral("/var/lib/one/sunstone_vnc_tokens"),
        QStringLiteral("29876")});
    EXPECT_EQ(line.plugin, QStringLiteral("TokenFile"));
    EXPECT_EQ(line.source, QStringLiteral("/var/lib/one/sunstone_vnc_tokens"));
    EXPECT_EQ(line.config.listenPort, 29876);
}

TEST(ProxyCommandLine, ListensOnIpv6InBrackets)
{
    const auto line = parsed({QStringLiteral("--token-source"), QStringLiteral("t"), QStringLiteral("[::1]:6080")});
    EXPECT_EQ(line.config.listenAddress, QHostAddress(QStringLiteral("::1")));
    EXPECT_EQ(line.config.listenPort, 6080);
}

TEST(ProxyCommandLine, CheckNeedsNoListenAddress)
{
    const auto line = parsed({QStringLiteral("--token-source"), QStringLiteral("t"), QStringLiteral("--check")});
    EXPECT_TRUE(line.check);
}

TEST(ProxyCommandLine, RefusesWhatWebsockifyWouldMisuse)
{
    const struct
    {
        QStringList arguments;
        const char *message;
    } cases[] = {
        {{QStringLiteral("6080")}, "no token source"},
        {{QStringLiteral("--token-source"), QStringLiteral("t")}, "missing [LISTEN_HOST:]LISTEN_PORT"},
        {{QStringLiteral("--token-source"), QStringLiteral("t"), QStringLiteral("6080"),
             QStringLiteral("127.0.0.1:5900")},
            "relays by token only"},
        {{QStringLiteral("--token-source"), QStringLiteral("t"), QStringLiteral("70000")},
            "not a number from 0 to 65535"},
        {{QStringLiteral("--token-source"), QStringLiteral("t"), QStringLiteral("--heartbeat"), QStringLiteral("-1"),
             QStringLiteral("6080")},
            "--heartbeat needs a number from 0"},
        {{QStringLiteral("--token-source"), QStringLiteral("t"), QStringLiteral("--workers"), QStringLiteral("0"),
             QStringLiteral("6080")},
            "--workers needs a number from 1 to 64"},
        {{QStringLiteral("--token-source"), QStringLiteral("t"), QStringLiteral("--web"),
             QStringLiteral("/nonexistent-dir"), QStringLiteral("6080")},
            "is not a directory"},
        {{QStringLiteral("--bogus")}, "Unknown option 'bogus'"},
    };
    for (const auto &c : cases) {
        const auto line = parsed(c.arguments, false);
        EXPECT_EQ(line.exitStatus(), 2) << qPrintable(c.arguments.join(u' '));
        EXPECT_TRUE(line.output().contains(QLatin1String(c.message))) << qPrintable(line.output());
    }
}

TEST(ProxyCommandLine, HelpNamesTheProgramAndSaysIdleTimeoutIsPerSession)
{
    const auto line = parsed({QStringLiteral("--help")}, false);
    EXPECT_EQ(line.exitStatus(), 0);
    EXPECT_TRUE(line.output().startsWith(u"Usage: porthole-proxy")) << qPrintable(line.output());
    EXPECT_TRUE(line.output().contains(u"Per session")) << qPrintable(line.output());
}
