// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Porthole {

// Incremental RFC 6455 frame parser for either end. Payload bytes are unmasked in place
// and handed on as they arrive: a frame is never buffered whole, so a header declaring
// 2^62 bytes costs nothing (and is refused above a sane limit anyway). Only
// control-frame payloads (at most 125 bytes) are collected.
class WebSocketFrameParser
{
public:
    // Which end reads: a server reads a client's frames, which must be masked and
    // binary (the subprotocol is "binary"); a client reads a server's frames, which must
    // not be masked, and takes text frames' bytes as data, as the viewer does.
    enum class Role
    {
        Server,
        Client
    };

    class Sink
    {
    public:
        virtual ~Sink() = default;
        virtual void binaryData(const char *data, qsizetype size) = 0;
        // opcode 0x8 close, 0x9 ping, 0xA pong; payload at most 125 bytes.
        virtual void controlFrame(int opcode, const QByteArray &payload) = 0;
    };

    // Largest data frame accepted; noVNC's messages are tiny, and the limit only
    // exists so that an absurd length is answered with 1009 instead of being streamed.
    static constexpr quint64 kMaxFramePayload = quint64(64) << 20;

    explicit WebSocketFrameParser(Role role = Role::Server)
        : m_role(role)
    { }

    // Consumes all of data (modifying it: payloads are unmasked in place). Returns false
    // on a protocol violation; closeCode()/errorReason() then say what to send back.
    bool feed(char *data, qsizetype size, Sink &sink);

    quint16 closeCode() const { return m_closeCode; }
    QString errorReason() const { return m_error; }

    // XORs data with the 4-byte mask starting at mask byte offset, 8 bytes at a time.
    static void unmask(char *data, qsizetype size, const unsigned char mask[4], unsigned offset);

private:
    bool fail(quint16 code, const QString &reason);
    bool parseHeader(Sink &sink);

    Role m_role;
    unsigned char m_header[14] = {};
    int m_headerSize = 0;
    quint64 m_remaining = 0;
    bool m_inPayload = false;
    unsigned char m_mask[4] = {};
    unsigned m_maskOffset = 0;
    int m_opcode = 0;
    bool m_fin = true;
    // Inside a fragmented binary message (continuation frames follow).
    bool m_inMessage = false;
    QByteArray m_control;
    quint16 m_closeCode = 0;
    QString m_error;
};

} // namespace Porthole
