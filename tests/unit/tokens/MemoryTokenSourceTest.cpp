// SPDX-License-Identifier: GPL-2.0-or-later
#include "tokens/MemoryTokenSource.h"

#include <gtest/gtest.h>

using namespace Porthole;

TEST(MemoryTokenSource, ReusableOneTimeAndExpired)
{
    MemoryTokenSource source;
    const TokenTarget target {QStringLiteral("127.0.0.1"), 5900};
    source.add(QStringLiteral("keep"), target);
    source.add(QStringLiteral("once"), target, {}, MemoryTokenSource::Use::OneTime);
    source.add(QStringLiteral("old"), target, QDateTime::currentDateTimeUtc().addSecs(-1));
    source.add(QStringLiteral("fresh"), target, QDateTime::currentDateTimeUtc().addSecs(3600));

    EXPECT_TRUE(source.lookup(QStringLiteral("keep")).found());
    EXPECT_TRUE(source.lookup(QStringLiteral("keep")).found());
    EXPECT_TRUE(source.lookup(QStringLiteral("once")).found());
    const TokenLookup again = source.lookup(QStringLiteral("once"));
    EXPECT_EQ(again.status, TokenLookup::Status::Expired);
    EXPECT_EQ(again.reason, QStringLiteral("token already used"));
    EXPECT_EQ(source.lookup(QStringLiteral("old")).status, TokenLookup::Status::Expired);
    EXPECT_EQ(source.lookup(QStringLiteral("old")).reason, QStringLiteral("expired token"));
    EXPECT_EQ(source.lookup(QStringLiteral("fresh")).target, target);
    EXPECT_EQ(source.lookup(QStringLiteral("nope")).status, TokenLookup::Status::NotFound);
    source.remove(QStringLiteral("keep"));
    EXPECT_FALSE(source.lookup(QStringLiteral("keep")).found());
}
