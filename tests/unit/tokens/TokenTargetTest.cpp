// SPDX-License-Identifier: GPL-2.0-or-later
#include "tokens/TokenTarget.h"

#include <gtest/gtest.h>

using Porthole::TokenTarget;

namespace {
TokenTarget parsed(const char *text, QString *error = nullptr)
{
    QString e;
    const TokenTarget t = TokenTarget::parse(QString::fromUtf8(text), &e);
    if (error)
        *error = e;
    return t;
}
} // namespace

TEST(TokenTarget, HostAndPort)
{
    EXPECT_EQ(parsed("10.0.0.5:5900"), (TokenTarget {QStringLiteral("10.0.0.5"), 5900}));
    EXPECT_EQ(parsed(" node-1.example.org:5901 "), (TokenTarget {QStringLiteral("node-1.example.org"), 5901}));
}

TEST(TokenTarget, BracketedAndBareIpv6)
{
    EXPECT_EQ(parsed("[::1]:5900"), (TokenTarget {QStringLiteral("::1"), 5900}));
    EXPECT_EQ(parsed("[fe80::1%eth0]:5900"), (TokenTarget {QStringLiteral("fe80::1%eth0"), 5900}));
    // websockify splits at the last colon.
    EXPECT_EQ(parsed("::1:5900"), (TokenTarget {QStringLiteral("::1"), 5900}));
}

TEST(TokenTarget, ToStringRoundTrips)
{
    EXPECT_EQ((TokenTarget {QStringLiteral("::1"), 5900}).toString(), QStringLiteral("[::1]:5900"));
    EXPECT_EQ((TokenTarget {QStringLiteral("h"), 1}).toString(), QStringLiteral("h:1"));
    EXPECT_EQ(parsed("[::1]:5900").toString(), QStringLiteral("[::1]:5900"));
}

TEST(TokenTarget, Errors)
{
    QString error;
    EXPECT_FALSE(parsed("", &error).isValid());
    EXPECT_TRUE(error.contains(QStringLiteral("empty target")));
    EXPECT_FALSE(parsed("hostonly", &error).isValid());
    EXPECT_TRUE(error.contains(QStringLiteral("has no port"))) << qPrintable(error);
    EXPECT_FALSE(parsed(":5900", &error).isValid());
    EXPECT_TRUE(error.contains(QStringLiteral("no host")));
    EXPECT_FALSE(parsed("host:abc", &error).isValid());
    EXPECT_TRUE(error.contains(QStringLiteral("'abc' is not a number")));
    EXPECT_FALSE(parsed("host:0", &error).isValid());
    EXPECT_FALSE(parsed("host:65536", &error).isValid());
    EXPECT_FALSE(parsed("host:-1", &error).isValid());
    EXPECT_FALSE(parsed("[::1:5900", &error).isValid());
    EXPECT_TRUE(error.contains(QStringLiteral("unclosed")));
    EXPECT_FALSE(parsed("[::1]5900", &error).isValid());
    EXPECT_FALSE(parsed("a b:5900", &error).isValid());
    EXPECT_TRUE(error.contains(QStringLiteral("not allowed")));
    EXPECT_FALSE(parsed("evil/path:80", &error).isValid());
}
