// SPDX-License-Identifier: GPL-2.0-or-later
#include "proxy/ProxyHandshake.h"

#include "base/PrintableText.h"
#include "proxy/WebRoot.h"
#include "websocket/WebSocketWire.h"

#include <QUrl>

namespace Porthole {

namespace {

ProxyHandshake::Decision answer(QByteArray response, QString logReason)
{
    ProxyHandshake::Decision decision;
    decision.answer = std::move(response);
    decision.logReason = std::move(logReason);
    return decision;
}

// The host part of a Host header or an Origin's authority, without port or brackets.
QString hostName(QString authority)
{
    if (authority.startsWith(u'[')) {
        const qsizetype end = authority.indexOf(u']');
        return authority.mid(1, end - 1).toLower();
    }
    const qsizetype colon = authority.lastIndexOf(u':');
    if (colon > 0)
        authority.truncate(colon);
    return authority.toLower();
}

// A browser sends the token cookie to this proxy from any page it visits (cross-site
// WebSocket hijacking, the pattern of Nova's CVE-2015-0259), but always says which page
// asked: a cookie token counts only when that page is served by this host, or is one the
// operator allowed (--allowed-origin, Nova's allowed_origins: a page on another name behind
// a balancer).
bool originMayUseCookie(const HttpRequest &request, const QStringList &allowed)
{
    const QByteArray origin = request.header("origin").trimmed();
    if (origin.isEmpty())
        return true; // not a browser: nothing rides on ambient cookies
    const QUrl url(QString::fromLatin1(origin));
    if (!url.isValid() || url.host().isEmpty())
        return false;
    const QString host = url.host().toLower();
    if (host == hostName(QString::fromLatin1(request.header("host").trimmed())))
        return true;
    const QString whole = QString::fromLatin1(origin).toLower();
    return allowed.contains(host) || allowed.contains(whole);
}

// A client-supplied header as the log may show it.
QString printable(const QByteArray &bytes)
{
    return printableText(QString::fromLatin1(bytes.trimmed()));
}

QString tokenOf(const HttpRequest &request, bool hostToken, bool *fromCookie)
{
    QString token = request.queryValue(QStringLiteral("token"));
    if (token.isEmpty()) {
        token = request.cookie(QStringLiteral("token"));
        *fromCookie = !token.isEmpty();
    }
    if (token.isEmpty() && hostToken) {
        token = QString::fromLatin1(request.header("host"));
        const qsizetype colon = token.lastIndexOf(QLatin1Char(':'));
        if (colon > 0 && !token.endsWith(QLatin1Char(']')))
            token.truncate(colon);
    }
    return token;
}

} // namespace

QByteArray ProxyHandshake::malformedAnswer(const HttpRequest &request)
{
    const int status = request.errorStatus();
    const QByteArray phrase = status == 431 ? "Request Header Fields Too Large" : "Bad Request";
    return WebRoot::simpleResponse(status, phrase, request.errorReason());
}

ProxyHandshake::Decision ProxyHandshake::decide(const HttpRequest &request, const Options &options)
{
    if (!request.headerHasToken("upgrade", "websocket")) {
        if (request.path() == QLatin1String("/metrics") && request.method() == "GET") {
            Decision decision;
            decision.route = Route::Metrics;
            decision.logReason = QStringLiteral("metrics");
            return decision;
        }
        // addon-vnctoken's routes: get '/RPC2*' and post '/RPC2*'.
        if (options.rpc && request.path().startsWith(QLatin1String("/RPC2"))
            && (request.method() == "POST" || request.method() == "GET")) {
            Decision decision;
            decision.route = Route::Rpc;
            decision.logReason = QStringLiteral("XML-RPC call");
            return decision;
        }
        if (options.webRoot) {
            Decision decision;
            decision.route = Route::StaticFile;
            decision.logReason = QStringLiteral("static file");
            return decision;
        }
        return answer(WebRoot::simpleResponse(426, "Upgrade Required",
                          QStringLiteral("porthole-proxy: this port relays WebSocket consoles "
                                         "(ws://host:port/websockify?token=TOKEN); start it "
                                         "with --web DIR to serve files"),
                          "Upgrade: websocket\r\n"),
            QStringLiteral("not a WebSocket request"));
    }
    if (request.method() != "GET")
        return answer(WebRoot::simpleResponse(405, "Method Not Allowed",
                          QStringLiteral("a WebSocket upgrade must be a GET"), "Allow: GET\r\n"),
            QStringLiteral("upgrade with a method other than GET"));
    if (request.header("sec-websocket-version").trimmed() != "13")
        return answer(
            WebRoot::simpleResponse(426, "Upgrade Required",
                QStringLiteral("only WebSocket version 13 (RFC 6455) is supported"), "Sec-WebSocket-Version: 13\r\n"),
            QStringLiteral("unsupported WebSocket version"));
    const QByteArray key = request.header("sec-websocket-key").trimmed();
    if (QByteArray::fromBase64(key).size() != 16)
        return answer(
            WebRoot::simpleResponse(400, "Bad Request", QStringLiteral("missing or malformed Sec-WebSocket-Key")),
            QStringLiteral("missing Sec-WebSocket-Key"));
    const bool offersBinary = request.headerHasToken("sec-websocket-protocol", "binary");
    if (!request.header("sec-websocket-protocol").isEmpty() && !offersBinary)
        return answer(WebRoot::simpleResponse(
                          400, "Bad Request", QStringLiteral("only the 'binary' subprotocol (or none) is supported")),
            QStringLiteral("unsupported subprotocol"));

    Decision decision;
    decision.route = Route::WebSocket;
    // The subprotocol is echoed only when offered: noVNC offers "binary" or nothing.
    decision.upgradeResponse = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                               "Sec-WebSocket-Accept: "
        + WebSocketWire::acceptKey(key) + "\r\n";
    if (offersBinary)
        decision.upgradeResponse += "Sec-WebSocket-Protocol: binary\r\n";
    decision.upgradeResponse += "\r\n";
    bool fromCookie = false;
    decision.token = tokenOf(request, options.hostToken, &fromCookie);
    if (fromCookie && !originMayUseCookie(request, options.allowedOrigins))
        decision.refusal = Refusal {1008, QStringLiteral("a token cookie is accepted only from pages of this host"),
            "cross_origin", QStringLiteral("Origin %1").arg(printable(request.header("origin").left(80)))};
    // Behind nginx the peer is the balancer; the log names the browser too.
    // The client writes this header itself: it goes to the log only as printable text.
    decision.forwardedFor = printable(request.header("x-forwarded-for").split(',').value(0).left(64));
    return decision;
}

std::optional<ProxyHandshake::Refusal> ProxyHandshake::refusalFor(const QString &token, const TokenLookup &lookup)
{
    if (token.isEmpty())
        return Refusal {1008, QStringLiteral("no token: connect to /websockify?token=TOKEN"), "missing_token", {}};
    switch (lookup.status) {
    case TokenLookup::Status::Found:
        return std::nullopt;
    case TokenLookup::Status::NotFound:
        return Refusal {1008, QStringLiteral("unknown token"), "unknown_token", {}};
    case TokenLookup::Status::Expired:
        return Refusal {1008, lookup.reason, "expired_token", {}};
    case TokenLookup::Status::SourceError:
        break;
    }
    return Refusal {1011, QStringLiteral("token source error: the proxy cannot look tokens up right now"),
        "source_error", QStringLiteral("token source error: ") + lookup.reason};
}

} // namespace Porthole
