// SPDX-License-Identifier: GPL-2.0-or-later
#include "websocket/WebSocketWire.h"

#include "websocket/WebSocketFrameParser.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QtEndian>

#include <cstring>

namespace Porthole::WebSocketWire {

QByteArray acceptKey(QByteArrayView key)
{
    QByteArray input = key.toByteArray();
    input.append(QByteArrayView("258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
    return QCryptographicHash::hash(input, QCryptographicHash::Sha1).toBase64();
}

int writeHeader(char *out, int opcode, quint64 payloadSize, const unsigned char *mask)
{
    const char maskBit = mask ? char(0x80) : char(0);
    out[0] = char(0x80 | (opcode & 0x0f));
    int size = 2;
    if (payloadSize < 126) {
        out[1] = char(maskBit | char(payloadSize));
    } else if (payloadSize < 65536) {
        out[1] = char(maskBit | 126);
        qToBigEndian<quint16>(quint16(payloadSize), out + 2);
        size = 4;
    } else {
        out[1] = char(maskBit | 127);
        qToBigEndian<quint64>(payloadSize, out + 2);
        size = 10;
    }
    if (mask) {
        std::memcpy(out + size, mask, 4);
        size += 4;
    }
    return size;
}

QByteArray frame(int opcode, QByteArrayView payload, bool masked)
{
    unsigned char mask[4];
    if (masked) {
        const quint32 key = QRandomGenerator::global()->generate();
        std::memcpy(mask, &key, 4);
    }
    char header[kMaxHeaderSize];
    const int headerSize = writeHeader(header, opcode, quint64(payload.size()), masked ? mask : nullptr);
    QByteArray bytes;
    bytes.reserve(headerSize + payload.size());
    bytes.append(header, headerSize);
    bytes.append(payload.data(), payload.size());
    if (masked)
        WebSocketFrameParser::unmask(bytes.data() + headerSize, payload.size(), mask, 0);
    return bytes;
}

QByteArray closePayload(quint16 code, const QString &reason)
{
    QByteArray payload(2, Qt::Uninitialized);
    qToBigEndian<quint16>(code, payload.data());
    QByteArray text = reason.toUtf8();
    if (text.size() > kMaxControlPayload - 2) {
        text.truncate(kMaxControlPayload - 2);
        // Back up to the last character's lead byte; keep the character only if it is whole.
        qsizetype lead = text.size() - 1;
        while (lead > 0 && (quint8(text[lead]) & 0xC0) == 0x80)
            --lead;
        const quint8 first = quint8(text[lead]);
        const int length = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : 2;
        if (lead + length > text.size())
            text.truncate(lead);
    }
    return payload + text;
}

quint16 closeCode(QByteArrayView payload)
{
    return payload.size() >= 2 ? qFromBigEndian<quint16>(payload.data()) : quint16(1005);
}

QString closeReason(QByteArrayView payload)
{
    return payload.size() > 2 ? QString::fromUtf8(payload.sliced(2)) : QString();
}

} // namespace Porthole::WebSocketWire
