// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "proxy/HttpRequest.h"
#include "tokens/TokenLookup.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace Porthole {

// RFC 6455 registers 1013 (try again later) and 1014 (bad gateway), but Qt's own
// QWebSocket (our viewer) rejects 1012-2999 as invalid, so the private range carries
// them with the same last digits.
namespace ProxyCloseCode {
constexpr quint16 TryAgainLater = 4013;
constexpr quint16 BadGateway = 4014;
} // namespace ProxyCloseCode

// What the first request on a proxy connection asks for, decided from the request
// alone, with no socket, clock or token source: a plain HTTP answer, the metrics, a
// file of the web root, or a WebSocket for a token. ProxySession carries the decision
// out; the refusals of a WebSocket (no token, unknown, expired, source down) travel as
// close frames after a completed upgrade, because browsers do not show scripts an HTTP
// error's body but noVNC shows a close reason.
class ProxyHandshake
{
public:
    struct Options
    {
        bool hostToken = false; // the token may be the Host header's name (--host-token)
        bool webRoot = false; // --web DIR serves files
        bool rpc = false; // a console gateway answers /RPC2… (ProxyRpcHandler)
        // Pages besides this host's own whose cookie token counts (--allowed-origin): host
        // names, or origins "scheme://host[:port]", lower case.
        QStringList allowedOrigins;
    };

    enum class Route
    {
        Answer, // answer is the whole HTTP response; then the connection closes
        Metrics, // GET /metrics
        StaticFile, // a file of the web root: WebRoot::respond(method, path)
        Rpc, // GET or POST on /RPC2…: read the body, then the gateway answers
        WebSocket, // upgrade with upgradeResponse, then look the token up
    };

    // A refusal of an upgraded connection: a close frame and the metrics label. The
    // reason goes to whoever connected, who may hold no token at all; what only the
    // operator should read (a file path and line, a Redis address) is the log's detail.
    struct Refusal
    {
        quint16 code = 1008;
        QString reason;
        QByteArray label;
        QString detail;
    };

    struct Decision
    {
        Route route = Route::Answer;
        QByteArray answer;
        QString logReason; // why, for the session log
        QByteArray upgradeResponse; // the 101 (WebSocket)
        QString token; // from ?token=, the token cookie or Host; empty: refused
        QString forwardedFor; // the first X-Forwarded-For address, if any
        std::optional<Refusal> refusal; // the request itself is refused (WebSocket)
    };

    static Decision decide(const HttpRequest &request, const Options &options);
    // The answer to a request head that did not parse (400 or 431).
    static QByteArray malformedAnswer(const HttpRequest &request);
    // The refusal for a token lookup's outcome; nullopt when the token was found.
    static std::optional<Refusal> refusalFor(const QString &token, const TokenLookup &lookup);
};

} // namespace Porthole
