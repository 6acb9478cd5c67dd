// SPDX-License-Identifier: GPL-2.0-or-later
// RfbSession over an in-memory transport with a scripted RFB 3.8 server: exact bytes of
// what the client sends (keys, pointer, clipboard, the SetEncodings override, the
// hand-made SetDesktopSize) and exact pixels of what it shows. No sockets, no peers.
#include "ScriptedRfbServer.h"
#include "console/TypeTextJob.h"

#include <malloc.h>

using namespace Porthole;
using namespace PortholeTest;

namespace {

constexpr int kWaitMs = 20000;

} // namespace

TEST(RfbSessionInMemory, HandshakeAndExactPixels)
{
    Fixture f;
    ASSERT_TRUE(f.waitConnected()) << f.session.errorText().toStdString();
    EXPECT_EQ(f.session.desktopName(), u"scripted");
    QSignalSpy full(&f.session, &RfbSession::firstFullFrame);
    f.server->send(ScriptedServer::rawUpdate(0, 0, 16, 8, 0x00123456));
    ASSERT_TRUE(full.wait(kWaitMs));
    const QImage image = f.session.frame();
    ASSERT_EQ(image.size(), QSize(16, 8));
    EXPECT_EQ(image.pixel(0, 0), qRgb(0x12, 0x34, 0x56));
    EXPECT_EQ(image.pixel(15, 7), qRgb(0x12, 0x34, 0x56));
}

TEST(RfbSessionInMemory, PartialUpdatesAreNotAFullFrame)
{
    Fixture f;
    ASSERT_TRUE(f.waitConnected());
    QSignalSpy full(&f.session, &RfbSession::firstFullFrame);
    QSignalSpy frames(&f.session, &RfbSession::frameUpdated);
    f.server->send(ScriptedServer::rawUpdate(0, 0, 8, 8, 0x00ff0000));
    ASSERT_TRUE(frames.wait(kWaitMs));
    EXPECT_TRUE(full.isEmpty());
    f.server->send(ScriptedServer::rawUpdate(8, 0, 8, 8, 0x0000ff00));
    ASSERT_TRUE(full.wait(kWaitMs));
    EXPECT_EQ(f.session.frame().pixel(3, 3), qRgb(0xff, 0, 0));
    EXPECT_EQ(f.session.frame().pixel(12, 3), qRgb(0, 0xff, 0));
    // Once the front image exists, only the changed rectangle is reported dirty.
    frames.clear();
    f.server->send(ScriptedServer::rawUpdate(2, 2, 3, 3, 0x000000ff));
    ASSERT_TRUE(frames.wait(kWaitMs));
    EXPECT_EQ(frames.first().first().value<QRegion>(), QRegion(2, 2, 3, 3));
    EXPECT_EQ(f.session.frame().pixel(3, 3), qRgb(0, 0, 0xff));
}

TEST(RfbSessionInMemory, KeyPointerAndClipboardBytes)
{
    Fixture f;
    ASSERT_TRUE(f.waitConnected());
    f.session.sendKey(0x61, true);
    EXPECT_EQ(f.waitMessage(rfbKeyEvent), hex("0401000000000061"));
    f.session.sendKey(0xff0d, false);
    EXPECT_EQ(f.waitMessage(rfbKeyEvent, 1), hex("040000000000ff0d"));
    f.session.sendPointer(300, 2, 5);
    EXPECT_EQ(f.waitMessage(rfbPointerEvent), hex("0505012c0002"));
    f.session.sendPointer(-4, -9, 0); // clamped, never wrapped
    EXPECT_EQ(f.waitMessage(rfbPointerEvent, 1), hex("050000000000"));
    EXPECT_TRUE(f.session.sendClipboard(QStringLiteral("hé")));
    EXPECT_EQ(f.waitMessage(rfbClientCutText), QByteArray(hex("060000000000000268") + QByteArray(1, '\xe9')));
}

TEST(RfbSessionInMemory, ExtendedKeysFallBackToKeysymsUntilTheServerOffersThem)
{
    Fixture f;
    ASSERT_TRUE(f.waitConnected());
    f.session.sendExtendedKey(0x7a, 0x2c, true);
    // No QEMU pseudo-encoding acknowledged: a plain KeyEvent.
    EXPECT_EQ(f.waitMessage(rfbKeyEvent), hex("040100000000007a"));
}

TEST(RfbSessionInMemory, QemuKeyAckIsNotAFrame)
{
    Fixture f;
    ASSERT_TRUE(f.waitConnected());
    QSignalSpy capabilities(&f.session, &RfbSession::capabilitiesChanged);
    QSignalSpy full(&f.session, &RfbSession::firstFullFrame);
    QSignalSpy frames(&f.session, &RfbSession::frameUpdated);
    // QEMU's answer to SetEncodings: one -258 rectangle over the whole screen, no pixels.
    QByteArray ack = hex("000000010000000000100008");
    ack += hex("fffffefe");
    f.server->send(ack);
    ASSERT_TRUE(capabilities.wait(kWaitMs));
    EXPECT_TRUE(f.session.supportsExtendedKeys());
    EXPECT_TRUE(frames.isEmpty());
    EXPECT_TRUE(full.isEmpty()) << "an all-black framebuffer must not count as the first frame";

    f.server->send(ScriptedServer::rawUpdate(0, 0, 16, 8, 0x00abcdef));
    ASSERT_TRUE(full.wait(kWaitMs));
    EXPECT_EQ(f.session.frame().pixel(15, 7), qRgb(0xab, 0xcd, 0xef));
    f.session.sendExtendedKey(0x7a, 0x2c, true);
    EXPECT_EQ(f.waitMessage(rfbQemuEvent), hex("ff0000010000007a0000002c"));
}

TEST(RfbSessionInMemory, SetEncodingsOverrideForQemu)
{
    Fixture qemu("QEMU (one-42)");
    ASSERT_TRUE(qemu.waitConnected());
    ASSERT_FALSE(qemu.waitMessage(rfbSetEncodings, 1).isEmpty()) << "the override follows libvncclient's list";
    EXPECT_FALSE(qemu.server->lastEncodings.contains(qint32(rfbEncodingExtDesktopSize)));
    EXPECT_TRUE(qemu.server->lastEncodings.contains(qint32(rfbEncodingNewFBSize)));
    EXPECT_TRUE(qemu.server->lastEncodings.contains(qint32(rfbEncodingQemuExtendedKeyEvent)));
    EXPECT_EQ(qemu.server->lastEncodings.first(), qint32(rfbEncodingTight));

    Fixture other("Xvnc desktop");
    ASSERT_TRUE(other.waitConnected());
    ASSERT_FALSE(other.waitMessage(rfbSetEncodings, 1).isEmpty());
    EXPECT_TRUE(other.server->lastEncodings.contains(qint32(rfbEncodingExtDesktopSize)));
}

TEST(RfbSessionInMemory, LosslessDropsTheJpegQuality)
{
    RfbSession::Options options;
    options.lossless = true;
    options.encodings = "zrle raw";
    Fixture f("scripted", options);
    ASSERT_TRUE(f.waitConnected());
    ASSERT_FALSE(f.waitMessage(rfbSetEncodings, 1).isEmpty());
    const auto &e = f.server->lastEncodings;
    EXPECT_EQ(e.mid(0, 2), (QList<qint32> {rfbEncodingZRLE, rfbEncodingRaw}));
    for (qint32 v : e)
        EXPECT_FALSE(v >= qint32(rfbEncodingQualityLevel0) && v <= qint32(rfbEncodingQualityLevel9)) << v;
}

TEST(RfbSessionInMemory, HandMadeSetDesktopSizeCarriesTheServersScreen)
{
    Fixture f;
    ASSERT_TRUE(f.waitConnected());
    QSignalSpy caps(&f.session, &RfbSession::capabilitiesChanged);
    // The layout with screen id 0x0a0b0c0d and flags 0x11223344; pixels so the update counts.
    f.server->send(f.server->extendedDesktopSize(0x0a0b0c0d, 0x11223344));
    f.server->send(ScriptedServer::rawUpdate(0, 0, 16, 8, 0));
    QDeadlineTimer deadline(kWaitMs);
    while (!f.session.supportsRemoteResize() && !deadline.hasExpired())
        caps.wait(100);
    ASSERT_TRUE(f.session.supportsRemoteResize());
    f.session.requestResize(QSize(1280, 720));
    const QByteArray message = f.waitMessage(rfbSetDesktopSize);
    // type, pad, w, h, 1 screen, pad | id, x=0, y=0, w, h, flags: every field initialised.
    EXPECT_EQ(message,
        hex("fb00050002d00100"
            "0a0b0c0d"
            "00000000"
            "050002d0"
            "11223344"));
}

TEST(RfbSessionInMemory, ServerClipboardBellAndCursor)
{
    Fixture f;
    ASSERT_TRUE(f.waitConnected());
    QSignalSpy clipboard(&f.session, &RfbSession::serverClipboard);
    QSignalSpy bell(&f.session, &RfbSession::bell);
    f.server->send(hex("02")); // Bell
    f.server->send(hex("03000000"
                       "00000003")
        + QByteArray("a\xe9z", 3)); // ServerCutText, Latin-1
    ASSERT_TRUE(clipboard.wait(kWaitMs));
    EXPECT_EQ(clipboard.first().first().toString(), u"aéz");
    EXPECT_EQ(bell.size(), 1);
}

TEST(RfbSessionInMemory, ProxyCloseCode1011BeforeTheServerSpeaksIsTargetDown)
{
    auto transport = std::make_unique<InMemoryTransport>();
    InMemoryTransport *memory = transport.get();
    RfbSession session;
    QSignalSpy failed(&session, &RfbSession::errorOccurred);
    // websockify: HTTP 101, then (a separate event) close 1011.
    QObject::connect(memory, &InMemoryTransport::opened, memory, [memory] {
        QMetaObject::invokeMethod(
            memory, [memory] { memory->peerClose(1011, QStringLiteral("Failed to connect to downstream server")); },
            Qt::QueuedConnection);
    });
    session.open(std::move(transport),
        ConsoleUrl::webSocket(false, QStringLiteral("proxy"), 1, QStringLiteral("/"), QStringLiteral("tok")), {});
    ASSERT_TRUE(failed.wait(kWaitMs));
    EXPECT_EQ(session.error(), ConsoleError::TargetDown);
    EXPECT_TRUE(session.errorText().contains(u"Failed to connect to downstream server"));
}

// porthole-proxy completes the upgrade and then refuses an unknown token with close 1008:
// that is a refused token (not retried), not a VNC server that is down.
TEST(RfbSessionInMemory, ProxyCloseCode1008BeforeTheServerSpeaksIsTokenRefused)
{
    auto transport = std::make_unique<InMemoryTransport>();
    InMemoryTransport *memory = transport.get();
    RfbSession session;
    QSignalSpy failed(&session, &RfbSession::errorOccurred);
    QObject::connect(memory, &InMemoryTransport::opened, memory, [memory] {
        QMetaObject::invokeMethod(
            memory, [memory] { memory->peerClose(1008, QStringLiteral("unknown token")); }, Qt::QueuedConnection);
    });
    session.open(std::move(transport),
        ConsoleUrl::webSocket(false, QStringLiteral("proxy"), 1, QStringLiteral("/"), QStringLiteral("tok")), {});
    ASSERT_TRUE(failed.wait(kWaitMs));
    EXPECT_EQ(session.error(), ConsoleError::TokenRefused) << session.errorText().toStdString();
    EXPECT_TRUE(session.errorText().contains(u"unknown token"));
    EXPECT_FALSE(session.errorText().contains(u"is down"));
}

TEST(RfbSessionInMemory, PeerCloseMidSessionIsConnectionLost)
{
    Fixture f;
    ASSERT_TRUE(f.waitConnected());
    QSignalSpy failed(&f.session, &RfbSession::errorOccurred);
    f.memory->peerClose(1001, QStringLiteral("going away"));
    ASSERT_TRUE(failed.wait(kWaitMs));
    EXPECT_EQ(f.session.error(), ConsoleError::ConnectionLost);
    EXPECT_TRUE(f.session.errorText().contains(u"1001")) << f.session.errorText().toStdString();
}

TEST(RfbSessionInMemory, TypeTextSendsPacedKeysyms)
{
    Fixture f;
    ASSERT_TRUE(f.waitConnected());
    TypeTextJob job(&f.session, QStringLiteral("aZ\n"), 1);
    QSignalSpy done(&job, &TypeTextJob::finished);
    QSignalSpy progress(&job, &TypeTextJob::progress);
    job.start();
    ASSERT_TRUE(done.wait(kWaitMs));
    EXPECT_FALSE(done.first().first().toBool());
    EXPECT_EQ(progress.size(), 8);
    EXPECT_EQ(f.waitMessage(rfbKeyEvent, 0), hex("0401000000000061"));
    EXPECT_EQ(f.waitMessage(rfbKeyEvent, 1), hex("0400000000000061"));
    EXPECT_EQ(f.waitMessage(rfbKeyEvent, 2), hex("040100000000ffe1")) << "Shift for the capital";
    EXPECT_EQ(f.waitMessage(rfbKeyEvent, 3), hex("040100000000005a"));
    EXPECT_EQ(f.waitMessage(rfbKeyEvent, 5), hex("040000000000ffe1"));
    EXPECT_EQ(f.waitMessage(rfbKeyEvent, 6), hex("040100000000ff0d"));
    EXPECT_EQ(f.waitMessage(rfbKeyEvent, 7), hex("040000000000ff0d"));
}

TEST(RfbSessionInMemory, TypeTextCancelReleasesTheHeldKey)
{
    Fixture f;
    ASSERT_TRUE(f.waitConnected());
    TypeTextJob job(&f.session, QStringLiteral("xyz"), 5);
    QSignalSpy done(&job, &TypeTextJob::finished);
    QObject::connect(&job, &TypeTextJob::progress, &job, [&job](int sent) {
        if (sent == 3) // 'x' down, 'x' up, 'y' down
            job.cancel();
    });
    job.start();
    ASSERT_TRUE(done.wait(kWaitMs));
    EXPECT_TRUE(done.first().first().toBool());
    EXPECT_EQ(f.waitMessage(rfbKeyEvent, 3), hex("0400000000000079"));
    EXPECT_EQ(job.sent(), 3);
}

TEST(RfbSessionInMemory, TypeTextCancelReleasesShiftToo)
{
    Fixture f;
    ASSERT_TRUE(f.waitConnected());
    TypeTextJob job(&f.session, QStringLiteral("XY"), 5);
    QSignalSpy done(&job, &TypeTextJob::finished);
    QObject::connect(&job, &TypeTextJob::progress, &job, [&job](int sent) {
        if (sent == 2) // Shift down, 'X' down
            job.cancel();
    });
    job.start();
    ASSERT_TRUE(done.wait(kWaitMs));
    EXPECT_EQ(f.waitMessage(rfbKeyEvent, 2), hex("0400000000000058")) << "X up";
    EXPECT_EQ(f.waitMessage(rfbKeyEvent, 3), hex("040000000000ffe1")) << "then Shift up";
}

// Found by fuzz_rfb_client (LeakSanitizer): libvncclient 0.9.14 mallocs a new cursor mask over the
// previous one and never frees the last shape, so a server streaming cursor shapes grew the client
// by width x height bytes per update without bound. 100 shapes of 256x256 leaked 6.4 MiB.
TEST(RfbSessionInMemory, CursorShapesDoNotAccumulate)
{
    Fixture f;
    ASSERT_TRUE(f.waitConnected());
    constexpr int side = 256;
    // FramebufferUpdate, one RichCursor rectangle (-239): pixels, then a bitmask of the shape.
    QByteArray update = hex("00000001");
    update += hex("0001000100000000ffffff11");
    qToBigEndian<quint16>(side, update.data() + 8);
    qToBigEndian<quint16>(side, update.data() + 10);
    update += QByteArray(side * side * 4, '\x40');
    update += QByteArray((side + 7) / 8 * side, '\xff');
    QSignalSpy cursors(&f.session, &RfbSession::cursorShapeChanged);
    const auto waitFor = [&](int wanted) {
        int seen = 0;
        QDeadlineTimer deadline(kWaitMs);
        while (seen < wanted && !deadline.hasExpired()) {
            if (cursors.isEmpty())
                cursors.wait(1000);
            seen += int(cursors.size());
            cursors.clear(); // the spy would keep every shape's image
        }
        return seen;
    };
    f.server->send(update);
    ASSERT_EQ(waitFor(1), 1);
    const size_t before = mallinfo2().uordblks;
    constexpr int n = 100;
    for (int i = 0; i < n; ++i)
        f.server->send(update);
    ASSERT_EQ(waitFor(n), n);
    const size_t after = mallinfo2().uordblks;
    EXPECT_LT(qint64(after) - qint64(before), qint64(2) << 20) << "heap grew by " << (after - before) << " bytes";
}
