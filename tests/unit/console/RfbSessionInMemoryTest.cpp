// SPDX-License-Identifier: GPL-2.0-or-later
// RfbSession over an in-memory transport with a scripted RFB 3.8 server: exact bytes of
// what the client sends (keys, pointer, clipboard, the SetEncodings override, the
// hand-made SetDesktopSize) and exact pixels of what it shows. No sockets, no peers.
#include "console/InMemoryTransport.h"
#include "console/RfbSession.h"

#include <rfb/rfbproto.h>

#include <QSignalSpy>
#include <QtEndian>

#include <gtest/gtest.h>

using namespace Porthole;

namespace {

constexpr int kWaitMs = 20000;

// Splits the client's byte stream into RFB messages as a server would.
class ScriptedServer : public QObject
{
public:
    ScriptedServer(InMemoryTransport *transport, QByteArray desktopName, int width = 16, int height = 8)
        : m_transport(transport)
        , m_name(std::move(desktopName))
        , m_width(width)
        , m_height(height)
    {
        connect(transport, &InMemoryTransport::opened, this, [this] { m_transport->deliver("RFB 003.008\n"); });
        connect(transport, &InMemoryTransport::written, this, [this](const QByteArray &data) {
            m_in += data;
            parse();
        });
    }

    QList<QByteArray> messages; // complete client messages after ClientInit
    QList<qint32> lastEncodings;

    void send(const QByteArray &bytes) { m_transport->deliver(bytes); }

    static QByteArray rawUpdate(int x, int y, int w, int h, quint32 pixel)
    {
        QByteArray m(16, '\0');
        auto *b = reinterpret_cast<uchar *>(m.data());
        qToBigEndian<quint16>(1, b + 2);
        qToBigEndian<quint16>(quint16(x), b + 4);
        qToBigEndian<quint16>(quint16(y), b + 6);
        qToBigEndian<quint16>(quint16(w), b + 8);
        qToBigEndian<quint16>(quint16(h), b + 10);
        for (int i = 0; i < w * h; ++i) {
            char p[4];
            qToLittleEndian<quint32>(pixel, p); // the client asked for little-endian, R at bit 16
            m.append(p, 4);
        }
        return m;
    }

    // ExtendedDesktopSize pseudo-rect describing one screen with the given id and flags.
    QByteArray extendedDesktopSize(quint32 id, quint32 flags) const
    {
        QByteArray m(4 + 12 + 4 + 16, '\0');
        auto *b = reinterpret_cast<uchar *>(m.data());
        qToBigEndian<quint16>(1, b + 2);
        qToBigEndian<quint16>(0, b + 4);  // x: reason (server-initiated)
        qToBigEndian<quint16>(0, b + 6);  // y: status
        qToBigEndian<quint16>(quint16(m_width), b + 8);
        qToBigEndian<quint16>(quint16(m_height), b + 10);
        qToBigEndian<qint32>(qint32(rfbEncodingExtDesktopSize), b + 12);
        b[16] = 1; // screens
        qToBigEndian<quint32>(id, b + 20);
        qToBigEndian<quint16>(0, b + 24);
        qToBigEndian<quint16>(0, b + 26);
        qToBigEndian<quint16>(quint16(m_width), b + 28);
        qToBigEndian<quint16>(quint16(m_height), b + 30);
        qToBigEndian<quint32>(flags, b + 32);
        return m;
    }

private:
    void parse()
    {
        for (;;) {
            if (m_stage == 0) {
                if (m_in.size() < 12)
                    return;
                m_in.remove(0, 12);
                send(QByteArray("\x01\x01", 2));
                m_stage = 1;
            } else if (m_stage == 1) {
                if (m_in.size() < 1)
                    return;
                m_in.remove(0, 1);
                send(QByteArray(4, '\0'));
                m_stage = 2;
            } else if (m_stage == 2) {
                if (m_in.size() < 1)
                    return;
                m_in.remove(0, 1);
                QByteArray init(24, '\0');
                auto *b = reinterpret_cast<uchar *>(init.data());
                qToBigEndian<quint16>(quint16(m_width), b);
                qToBigEndian<quint16>(quint16(m_height), b + 2);
                b[4] = 32;
                b[5] = 24;
                b[7] = 1;
                qToBigEndian<quint16>(255, b + 8);
                qToBigEndian<quint16>(255, b + 10);
                qToBigEndian<quint16>(255, b + 12);
                b[14] = 16;
                b[15] = 8;
                qToBigEndian<quint32>(quint32(m_name.size()), b + 20);
                send(init + m_name);
                m_stage = 3;
            } else {
                const qsizetype n = messageLength();
                if (n == 0 || m_in.size() < n)
                    return;
                const QByteArray message = m_in.left(n);
                m_in.remove(0, n);
                if (uchar(message[0]) == rfbSetEncodings) {
                    lastEncodings.clear();
                    for (qsizetype i = 4; i + 4 <= message.size(); i += 4)
                        lastEncodings << qFromBigEndian<qint32>(message.constData() + i);
                }
                messages << message;
            }
        }
    }

    qsizetype messageLength() const
    {
        if (m_in.isEmpty())
            return 0;
        const auto *b = reinterpret_cast<const uchar *>(m_in.constData());
        switch (b[0]) {
        case rfbSetPixelFormat:
            return 20;
        case rfbSetEncodings:
            return m_in.size() < 4 ? 0 : 4 + 4 * qsizetype(qFromBigEndian<quint16>(b + 2));
        case rfbFramebufferUpdateRequest:
            return 10;
        case rfbKeyEvent:
            return 8;
        case rfbPointerEvent:
            return 6;
        case rfbClientCutText:
            return m_in.size() < 8 ? 0 : 8 + qsizetype(qFromBigEndian<quint32>(b + 4));
        case rfbQemuEvent:
            return 12;
        case rfbSetDesktopSize:
            return m_in.size() < 8 ? 0 : 8 + 16 * qsizetype(b[6]);
        default:
            ADD_FAILURE() << "unexpected client message type " << int(b[0]);
            return 0;
        }
    }

    InMemoryTransport *m_transport;
    QByteArray m_name;
    int m_width;
    int m_height;
    QByteArray m_in;
    int m_stage = 0;
};

struct Fixture
{
    explicit Fixture(const QByteArray &name = "scripted", RfbSession::Options options = {})
    {
        auto transport = std::make_unique<InMemoryTransport>();
        memory = transport.get();
        server = std::make_unique<ScriptedServer>(memory, name);
        session.open(std::move(transport), ConsoleUrl::vnc(QStringLiteral("scripted.test")), options);
    }

    bool waitConnected()
    {
        QSignalSpy spy(&session, &RfbSession::connected);
        return session.state() == RfbSession::State::Connected || spy.wait(kWaitMs);
    }

    // Waits until the server has seen a message of this type beyond the first `skip`.
    QByteArray waitMessage(uchar type, qsizetype after = 0)
    {
        QDeadlineTimer deadline(kWaitMs);
        for (;;) {
            qsizetype seen = 0;
            for (const auto &m : std::as_const(server->messages))
                if (uchar(m[0]) == type && seen++ >= after)
                    return m;
            if (deadline.hasExpired())
                return {};
            QSignalSpy spy(memory, &InMemoryTransport::written);
            spy.wait(100);
        }
    }

    InMemoryTransport *memory = nullptr;
    std::unique_ptr<ScriptedServer> server;
    RfbSession session;
};

QByteArray hex(const char *text)
{
    return QByteArray::fromHex(text);
}

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
    EXPECT_EQ(e.mid(0, 2), (QList<qint32>{rfbEncodingZRLE, rfbEncodingRaw}));
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
    EXPECT_EQ(message, hex("fb00050002d00100" "0a0b0c0d" "00000000" "050002d0" "11223344"));
}

TEST(RfbSessionInMemory, ServerClipboardBellAndCursor)
{
    Fixture f;
    ASSERT_TRUE(f.waitConnected());
    QSignalSpy clipboard(&f.session, &RfbSession::serverClipboard);
    QSignalSpy bell(&f.session, &RfbSession::bell);
    f.server->send(hex("02")); // Bell
    f.server->send(hex("03000000" "00000003") + QByteArray("a\xe9z", 3)); // ServerCutText, Latin-1
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
    session.open(std::move(transport), ConsoleUrl::webSocket(false, QStringLiteral("proxy"), 1, QStringLiteral("/"),
                                                              QStringLiteral("tok")),
                 {});
    ASSERT_TRUE(failed.wait(kWaitMs));
    EXPECT_EQ(session.error(), ConsoleError::TargetDown);
    EXPECT_TRUE(session.errorText().contains(u"Failed to connect to downstream server"));
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
