// SPDX-License-Identifier: GPL-2.0-or-later
#include "websocket/WebSocketFrameParser.h"

#include "FrameRecorder.h"

#include <gtest/gtest.h>

#include <QList>
#include <QPair>

using Porthole::WebSocketFrameParser;

namespace {

using Recorder = PortholeTest::FrameRecorder;

QByteArray clientFrame(int opcode, const QByteArray &payload, bool fin = true, bool masked = true, int rsv = 0,
    quint64 declared = ~quint64(0))
{
    const quint64 len = declared == ~quint64(0) ? quint64(payload.size()) : declared;
    QByteArray f;
    f.append(char((fin ? 0x80 : 0) | rsv | opcode));
    const char maskBit = masked ? char(0x80) : char(0);
    if (len < 126) {
        f.append(char(maskBit | char(len)));
    } else if (len < 65536) {
        f.append(char(maskBit | 126));
        f.append(char(len >> 8));
        f.append(char(len & 0xff));
    } else {
        f.append(char(maskBit | 127));
        for (int i = 7; i >= 0; --i)
            f.append(char((len >> (8 * i)) & 0xff));
    }
    if (!masked)
        return f + payload;
    const unsigned char mask[4] = {0x37, 0xfa, 0x21, 0x3d};
    f.append(reinterpret_cast<const char *>(mask), 4);
    QByteArray p = payload;
    for (qsizetype i = 0; i < p.size(); ++i)
        p[i] = char(p[i] ^ mask[i & 3]);
    return f + p;
}

QByteArray pattern(qsizetype n)
{
    QByteArray p(n, Qt::Uninitialized);
    for (qsizetype i = 0; i < n; ++i)
        p[i] = char((i * 131 + 7) & 0xff);
    return p;
}

} // namespace

TEST(WebSocketFrameParser, UnmasksBinaryFramesOfEveryLengthForm)
{
    for (qsizetype size : {0, 1, 7, 125, 126, 65535, 65536, 200000}) {
        WebSocketFrameParser parser;
        Recorder sink;
        QByteArray frame = clientFrame(2, pattern(size));
        ASSERT_TRUE(parser.feed(frame.data(), frame.size(), sink)) << size;
        EXPECT_EQ(sink.data, pattern(size)) << size;
    }
}

TEST(WebSocketFrameParser, ByteByByteAndSplitAnywhere)
{
    QByteArray stream = clientFrame(2, pattern(300)) + clientFrame(9, "hi") + clientFrame(2, pattern(5), false)
        + clientFrame(0, pattern(3));
    WebSocketFrameParser parser;
    Recorder sink;
    for (qsizetype i = 0; i < stream.size(); ++i)
        ASSERT_TRUE(parser.feed(stream.data() + i, 1, sink)) << i;
    EXPECT_EQ(sink.data, pattern(300) + pattern(5) + pattern(3));
    ASSERT_EQ(sink.controls.size(), 1);
    EXPECT_EQ(sink.controls[0].first, 9);
    EXPECT_EQ(sink.controls[0].second, QByteArray("hi"));
}

TEST(WebSocketFrameParser, UnmaskMatchesBytewiseAtEveryOffset)
{
    const unsigned char mask[4] = {1, 2, 3, 250};
    for (unsigned offset = 0; offset < 4; ++offset) {
        QByteArray data = pattern(37);
        WebSocketFrameParser::unmask(data.data(), data.size(), mask, offset);
        const QByteArray original = pattern(37);
        for (int i = 0; i < 37; ++i)
            ASSERT_EQ(quint8(data[i]), quint8(original[i] ^ mask[(offset + unsigned(i)) & 3])) << offset << ' ' << i;
    }
}

TEST(WebSocketFrameParser, CloseAndPong)
{
    QByteArray stream = clientFrame(10, "p") + clientFrame(8, QByteArray("\x03\xe8", 2));
    WebSocketFrameParser parser;
    Recorder sink;
    ASSERT_TRUE(parser.feed(stream.data(), stream.size(), sink));
    ASSERT_EQ(sink.controls.size(), 2);
    EXPECT_EQ(sink.controls[1].first, 8);
    EXPECT_EQ(sink.controls[1].second, QByteArray("\x03\xe8", 2));
}

namespace {
void expectRefused(QByteArray frame, quint16 code, const char *reasonPart)
{
    WebSocketFrameParser parser;
    Recorder sink;
    EXPECT_FALSE(parser.feed(frame.data(), frame.size(), sink));
    EXPECT_EQ(parser.closeCode(), code);
    EXPECT_TRUE(parser.errorReason().contains(QString::fromUtf8(reasonPart))) << qPrintable(parser.errorReason());
    EXPECT_TRUE(sink.data.isEmpty());
    // A failed parser stays failed.
    QByteArray more = clientFrame(2, "x");
    EXPECT_FALSE(parser.feed(more.data(), more.size(), sink));
}
} // namespace

TEST(WebSocketFrameParser, RefusesProtocolViolations)
{
    expectRefused(clientFrame(2, "abc", true, false), 1002, "masked");
    expectRefused(clientFrame(3, "abc"), 1002, "reserved opcode");
    expectRefused(clientFrame(2, "abc", true, true, 0x40), 1002, "RSV");
    expectRefused(clientFrame(9, QByteArray(200, 'p')), 1002, "control");
    expectRefused(clientFrame(9, "frag", false), 1002, "control");
    expectRefused(clientFrame(1, "hello"), 1003, "text");
    expectRefused(clientFrame(0, "cont"), 1002, "continuation");
}

TEST(WebSocketFrameParser, HugeDeclaredLengthIsRefusedBeforeAnyPayload)
{
    QByteArray header = clientFrame(2, QByteArray(), true, true, 0, quint64(1) << 62);
    header += pattern(1024);
    expectRefused(header, 1009, "exceeds");
}

TEST(WebSocketFrameParser, UnmaskedHeaderRefusedAfterTwoBytes)
{
    QByteArray two("\x82\x7f", 2); // unmasked, 64-bit length follows
    WebSocketFrameParser parser;
    Recorder sink;
    EXPECT_FALSE(parser.feed(two.data(), two.size(), sink));
    EXPECT_EQ(parser.closeCode(), 1002);
}
