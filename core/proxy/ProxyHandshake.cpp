// SPDX-License-Identifier: GPL-2.0-or-later
#include "proxy/ProxyHandshake.h"

#include "proxy/WebRoot.h"
#include "websocket/WebSocketWire.h"

namespace Porthole {

namespace {

ProxyHandshake::Decision answer(QByteArray response, QString logReason)
{
    ProxyHandshake::Decision decision;
    decision.answer = std::move(response);
    decision.logReason = std::move(logReason);
    return decision;
}

QString tokenOf(const HttpRequest &request, bool hostToken)
{
    QString token = request.queryValue(QStringLiteral("token"));
    if (token.isEmpty())
        token = request.cookie(QStringLiteral("token"));
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
    decision.token = tokenOf(request, options.hostToken);
    // Behind nginx the peer is the balancer; the log names the browser too.
    decision.forwardedFor
        = QString::fromLatin1(request.header("x-forwarded-for").split(',').value(0).trimmed().left(64));
    return decision;
}

std::optional<ProxyHandshake::Refusal> ProxyHandshake::refusalFor(const QString &token, const TokenLookup &lookup)
{
    if (token.isEmpty())
        return Refusal {1008, QStringLiteral("no token: connect to /websockify?token=TOKEN"), "missing_token"};
    switch (lookup.status) {
    case TokenLookup::Status::Found:
        return std::nullopt;
    case TokenLookup::Status::NotFound:
        return Refusal {1008, QStringLiteral("unknown token"), "unknown_token"};
    case TokenLookup::Status::Expired:
        return Refusal {1008, lookup.reason, "expired_token"};
    case TokenLookup::Status::SourceError:
        break;
    }
    return Refusal {1011, QStringLiteral("token source error: ") + lookup.reason, "source_error"};
}

} // namespace Porthole
