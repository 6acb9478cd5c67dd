// SPDX-License-Identifier: GPL-2.0-or-later
// The token store side of the gateway: MemoryTokenSource keeps grants, expires them, uses
// one-time tokens up once, refuses revoked ones; read-only sources refuse to issue.
#include "tokens/MemoryTokenSource.h"
#include "tokens/TokenFile.h"

#include <gtest/gtest.h>

#include <QTemporaryFile>

using namespace Porthole;

namespace {
TokenGrant grantFor(int vm, const QDateTime &expires = {}, bool oneTime = false)
{
    TokenGrant grant;
    grant.target = TokenTarget {QStringLiteral("127.0.0.1"), 5901};
    grant.vmId = vm;
    grant.user = QStringLiteral("alice");
    grant.expiresAt = expires;
    grant.oneTime = oneTime;
    return grant;
}
} // namespace

TEST(GatewayTokenStore, IssuedGrantIsFoundWithItsExpiry)
{
    MemoryTokenSource store;
    const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(60);
    QString error;
    ASSERT_TRUE(store.canIssue());
    ASSERT_TRUE(store.issue(QStringLiteral("t1"), grantFor(7, expires), &error));
    const TokenLookup found = store.lookup(QStringLiteral("t1"));
    ASSERT_TRUE(found.found());
    EXPECT_EQ(found.target.toString(), QStringLiteral("127.0.0.1:5901"));
    EXPECT_EQ(found.expiresAt, expires);
    TokenGrant grant;
    ASSERT_TRUE(store.grantOf(QStringLiteral("t1"), &grant).found());
    EXPECT_EQ(grant.vmId, 7);
    EXPECT_EQ(grant.user, QStringLiteral("alice"));
}

TEST(GatewayTokenStore, ExpiredTokenIsRefusedAsExpired)
{
    MemoryTokenSource store;
    QString error;
    ASSERT_TRUE(store.issue(QStringLiteral("old"), grantFor(7, QDateTime::currentDateTimeUtc().addSecs(-1)), &error));
    const TokenLookup found = store.lookup(QStringLiteral("old"));
    EXPECT_EQ(found.status, TokenLookup::Status::Expired);
    EXPECT_EQ(found.reason, QStringLiteral("expired token"));
}

TEST(GatewayTokenStore, OneTimeTokenOpensOneSessionAndGrantOfDoesNotUseItUp)
{
    MemoryTokenSource store;
    QString error;
    ASSERT_TRUE(store.issue(QStringLiteral("once"), grantFor(7, {}, true), &error));
    TokenGrant grant;
    EXPECT_TRUE(store.grantOf(QStringLiteral("once"), &grant).found());
    EXPECT_TRUE(store.lookup(QStringLiteral("once")).found());
    const TokenLookup again = store.lookup(QStringLiteral("once"));
    EXPECT_EQ(again.status, TokenLookup::Status::Expired);
    EXPECT_EQ(again.reason, QStringLiteral("token already used"));
}

TEST(GatewayTokenStore, RevokedTokenIsRefusedWithTheReason)
{
    MemoryTokenSource store;
    QString error;
    ASSERT_TRUE(store.issue(QStringLiteral("t"), grantFor(7), &error));
    ASSERT_TRUE(store.revoke(QStringLiteral("t"), &error));
    const TokenLookup found = store.lookup(QStringLiteral("t"));
    EXPECT_EQ(found.status, TokenLookup::Status::Expired);
    EXPECT_EQ(found.reason, QStringLiteral("token revoked"));
    EXPECT_FALSE(store.revoke(QStringLiteral("nope"), &error));
    EXPECT_EQ(error, QStringLiteral("unknown token"));
}

TEST(GatewayTokenStore, EndedTokensAreForgottenSoMemoryStaysBounded)
{
    MemoryTokenSource store;
    QString error;
    const QDateTime longAgo = QDateTime::currentDateTimeUtc().addSecs(-MemoryTokenSource::kKeepEndedSeconds - 60);
    for (int i = 0; i < 5000; ++i)
        ASSERT_TRUE(store.issue(QStringLiteral("old%1").arg(i), grantFor(i, longAgo), &error));
    ASSERT_TRUE(store.issue(QStringLiteral("fresh"), grantFor(1), &error));
    // A purge ran on the way (every 4096 issues): the long-expired ones before it are gone.
    EXPECT_LT(store.tokenCount(), 5000);
    EXPECT_TRUE(store.lookup(QStringLiteral("fresh")).found());
}

TEST(GatewayTokenStore, FileSourcesRefuseToIssue)
{
    QTemporaryFile file;
    ASSERT_TRUE(file.open());
    file.write("a: 127.0.0.1:5900\n");
    file.close();
    TokenFile source(file.fileName());
    QString error;
    ASSERT_TRUE(source.load(&error));
    EXPECT_FALSE(source.canIssue());
    EXPECT_FALSE(source.issue(QStringLiteral("t"), grantFor(1), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("read-only"))) << qPrintable(error);
}
