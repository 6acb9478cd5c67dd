// SPDX-License-Identifier: GPL-2.0-or-later
#include "RfbWire.h"

#include <QtEndian>

namespace PortholeTest {

QByteArray rfbServerInit(int width, int height, const QByteArray &name, quint32 nameLength)
{
    QByteArray init(24, '\0');
    auto *b = reinterpret_cast<uchar *>(init.data());
    qToBigEndian<quint16>(quint16(width), b);
    qToBigEndian<quint16>(quint16(height), b + 2);
    b[4] = 32; // bits per pixel
    b[5] = 24; // depth
    b[6] = 0; // little-endian
    b[7] = 1; // true colour
    qToBigEndian<quint16>(255, b + 8);
    qToBigEndian<quint16>(255, b + 10);
    qToBigEndian<quint16>(255, b + 12);
    b[14] = 16;
    b[15] = 8;
    b[16] = 0;
    qToBigEndian<quint32>(nameLength, b + 20);
    return init + name;
}

} // namespace PortholeTest
