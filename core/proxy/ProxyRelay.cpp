// SPDX-License-Identifier: GPL-2.0-or-later
#include "proxy/ProxyRelay.h"

#include "proxy/SocketStream.h"
#include "proxy/TokenProxy.h"
#include "websocket/WebSocketWire.h"

#include <cstring>

namespace Porthole {

namespace {
constexpr int kMaxReadsPerEvent = 8;
// A server's frames are not masked: 2 bytes and at most 8 of length.
constexpr int kMaxFrameHeader = 10;
} // namespace

ProxyRelay::ProxyRelay(TokenProxy &proxy, SocketStream &client, SocketStream &target, Events events)
    : m_proxy(proxy)
    , m_client(client)
    , m_target(target)
    , m_events(std::move(events))
{ }

void ProxyRelay::start(const QByteArray &early, QByteArray pipelined)
{
    m_running = true;
    m_lastDataMs = m_proxy.nowMs();
    if (!early.isEmpty()) {
        const QByteArray frame = WebSocketWire::frame(WebSocketWire::Binary, early, false);
        m_client.write(frame.constData(), frame.size());
        m_bytesToClient += quint64(early.size());
        m_proxy.metrics().bytesToClient += quint64(early.size());
    }
    if (!pipelined.isEmpty() && !m_parser.feed(pipelined.data(), pipelined.size(), *this)) {
        m_events.protocolError(m_parser.closeCode(), m_parser.errorReason());
        return;
    }
    if (!m_running)
        return;
    m_client.setReadEnabled(true);
    pumpTarget();
    pumpClient();
}

void ProxyRelay::pumpClient()
{
    char *buffer = m_proxy.scratch();
    for (int i = 0; i < kMaxReadsPerEvent && m_running; ++i) {
        if (m_target.pending() >= kHighWater) {
            // Resumed by targetDrained(); meanwhile the client's TCP window fills up.
            m_client.setReadEnabled(false);
            return;
        }
        const qint64 n = m_client.read(buffer, kReadChunk);
        if (n < 0) {
            m_events.clientGone();
            return;
        }
        if (n == 0)
            return;
        if (!m_parser.feed(buffer, n, *this)) {
            m_events.protocolError(m_parser.closeCode(), m_parser.errorReason());
            return;
        }
        // A short read drained the socket: another read would only say EAGAIN.
        if (n < kReadChunk)
            return;
    }
}

void ProxyRelay::binaryData(const char *data, qsizetype size)
{
    if (!m_running)
        return;
    m_lastDataMs = m_proxy.nowMs();
    m_target.write(data, size);
    m_bytesToTarget += quint64(size);
    m_proxy.metrics().bytesToTarget += quint64(size);
}

void ProxyRelay::controlFrame(int opcode, const QByteArray &payload)
{
    // Nothing may follow the session's close frame.
    if (!m_running)
        return;
    if (opcode == WebSocketWire::Ping) {
        m_owedPongPayload = payload;
        m_pongOwed = true;
        if (m_client.pending() < kHighWater)
            sendOwedPong();
    } else if (opcode == WebSocketWire::Close) {
        m_events.clientClosed(payload.size() >= 2 ? WebSocketWire::closeCode(payload) : quint16(1000));
    }
}

void ProxyRelay::pumpTarget()
{
    char *buffer = m_proxy.scratch();
    for (int i = 0; i < kMaxReadsPerEvent && m_running; ++i) {
        if (m_client.pending() >= kHighWater) {
            // Resumed by clientDrained().
            m_target.setReadEnabled(false);
            return;
        }
        const qint64 n = m_target.read(buffer + kMaxFrameHeader, kReadChunk);
        if (n < 0) {
            m_events.targetGone();
            return;
        }
        if (n == 0)
            return;
        toClient(buffer + kMaxFrameHeader, n);
        if (n < kReadChunk)
            return;
    }
}

void ProxyRelay::toClient(char *payload, qint64 size)
{
    m_lastDataMs = m_proxy.nowMs();
    // The frame header goes right in front of the payload (the scratch buffer keeps
    // kMaxFrameHeader bytes free there): one write, no copy.
    char header[kMaxFrameHeader];
    const int headerSize = WebSocketWire::writeHeader(header, WebSocketWire::Binary, quint64(size));
    char *frame = payload - headerSize;
    std::memcpy(frame, header, size_t(headerSize));
    m_client.write(frame, headerSize + size);
    m_bytesToClient += quint64(size);
    m_proxy.metrics().bytesToClient += quint64(size);
}

void ProxyRelay::sendOwedPong()
{
    const QByteArray pong = WebSocketWire::frame(WebSocketWire::Pong, m_owedPongPayload, false);
    m_pongOwed = false;
    m_owedPongPayload.clear();
    m_client.write(pong.constData(), pong.size());
}

void ProxyRelay::clientDrained()
{
    if (m_running && m_pongOwed && m_client.pending() < kHighWater)
        sendOwedPong();
    if (m_running && m_client.pending() < kHighWater / 2) {
        m_target.setReadEnabled(true);
        pumpTarget();
    }
}

void ProxyRelay::targetDrained()
{
    if (m_running && m_target.pending() < kHighWater / 2) {
        m_client.setReadEnabled(true);
        pumpClient();
    }
}

} // namespace Porthole
