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

TEST(ProxyCommandLine, OpennebulaMakesAConsoleGateway)
{
    const auto line = parsed({QStringLiteral("--opennebula"), QStringLiteral("http://127.0.0.1:2633/RPC2"),
        QStringLiteral("--token-store"), QStringLiteral("redis:127.0.0.1:6379:2::porthole"),
        QStringLiteral("--token-ttl"), QStringLiteral("600"), QStringLiteral("--one-time-tokens"),
        QStringLiteral("--host-address"), QStringLiteral("node1=10.0.0.5"), QStringLiteral("--host-address"),
        QStringLiteral("node2=10.0.0.6"), QStringLiteral("--close-on-revoke"), QStringLiteral("--oned-timeout"),
        QStringLiteral("5"), QStringLiteral("--workers"), QStringLiteral("2"), QStringLiteral("29876")});
    EXPECT_TRUE(line.isGateway());
    EXPECT_EQ(line.opennebula, QUrl(QStringLiteral("http://127.0.0.1:2633/RPC2")));
    EXPECT_EQ(line.plugin, QStringLiteral("TokenRedis"));
    EXPECT_EQ(line.source, QStringLiteral("127.0.0.1:6379:2::porthole"));
    EXPECT_EQ(line.gateway.ttlSeconds, 600);
    EXPECT_TRUE(line.gateway.oneTimeTokens);
    EXPECT_EQ(line.gateway.hosts.addressOf(QStringLiteral("node2")), QStringLiteral("10.0.0.6"));
    EXPECT_TRUE(line.config.closeOnRevoke);
    EXPECT_EQ(line.onedTimeoutSeconds, 5);
    EXPECT_FALSE(line.gateway.wss);

    const auto memory = parsed({QStringLiteral("--opennebula"), QStringLiteral("http://one:2633/RPC2"),
        QStringLiteral("--cert"), QStringLiteral("/etc/ssl/gw.pem"), QStringLiteral("29876")});
    EXPECT_EQ(memory.plugin, QStringLiteral("memory"));
    EXPECT_EQ(memory.gateway.ttlSeconds, 3600);
    EXPECT_TRUE(memory.gateway.wss);
}

TEST(ProxyCommandLine, RefusesGatewayOptionsThatCannotWork)
{
    const QStringList gateway {QStringLiteral("--opennebula"), QStringLiteral("http://127.0.0.1:2633/RPC2")};
    struct Case
    {
        QStringList arguments;
        const char *says;
    };
    const QList<Case> cases {
        {{QStringLiteral("--token-ttl"), QStringLiteral("60"), QStringLiteral("--token-source"), QStringLiteral("f"),
             QStringLiteral("1")},
            "belongs to the console gateway"},
        {{QStringLiteral("--opennebula"), QStringLiteral("ftp://x/"), QStringLiteral("1")}, "http(s) URL"},
        {gateway + QStringList {QStringLiteral("--token-source"), QStringLiteral("f"), QStringLiteral("1")},
            "drop --token-source"},
        {gateway + QStringList {QStringLiteral("--token-store"), QStringLiteral("file:/x"), QStringLiteral("1")},
            "--token-store is memory or redis"},
        {gateway + QStringList {QStringLiteral("--host-address"), QStringLiteral("node1"), QStringLiteral("1")},
            "HOSTNAME=ADDRESS"},
        {gateway + QStringList {QStringLiteral("--token-ttl"), QStringLiteral("-1"), QStringLiteral("1")},
            "--token-ttl needs a number"},
        {gateway + QStringList {QStringLiteral("--workers"), QStringLiteral("2"), QStringLiteral("1")},
            "needs --token-store redis"},
    };
    for (const Case &c : cases) {
        ProxyCommandLine line;
        EXPECT_FALSE(line.parse(QStringList {QStringLiteral("porthole-proxy")} + c.arguments))
            << qPrintable(c.arguments.join(QLatin1Char(' ')));
        EXPECT_EQ(line.exitStatus(), 2);
        EXPECT_TRUE(line.output().contains(QLatin1String(c.says))) << qPrintable(line.output());
    }
}

TEST(ProxyCommandLine, TlsCiphersVersionAndAllowedOrigins)
{
    const auto line = parsed({QStringLiteral("--token-source"), QStringLiteral("/tmp/t"),
        QStringLiteral("--ssl-ciphers"), QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256"), QStringLiteral("--ssl-version"),
        QStringLiteral("TLSv1_3"), QStringLiteral("--allowed-origin"), QStringLiteral("Console.Example"),
        QStringLiteral("--allowed-origin"), QStringLiteral("https://portal.example:8443"), QStringLiteral("6080")});
    EXPECT_EQ(line.config.sslCiphers, QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256"));
    EXPECT_EQ(line.config.sslMinimum, QSsl::TlsV1_3OrLater);
    EXPECT_EQ(line.config.allowedOrigins,
        (QStringList {QStringLiteral("console.example"), QStringLiteral("https://portal.example:8443")}));
    EXPECT_EQ(
        parsed({QStringLiteral("--token-source"), QStringLiteral("/tmp/t"), QStringLiteral("6080")}).config.sslMinimum,
        QSsl::TlsV1_2OrLater);

    for (const QStringList &bad : {QStringList {QStringLiteral("--ssl-version"), QStringLiteral("tlsv1_1")},
             QStringList {QStringLiteral("--allowed-origin"), QStringLiteral("https://x.example/")}}) {
        const auto refused = parsed(QStringList {QStringLiteral("--token-source"), QStringLiteral("/tmp/t")} + bad
                + QStringList {QStringLiteral("6080")},
            false);
        EXPECT_EQ(refused.exitStatus(), 2) << qPrintable(refused.output());
    }
}
