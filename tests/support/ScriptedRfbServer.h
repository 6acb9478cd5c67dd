// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// A scripted RFB 3.8 server on an InMemoryTransport, shared by the session and view tests.
#include "RfbWire.h"
#include "console/InMemoryTransport.h"
#include "console/RfbSession.h"

#include <gtest/gtest.h>

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QtEndian>

#include <memory>
#include <rfb/rfbproto.h>

namespace PortholeTest {

using Porthole::ConsoleUrl;
using Porthole::InMemoryTransport;
using Porthole::RfbSession;

constexpr int kScriptWaitMs = 20000;

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
        qToBigEndian<quint16>(0, b + 4); // x: reason (server-initiated)
        qToBigEndian<quint16>(0, b + 6); // y: status
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
                send(PortholeTest::rfbServerInit(m_width, m_height, m_name));
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
    explicit Fixture(
        const QByteArray &name = "scripted", RfbSession::Options options = {}, int width = 16, int height = 8)
    {
        auto transport = std::make_unique<InMemoryTransport>();
        memory = transport.get();
        server = std::make_unique<ScriptedServer>(memory, name, width, height);
        session.open(std::move(transport), ConsoleUrl::vnc(QStringLiteral("scripted.test")), options);
    }

    bool waitConnected()
    {
        QSignalSpy spy(&session, &RfbSession::connected);
        return session.state() == RfbSession::State::Connected || spy.wait(kScriptWaitMs);
    }

    // Waits until the server has seen a message of this type beyond the first `skip`.
    QByteArray waitMessage(uchar type, qsizetype after = 0)
    {
        QDeadlineTimer deadline(kScriptWaitMs);
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

inline QByteArray hex(const char *text)
{
    return QByteArray::fromHex(text);
}

} // namespace PortholeTest
