// SPDX-License-Identifier: GPL-2.0-or-later
#include "websocket/WebSocketFrameParser.h"

#include <cstring>

namespace Porthole {

void WebSocketFrameParser::unmask(char *data, qsizetype size, const unsigned char mask[4], unsigned offset)
{
    unsigned char rotated[8];
    for (int i = 0; i < 8; ++i)
        rotated[i] = mask[(offset + unsigned(i)) & 3];
    quint64 wide;
    std::memcpy(&wide, rotated, 8);
    qsizetype i = 0;
    // Four independent 64-bit lanes per step: the compiler turns them into vector XORs.
    for (; i + 32 <= size; i += 32) {
        quint64 c[4];
        std::memcpy(c, data + i, 32);
        c[0] ^= wide;
        c[1] ^= wide;
        c[2] ^= wide;
        c[3] ^= wide;
        std::memcpy(data + i, c, 32);
    }
    for (; i + 8 <= size; i += 8) {
        quint64 chunk;
        std::memcpy(&chunk, data + i, 8);
        chunk ^= wide;
        std::memcpy(data + i, &chunk, 8);
    }
    for (; i < size; ++i)
        data[i] = char(data[i] ^ rotated[i & 7]);
}

bool WebSocketFrameParser::fail(quint16 code, const QString &reason)
{
    m_closeCode = code;
    m_error = reason;
    return false;
}

bool WebSocketFrameParser::parseHeader(Sink &)
{
    const unsigned char b0 = m_header[0];
    const unsigned char b1 = m_header[1];
    m_fin = b0 & 0x80;
    m_opcode = b0 & 0x0f;
    if (b0 & 0x70)
        return fail(1002, QStringLiteral("RSV bits set but no extension was negotiated"));
    const bool masked = b1 & 0x80;
    if (m_role == Role::Server && !masked)
        return fail(1002, QStringLiteral("client frames must be masked"));
    if (m_role == Role::Client && masked)
        return fail(1002, QStringLiteral("server frames must not be masked"));
    const bool control = m_opcode & 0x8;
    switch (m_opcode) {
    case 0x0:
        if (!m_inMessage)
            return fail(1002, QStringLiteral("continuation frame without a message"));
        break;
    case 0x1:
        if (m_role == Role::Server)
            return fail(1003, QStringLiteral("text frames are not supported: send binary frames"));
        [[fallthrough]];
    case 0x2:
        if (m_inMessage)
            return fail(1002, QStringLiteral("new message inside a fragmented message"));
        break;
    case 0x8:
    case 0x9:
    case 0xA:
        break;
    default:
        return fail(1002, QStringLiteral("reserved opcode 0x%1").arg(m_opcode, 0, 16));
    }
    quint64 length = b1 & 0x7f;
    int pos = 2;
    if (length == 126) {
        length = (quint64(m_header[2]) << 8) | m_header[3];
        pos = 4;
    } else if (length == 127) {
        length = 0;
        for (int i = 0; i < 8; ++i)
            length = (length << 8) | m_header[2 + i];
        pos = 10;
    }
    if (control && (!m_fin || length > 125))
        return fail(1002, QStringLiteral("control frames must be unfragmented and at most 125 bytes"));
    if (length > kMaxFramePayload)
        return fail(
            1009, QStringLiteral("frame of %1 bytes exceeds the limit of %2").arg(length).arg(kMaxFramePayload));
    if (masked)
        std::memcpy(m_mask, m_header + pos, 4);
    else
        std::memset(m_mask, 0, 4);
    m_maskOffset = 0;
    m_remaining = length;
    if (!control)
        m_inMessage = !m_fin;
    m_control.clear();
    return true;
}

bool WebSocketFrameParser::feed(char *data, qsizetype size, Sink &sink)
{
    if (m_closeCode)
        return false;
    qsizetype pos = 0;
    while (pos < size || (m_inPayload && m_remaining == 0)) {
        if (!m_inPayload) {
            // Header: 2 bytes, then the extended length and the mask as announced.
            auto neededBytes = [this] {
                if (m_headerSize < 2)
                    return 2;
                const int len7 = m_header[1] & 0x7f;
                return 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + ((m_header[1] & 0x80) ? 4 : 0);
            };
            int needed = neededBytes();
            while (m_headerSize < needed && pos < size) {
                m_header[m_headerSize++] = static_cast<unsigned char>(data[pos++]);
                needed = neededBytes();
            }
            if (m_headerSize < 2 || m_headerSize < needed) {
                // A header with the wrong masking is refused as soon as its first two bytes are in.
                if (m_headerSize >= 2 && bool(m_header[1] & 0x80) != (m_role == Role::Server))
                    return parseHeader(sink);
                return true;
            }
            if (!parseHeader(sink))
                return false;
            m_headerSize = 0;
            m_inPayload = true;
        }
        const qsizetype take = qsizetype(qMin<quint64>(m_remaining, quint64(size - pos)));
        if (take > 0) {
            char *p = data + pos;
            if (m_role == Role::Server)
                unmask(p, take, m_mask, m_maskOffset);
            m_maskOffset = (m_maskOffset + unsigned(take)) & 3;
            if (m_opcode & 0x8)
                m_control.append(p, take);
            else
                sink.binaryData(p, take);
            pos += take;
            m_remaining -= quint64(take);
        }
        if (m_remaining == 0) {
            m_inPayload = false;
            if (m_opcode & 0x8)
                sink.controlFrame(m_opcode, m_control);
        }
    }
    return true;
}

} // namespace Porthole
