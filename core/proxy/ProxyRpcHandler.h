// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace Porthole {

// What answers the HTTP requests on /RPC2… when the proxy is also a console gateway
// (core/gateway's ConsoleGateway). The proxy reads the body, bounded by maxBodySize(),
// and hands it over; the handler answers once, now or later, with a whole HTTP
// response. The proxy has no XML-RPC of its own: this keeps porthole_proxy free of the
// cloud and codec areas, and the desktop app's local proxy without a gateway.
class ProxyRpcHandler
{
public:
    struct Call
    {
        enum class Problem
        {
            None,
            TooLarge, // Content-Length above maxBodySize(): the body was not read
            Unsupported, // a chunked or otherwise unreadable body
        };
        QByteArray method; // GET or POST, as the addon-vnctoken server accepts both
        QString path;
        QByteArray body;
        QString peer;
        qint64 declaredLength = 0;
        Problem problem = Problem::None;
    };
    // Called at most once; a response for a connection that is already gone is dropped.
    using Respond = std::function<void(const QByteArray &httpResponse)>;

    virtual ~ProxyRpcHandler() = default;
    virtual qint64 maxBodySize() const = 0;
    virtual void handle(const Call &call, Respond respond) = 0;
};

} // namespace Porthole
