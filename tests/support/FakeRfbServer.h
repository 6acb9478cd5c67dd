// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace PortholeTest {

// A scripted, deliberately broken RFB 3.8 server (no authentication) for hostile-input
// tests: it serves one client and misbehaves the way the scenario says.
class FakeRfbServer : public QObject
{
    Q_OBJECT
public:
    enum class Scenario
    {
        Honest, // 64x64, then one full raw rectangle
        TruncatedServerInit,
        AbsurdDimensions, // 65535x65535
        HugeNameLength, // name length 0xffffffff
        RectOutside, // a rectangle beyond the framebuffer
        CloseMidRect, // half a rectangle, then FIN
        BadVersion,
        ZeroSecurityTypes, // count 0 plus a reason
        OnlyUnsupportedTypes, // offers RA2 (6) and Tight (16), which libvncclient cannot use
        HostileArd, // offers only Apple ARD (30); if chosen, Diffie-Hellman parameters of zero
        HostileMsLogonII, // offers only UltraVNC MSLogon II (113); if chosen, zero DH parameters
        // A 64x2 Tight rectangle at the framebuffer's last rows whose zlib data inflates to 64
        // rows (CVE-2026-50538: 0.9.14 wrote them past the framebuffer; Debian's deb12u2 refuses).
        TightTooManyRows,
    };

    explicit FakeRfbServer(Scenario scenario, QObject *parent = nullptr);
    quint16 port() const { return m_server.serverPort(); }

private:
    void onReadable();
    QByteArray serverInit(int width, int height, quint32 nameLength, const QByteArray &name) const;
    QByteArray rawRect(int x, int y, int w, int h, qsizetype bytes) const;
    QByteArray tightRectTooTall() const;

    Scenario m_scenario;
    QTcpServer m_server;
    QPointer<QTcpSocket> m_client;
    QByteArray m_in;
    int m_stage = 0;
};

} // namespace PortholeTest
