// SPDX-License-Identifier: GPL-2.0-or-later
#include "ConsolePeers.h"
#include "console/ConsoleProbe.h"
#include "tokens/ConsoleUrl.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Porthole;
using namespace PortholeTest;

namespace {

const ProbeReport::Step *step(const ProbeReport &report, const char *name)
{
    for (const auto &s : report.steps)
        if (s.name == QLatin1String(name))
            return &s;
    return nullptr;
}

class ConsoleProbeIntegration : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_open = new XvncServer;
        s_auth = new XvncServer;
        s_proxy = new Websockify;
        PORTHOLE_REQUIRE_PEER(s_open->start(QStringLiteral("640x480")));
        PORTHOLE_REQUIRE_PEER(s_auth->start(QStringLiteral("320x240"), QStringLiteral("sesame12")));
        PORTHOLE_REQUIRE_PEER(s_proxy->start({QStringLiteral("open: 127.0.0.1:%1").arg(s_open->port()),
            QStringLiteral("auth: 127.0.0.1:%1").arg(s_auth->port()),
            QStringLiteral("dead: 127.0.0.1:%1").arg(freePort())}));
    }
    void SetUp() override { ASSERT_TRUE(peerSetupError().isEmpty()) << peerSetupError().toStdString(); }
    static void TearDownTestSuite()
    {
        delete s_proxy;
        delete s_auth;
        delete s_open;
    }

    static XvncServer *s_open;
    static XvncServer *s_auth;
    static Websockify *s_proxy;
};

XvncServer *ConsoleProbeIntegration::s_open = nullptr;
XvncServer *ConsoleProbeIntegration::s_auth = nullptr;
Websockify *ConsoleProbeIntegration::s_proxy = nullptr;

} // namespace

TEST_F(ConsoleProbeIntegration, OkThroughWebsockify)
{
    const ProbeReport report = ConsoleProbe::run(consoleUrl(s_proxy->url(QStringLiteral("open"))), {});
    EXPECT_TRUE(report.ok()) << report.toText().toStdString();
    EXPECT_EQ(report.exitCode(), 0);
    std::printf("%s", qPrintable(report.toText()));
    QStringList names;
    for (const auto &s : report.steps)
        names << s.name;
    EXPECT_EQ(names,
        (QStringList {QStringLiteral("resolve"), QStringLiteral("connect"), QStringLiteral("tls"),
            QStringLiteral("upgrade"), QStringLiteral("rfb-version"), QStringLiteral("security-types"),
            QStringLiteral("authentication"), QStringLiteral("server-init")}));
    const auto *upgrade = step(report, "upgrade");
    ASSERT_TRUE(upgrade);
    EXPECT_EQ(upgrade->data.value(QStringLiteral("status")).toInt(), 101);
    EXPECT_EQ(upgrade->data.value(QStringLiteral("subprotocol")).toString(), u"binary");
    const auto *init = step(report, "server-init");
    ASSERT_TRUE(init);
    EXPECT_EQ(init->data.value(QStringLiteral("width")).toInt(), 640);
    EXPECT_EQ(init->data.value(QStringLiteral("height")).toInt(), 480);
    EXPECT_EQ(step(report, "tls")->outcome, ProbeReport::Step::Outcome::Skipped);
    const QJsonObject json = report.toJson();
    EXPECT_TRUE(json.value(QStringLiteral("ok")).toBool());
    EXPECT_EQ(json.value(QStringLiteral("steps")).toArray().size(), 8);
}

TEST_F(ConsoleProbeIntegration, OkDirectTcp)
{
    const ProbeReport report = ConsoleProbe::run(ConsoleUrl::vnc(QStringLiteral("127.0.0.1"), s_open->port()), {});
    EXPECT_TRUE(report.ok()) << report.toText().toStdString();
    EXPECT_EQ(step(report, "upgrade")->outcome, ProbeReport::Step::Outcome::Skipped);
    EXPECT_TRUE(step(report, "security-types")->summary.contains(u"None"));
}

TEST_F(ConsoleProbeIntegration, RightPassword)
{
    ConsoleProbe::Options options;
    options.password = QStringLiteral("sesame12");
    const ProbeReport report = ConsoleProbe::run(consoleUrl(s_proxy->url(QStringLiteral("auth"))), options);
    EXPECT_TRUE(report.ok()) << report.toText().toStdString();
    EXPECT_TRUE(step(report, "security-types")->summary.contains(u"VncAuth"));
    EXPECT_EQ(step(report, "server-init")->data.value(QStringLiteral("width")).toInt(), 320);
}

TEST_F(ConsoleProbeIntegration, WrongPassword)
{
    ConsoleProbe::Options options;
    options.password = QStringLiteral("nope");
    const ProbeReport report = ConsoleProbe::run(consoleUrl(s_proxy->url(QStringLiteral("auth"))), options);
    EXPECT_EQ(report.error, ConsoleError::WrongPassword) << report.toText().toStdString();
    EXPECT_EQ(report.exitCode(), 3);
    EXPECT_EQ(report.steps.last().name, u"authentication");
    EXPECT_EQ(report.steps.last().outcome, ProbeReport::Step::Outcome::Failed);
}

TEST_F(ConsoleProbeIntegration, NoPassword)
{
    const ProbeReport report = ConsoleProbe::run(consoleUrl(s_proxy->url(QStringLiteral("auth"))), {});
    EXPECT_EQ(report.error, ConsoleError::PasswordRequired) << report.toText().toStdString();
    EXPECT_EQ(report.exitCode(), 3);
}

TEST_F(ConsoleProbeIntegration, UnknownToken)
{
    const ProbeReport report = ConsoleProbe::run(consoleUrl(s_proxy->url(QStringLiteral("unknowntoken"))), {});
    EXPECT_EQ(report.error, ConsoleError::TokenRefused) << report.toText().toStdString();
    EXPECT_EQ(report.exitCode(), 4);
    EXPECT_EQ(report.steps.last().name, u"upgrade");
    EXPECT_TRUE(report.meaning.contains(u"unknown or expired"));
    EXPECT_FALSE(report.toText().contains(u"unknowntoken")) << "the token is redacted";
}

TEST_F(ConsoleProbeIntegration, DeadTarget)
{
    const ProbeReport report = ConsoleProbe::run(consoleUrl(s_proxy->url(QStringLiteral("dead"))), {});
    EXPECT_EQ(report.error, ConsoleError::TargetDown) << report.toText().toStdString();
    std::printf("%s", qPrintable(report.toText()));
    EXPECT_EQ(report.exitCode(), 5);
    EXPECT_EQ(report.steps.last().name, u"rfb-version");
    EXPECT_EQ(report.steps.last().data.value(QStringLiteral("close_code")).toInt(), 1011);
}

TEST_F(ConsoleProbeIntegration, ProxyDown)
{
    const ProbeReport report
        = ConsoleProbe::run(consoleUrl(QStringLiteral("ws://127.0.0.1:%1/websockify?token=x").arg(freePort())), {});
    EXPECT_EQ(report.error, ConsoleError::ProxyUnreachable) << report.toText().toStdString();
    EXPECT_EQ(report.exitCode(), 5);
    EXPECT_EQ(report.steps.last().name, u"connect");
}

TEST_F(ConsoleProbeIntegration, UnresolvableName)
{
    const ProbeReport report
        = ConsoleProbe::run(consoleUrl(QStringLiteral("ws://no-such-host.invalid:1/?token=x")), {});
    EXPECT_EQ(report.error, ConsoleError::ProxyUnreachable) << report.toText().toStdString();
    EXPECT_EQ(report.steps.last().name, u"resolve");
}

TEST_F(ConsoleProbeIntegration, NotAVncServerAsyncProbe)
{
    // An HTTP server where the VNC server should be: the probe must say it is not RFB.
    QTcpServer web;
    ASSERT_TRUE(web.listen(QHostAddress::LocalHost, 0));
    QObject::connect(&web, &QTcpServer::newConnection, &web, [&web] {
        QTcpSocket *s = web.nextPendingConnection();
        s->write("HTTP/1.0 200 OK\r\n\r\n");
    });
    ConsoleProbe probe;
    QSignalSpy done(&probe, &ConsoleProbe::finished);
    probe.start(ConsoleUrl::vnc(QStringLiteral("127.0.0.1"), web.serverPort()), {});
    ASSERT_TRUE(done.wait(30000));
    const auto report = done.first().first().value<ProbeReport>();
    EXPECT_EQ(report.error, ConsoleError::ProtocolError) << report.toText().toStdString();
    EXPECT_EQ(report.exitCode(), 6);
    EXPECT_TRUE(report.meaning.contains(u"does not speak RFB"));
}
