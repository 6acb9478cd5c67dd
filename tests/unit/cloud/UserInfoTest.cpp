// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/UserInfo.h"

#include "OneFixtures.h"
#include "TestSupport.h"

#include <gtest/gtest.h>

using namespace Qt::StringLiterals;
using Porthole::UserInfo;

TEST(UserInfo, SelfFromOned610)
{
    QString error;
    const auto user = UserInfo::parse(PortholeTest::oneResultString(u"one.user.info__self_-1.response.xml"_s), &error);
    ASSERT_TRUE(user) << error.toStdString();
    EXPECT_EQ(user->id, 0); // GROUPS/ID must not override it
    EXPECT_EQ(user->name, u"oneadmin");
    EXPECT_EQ(user->gid, 0);
    EXPECT_EQ(user->group, u"oneadmin");
    EXPECT_TRUE(user->loginTokens.isEmpty()); // a password session, no tokens
}

TEST(UserInfo, WithTokenSessionAndOldFormats)
{
    const auto token
        = UserInfo::parse(PortholeTest::oneResultString(u"one.user.info__with_token_session.response.xml"_s));
    ASSERT_TRUE(token);
    EXPECT_EQ(token->name, u"oneadmin");
    // oned lists the user's own login tokens in clear: the one this session signed in with.
    EXPECT_EQ(token->loginTokens, QStringList {u"479d945b892d41fb05f84ff4f8986192f2ed2a6a7447eaaa30cecf7863d86c07"_s});

    const auto q = UserInfo::parse(
        QString::fromUtf8(PortholeTest::fixture(u"opennebula-recorded/quattor-ncm-opennebula/one.user.info_3.xml"_s)));
    ASSERT_TRUE(q);
    EXPECT_EQ(*q, (UserInfo {3, u"lsimngar"_s, 1, u"users"_s, {}}));

    const auto legacy = UserInfo::parse(
        QString::fromUtf8(PortholeTest::fixture(u"opennebula-recorded/one-ruby-oca-fixtures-legacy/user.xml"_s)));
    ASSERT_TRUE(legacy);
    EXPECT_EQ(*legacy, (UserInfo {3, u"dan"_s, -1, QString(), {}}));
}

TEST(UserInfo, BadDocuments)
{
    QString error;
    EXPECT_FALSE(UserInfo::parse(u"<VM><ID>1</ID></VM>", &error));
    EXPECT_EQ(error, u"line 1, column 4: expected <USER> as the document element, found <VM>");
    EXPECT_FALSE(UserInfo::parse(u"<USER><ID>x</ID><NAME>a</NAME></USER>", &error));
    EXPECT_EQ(error, u"line 1, column 16: <ID> is not an integer: 'x'");
    EXPECT_FALSE(UserInfo::parse(u"<USER><ID>1</ID>", &error));
    EXPECT_TRUE(error.startsWith(u"line 1, column ")) << error.toStdString();
    EXPECT_FALSE(UserInfo::parse(u"<USER><GID>1</GID></USER>", &error));
    EXPECT_EQ(error, u"the <USER> document has no ID or NAME");
    EXPECT_FALSE(UserInfo::parse(u"", &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(
        UserInfo::parse(u"<!DOCTYPE USER [<!ENTITY a \"b\">]><USER><ID>1</ID><NAME>&a;</NAME></USER>", &error));
    EXPECT_TRUE(error.endsWith(u": document type declarations are not allowed")) << error.toStdString();
}
