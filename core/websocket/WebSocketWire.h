// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace Porthole {

// The RFC 6455 bytes both ends write: the handshake's accept key, frame headers and
// close payloads. The proxy (server side, unmasked) and the console probe (client
// side, masked) use the same functions; WebSocketFrameParser reads what they write.
namespace WebSocketWire {

enum Opcode : int
{
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

// 2 bytes, 8 of extended length, 4 of mask.
constexpr int kMaxHeaderSize = 14;
// Control frames carry at most this much payload; a close frame 2 of it for the code.
constexpr int kMaxControlPayload = 125;

// Sec-WebSocket-Accept for a client's Sec-WebSocket-Key.
QByteArray acceptKey(QByteArrayView key);

// Writes the header of a final frame of payloadSize bytes into out (at least
// kMaxHeaderSize bytes), with mask (4 bytes) when given; returns its length. The
// caller masks the payload (WebSocketFrameParser::unmask is its own inverse).
int writeHeader(char *out, int opcode, quint64 payloadSize, const unsigned char *mask = nullptr);

// A whole final frame; masked with a fresh random key when masked is set (clients must).
QByteArray frame(int opcode, QByteArrayView payload, bool masked);

// A close frame's payload: the code, then as much of reason as fits (123 bytes), cut
// on a UTF-8 character boundary.
QByteArray closePayload(quint16 code, const QString &reason);

// The code and reason of a received close payload; 1005 (no status) when it has none.
quint16 closeCode(QByteArrayView payload);
QString closeReason(QByteArrayView payload);

} // namespace WebSocketWire
} // namespace Porthole
