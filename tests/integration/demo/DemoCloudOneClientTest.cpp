// SPDX-License-Identifier: GPL-2.0-or-later
// OneClient (the real client) against the demo cloud over HTTP: both ends of
// the project must agree on what oned and addon-vnctoken say.
#include "cloud/OneClient.h"
#include "cloud/UserInfo.h"
#include "cloud/VncToken.h"
#include "demo/DemoCloud.h"
#include "demo/DemoCloudServer.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QPointer>
#include <QSignalSpy>

using namespace Porthole;

namespace {

constexpr int kWaitMs = 60000;

class DemoCloudOneClientTest : public ::testing::Test
{
protected:
    DemoCloudServer server;

    void SetUp() override { ASSERT_TRUE(server.listen()); }

    OneSettings settings(const QString &user = DemoCloud::demoUser(), const QString &secret = DemoCloud::demoPassword())
    {
        OneSettings s;
        s.endpoint = server.endpoint();
        s.vnctokenEndpoint = server.endpoint(); // the demo serves the addon's methods on the same endpoint
        s.user = user;
        s.secret = secret;
        s.pageSize = 300;
        return s;
    }

    static bool finish(OneCall *call)
    {
        if (call->isFinished())
            return true;
        QSignalSpy done(call, &OneCall::finished);
        return done.wait(kWaitMs);
    }
};

TEST_F(DemoCloudOneClientTest, VersionWhoamiAndLogin)
{
    OneClient client(settings());
    OneCall *version = client.version();
    ASSERT_TRUE(finish(version));
    ASSERT_TRUE(version->succeeded()) << qPrintable(version->error().message());
    EXPECT_EQ(version->result().toString(), QStringLiteral("6.10.5"));

    OneCall *who = client.whoami();
    ASSERT_TRUE(finish(who));
    ASSERT_TRUE(who->succeeded()) << qPrintable(who->error().message());
    const UserInfo user = who->resultAs<UserInfo>();
    EXPECT_EQ(user.id, 0);
    EXPECT_EQ(user.name, QStringLiteral("oneadmin"));

    OneCall *login = client.login(600);
    ASSERT_TRUE(finish(login));
    ASSERT_TRUE(login->succeeded()) << qPrintable(login->error().message());
    EXPECT_EQ(login->result().toString().size(), 64);
}

TEST_F(DemoCloudOneClientTest, WrongPasswordIsAnAuthenticationError)
{
    OneClient client(settings(DemoCloud::demoUser(), QStringLiteral("wrong")));
    OneCall *call = client.version();
    ASSERT_TRUE(finish(call));
    EXPECT_EQ(call->error().kind(), OneError::Kind::Authentication);
    EXPECT_TRUE(call->error().message().contains(QStringLiteral("User couldn't be authenticated")))
        << qPrintable(call->error().message());
}

TEST_F(DemoCloudOneClientTest, PagedPoolOfAThousandVms)
{
    server.cloud()->setExtraVms(1000);
    OneClient client(settings());
    OneCall *call = client.vms(OneClient::VmQuery {-2, -2});
    ASSERT_TRUE(finish(call));
    ASSERT_TRUE(call->succeeded()) << qPrintable(call->error().message());
    const auto vms = call->resultAs<QList<VirtualMachine>>();
    ASSERT_EQ(vms.size(), 1010);
    EXPECT_EQ(vms.first().id, 1009);
    EXPECT_EQ(vms.last().id, 0);
}

// The ownership rule of OneCall.h: a finished call deletes itself, so an app that refreshes a
// large pool all day holds no calls (nor their exchanges and pool documents) from earlier refreshes.
TEST_F(DemoCloudOneClientTest, FinishedCallsLeaveNothingBehind)
{
    server.cloud()->setExtraVms(500);
    OneClient client(settings());
    for (int i = 0; i < 100; ++i) {
        QPointer<OneCall> call = client.vms(OneClient::VmQuery {-2, -2});
        ASSERT_TRUE(finish(call));
        ASSERT_TRUE(call->succeeded()) << qPrintable(call->error().message());
        EXPECT_EQ(call->resultAs<QList<VirtualMachine>>().size(), 510);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        ASSERT_TRUE(call.isNull()) << "refresh " << i << " left its call behind";
    }
    EXPECT_TRUE(client.findChildren<OneCall *>().isEmpty());
}

TEST_F(DemoCloudOneClientTest, BuiltInVmsAsTheModelSeesThem)
{
    OneClient client(settings());
    OneCall *call = client.vms(OneClient::VmQuery {-2, -1});
    ASSERT_TRUE(finish(call));
    ASSERT_TRUE(call->succeeded()) << qPrintable(call->error().message());
    const auto vms = call->resultAs<QList<VirtualMachine>>();
    ASSERT_EQ(vms.size(), 9);
    QList<int> consoles;
    for (const VirtualMachine &vm : vms)
        if (vm.consolePossible())
            consoles.append(vm.id);
    // RUNNING with VNC graphics (any case): 9, 2, 1, 0; not SPICE 3, not the graphics-less 4.
    EXPECT_EQ(consoles, (QList<int> {9, 2, 1, 0}));
    const VirtualMachine &web = vms.last();
    EXPECT_EQ(web.name, QStringLiteral("web-1"));
    EXPECT_EQ(web.host, QStringLiteral("node-1.demo"));
    EXPECT_EQ(web.ips, QStringList {QStringLiteral("10.0.0.10")});
    ASSERT_TRUE(web.graphics.has_value());
}

TEST_F(DemoCloudOneClientTest, VmInfoAndNotFound)
{
    OneClient client(settings());
    OneCall *ok = client.vm(1);
    ASSERT_TRUE(finish(ok));
    ASSERT_TRUE(ok->succeeded()) << qPrintable(ok->error().message());
    EXPECT_EQ(ok->resultAs<VirtualMachine>().ips,
        (QStringList {QStringLiteral("10.0.0.11"), QStringLiteral("192.168.50.11")}));

    OneCall *missing = client.vm(4242);
    ASSERT_TRUE(finish(missing));
    EXPECT_EQ(missing->error().kind(), OneError::Kind::NotFound);
}

TEST_F(DemoCloudOneClientTest, ConsoleTokensWithEveryAddonMethod)
{
    server.cloud()->setConsoleTarget(2, QStringLiteral("127.0.0.1"), 45999);
    OneClient client(settings());
    for (auto method : {OneClient::TokenMethod::VncToken, OneClient::TokenMethod::Vnc}) {
        OneCall *call = client.consoleToken(2, method);
        ASSERT_TRUE(finish(call));
        ASSERT_TRUE(call->succeeded()) << qPrintable(call->error().message());
        const VncToken token = call->resultAs<VncToken>();
        EXPECT_EQ(token.host, QStringLiteral("127.0.0.1"));
        EXPECT_EQ(token.port, 45999);
        EXPECT_EQ(token.password, QStringLiteral("s3cr&t"));
        EXPECT_EQ(server.cloud()->consoleTarget(token.token), QStringLiteral("127.0.0.1:45999"));
    }
    OneCall *only = client.consoleToken(2, OneClient::TokenMethod::VncTokenOnly);
    ASSERT_TRUE(finish(only));
    ASSERT_TRUE(only->succeeded()) << qPrintable(only->error().message());
    EXPECT_EQ(server.cloud()->consoleTarget(only->resultAs<VncToken>().token), QStringLiteral("127.0.0.1:45999"));

    OneCall *spice = client.consoleToken(3);
    ASSERT_TRUE(finish(spice));
    EXPECT_TRUE(spice->error().isError());
    EXPECT_TRUE(spice->error().message().contains(QStringLiteral("Graphics type 'SPICE' but 'VNC' expected")))
        << qPrintable(spice->error().message());
}

} // namespace
