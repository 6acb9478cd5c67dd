// SPDX-License-Identifier: GPL-2.0-or-later
#include "tokens/TokenRedis.h"

#include <gtest/gtest.h>

using Porthole::TokenRedis;

namespace {
TokenRedis::Config parsed(const char *source, QString *error = nullptr)
{
    TokenRedis::Config config;
    QString e;
    const bool ok = TokenRedis::parseSource(QString::fromUtf8(source), &config, &e);
    if (error)
        *error = e;
    EXPECT_EQ(ok, e.isEmpty());
    return config;
}
} // namespace

TEST(TokenRedisSource, WebsockifyGrammar)
{
    auto c = parsed("redis.example");
    EXPECT_EQ(c.host, QStringLiteral("redis.example"));
    EXPECT_EQ(c.port, 6379);
    EXPECT_EQ(c.db, 0);
    c = parsed("r:6380:2");
    EXPECT_EQ(c.port, 6380);
    EXPECT_EQ(c.db, 2);
    c = parsed("r:::verysecret");
    EXPECT_EQ(c.port, 6379);
    EXPECT_EQ(c.password, QStringLiteral("verysecret"));
    c = parsed("r::::my-app");
    EXPECT_TRUE(c.password.isEmpty());
    EXPECT_EQ(c.ns, QStringLiteral("my-app"));
    c = parsed("r:1:3:pw:ns");
    EXPECT_EQ(c.db, 3);
    EXPECT_EQ(c.ns, QStringLiteral("ns"));
}

TEST(TokenRedisSource, GrammarErrors)
{
    QString error;
    parsed("", &error);
    EXPECT_TRUE(error.contains(QStringLiteral("no host")));
    parsed(":6379", &error);
    EXPECT_TRUE(error.contains(QStringLiteral("no host")));
    parsed("r:port", &error);
    EXPECT_TRUE(error.contains(QStringLiteral("'port'")));
    parsed("r:70000", &error);
    EXPECT_FALSE(error.isEmpty());
    parsed("r:1:x", &error);
    EXPECT_TRUE(error.contains(QStringLiteral("database")));
    parsed("r:1:2:3:4:5", &error);
    EXPECT_TRUE(error.contains(QStringLiteral("6 fields")));
}

TEST(TokenRedisSource, MalformedSourceRefusesLookups)
{
    TokenRedis source(QStringLiteral("r:nope"));
    QString error;
    EXPECT_FALSE(source.load(&error));
    EXPECT_EQ(source.lookup(QStringLiteral("t")).status, Porthole::TokenLookup::Status::SourceError);
}

TEST(TokenRedisSource, ParseErrorsNeverEchoThePassword)
{
    TokenRedis::Config config;
    QString error;
    for (const QString &source : {QStringLiteral(":6379:0:s3cret-pw:ns"), QStringLiteral("h:6379:0:s3cret-pw:ns:extra"),
             QStringLiteral("h:port:0:s3cret-pw"), QStringLiteral("h:6379:db:s3cret-pw")}) {
        EXPECT_FALSE(TokenRedis::parseSource(source, &config, &error)) << source.toStdString();
        EXPECT_FALSE(error.isEmpty());
        EXPECT_FALSE(error.contains(u"s3cret")) << error.toStdString();
    }
}
