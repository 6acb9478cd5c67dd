// SPDX-License-Identifier: GPL-2.0-or-later
#include "tokens/TokenFileParser.h"

#include <gtest/gtest.h>

using Porthole::TokenFileParser;

namespace {
TokenFileParser::Result parse(const char *text)
{
    return TokenFileParser::parse(QByteArray(text), QStringLiteral("tokens.txt"));
}
} // namespace

TEST(TokenFileParser, WebsockifyLinesCommentsBlanksCrlf)
{
    const auto r
        = parse("# Sunstone tokens\n\nabc123: 10.0.0.5:5900\r\n  spaced:\t host.example:5901  \r\n\n#x: y:1\n");
    ASSERT_TRUE(r.problems.isEmpty()) << qPrintable(r.problems.value(0).toString());
    ASSERT_EQ(r.entries.size(), 2);
    EXPECT_EQ(r.entries[0].token, QStringLiteral("abc123"));
    EXPECT_EQ(r.entries[0].target.host, QStringLiteral("10.0.0.5"));
    EXPECT_EQ(r.entries[0].target.port, 5900);
    EXPECT_EQ(r.entries[0].line, 3);
    EXPECT_EQ(r.entries[1].token, QStringLiteral("spaced"));
    EXPECT_EQ(r.entries[1].target.host, QStringLiteral("host.example"));
    EXPECT_EQ(r.entries[1].line, 4);
}

TEST(TokenFileParser, SunstoneFileWithoutTrailingNewline)
{
    const auto r = parse("one-42-tok: 192.168.1.10:5942");
    ASSERT_EQ(r.entries.size(), 1);
    EXPECT_EQ(r.entries[0].target.port, 5942);
    EXPECT_TRUE(r.problems.isEmpty());
}

TEST(TokenFileParser, Ipv6Forms)
{
    const auto r = parse("a: [::1]:5900\nb: ::1:5901\n");
    ASSERT_EQ(r.entries.size(), 2);
    EXPECT_EQ(r.entries[0].target.host, QStringLiteral("::1"));
    EXPECT_EQ(r.entries[1].target.host, QStringLiteral("::1"));
    EXPECT_EQ(r.entries[1].target.port, 5901);
}

TEST(TokenFileParser, ByteOrderMarkIgnored)
{
    const auto r = parse("\xEF\xBB\xBFtok: h:1\n");
    ASSERT_EQ(r.entries.size(), 1);
    EXPECT_EQ(r.entries[0].token, QStringLiteral("tok"));
}

TEST(TokenFileParser, EveryErrorHasItsLine)
{
    const auto r = parse("good: h:1\n"
                         "nocolon h:2\n" // 2: no separator
                         "tok:h:3\n" // 3: no blank after the token's colon
                         ": h:4\n" // 4: empty token
                         "badport: h:x\n" // 5: port not a number
                         "noport: host\n" // 6: no port
                         "big: h:70000\n" // 7: port out of range
                         "v6: [::1:5900\n" // 8: unclosed bracket
                         "empty: \n"); // 9: empty target
    ASSERT_EQ(r.problems.size(), 8);
    const int lines[] = {2, 3, 4, 5, 6, 7, 8, 9};
    for (int i = 0; i < 8; ++i) {
        EXPECT_EQ(r.problems[i].line, lines[i]) << i;
        EXPECT_EQ(r.problems[i].file, QStringLiteral("tokens.txt"));
        EXPECT_TRUE(r.problems[i].toString().startsWith(QStringLiteral("tokens.txt:%1: ").arg(lines[i])))
            << qPrintable(r.problems[i].toString());
    }
    EXPECT_TRUE(r.problems[4].message.contains(QStringLiteral("no port")));
}

TEST(TokenFileParser, BrokenTargetKeepsTheTokenWithItsError)
{
    // The token is known, so a lookup can say which line is broken rather than "unknown".
    const auto r = parse("\n\nvm7: host:port\n");
    ASSERT_EQ(r.entries.size(), 1);
    EXPECT_EQ(r.entries[0].token, QStringLiteral("vm7"));
    EXPECT_EQ(r.entries[0].line, 3);
    EXPECT_FALSE(r.entries[0].error.isEmpty());
    EXPECT_FALSE(r.entries[0].target.isValid());
}

TEST(TokenFileParser, TokenIsRedactedInProblems)
{
    const auto r = parse("secret token: h:1\n");
    ASSERT_EQ(r.problems.size(), 1);
    EXPECT_FALSE(r.problems[0].message.contains(QStringLiteral("secret token")));
}

TEST(TokenFileParser, BinaryGarbageIsReportedNotCrashed)
{
    QByteArray junk;
    for (int i = 0; i < 4096; ++i)
        junk.append(char((i * 7919) & 0xff));
    const auto r = TokenFileParser::parse(junk, QStringLiteral("junk"));
    EXPECT_FALSE(r.problems.isEmpty());
}

// A form feed, NUL, no-break space or broken UTF-8 inside a token is a damaged line (issue 16).
TEST(TokenFileParser, TokensAreVisibleAsciiOnly)
{
    const QByteArray lines[] = {QByteArray("ab\fcd: h:1\n"), QByteArray("ab\0cd: h:1\n", 11),
        QByteArray("ab\xC2\xA0"
                   "cd: h:1\n"),
        QByteArray("ab\xFF"
                   "cd: h:1\n"),
        QByteArray("ab\x7F"
                   "cd: h:1\n")};
    for (const QByteArray &line : lines) {
        const auto r = TokenFileParser::parse(line, QStringLiteral("tokens.txt"));
        EXPECT_TRUE(r.entries.isEmpty()) << line.toHex().constData();
        ASSERT_EQ(r.problems.size(), 1) << line.toHex().constData();
        EXPECT_TRUE(r.problems[0].message.contains(QStringLiteral("no visible ASCII character")))
            << r.problems[0].message.toStdString();
    }
    EXPECT_EQ(parse("A-z_0.9~!$%*+=@[]{}|: h:1\n").entries.size(), 1);
}
