// SPDX-License-Identifier: GPL-2.0-or-later
#include "proxy/ProxyRelay.h"

#include "FrameRecorder.h"
#include "proxy/SocketStream.h"
#include "proxy/TokenProxy.h"
#include "websocket/WebSocketFrameParser.h"
#include "websocket/WebSocketWire.h"

#include <gtest/gtest.h>

#include <QList>
#include <QPair>

using namespace Porthole;

namespace {

// One side of a session in memory: what the peer sent waits in incoming; what the relay
// writes is kept, and stays pending until the test lets the peer read it.
class MemoryStream : public SocketStream
{
public:
    QByteArray incoming;
    qsizetype readPos = 0;
    QByteArray written;
    qsizetype peerRead = 0;
    bool readEnabled = true;

    qint64 read(char *data, qint64 maxSize) override
    {
        const qint64 n = qMin<qint64>(maxSize, incoming.size() - readPos);
        std::memcpy(data, incoming.constData() + readPos, size_t(n));
        readPos += n;
        return n;
    }
    void write(const char *data, qint64 size) override { written.append(data, size); }
    qint64 pending() const override { return written.size() - peerRead; }
    void setReadEnabled(bool enabled) override { readEnabled = enabled; }
    void shutdownWrite() override { }
    void abort() override { }
    QString errorString() const override { return {}; }
    bool allRead() const { return readPos == incoming.size(); }
};

using Recorder = PortholeTest::FrameRecorder;

// What the viewer receives, parsed as a browser would.
Recorder viewerSees(QByteArray bytes)
{
    Recorder r;
    WebSocketFrameParser parser(WebSocketFrameParser::Role::Client);
    EXPECT_TRUE(parser.feed(bytes.data(), bytes.size(), r)) << parser.errorReason().toStdString();
    return r;
}

struct Relay
{
    TokenProxy proxy {ProxyConfig(), nullptr};
    MemoryStream client;
    MemoryStream target;
    QList<quint16> closes;
    QList<QString> errors;
    ProxyRelay relay {proxy, client, target,
        {[this](quint16, const QString &reason) { errors.append(reason); },
            [this](quint16 code) { closes.append(code); }, [] {}, [] {}}};

    // Pumps until both peers' bytes are consumed; with readers, the peers read all they get.
    void pumpAll(bool readers)
    {
        for (int round = 0; round < 10000 && (!client.allRead() || !target.allRead()); ++round) {
            relay.pumpClient();
            relay.pumpTarget();
            if (readers) {
                client.peerRead = client.written.size();
                target.peerRead = target.written.size();
                relay.clientDrained();
                relay.targetDrained();
            }
        }
        EXPECT_TRUE(client.allRead() && target.allRead());
    }
};

} // namespace

TEST(ProxyRelay, RelaysBothWaysByteExactly)
{
    Relay r;
    QByteArray toServer;
    for (int i = 0; i < 3000; ++i)
        toServer += QByteArray::number(i) + ',';
    r.client.incoming = WebSocketWire::frame(WebSocketWire::Binary, toServer, true);
    r.target.incoming = QByteArray(300000, 'f');
    r.relay.start("RFB 003.008\n", {});
    r.pumpAll(true);
    EXPECT_EQ(r.target.written, toServer);
    const Recorder seen = viewerSees(r.client.written);
    EXPECT_EQ(seen.data, QByteArray("RFB 003.008\n") + QByteArray(300000, 'f'));
    EXPECT_EQ(r.relay.bytesToTarget(), quint64(toServer.size()));
    EXPECT_EQ(r.relay.bytesToClient(), quint64(12 + 300000));
}

TEST(ProxyRelay, APingFloodFromAViewerThatReadsNothingIsBounded)
{
    // 20,000 pings of 125 bytes (2.6 MB); the viewer never reads what it is sent.
    Relay r;
    const QByteArray frame = WebSocketWire::frame(WebSocketWire::Ping, QByteArray(125, 'p'), true);
    for (int i = 0; i < 20000; ++i)
        r.client.incoming += frame;
    QByteArray last = QByteArray(124, 'p') + 'L';
    r.client.incoming += WebSocketWire::frame(WebSocketWire::Ping, last, true);
    r.relay.start({}, {});
    r.pumpAll(false);
    // Pongs stop being queued at the high-water mark: one owed pong, not 20,000.
    EXPECT_LE(r.client.pending(), ProxyRelay::kHighWater + 2 * 127);
    const qsizetype before = r.client.written.size();

    // The viewer reads at last: the latest ping gets its answer, once.
    r.client.peerRead = r.client.written.size();
    r.relay.clientDrained();
    const Recorder tail = viewerSees(r.client.written.mid(before));
    ASSERT_EQ(tail.controls.size(), 1);
    EXPECT_EQ(tail.controls[0], qMakePair(int(WebSocketWire::Pong), last));
    r.relay.clientDrained();
    EXPECT_EQ(r.client.written.size() - before, 2 + 125) << "the owed pong is sent once";
}

TEST(ProxyRelay, ACloseFrameAndABrokenFrameReachTheSession)
{
    Relay closing;
    closing.client.incoming
        = WebSocketWire::frame(WebSocketWire::Close, WebSocketWire::closePayload(4000, QStringLiteral("bye")), true);
    closing.relay.start({}, {});
    closing.relay.pumpClient();
    EXPECT_EQ(closing.closes, QList<quint16> {4000});

    Relay broken;
    broken.relay.start({}, WebSocketWire::frame(WebSocketWire::Binary, "unmasked", false));
    ASSERT_EQ(broken.errors.size(), 1);
    EXPECT_EQ(broken.errors[0], u"client frames must be masked");
    EXPECT_TRUE(broken.target.written.isEmpty());
}
