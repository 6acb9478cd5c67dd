// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "websocket/WebSocketFrameParser.h"

#include <QByteArray>

#include <functional>

namespace Porthole {

class SocketStream;
class TokenProxy;

// The open WebSocket of one ProxySession: the viewer's frames unmasked and written to
// the VNC server, the server's bytes framed and written to the viewer, pings answered.
// Each direction pauses reading while the other side's write buffer is above
// kHighWater, so a viewer that reads nothing stalls the VNC server through TCP instead
// of growing the proxy's memory. It owns neither stream: the session opens, closes and
// drains them, and calls stop() before it writes its own close frame.
class ProxyRelay : private WebSocketFrameParser::Sink
{
public:
    struct Events
    {
        std::function<void(quint16 code, const QString &reason)> protocolError; // the viewer broke RFC 6455
        std::function<void(quint16 code)> clientClosed; // the viewer sent a close frame
        std::function<void()> clientGone;
        std::function<void()> targetGone;
    };

    static constexpr qint64 kHighWater = 256 * 1024;
    static constexpr qint64 kReadChunk = 256 * 1024;

    ProxyRelay(TokenProxy &proxy, SocketStream &client, SocketStream &target, Events events);

    // Sends what the server said while it was dialled (RFB speaks first), relays the
    // viewer's bytes that came pipelined after the request head, then both directions.
    void start(const QByteArray &early, QByteArray pipelined);
    void stop() { m_running = false; }

    // The streams' callbacks while relaying.
    void pumpClient();
    void pumpTarget();
    void clientDrained();
    void targetDrained();

    quint64 bytesToTarget() const { return m_bytesToTarget; }
    quint64 bytesToClient() const { return m_bytesToClient; }
    // When data last moved either way; pongs to our heartbeat do not count.
    qint64 lastDataMs() const { return m_lastDataMs; }

private:
    void binaryData(const char *data, qsizetype size) override;
    void controlFrame(int opcode, const QByteArray &payload) override;
    void toClient(char *payload, qint64 size);
    void sendOwedPong();

    TokenProxy &m_proxy;
    SocketStream &m_client;
    SocketStream &m_target;
    Events m_events;
    WebSocketFrameParser m_parser {WebSocketFrameParser::Role::Server};
    bool m_running = false;
    // A viewer that pings and reads nothing would have pongs queued without end; while its
    // buffer is full only the latest ping is remembered, and answered once it drains
    // (RFC 6455 5.5.3 allows answering only the most recent ping).
    bool m_pongOwed = false;
    QByteArray m_owedPongPayload;
    quint64 m_bytesToTarget = 0;
    quint64 m_bytesToClient = 0;
    qint64 m_lastDataMs = 0;
};

} // namespace Porthole
