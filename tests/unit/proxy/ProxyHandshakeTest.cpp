// SPDX-License-Identifier: GPL-2.0-or-later
#include "proxy/ProxyHandshake.h"

#include "proxy/ProxyMetrics.h"

#include <gtest/gtest.h>

#include <QSet>

using namespace Porthole;

namespace {

const QByteArray kKey = "dGhlIHNhbXBsZSBub25jZQ==";

// A request head with the given first line and extra header lines.
HttpRequest request(const QByteArray &first, const QByteArray &headers)
{
    HttpRequest r;
    qsizetype size = 0;
    const QByteArray head = first + "\r\nHost: proxy.example:29876\r\n" + headers + "\r\n";
    EXPECT_EQ(r.parse(head, &size), HttpRequest::Parse::Complete) << head.constData();
    return r;
}

HttpRequest upgrade(const QByteArray &target, const QByteArray &more = {})
{
    return request("GET " + target + " HTTP/1.1",
        "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + kKey + "\r\n"
            + more);
}

int status(const QByteArray &answer)
{
    return answer.mid(9, 3).toInt();
}

ProxyHandshake::Options withHostToken()
{
    ProxyHandshake::Options options;
    options.hostToken = true;
    return options;
}

ProxyHandshake::Options withWebRoot()
{
    ProxyHandshake::Options options;
    options.webRoot = true;
    return options;
}

} // namespace

TEST(ProxyHandshake, AcceptsAnUpgradeAndEchoesOnlyTheOfferedSubprotocol)
{
    const auto plain = ProxyHandshake::decide(upgrade("/websockify?token=abc"), {});
    ASSERT_EQ(plain.route, ProxyHandshake::Route::WebSocket);
    EXPECT_EQ(plain.token, u"abc");
    EXPECT_EQ(plain.upgradeResponse,
        QByteArray("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n"));

    const auto binary
        = ProxyHandshake::decide(upgrade("/websockify?token=abc", "Sec-WebSocket-Protocol: base64, binary\r\n"), {});
    ASSERT_EQ(binary.route, ProxyHandshake::Route::WebSocket);
    EXPECT_TRUE(binary.upgradeResponse.endsWith("Sec-WebSocket-Protocol: binary\r\n\r\n"));
}

TEST(ProxyHandshake, FindsTheTokenInQueryCookieOrHost)
{
    EXPECT_EQ(ProxyHandshake::decide(upgrade("/websockify?token=a%2Bb"), {}).token, u"a+b");
    EXPECT_EQ(
        ProxyHandshake::decide(upgrade("/websockify", "Cookie: x=1; token=fromcookie\r\n"), {}).token, u"fromcookie");
    EXPECT_TRUE(ProxyHandshake::decide(upgrade("/websockify"), {}).token.isEmpty());
    // --host-token: the Host header's name, without the port.
    EXPECT_EQ(ProxyHandshake::decide(upgrade("/websockify"), withHostToken()).token, u"proxy.example");
    // The query wins over the Host name.
    EXPECT_EQ(ProxyHandshake::decide(upgrade("/?token=q"), withHostToken()).token, u"q");
}

TEST(ProxyHandshake, NamesTheBrowserBehindABalancer)
{
    const auto decision
        = ProxyHandshake::decide(upgrade("/websockify?token=t", "X-Forwarded-For: 203.0.113.7, 10.0.0.1\r\n"), {});
    EXPECT_EQ(decision.forwardedFor, u"203.0.113.7");
}

TEST(ProxyHandshake, RoutesPlainRequests)
{
    const HttpRequest metrics = request("GET /metrics HTTP/1.1", {});
    EXPECT_EQ(ProxyHandshake::decide(metrics, {}).route, ProxyHandshake::Route::Metrics);

    const HttpRequest page = request("GET /vnc.html HTTP/1.1", {});
    EXPECT_EQ(ProxyHandshake::decide(page, withWebRoot()).route, ProxyHandshake::Route::StaticFile);
    const auto noWeb = ProxyHandshake::decide(page, {});
    ASSERT_EQ(noWeb.route, ProxyHandshake::Route::Answer);
    EXPECT_EQ(status(noWeb.answer), 426);
    EXPECT_TRUE(noWeb.answer.contains("Upgrade: websocket\r\n"));
    EXPECT_TRUE(noWeb.answer.contains("--web DIR"));
    EXPECT_EQ(noWeb.logReason, u"not a WebSocket request");
}

TEST(ProxyHandshake, RefusesBrokenUpgradesWithTheirHttpStatus)
{
    struct Case
    {
        HttpRequest request;
        int status;
        QString log;
    };
    const QList<Case> cases = {
        {request("POST /websockify HTTP/1.1",
             "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + kKey + "\r\n"),
            405, QStringLiteral("upgrade with a method other than GET")},
        {request("GET /websockify HTTP/1.1",
             "Upgrade: websocket\r\nSec-WebSocket-Version: 8\r\nSec-WebSocket-Key: " + kKey + "\r\n"),
            426, QStringLiteral("unsupported WebSocket version")},
        {request("GET /websockify HTTP/1.1", "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"), 400,
            QStringLiteral("missing Sec-WebSocket-Key")},
        {request("GET /websockify HTTP/1.1",
             "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: c2hvcnQ=\r\n"),
            400, QStringLiteral("missing Sec-WebSocket-Key")},
        {upgrade("/websockify?token=t", "Sec-WebSocket-Protocol: base64\r\n"), 400,
            QStringLiteral("unsupported subprotocol")},
    };
    for (const Case &c : cases) {
        const auto decision = ProxyHandshake::decide(c.request, {});
        EXPECT_EQ(decision.route, ProxyHandshake::Route::Answer) << c.log.toStdString();
        EXPECT_EQ(status(decision.answer), c.status) << c.log.toStdString();
        EXPECT_EQ(decision.logReason, c.log);
        EXPECT_TRUE(decision.upgradeResponse.isEmpty());
    }
}

TEST(ProxyHandshake, MalformedHeadsAreAnsweredWithTheParsersStatus)
{
    HttpRequest r;
    qsizetype size = 0;
    ASSERT_EQ(r.parse("GARBAGE\r\n\r\n", &size), HttpRequest::Parse::Error);
    const QByteArray answer = ProxyHandshake::malformedAnswer(r);
    EXPECT_EQ(status(answer), r.errorStatus());
    EXPECT_TRUE(answer.contains(r.errorReason().toUtf8()));
}

TEST(ProxyHandshake, EachTokenOutcomeHasItsCloseFrame)
{
    TokenLookup found;
    found.status = TokenLookup::Status::Found;
    EXPECT_FALSE(ProxyHandshake::refusalFor(QStringLiteral("t"), found));

    const auto missing = ProxyHandshake::refusalFor(QString(), found);
    ASSERT_TRUE(missing);
    EXPECT_EQ(missing->code, 1008);
    EXPECT_EQ(missing->label, QByteArray("missing_token"));
    EXPECT_TRUE(missing->reason.contains(u"/websockify?token=TOKEN"));

    TokenLookup unknown;
    unknown.status = TokenLookup::Status::NotFound;
    EXPECT_EQ(ProxyHandshake::refusalFor(QStringLiteral("t"), unknown)->label, QByteArray("unknown_token"));

    TokenLookup expired;
    expired.status = TokenLookup::Status::Expired;
    expired.reason = QStringLiteral("token expired 5 s ago");
    const auto late = ProxyHandshake::refusalFor(QStringLiteral("t"), expired);
    EXPECT_EQ(late->code, 1008);
    EXPECT_EQ(late->reason, expired.reason);
    EXPECT_EQ(late->label, QByteArray("expired_token"));

    TokenLookup broken;
    broken.status = TokenLookup::Status::SourceError;
    broken.reason = QStringLiteral("tokens.cfg:3: no target");
    const auto source = ProxyHandshake::refusalFor(QStringLiteral("t"), broken);
    EXPECT_EQ(source->code, 1011);
    EXPECT_EQ(source->reason, u"token source error: the proxy cannot look tokens up right now");
    EXPECT_FALSE(source->reason.contains(u"tokens.cfg")) << "file names are for the log only";
    EXPECT_EQ(source->detail, u"token source error: tokens.cfg:3: no target");
    EXPECT_EQ(source->label, QByteArray("source_error"));
}

TEST(ProxyMetrics, PrometheusTextHasEveryFamilyAndLabel)
{
    ProxyMetrics metrics;
    metrics.sessionsOpen = 2;
    metrics.sessionsTotal = 7;
    metrics.connectionsOpen = 3;
    metrics.bytesToTarget = 1024;
    metrics.bytesToClient = 1 << 20;
    metrics.refused["unknown_token"] = 4;
    metrics.refused["target_down"] = 1;
    const QByteArray text = metrics.toPrometheus();
    EXPECT_TRUE(text.contains("# TYPE porthole_proxy_sessions_open gauge\nporthole_proxy_sessions_open 2\n"));
    EXPECT_TRUE(text.contains("# TYPE porthole_proxy_connections_open gauge\nporthole_proxy_connections_open 3\n"));
    EXPECT_TRUE(text.contains("# TYPE porthole_proxy_sessions_total counter\nporthole_proxy_sessions_total 7\n"));
    EXPECT_TRUE(text.contains("porthole_proxy_refused_total{reason=\"target_down\"} 1\n"));
    EXPECT_TRUE(text.contains("porthole_proxy_refused_total{reason=\"unknown_token\"} 4\n"));
    EXPECT_TRUE(text.contains("porthole_proxy_bytes_total{direction=\"to_target\"} 1024\n"));
    EXPECT_TRUE(text.contains("porthole_proxy_bytes_total{direction=\"to_client\"} 1048576\n"));
    EXPECT_TRUE(text.endsWith('\n'));
    // Every sample line belongs to a family announced by # TYPE before it.
    QSet<QByteArray> announced;
    for (const QByteArray &line : text.split('\n')) {
        if (line.startsWith("# TYPE "))
            announced.insert(line.split(' ').value(2));
        else if (!line.isEmpty() && !line.startsWith('#')) {
            const qsizetype brace = line.indexOf('{');
            const QByteArray family = line.left(brace >= 0 ? brace : line.indexOf(' '));
            EXPECT_TRUE(announced.contains(family)) << line.constData();
        }
    }
}

TEST(ProxyHandshake, RpcPathsGoToTheGatewayOnlyWhenThereIsOne)
{
    ProxyHandshake::Options gateway;
    gateway.rpc = true;
    for (const QByteArray &first : {QByteArray("POST /RPC2 HTTP/1.1"), QByteArray("GET /RPC2 HTTP/1.1"),
             QByteArray("POST /RPC2/vnctoken HTTP/1.1")})
        EXPECT_EQ(
            ProxyHandshake::decide(request(first, "Content-Length: 0\r\n"), gateway).route, ProxyHandshake::Route::Rpc)
            << first.constData();
    // Other paths and methods, and a plain proxy, answer as before.
    EXPECT_EQ(ProxyHandshake::decide(request("PUT /RPC2 HTTP/1.1", {}), gateway).route, ProxyHandshake::Route::Answer);
    EXPECT_EQ(ProxyHandshake::decide(request("POST /rpc HTTP/1.1", {}), gateway).route, ProxyHandshake::Route::Answer);
    EXPECT_EQ(ProxyHandshake::decide(request("POST /RPC2 HTTP/1.1", {}), {}).route, ProxyHandshake::Route::Answer);
    EXPECT_EQ(
        ProxyHandshake::decide(request("GET /metrics HTTP/1.1", {}), gateway).route, ProxyHandshake::Route::Metrics);
    EXPECT_EQ(ProxyHandshake::decide(upgrade("/websockify?token=t"), gateway).route, ProxyHandshake::Route::WebSocket);
}

TEST(ProxyHandshake, ACookieTokenCountsOnlyFromPagesOfThisHost)
{
    // Cross-site WebSocket hijacking: any page the browser visits would send the cookie.
    const auto foreign = ProxyHandshake::decide(
        upgrade("/websockify", "Cookie: token=secret-cookie\r\nOrigin: https://evil.example\r\n"), {});
    ASSERT_EQ(foreign.route, ProxyHandshake::Route::WebSocket);
    ASSERT_TRUE(foreign.refusal);
    EXPECT_EQ(foreign.refusal->code, 1008);
    EXPECT_EQ(foreign.refusal->label, QByteArray("cross_origin"));
    EXPECT_EQ(foreign.refusal->detail, u"Origin https://evil.example");
    EXPECT_FALSE(foreign.refusal->reason.contains(u"secret-cookie"));

    // The proxy's own noVNC page (same host, any port) and non-browsers keep working.
    EXPECT_FALSE(
        ProxyHandshake::decide(upgrade("/websockify", "Cookie: token=t\r\nOrigin: https://PROXY.example:29876\r\n"), {})
            .refusal);
    EXPECT_FALSE(ProxyHandshake::decide(upgrade("/websockify", "Cookie: token=t\r\n"), {}).refusal);
    // A token in the query is not ambient: the page that knows it may use it.
    EXPECT_FALSE(
        ProxyHandshake::decide(upgrade("/websockify?token=t", "Origin: https://other.example\r\n"), {}).refusal);
}

TEST(ProxyHandshake, AllowedOriginsMayUseTheCookieToo)
{
    // Behind a balancer the page's name is not the Host the proxy sees: --allowed-origin.
    ProxyHandshake::Options options;
    options.allowedOrigins = {QStringLiteral("console.example"), QStringLiteral("https://portal.example:8443")};
    const auto from = [&](const char *origin) {
        return ProxyHandshake::decide(
            upgrade("/websockify", QByteArray("Cookie: token=t\r\nOrigin: ") + origin + "\r\n"), options)
            .refusal.has_value();
    };
    EXPECT_FALSE(from("https://console.example"));
    EXPECT_FALSE(from("http://CONSOLE.example:8080"));
    EXPECT_FALSE(from("https://portal.example:8443"));
    EXPECT_TRUE(from("https://portal.example")) << "an origin with a port allows only that port";
    EXPECT_TRUE(from("https://evil.example"));
    EXPECT_TRUE(from("https://console.example.evil.example"));
    EXPECT_TRUE(from("null"));
}

TEST(ProxyHandshake, AForwardedForHeaderReachesTheLogPrintable)
{
    // A client-chosen header must not write terminal escapes or fake lines into the log.
    const auto decision = ProxyHandshake::decide(upgrade("/websockify?token=t",
                                                     "X-Forwarded-For: 1.2.3.4\x1b[2J\x07"
                                                     "evil\r\n"),
        {});
    EXPECT_FALSE(decision.forwardedFor.contains(QChar(0x1b)));
    EXPECT_FALSE(decision.forwardedFor.contains(QChar(0x07)));
    EXPECT_TRUE(decision.forwardedFor.startsWith(u"1.2.3.4")) << decision.forwardedFor.toStdString();
    EXPECT_TRUE(decision.forwardedFor.endsWith(u"evil")) << decision.forwardedFor.toStdString();
}
