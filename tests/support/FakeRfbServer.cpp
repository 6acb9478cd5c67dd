// SPDX-License-Identifier: GPL-2.0-or-later
#include "FakeRfbServer.h"

#include "RfbWire.h"

#include <QtEndian>

namespace PortholeTest {

FakeRfbServer::FakeRfbServer(Scenario scenario, QObject *parent)
    : QObject(parent)
    , m_scenario(scenario)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        m_client = m_server.nextPendingConnection();
        connect(m_client, &QTcpSocket::readyRead, this, &FakeRfbServer::onReadable);
        m_client->write(m_scenario == Scenario::BadVersion ? QByteArray("SSH-2.0-Open") : QByteArray("RFB 003.008\n"));
        if (m_scenario == Scenario::BadVersion)
            m_stage = 99;
    });
}

QByteArray FakeRfbServer::serverInit(int width, int height, quint32 nameLength, const QByteArray &name) const
{
    return PortholeTest::rfbServerInit(width, height, name, nameLength);
}

QByteArray FakeRfbServer::rawRect(int x, int y, int w, int h, qsizetype bytes) const
{
    QByteArray m(4 + 12, '\0');
    auto *b = reinterpret_cast<uchar *>(m.data());
    b[0] = 0; // FramebufferUpdate
    qToBigEndian<quint16>(1, b + 2);
    qToBigEndian<quint16>(quint16(x), b + 4);
    qToBigEndian<quint16>(quint16(y), b + 6);
    qToBigEndian<quint16>(quint16(w), b + 8);
    qToBigEndian<quint16>(quint16(h), b + 10);
    qToBigEndian<qint32>(0, b + 12); // raw
    return m + QByteArray(bytes, '\x7f');
}

QByteArray FakeRfbServer::tightRectTooTall() const
{
    QByteArray m = rawRect(0, 62, 64, 2, 0);
    qToBigEndian<qint32>(7, reinterpret_cast<uchar *>(m.data()) + 12); // Tight
    m += '\0'; // basic compression, zlib stream 0, copy filter (3 bytes a pixel at depth 24)
    const QByteArray zlib = qCompress(QByteArray(64 * 64 * 3, '\x40')).mid(4); // 64 rows, not 2
    const int n = int(zlib.size());
    Q_ASSERT(n < 16384);
    m += n < 128 ? QByteArray(1, char(n)) : QByteArray {char(0x80 | (n & 0x7f)), char(n >> 7)};
    return m + zlib;
}

void FakeRfbServer::onReadable()
{
    m_in += m_client->readAll();
    if (m_stage == 0 && m_in.size() >= 12) {
        m_in.remove(0, 12);
        m_stage = 1;
        if (m_scenario == Scenario::ZeroSecurityTypes) {
            const QByteArray reason = "go away";
            QByteArray msg(1, '\0');
            char len[4];
            qToBigEndian<quint32>(quint32(reason.size()), len);
            m_client->write(msg + QByteArray(len, 4) + reason);
            m_client->disconnectFromHost();
            return;
        }
        if (m_scenario == Scenario::HostileArd || m_scenario == Scenario::HostileMsLogonII) {
            // libvncclient 0.9.14 hands zero DH parameters to libgcrypt, which abort()s.
            const char type = m_scenario == Scenario::HostileArd ? char(30) : char(113);
            m_client->write(QByteArray(1, char(1)) + type);
            m_stage = 10;
            return;
        }
        if (m_scenario == Scenario::OnlyUnsupportedTypes) {
            m_client->write(QByteArray("\x02\x06\x10", 3));
            return; // and wait, as a server does for the client's choice
        }
        m_client->write(QByteArray("\x01\x01", 2)); // one type: None
    }
    if (m_stage == 10 && m_in.size() >= 1) {
        m_in.remove(0, 1);
        m_stage = 11;
        if (m_scenario == Scenario::HostileArd)
            m_client->write(QByteArray::fromHex("0000000100"
                                                "00")); // generator 0, key length 1, prime 0, key 0
        else
            m_client->write(QByteArray(24, '\0')); // generator, modulus and public value all 0
        return;
    }
    if (m_stage == 1 && m_in.size() >= 1) {
        m_in.remove(0, 1);
        m_stage = 2;
        m_client->write(QByteArray(4, '\0')); // SecurityResult OK
    }
    if (m_stage == 2 && m_in.size() >= 1) {
        m_in.remove(0, 1); // ClientInit
        m_stage = 3;
        switch (m_scenario) {
        case Scenario::TruncatedServerInit:
            m_client->write(serverInit(64, 64, 4, "fake").left(10));
            m_client->disconnectFromHost();
            return;
        case Scenario::AbsurdDimensions:
            m_client->write(serverInit(65535, 65535, 4, "fake"));
            return;
        case Scenario::HugeNameLength:
            m_client->write(serverInit(64, 64, 0xffffffffu, "fake"));
            m_client->disconnectFromHost();
            return;
        default:
            break;
        }
        m_client->write(serverInit(64, 64, 4, "fake"));
        switch (m_scenario) {
        case Scenario::Honest:
            m_client->write(rawRect(0, 0, 64, 64, 64 * 64 * 4));
            break;
        case Scenario::RectOutside:
            m_client->write(rawRect(60, 60, 10, 10, 10 * 10 * 4));
            break;
        case Scenario::TightTooManyRows:
            m_client->write(tightRectTooTall());
            break;
        case Scenario::CloseMidRect:
            m_client->write(rawRect(0, 0, 64, 64, 64 * 32 * 4));
            m_client->disconnectFromHost();
            break;
        default:
            break;
        }
    }
}

} // namespace PortholeTest
