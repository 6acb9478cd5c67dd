// SPDX-License-Identifier: GPL-2.0-or-later
#include "proxy/HttpRequest.h"

#include <gtest/gtest.h>

using Porthole::HttpRequest;

namespace {
const QByteArray kUpgrade = "GET /websockify?token=ab%2Bc&x=1 HTTP/1.1\r\n"
                            "Host: proxy.example:29876\r\n"
                            "Upgrade: websocket\r\n"
                            "Connection: keep-alive, Upgrade\r\n"
                            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                            "Sec-WebSocket-Version: 13\r\n"
                            "Sec-WebSocket-Protocol: base64, binary\r\n"
                            "Cookie: a=1; token=fromcookie\r\n"
                            "\r\n";
}

TEST(HttpRequest, ParsesAnUpgrade)
{
    HttpRequest r;
    qsizetype size = 0;
    ASSERT_EQ(r.parse(kUpgrade + "trailing", &size), HttpRequest::Parse::Complete);
    EXPECT_EQ(size, kUpgrade.size());
    EXPECT_EQ(r.method(), QByteArray("GET"));
    EXPECT_EQ(r.path(), QStringLiteral("/websockify"));
    EXPECT_EQ(r.queryValue(QStringLiteral("token")), QStringLiteral("ab+c"));
    EXPECT_EQ(r.queryValue(QStringLiteral("x")), QStringLiteral("1"));
    EXPECT_TRUE(r.queryValue(QStringLiteral("nope")).isEmpty());
    EXPECT_EQ(r.cookie(QStringLiteral("token")), QStringLiteral("fromcookie"));
    EXPECT_TRUE(r.headerHasToken("connection", "upgrade"));
    EXPECT_TRUE(r.headerHasToken("SEC-WEBSOCKET-PROTOCOL", "binary"));
    EXPECT_EQ(r.header("host"), QByteArray("proxy.example:29876"));
}

TEST(HttpRequest, IncompleteUntilTheBlankLine)
{
    HttpRequest r;
    qsizetype size = 0;
    EXPECT_EQ(r.parse(kUpgrade.left(kUpgrade.size() - 2), &size), HttpRequest::Parse::Incomplete);
    EXPECT_EQ(r.parse("GE", &size), HttpRequest::Parse::Incomplete);
}

TEST(HttpRequest, Errors)
{
    qsizetype size = 0;
    {
        HttpRequest r;
        EXPECT_EQ(r.parse(QByteArray(HttpRequest::kMaxHeadSize, 'A'), &size), HttpRequest::Parse::Error);
        EXPECT_EQ(r.errorStatus(), 431);
    }
    {
        HttpRequest r;
        EXPECT_EQ(r.parse(QByteArray("\x16\x03\x01garbage"), &size), HttpRequest::Parse::Error);
        EXPECT_EQ(r.errorStatus(), 400);
    }
    {
        HttpRequest r;
        EXPECT_EQ(r.parse("GET /\r\n\r\n", &size), HttpRequest::Parse::Error);
        EXPECT_EQ(r.errorStatus(), 400);
    }
    {
        HttpRequest r;
        EXPECT_EQ(r.parse("GET / HTTP/1.1\r\nno colon here\r\n\r\n", &size), HttpRequest::Parse::Error);
        EXPECT_TRUE(r.errorReason().contains(QStringLiteral("header line")));
    }
    {
        QByteArray many = "GET / HTTP/1.1\r\n";
        for (int i = 0; i < 150; ++i)
            many += "X-" + QByteArray::number(i) + ": v\r\n";
        HttpRequest r;
        EXPECT_EQ(r.parse(many + "\r\n", &size), HttpRequest::Parse::Error);
        EXPECT_EQ(r.errorStatus(), 431);
    }
}

TEST(HttpRequest, TheRequestLineIsCheckedTheSameWayInOneReadOrMany)
{
    // A lower-case method passed when the whole head came at once, and failed when split.
    for (const QByteArray &head :
        {QByteArray("get / HTTP/1.1\r\nHost: x\r\n\r\n"), QByteArray("GET  HTTP/1.1\r\nHost: x\r\n\r\n"),
            QByteArray("GET http://other/ HTTP/1.1\r\nHost: x\r\n\r\n")}) {
        HttpRequest whole;
        qsizetype size = 0;
        EXPECT_EQ(whole.parse(head, &size), HttpRequest::Parse::Error) << head.constData();
        EXPECT_EQ(whole.errorStatus(), 400) << head.constData();
    }
    HttpRequest fine;
    qsizetype size = 0;
    EXPECT_EQ(fine.parse("OPTIONS /x HTTP/1.1\r\n\r\n", &size), HttpRequest::Parse::Complete);
}

// Found by fuzz_http_request: a blank before the method is refused while the head is incomplete
// ("this is not an HTTP request") but was trimmed away when the head came in one read.
TEST(HttpRequest, ABlankBeforeTheMethodIsRefusedInOneReadOrMany)
{
    for (const QByteArray &head : {QByteArray(" GET /websockify?token=t HTTP/1.1\r\nHost: x\r\n\r\n"),
             QByteArray("\tGET / HTTP/1.1\r\n\r\n"), QByteArray("\r\nGET / HTTP/1.1\r\n\r\n")}) {
        HttpRequest whole;
        qsizetype size = 0;
        EXPECT_EQ(whole.parse(head, &size), HttpRequest::Parse::Error) << head.constData();
        HttpRequest split;
        EXPECT_EQ(split.parse(head.left(2), &size), HttpRequest::Parse::Error) << head.constData();
    }
    // The end of the request line is trimmed as before.
    HttpRequest trailing;
    qsizetype size = 0;
    EXPECT_EQ(trailing.parse("GET / HTTP/1.1 \r\n\r\n", &size), HttpRequest::Parse::Complete);
}
