// SPDX-License-Identifier: GPL-2.0-or-later
// The demo cloud's method logic, called directly (no HTTP): envelopes, error
// codes and texts, paging and filters as oned 6.10.5 answers them, and the
// document shapes compared with the recorded oned payloads.
#include "demo/DemoCloud.h"

#include "DemoCloudTestUtil.h"
#include "TestSupport.h"
#include "demo/DemoVm.h"

#include <gtest/gtest.h>

#include <QMap>
#include <QRegularExpression>
#include <QSignalSpy>

using Porthole::DemoCloud;
using namespace PortholeTest;

namespace {

const QString kAdmin = QStringLiteral("oneadmin:password");
const QString kAlice = QStringLiteral("alice:alicepass");

class DemoCloudTest : public ::testing::Test
{
protected:
    DemoCloud cloud;
    qint64 clockNow = 1800000000;

    void SetUp() override
    {
        cloud.setClock([this] { return clockNow; });
    }

    QVariantList call(const QString &method, const QVariantList &params)
    {
        const DemoCloud::Reply r = cloud.call(method, params);
        EXPECT_FALSE(r.isFault) << r.faultString.toStdString();
        return r.value.toList();
    }

    DemoCloud::Reply fault(const QString &method, const QVariantList &params)
    {
        const DemoCloud::Reply r = cloud.call(method, params);
        EXPECT_TRUE(r.isFault);
        return r;
    }

    // The result of a success envelope; fails the test on anything else.
    QVariant ok(const QString &method, const QVariantList &params)
    {
        const QVariantList env = call(method, params);
        EXPECT_EQ(env.size(), 3);
        EXPECT_EQ(env.value(0).typeId(), QMetaType::Bool);
        EXPECT_TRUE(env.value(0).toBool()) << env.value(1).toString().toStdString();
        EXPECT_EQ(env.value(2), QVariant(0));
        return env.value(1);
    }

    QList<int> poolIds(const QString &session, int filter, int start, int end, int state,
        const QString &method = QStringLiteral("one.vmpool.info"))
    {
        const QString xml = ok(method, {session, filter, start, end, state}).toString();
        QList<int> ids;
        static const QRegularExpression re(QStringLiteral("<VM><ID>(\\d+)</ID>"));
        auto it = re.globalMatch(xml);
        while (it.hasNext())
            ids.append(it.next().captured(1).toInt());
        return ids;
    }

    void expectFailure(const QVariantList &env, const QString &message, int code, int respId = -1)
    {
        ASSERT_EQ(env.size(), 5);
        EXPECT_EQ(env.at(0), QVariant(false));
        EXPECT_EQ(env.at(1).toString(), message);
        EXPECT_EQ(env.at(2), QVariant(code));
        EXPECT_EQ(env.at(3), QVariant(respId));
        EXPECT_EQ(env.at(4).typeId(), QMetaType::LongLong);
        EXPECT_EQ(env.at(4).toLongLong(), -1);
    }
};

TEST_F(DemoCloudTest, VersionIsConfigurable)
{
    EXPECT_EQ(ok(QStringLiteral("one.system.version"), {kAdmin}).toString(), QStringLiteral("6.10.5"));
    cloud.setVersion(QStringLiteral("7.0.0"));
    EXPECT_EQ(ok(QStringLiteral("one.system.version"), {kAdmin}).toString(), QStringLiteral("7.0.0"));
}

TEST_F(DemoCloudTest, EveryBadSessionGivesTheSameAuthenticationEnvelope)
{
    const QStringList bad = {QStringLiteral("oneadmin:wrong"), QStringLiteral("nobody:password"), QString(),
        QStringLiteral("oneadmin"), QStringLiteral("oneadmin:"), QStringLiteral(":password")};
    for (const QString &session : bad) {
        SCOPED_TRACE(session.toStdString());
        expectFailure(call(QStringLiteral("one.user.info"), {session, -1}),
            QStringLiteral("[one.user.info] User couldn't be authenticated, aborting call."), 256);
    }
    expectFailure(call(QStringLiteral("one.vmpool.info"), {QStringLiteral("x:y"), -2, -1, -1, -1}),
        QStringLiteral("[one.vmpool.info] User couldn't be authenticated, aborting call."), 256);
}

TEST_F(DemoCloudTest, SessionIsCheckedBeforeOtherParameters)
{
    // A bad session with a wrongly typed id still gets the 256 envelope, not a fault.
    expectFailure(call(QStringLiteral("one.vm.info"), {QStringLiteral("oneadmin:wrong"), QStringLiteral("0")}),
        QStringLiteral("[one.vm.info] User couldn't be authenticated, aborting call."), 256);
    const auto r = fault(QStringLiteral("one.vm.info"), {0, 0});
    EXPECT_EQ(r.faultCode, -501);
    EXPECT_EQ(r.faultString, QStringLiteral("Parameter that is supposed to be a string is not"));
}

TEST_F(DemoCloudTest, ASessionThatIsNoStringIsAFailedAuthenticationOnOned7)
{
    // opennebula-live-7.4/one.vm.info__session_as_int: <int>42</int> as the session gets the
    // 256 envelope on 7.4.0 where 6.10.5 raised xmlrpc-c's -501 fault (the test above).
    cloud.setVersion(QStringLiteral("7.4.0"));
    expectFailure(call(QStringLiteral("one.vm.info"), {42, 533}),
        QStringLiteral("[one.vm.info] User couldn't be authenticated, aborting call."), 256);
    expectFailure(call(QStringLiteral("one.vmpool.info"), {true, -2, -1, -1, -1}),
        QStringLiteral("[one.vmpool.info] User couldn't be authenticated, aborting call."), 256);
    // Still a fault for other parameters of the wrong type.
    EXPECT_EQ(fault(QStringLiteral("one.vm.info"), {kAdmin, QStringLiteral("0")}).faultCode, -501);
}

TEST_F(DemoCloudTest, ParameterFaultsUseXmlrpcCTexts)
{
    auto r = fault(QStringLiteral("one.vm.info"), {kAdmin, QStringLiteral("0")});
    EXPECT_EQ(r.faultCode, -501);
    EXPECT_EQ(r.faultString, QStringLiteral("Parameter that is supposed to be integer is not"));
    r = fault(QStringLiteral("one.vm.info"), {kAdmin, 0.0});
    EXPECT_EQ(r.faultString, QStringLiteral("Parameter that is supposed to be integer is not"));
    r = fault(QStringLiteral("one.vm.info"), {kAdmin});
    EXPECT_EQ(r.faultString, QStringLiteral("Not enough parameters"));
    r = fault(QStringLiteral("one.vmpool.info"), {kAdmin, -2, -1, -1});
    EXPECT_EQ(r.faultString, QStringLiteral("Not enough parameters"));
    r = fault(QStringLiteral("one.system.version"), {});
    EXPECT_EQ(r.faultString, QStringLiteral("Not enough parameters"));
    // Extra trailing parameters are ignored.
    EXPECT_TRUE(ok(QStringLiteral("one.vm.info"), {kAdmin, 0, false, QStringLiteral("extra")})
                    .toString()
                    .startsWith(QStringLiteral("<VM><ID>0</ID>")));
}

TEST_F(DemoCloudTest, UnknownMethodIsFault506)
{
    const auto r = fault(QStringLiteral("one.no.such.method"), {kAdmin});
    EXPECT_EQ(r.faultCode, -506);
    EXPECT_EQ(r.faultString, QStringLiteral("Method 'one.no.such.method' not defined"));
}

TEST_F(DemoCloudTest, UserInfoSelfAndById)
{
    const QString self = ok(QStringLiteral("one.user.info"), {kAdmin, -1}).toString();
    EXPECT_TRUE(self.startsWith(QStringLiteral(
        "<USER><ID>0</ID><GID>0</GID><GROUPS><ID>0</ID></GROUPS><GNAME>oneadmin</GNAME><NAME>oneadmin</NAME>")))
        << self.toStdString();
    // sha256("password"), as oned stores core passwords
    EXPECT_TRUE(self.contains(QStringLiteral(
        "<PASSWORD><![CDATA[5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8]]></PASSWORD>")));
    EXPECT_EQ(ok(QStringLiteral("one.user.info"), {kAdmin, -1, true}).toString(), self);

    const QString alice = ok(QStringLiteral("one.user.info"), {kAlice, -1}).toString();
    EXPECT_TRUE(alice.startsWith(QStringLiteral(
        "<USER><ID>2</ID><GID>1</GID><GROUPS><ID>1</ID></GROUPS><GNAME>users</GNAME><NAME>alice</NAME>")));
    EXPECT_TRUE(
        ok(QStringLiteral("one.user.info"), {kAdmin, 2}).toString().contains(QStringLiteral("<NAME>alice</NAME>")));

    expectFailure(call(QStringLiteral("one.user.info"), {kAdmin, 4242}),
        QStringLiteral("[one.user.info] Error getting user [4242]."), 1024, 4242);
    expectFailure(call(QStringLiteral("one.user.info"), {kAlice, 0}),
        QStringLiteral("[one.user.info] User [2] : Not authorized to perform USE USER [0]."), 512);
}

TEST_F(DemoCloudTest, UserInfoShapeMatchesOned)
{
    const QString recorded
        = nthString(PortholeTest::fixture(QStringLiteral("opennebula-live/one.user.info__self_-1.response.xml")), 0);
    ASSERT_FALSE(recorded.isEmpty());
    EXPECT_EQ(shapeOf(ok(QStringLiteral("one.user.info"), {kAdmin, -1}).toString()), shapeOf(recorded));
}

TEST_F(DemoCloudTest, LoginTokenWorksAsSessionAndCanBeRevoked)
{
    const QString token
        = ok(QStringLiteral("one.user.login"), {kAdmin, QStringLiteral("oneadmin"), QString(), 3600, -1}).toString();
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(token).hasMatch()) << token.toStdString();
    const QString tokenSession = QStringLiteral("oneadmin:") + token;
    const QString info = ok(QStringLiteral("one.user.info"), {tokenSession, -1}).toString();
    EXPECT_TRUE(info.contains(QStringLiteral(
        "<LOGIN_TOKEN><TOKEN>%1</TOKEN><EXPIRATION_TIME>%2</EXPIRATION_TIME><EGID>-1</EGID></LOGIN_TOKEN>")
                                  .arg(token)
                                  .arg(clockNow + 3600)))
        << info.toStdString();
    EXPECT_EQ(ok(QStringLiteral("one.system.version"), {tokenSession}).toString(), QStringLiteral("6.10.5"));

    // valid = 0 revokes it; the token no longer signs in.
    EXPECT_EQ(
        ok(QStringLiteral("one.user.login"), {kAdmin, QStringLiteral("oneadmin"), token, 0, -1}).toString(), token);
    expectFailure(call(QStringLiteral("one.system.version"), {tokenSession}),
        QStringLiteral("[one.system.version] User couldn't be authenticated, aborting call."), 256);
    expectFailure(call(QStringLiteral("one.user.login"),
                      {kAdmin, QStringLiteral("oneadmin"), QStringLiteral("not-a-real-token"), 0, -1}),
        QStringLiteral("[one.user.login] Could not find token: not-a-real-token"), 4096);
}

TEST_F(DemoCloudTest, LoginTokenExpires)
{
    const QString token
        = ok(QStringLiteral("one.user.login"), {kAlice, QStringLiteral("alice"), QString(), 2, -1}).toString();
    const QString session = QStringLiteral("alice:") + token;
    EXPECT_EQ(
        ok(QStringLiteral("one.user.info"), {session, -1}).toString().contains(QStringLiteral("<NAME>alice</NAME>")),
        true);
    clockNow += 1;
    EXPECT_TRUE(ok(QStringLiteral("one.user.info"), {session, -1}).isValid());
    clockNow += 1;
    expectFailure(call(QStringLiteral("one.user.info"), {session, -1}),
        QStringLiteral("[one.user.info] User couldn't be authenticated, aborting call."), 256);
}

TEST_F(DemoCloudTest, LoginRefusals)
{
    expectFailure(call(QStringLiteral("one.user.login"),
                      {QStringLiteral("oneadmin:bad"), QStringLiteral("oneadmin"), QString(), 60, -1}),
        QStringLiteral("[one.user.login] User couldn't be authenticated, aborting call."), 256);
    expectFailure(call(QStringLiteral("one.user.login"), {kAlice, QStringLiteral("oneadmin"), QString(), 60, -1}),
        QStringLiteral("[one.user.login] User [2] : Not authorized to perform MANAGE USER [0]."), 512);
    expectFailure(call(QStringLiteral("one.user.login"), {kAdmin, QStringLiteral("oneadmin"), QString(), -5, -1}),
        QStringLiteral("[one.user.login] Wrong valid period for token"), 4096);
}

// oned 7.4 (one.user.login__alice_ttl_0_empty_token_resets_all): valid 0 with an empty
// token revokes every login token of the user and answers an empty string.
TEST_F(DemoCloudTest, LoginWithValidZeroAndNoTokenRevokesThemAll)
{
    const QString first
        = ok(QStringLiteral("one.user.login"), {kAdmin, QStringLiteral("oneadmin"), QString(), 60, -1}).toString();
    ok(QStringLiteral("one.user.login"), {kAdmin, QStringLiteral("oneadmin"), QString(), 60, -1});
    EXPECT_EQ(ok(QStringLiteral("one.user.login"), {kAdmin, QStringLiteral("oneadmin"), QString(), 0, -1}).toString(),
        QString());
    expectFailure(call(QStringLiteral("one.user.info"), {QString(QStringLiteral("oneadmin:") + first), -1}),
        QStringLiteral("[one.user.info] User couldn't be authenticated, aborting call."), 256);
    // With no tokens left it still succeeds (one.user.login__alice_ttl_0_empty_token_no_tokens).
    EXPECT_EQ(ok(QStringLiteral("one.user.login"), {kAdmin, QStringLiteral("oneadmin"), QString(), 0, -1}).toString(),
        QString());
}

TEST_F(DemoCloudTest, PoolIsDescendingAndHidesDoneUnlessAsked)
{
    EXPECT_EQ(poolIds(kAdmin, -2, -1, -1, -1), (QList<int> {9, 7, 6, 5, 4, 3, 2, 1, 0}));
    EXPECT_EQ(poolIds(kAdmin, -2, -1, -1, -2), (QList<int> {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}));
    EXPECT_EQ(poolIds(kAdmin, -2, -1, -1, 6), (QList<int> {8}));
    EXPECT_EQ(poolIds(kAdmin, -2, -1, -1, 3), (QList<int> {9, 4, 3, 2, 1, 0}));
    EXPECT_EQ(poolIds(kAdmin, -2, -1, -1, 8), (QList<int> {5}));
    EXPECT_EQ(poolIds(kAdmin, -2, -1, -1, 1), (QList<int> {6}));
    EXPECT_EQ(poolIds(kAdmin, -2, -1, -1, 2), (QList<int> {7}));
    EXPECT_EQ(poolIds(kAdmin, -2, -1, -1, 11), (QList<int> {}));
    EXPECT_EQ(ok(QStringLiteral("one.vmpool.info"), {kAdmin, -2, -1, -1, 11}).toString(),
        QStringLiteral("<VM_POOL></VM_POOL>"));
}

TEST_F(DemoCloudTest, PoolRangesAndPaging)
{
    EXPECT_EQ(poolIds(kAdmin, -2, 0, -2, -1), (QList<int> {9, 7})); // LIMIT 2 OFFSET 0
    EXPECT_EQ(poolIds(kAdmin, -2, 2, -2, -1), (QList<int> {6, 5})); // LIMIT 2 OFFSET 2
    EXPECT_EQ(poolIds(kAdmin, -2, 8, -2, -1), (QList<int> {0})); // short last page
    EXPECT_EQ(poolIds(kAdmin, -2, 10, -2, -1), (QList<int> {})); // past the end
    EXPECT_EQ(ok(QStringLiteral("one.vmpool.info"), {kAdmin, -2, 10, -2, -1}).toString(),
        QStringLiteral("<VM_POOL></VM_POOL>"));
    EXPECT_EQ(poolIds(kAdmin, -2, 0, 1, 3), (QList<int> {1, 0})); // id range, AND state
    EXPECT_EQ(poolIds(kAdmin, -2, 5, -1, -2), (QList<int> {9, 8, 7, 6, 5})); // id >= 5
    EXPECT_EQ(poolIds(kAdmin, -2, 3, 3, -1), (QList<int> {3}));
}

TEST_F(DemoCloudTest, PoolFilters)
{
    EXPECT_EQ(poolIds(kAdmin, -3, -1, -1, -1), (QList<int> {7, 6, 5, 4, 3, 2, 1, 0}));
    EXPECT_EQ(poolIds(kAdmin, -4, -1, -1, -1), (QList<int> {7, 6, 5, 4, 3, 2, 1, 0}));
    EXPECT_EQ(poolIds(kAdmin, -1, -1, -1, -1), (QList<int> {7, 6, 5, 4, 3, 2, 1, 0}));
    EXPECT_EQ(poolIds(kAdmin, 2, -1, -1, -1), (QList<int> {9}));
    EXPECT_EQ(poolIds(kAdmin, 4242, -1, -1, -1), (QList<int> {}));
    // A non-admin sees only what she may USE, whatever the filter.
    EXPECT_EQ(poolIds(kAlice, -2, -1, -1, -1), (QList<int> {9}));
    EXPECT_EQ(poolIds(kAlice, -3, -1, -1, -1), (QList<int> {9}));
    EXPECT_EQ(poolIds(kAlice, 0, -1, -1, -1), (QList<int> {}));
}

TEST_F(DemoCloudTest, PoolFilterErrors)
{
    expectFailure(call(QStringLiteral("one.vmpool.info"), {kAdmin, -5, -1, -1, -1}),
        QStringLiteral("[one.vmpool.info] Incorrect filter_flag"), 4096);
    expectFailure(call(QStringLiteral("one.vmpool.info"), {kAdmin, -2, -1, -1, 99}),
        QStringLiteral("[one.vmpool.info] Incorrect filter_flag, state"), 4096);
    expectFailure(call(QStringLiteral("one.vmpool.info"), {kAdmin, -2, -1, -1, -3}),
        QStringLiteral("[one.vmpool.info] Incorrect filter_flag, state"), 4096);
    expectFailure(call(QStringLiteral("one.vmpool.infoextended"), {kAdmin, -2, -1, -1, 12}),
        QStringLiteral("[one.vmpool.infoextended] Incorrect filter_flag, state"), 4096);
    expectFailure(call(QStringLiteral("one.vmpool.info"), {kAdmin, -2, -1, -1, -1, QStringLiteral("NAME=web-1")}),
        QStringLiteral("[one.vmpool.info] JSON query search is not supported by the SQL backend"), 8192);
    const auto r = fault(QStringLiteral("one.vmpool.info"), {kAdmin, QStringLiteral("-2"), -1, -1, -1});
    EXPECT_EQ(r.faultString, QStringLiteral("Parameter that is supposed to be integer is not"));
}

TEST_F(DemoCloudTest, VmInfoErrors)
{
    expectFailure(call(QStringLiteral("one.vm.info"), {kAdmin, 9999}),
        QStringLiteral("[one.vm.info] Error getting virtual machine [9999]."), 1024, 9999);
    expectFailure(call(QStringLiteral("one.vm.info"), {kAdmin, -1}),
        QStringLiteral("[one.vm.info] Error getting virtual machine Pool."), 1024);
    expectFailure(call(QStringLiteral("one.vm.info"), {kAlice, 0}),
        QStringLiteral("[one.vm.info] User [2] : Not authorized to perform USE VM [0]."), 512);
    EXPECT_TRUE(ok(QStringLiteral("one.vm.info"), {kAlice, 9})
                    .toString()
                    .contains(QStringLiteral("<PASSWD><![CDATA[alicepw]]></PASSWD>")));
}

TEST_F(DemoCloudTest, ShortBodyHasTheShapeOfOnedsPool)
{
    const QString recorded
        = nthString(PortholeTest::fixture(QStringLiteral("opennebula-live/one.vmpool.info__all_-2.response.xml")), 0);
    const QString ours = ok(QStringLiteral("one.vmpool.info"), {kAdmin, -2, -1, -1, -2}).toString();
    // Running SPICE VM with password and port (recorded VM 2, ours 3); HOLD VM (recorded 5, ours 7).
    EXPECT_EQ(shapeOf(vmElement(ours, 3)), shapeOf(vmElement(recorded, 2)));
    EXPECT_EQ(shapeOf(vmElement(ours, 7)), shapeOf(vmElement(recorded, 5)));
    EXPECT_FALSE(shapeOf(vmElement(ours, 3)).isEmpty());
    // DONE: no PORT left, ACTION terminate-hard (recorded VM 6, ours 8).
    const QString done = nthString(
        PortholeTest::fixture(QStringLiteral("opennebula-live/one.vmpool.info__state_6_done.response.xml")), 0);
    EXPECT_EQ(shapeOf(vmElement(ours, 8)), shapeOf(vmElement(done, 6)));
    EXPECT_TRUE(vmElement(ours, 8).contains(QStringLiteral("<ACTION><![CDATA[28]]></ACTION>")));
}

TEST_F(DemoCloudTest, FullBodyHasTheShapeOfOnedsVmInfo)
{
    struct Pair
    {
        int ours;
        const char *fixture;
    };
    const Pair pairs[] = {{3, "one.vm.info__vm-spice"}, {7, "one.vm.info__vm-on-hold"},
        {8, "one.vm.info__vm-terminated"}, {5, "one.vm.info__vm-poweroff"}};
    for (const Pair &p : pairs) {
        SCOPED_TRACE(p.fixture);
        const QString recorded = nthString(
            PortholeTest::fixture(QStringLiteral("opennebula-live/%1.response.xml").arg(QLatin1String(p.fixture))), 0);
        ASSERT_FALSE(recorded.isEmpty());
        EXPECT_EQ(shapeOf(ok(QStringLiteral("one.vm.info"), {kAdmin, p.ours}).toString()), shapeOf(recorded));
    }
    // infoextended carries the same bodies as one.vm.info.
    const QString ext = ok(QStringLiteral("one.vmpool.infoextended"), {kAdmin, -2, 3, 3, -1}).toString();
    EXPECT_EQ(ext,
        QStringLiteral("<VM_POOL>") + ok(QStringLiteral("one.vm.info"), {kAdmin, 3}).toString()
            + QStringLiteral("</VM_POOL>"));
}

TEST_F(DemoCloudTest, VmDocumentsCarryTheDemoVariety)
{
    const QString pool = ok(QStringLiteral("one.vmpool.info"), {kAdmin, -2, -1, -1, -2}).toString();
    EXPECT_TRUE(vmElement(pool, 1).contains(QStringLiteral("<TYPE><![CDATA[vnc]]></TYPE>")));
    EXPECT_TRUE(vmElement(pool, 0).contains(QStringLiteral("<NIC><IP>10.0.0.10</IP><MAC>")));
    EXPECT_TRUE(vmElement(pool, 0).contains(QStringLiteral("<HOSTNAME><![CDATA[node-1.demo]]></HOSTNAME>")));
    EXPECT_TRUE(vmElement(pool, 0).contains(QStringLiteral("<MAC>02:00:0a:00:00:0a</MAC>")));
    EXPECT_FALSE(vmElement(pool, 4).contains(QStringLiteral("<GRAPHICS>")));
    EXPECT_TRUE(vmElement(pool, 5).contains(QStringLiteral("<PORT><![CDATA[5905]]></PORT>"))); // poweroff keeps it
    EXPECT_FALSE(vmElement(pool, 6).contains(QStringLiteral("<PORT>"))); // pending
    EXPECT_TRUE(vmElement(pool, 6).contains(QStringLiteral("<HISTORY_RECORDS/>")));
    const QString full = ok(QStringLiteral("one.vm.info"), {kAdmin, 1}).toString();
    EXPECT_TRUE(full.contains(QStringLiteral("<HOSTNAME>node-1.demo</HOSTNAME>")));
    EXPECT_TRUE(full.contains(QStringLiteral("<IP><![CDATA[192.168.50.11]]></IP>")));
}

TEST_F(DemoCloudTest, ConsoleTargetMovesHostAndPort)
{
    EXPECT_EQ(cloud.consoleVmIds(), (QList<int> {0, 1, 2, 9}));
    ASSERT_TRUE(cloud.setConsoleTarget(0, QStringLiteral("127.0.0.1"), 45901));
    EXPECT_FALSE(cloud.setConsoleTarget(4, QStringLiteral("127.0.0.1"), 1)); // no graphics
    EXPECT_FALSE(cloud.setConsoleTarget(777, QStringLiteral("127.0.0.1"), 1));
    ASSERT_TRUE(cloud.vm(0).has_value());
    EXPECT_EQ(cloud.vm(0)->graphicsPort, 45901);
    EXPECT_EQ(cloud.vm(2)->graphicsPasswd, QStringLiteral("s3cr&t"));
    EXPECT_FALSE(cloud.vm(777).has_value());
    const QString full = ok(QStringLiteral("one.vm.info"), {kAdmin, 0}).toString();
    EXPECT_TRUE(full.contains(QStringLiteral("<PORT><![CDATA[45901]]></PORT>")));
    EXPECT_TRUE(full.contains(QStringLiteral("<HOSTNAME>127.0.0.1</HOSTNAME>")));
}

TEST_F(DemoCloudTest, VncTokenStruct)
{
    QSignalSpy issued(&cloud, &DemoCloud::consoleTokenIssued);
    cloud.setConsoleTarget(2, QStringLiteral("127.0.0.1"), 45902);
    const QVariantMap data = ok(QStringLiteral("one.vm.vnctoken"), {kAdmin, 2}).toMap();
    EXPECT_EQ(data.keys(),
        (QStringList {QStringLiteral("host"), QStringLiteral("id"), QStringLiteral("listen"),
            QStringLiteral("password"), QStringLiteral("port"), QStringLiteral("token"), QStringLiteral("type"),
            QStringLiteral("wss")}));
    EXPECT_EQ(data.value(QStringLiteral("id")), QVariant(2));
    EXPECT_EQ(data.value(QStringLiteral("host")), QVariant(QStringLiteral("127.0.0.1")));
    EXPECT_EQ(data.value(QStringLiteral("port")), QVariant(45902));
    EXPECT_EQ(data.value(QStringLiteral("type")), QVariant(QStringLiteral("VNC")));
    EXPECT_EQ(data.value(QStringLiteral("listen")), QVariant(QStringLiteral("0.0.0.0")));
    EXPECT_EQ(data.value(QStringLiteral("password")), QVariant(QStringLiteral("s3cr&t")));
    EXPECT_EQ(data.value(QStringLiteral("wss")), QVariant(false));
    const QString token = data.value(QStringLiteral("token")).toString();
    EXPECT_TRUE(QRegularExpression(QStringLiteral("^[1-9a-z][0-9a-z]{0,19}$")).match(token).hasMatch()) << token.size();
    EXPECT_EQ(cloud.consoleTarget(token), QStringLiteral("127.0.0.1:45902"));
    ASSERT_EQ(issued.size(), 1);
    EXPECT_EQ(issued.at(0).at(0).toString(), token);
    EXPECT_EQ(issued.at(0).at(1).toInt(), 2);
    EXPECT_EQ(issued.at(0).at(3).value<quint16>(), 45902);
}

TEST_F(DemoCloudTest, VncTokenOnlyAndVncXml)
{
    const QString token = ok(QStringLiteral("one.vm.vnctokenonly"), {kAdmin, 1}).toString();
    EXPECT_FALSE(token.isEmpty());
    EXPECT_LE(token.size(), 20);
    EXPECT_EQ(cloud.consoleTarget(token), QStringLiteral("node-1.demo:5901"));

    cloud.setVncProxyWss(true);
    const QString xml = ok(QStringLiteral("one.vm.vnc"), {kAdmin, 2}).toString();
    static const QRegularExpression re(QStringLiteral(
        "^<VM><ID>2</ID><HOST>node-2.demo</HOST><TYPE>VNC</TYPE><PORT>5902</PORT><LISTEN>0.0.0.0</LISTEN>"
        "<PASSWORD>s3cr&t</PASSWORD><WSS>true</WSS><TOKEN>([1-9a-z][0-9a-z]{0,19})</TOKEN></VM>$"));
    const auto m = re.match(xml);
    ASSERT_TRUE(m.hasMatch()) << xml.toStdString(); // note the unescaped '&', exactly like the addon
    EXPECT_EQ(cloud.consoleTarget(m.captured(1)), QStringLiteral("node-2.demo:5902"));
    EXPECT_EQ(cloud.consoleTokens().size(), 2);
    EXPECT_EQ(cloud.consoleTokenFile(),
        QByteArrayLiteral("# console tokens issued by the Porthole demo cloud\n") + token.toUtf8()
            + QByteArrayLiteral(": node-1.demo:5901\n") + m.captured(1).toUtf8()
            + QByteArrayLiteral(": node-2.demo:5902\n"));
}

TEST_F(DemoCloudTest, OneTokenPerVmReplacedOnEveryRequest)
{
    // addon-vnctoken writes one token file per VM: asking again, by anyone, replaces the token.
    const auto tokenOf = [this](int id) {
        return cloud.call(QStringLiteral("one.vm.vnctokenonly"), {kAdmin, id}).value.toList().value(1).toString();
    };
    const QString first = tokenOf(1);
    const QString other = tokenOf(2);
    const QString second = tokenOf(1);
    EXPECT_NE(first, second);
    EXPECT_TRUE(cloud.consoleTarget(first).isEmpty());
    EXPECT_EQ(cloud.consoleTarget(second), QStringLiteral("node-1.demo:5901"));
    EXPECT_EQ(cloud.consoleTarget(other), QStringLiteral("node-2.demo:5902"));
    EXPECT_EQ(cloud.consoleTokens().size(), 2);
    for (int i = 0; i < 5000; ++i)
        tokenOf(0);
    EXPECT_EQ(cloud.consoleTokens().size(), 3); // bounded by the VMs, however often a client asks
}

TEST_F(DemoCloudTest, TokensAreRubysBase36OfTwentyDigits)
{
    // rand(36**20).to_s(36): no leading zero, so one token in 36 has 19 characters.
    QMap<int, int> lengths;
    for (int i = 0; i < 2000; ++i) {
        const QString token
            = cloud.call(QStringLiteral("one.vm.vnctokenonly"), {kAdmin, 0}).value.toList().value(1).toString();
        ASSERT_TRUE(QRegularExpression(QStringLiteral("^[1-9a-z][0-9a-z]*$")).match(token).hasMatch()) << token.size();
        ++lengths[int(token.size())];
    }
    EXPECT_LE(lengths.lastKey(), 20);
    EXPECT_GT(lengths.value(20), 1800);
    EXPECT_GT(lengths.value(19), 0);
}

TEST_F(DemoCloudTest, VncTokenRefusalsFollowTheAddon)
{
    auto expectAddon = [this](const QString &session, int id, const QString &message, int code) {
        const QVariantList env = call(QStringLiteral("one.vm.vnctoken"), {session, id});
        ASSERT_EQ(env.size(), 3);
        EXPECT_EQ(env.at(0), QVariant(false));
        EXPECT_EQ(env.at(1).toString(), message);
        EXPECT_EQ(env.at(2), QVariant(code));
    };
    expectAddon(kAdmin, 3, QStringLiteral("Graphics type 'SPICE' but 'VNC' expected"), 1024);
    // VM 4 has no GRAPHICS: the real addon calls upcase on nil and Sinatra answers HTTP 500.
    EXPECT_EQ(cloud.call(QStringLiteral("one.vm.vnctoken"), {kAdmin, 4}).httpStatus, 500);
    expectAddon(kAdmin, 5, QStringLiteral("Unsupported VM state! STATE:8 LCM_STATE:0"), 2048);
    expectAddon(kAdmin, 6, QStringLiteral("Unsupported VM state! STATE:1 LCM_STATE:0"), 2048);
    expectAddon(kAdmin, 9999, QStringLiteral("[one.vm.info] Error getting virtual machine [9999]."), 1024);
    expectAddon(kAlice, 0, QStringLiteral("[one.vm.info] User [2] : Not authorized to perform USE VM [0]."), 1024);
    expectAddon(QStringLiteral("alice:nope"), 9,
        QStringLiteral("[one.vm.info] User couldn't be authenticated, aborting call."), 1024);
    EXPECT_TRUE(cloud.consoleTokens().isEmpty());
    // alice may open her own console
    EXPECT_FALSE(cloud.consoleTarget(ok(QStringLiteral("one.vm.vnctokenonly"), {kAlice, 9}).toString()).isEmpty());
}

TEST_F(DemoCloudTest, LargePoolIsPagedCompletely)
{
    cloud.setExtraVms(10000);
    EXPECT_EQ(cloud.vmCount(), 10010);
    QList<int> all;
    for (int offset = 0;; offset += 1000) {
        const QList<int> page = poolIds(kAdmin, -2, offset, -1000, -2);
        all += page;
        if (page.size() < 1000)
            break;
    }
    ASSERT_EQ(all.size(), 10010);
    for (int i = 0; i < all.size(); ++i)
        ASSERT_EQ(all.at(i), 10009 - i);
    cloud.setExtraVms(0);
    EXPECT_EQ(cloud.vmCount(), 10);
}

} // namespace
