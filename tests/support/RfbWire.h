// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>

namespace PortholeTest {

// Byte builders for the server side of RFB (RFC 6143), shared by the scripted servers.

// ServerInit: width, height, the pixel format every Porthole test server uses (32 bpp, depth 24,
// little-endian true colour, max 255, shifts 16/8/0), then the name. nameLength is what the
// message claims, which a hostile server sets apart from name.size().
QByteArray rfbServerInit(int width, int height, const QByteArray &name, quint32 nameLength);
inline QByteArray rfbServerInit(int width, int height, const QByteArray &name)
{
    return rfbServerInit(width, height, name, quint32(name.size()));
}

} // namespace PortholeTest
