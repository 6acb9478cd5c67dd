// SPDX-License-Identifier: GPL-2.0-or-later
#include "websocket/WebSocketWire.h"

#include "FrameRecorder.h"
#include "websocket/WebSocketFrameParser.h"

#include <gtest/gtest.h>

#include <QList>
#include <QPair>

using namespace Porthole;

namespace {

using Recorder = PortholeTest::FrameRecorder;

QByteArray pattern(qsizetype n)
{
    QByteArray p(n, Qt::Uninitialized);
    for (qsizetype i = 0; i < n; ++i)
        p[i] = char((i * 131 + 7) & 0xff);
    return p;
}

} // namespace

TEST(WebSocketWire, AcceptKeyIsTheOneOfRfc6455)
{
    // RFC 6455 section 1.3's worked example.
    EXPECT_EQ(WebSocketWire::acceptKey("dGhlIHNhbXBsZSBub25jZQ=="), QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
}

TEST(WebSocketWire, HeadersUseTheShortestLengthForm)
{
    char header[WebSocketWire::kMaxHeaderSize];
    EXPECT_EQ(WebSocketWire::writeHeader(header, WebSocketWire::Binary, 125), 2);
    EXPECT_EQ(QByteArray(header, 2), QByteArray::fromHex("827d"));
    EXPECT_EQ(WebSocketWire::writeHeader(header, WebSocketWire::Binary, 126), 4);
    EXPECT_EQ(QByteArray(header, 4), QByteArray::fromHex("827e007e"));
    EXPECT_EQ(WebSocketWire::writeHeader(header, WebSocketWire::Binary, 65535), 4);
    EXPECT_EQ(QByteArray(header, 4), QByteArray::fromHex("827effff"));
    EXPECT_EQ(WebSocketWire::writeHeader(header, WebSocketWire::Binary, 65536), 10);
    EXPECT_EQ(QByteArray(header, 10), QByteArray::fromHex("827f0000000000010000"));
    const unsigned char mask[4] = {1, 2, 3, 4};
    EXPECT_EQ(WebSocketWire::writeHeader(header, WebSocketWire::Ping, 0, mask), 6);
    EXPECT_EQ(QByteArray(header, 6), QByteArray::fromHex("898001020304"));
}

TEST(WebSocketWire, WhatOneEndWritesTheOtherReads)
{
    for (qsizetype size : {0, 1, 125, 126, 65535, 65536, 100000}) {
        // Client to server: masked, read by the proxy's parser.
        QByteArray masked = WebSocketWire::frame(WebSocketWire::Binary, pattern(size), true);
        ASSERT_TRUE(masked[1] & 0x80);
        WebSocketFrameParser server(WebSocketFrameParser::Role::Server);
        Recorder atServer;
        ASSERT_TRUE(server.feed(masked.data(), masked.size(), atServer)) << server.errorReason().toStdString();
        EXPECT_EQ(atServer.data, pattern(size)) << size;

        // Server to client: unmasked, read by the probe's parser.
        QByteArray plain = WebSocketWire::frame(WebSocketWire::Binary, pattern(size), false);
        EXPECT_EQ(plain.mid(plain.size() - size), pattern(size));
        WebSocketFrameParser client(WebSocketFrameParser::Role::Client);
        Recorder atClient;
        ASSERT_TRUE(client.feed(plain.data(), plain.size(), atClient)) << client.errorReason().toStdString();
        EXPECT_EQ(atClient.data, pattern(size)) << size;
    }
}

TEST(WebSocketWire, ClosePayloadsKeepWholeCharacters)
{
    EXPECT_EQ(WebSocketWire::closePayload(1000, QString()), QByteArray::fromHex("03e8"));
    const QByteArray unknown = WebSocketWire::closePayload(1008, QStringLiteral("unknown token"));
    EXPECT_EQ(WebSocketWire::closeCode(unknown), 1008);
    EXPECT_EQ(WebSocketWire::closeReason(unknown), u"unknown token");
    EXPECT_EQ(WebSocketWire::closeCode(QByteArray()), 1005);

    // 121 ASCII bytes, then a two-byte character that fills the 123 exactly: kept.
    const QString fits = QString(121, u'a') + QChar(0xe9);
    EXPECT_EQ(WebSocketWire::closeReason(WebSocketWire::closePayload(1000, fits)), fits);
    // 122 bytes, then a three-byte character that does not fit: dropped whole.
    const QString cut = QString(122, u'a') + QChar(0x20ac) + u"tail";
    const QByteArray payload = WebSocketWire::closePayload(1000, cut);
    EXPECT_LE(payload.size(), WebSocketWire::kMaxControlPayload);
    EXPECT_EQ(WebSocketWire::closeReason(payload), QString(122, u'a'));
    // A long reason of four-byte characters ends on a character boundary.
    const QString emoji = QString::fromUcs4(U"\U0001F600").repeated(40);
    const QByteArray four = WebSocketWire::closePayload(1000, emoji);
    EXPECT_EQ((four.size() - 2) % 4, 0);
    EXPECT_EQ(WebSocketWire::closeReason(four), QString::fromUcs4(U"\U0001F600").repeated(30));
}

TEST(WebSocketFrameParserClientRole, RefusesMaskedServerFrames)
{
    WebSocketFrameParser client(WebSocketFrameParser::Role::Client);
    Recorder sink;
    QByteArray masked = WebSocketWire::frame(WebSocketWire::Binary, "RFB 003.008\n", true);
    EXPECT_FALSE(client.feed(masked.data(), masked.size(), sink));
    EXPECT_EQ(client.closeCode(), 1002);
    EXPECT_EQ(client.errorReason(), u"server frames must not be masked");
    EXPECT_TRUE(sink.data.isEmpty());
}

TEST(WebSocketFrameParserClientRole, TakesTextFramesAsDataAndCollectsControlFrames)
{
    QByteArray stream = WebSocketWire::frame(WebSocketWire::Text, "RFB ", false)
        + WebSocketWire::frame(WebSocketWire::Ping, "hb", false)
        + WebSocketWire::frame(WebSocketWire::Binary, "003.008\n", false)
        + WebSocketWire::frame(WebSocketWire::Close, WebSocketWire::closePayload(1011, QStringLiteral("down")), false);
    WebSocketFrameParser client(WebSocketFrameParser::Role::Client);
    Recorder sink;
    for (qsizetype i = 0; i < stream.size(); ++i)
        ASSERT_TRUE(client.feed(stream.data() + i, 1, sink)) << i;
    EXPECT_EQ(sink.data, QByteArray("RFB 003.008\n"));
    ASSERT_EQ(sink.controls.size(), 2);
    EXPECT_EQ(sink.controls[0], qMakePair(int(WebSocketWire::Ping), QByteArray("hb")));
    EXPECT_EQ(sink.controls[1].first, int(WebSocketWire::Close));
    EXPECT_EQ(WebSocketWire::closeReason(sink.controls[1].second), u"down");
}
