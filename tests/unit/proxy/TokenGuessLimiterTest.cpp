// SPDX-License-Identifier: GPL-2.0-or-later
#include "proxy/TokenGuessLimiter.h"

#include <gtest/gtest.h>

using namespace Porthole;

namespace {
const QHostAddress kGuesser(QStringLiteral("192.0.2.7"));
const QHostAddress kOther(QStringLiteral("192.0.2.8"));
} // namespace

TEST(TokenGuessLimiter, AnAddressPastItsLimitWaitsForTheWindowToEnd)
{
    TokenGuessLimiter limiter(3, 60000);
    for (int i = 0; i < 3; ++i) {
        EXPECT_TRUE(limiter.allows(kGuesser, 1000 + i));
        limiter.refused(kGuesser, 1000 + i);
    }
    EXPECT_FALSE(limiter.allows(kGuesser, 2000));
    EXPECT_TRUE(limiter.allows(kOther, 2000)) << "one address's guesses block no other";
    // The same host over IPv4-mapped IPv6 is the same address.
    EXPECT_FALSE(limiter.allows(QHostAddress(QStringLiteral("::ffff:192.0.2.7")), 2000));
    EXPECT_FALSE(limiter.allows(kGuesser, 60999));
    EXPECT_TRUE(limiter.allows(kGuesser, 61000));
    limiter.expire(61000);
    EXPECT_EQ(limiter.trackedAddresses(), 0);
}

TEST(TokenGuessLimiter, IPv6CountsPerSlash64)
{
    TokenGuessLimiter limiter(1, 60000);
    limiter.refused(QHostAddress(QStringLiteral("2001:db8:1:2::1")), 0);
    EXPECT_FALSE(limiter.allows(QHostAddress(QStringLiteral("2001:db8:1:2::ffff")), 1));
    EXPECT_TRUE(limiter.allows(QHostAddress(QStringLiteral("2001:db8:1:3::1")), 1));
}

TEST(TokenGuessLimiter, LogsTheFirstFewThenOneLineWithTheRest)
{
    TokenGuessLimiter limiter(0, 60000); // no limit: the log is still spared
    int logged = 0;
    for (int i = 0; i < 100; ++i)
        logged += limiter.refused(kGuesser, i) ? 1 : 0;
    EXPECT_TRUE(limiter.allows(kGuesser, 100));
    EXPECT_EQ(logged, TokenGuessLimiter::kLoggedPerWindow);
    EXPECT_TRUE(limiter.expire(59999).isEmpty()) << "the window is not over yet";
    const QStringList lines = limiter.expire(60000);
    ASSERT_EQ(lines.size(), 1);
    EXPECT_EQ(lines.first(), u"client 192.0.2.7: 95 more refused token(s) not logged");
}
