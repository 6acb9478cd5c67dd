// SPDX-License-Identifier: GPL-2.0-or-later
// A real QEMU guest with no disk: SeaBIOS switches the display from QEMU's initial
// 640x480 surface to 720x400 text mode. libvncclient 0.9.14 drops the connection on that
// switch when ExtendedDesktopSize is announced (QEMU's screen id 0); the session's
// SetEncodings override must keep it alive.
#include "ConsolePeers.h"
#include "console/RfbSession.h"

#include <gtest/gtest.h>

#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>

using namespace Porthole;
using namespace PortholeTest;

namespace {

constexpr int kWaitMs = 60000;

// qemu-system-x86_64 paused (-S), VNC on a free display, HMP monitor on stdin.
class PausedQemu
{
public:
    bool start()
    {
        for (int attempt = 0; attempt < 50 && m_port == 0; ++attempt) {
            const int display = 200 + int(QRandomGenerator::global()->bounded(700));
            QTcpServer probe;
            if (probe.listen(QHostAddress::LocalHost, quint16(5900 + display))) {
                m_display = display;
                m_port = quint16(5900 + display);
            }
        }
        if (m_port == 0)
            return false;
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("qemu-system-x86_64"),
            {QStringLiteral("-S"), QStringLiteral("-nodefaults"), QStringLiteral("-machine"), QStringLiteral("pc"),
                QStringLiteral("-m"), QStringLiteral("64"), QStringLiteral("-vga"), QStringLiteral("std"),
                QStringLiteral("-display"), QStringLiteral("none"), QStringLiteral("-vnc"),
                QStringLiteral("127.0.0.1:%1").arg(m_display), QStringLiteral("-monitor"), QStringLiteral("stdio"),
                QStringLiteral("-net"), QStringLiteral("none")});
        return m_process.waitForStarted(20000) && waitForPort(m_port, 30000);
    }
    void resume() { m_process.write("cont\n"); }
    quint16 port() const { return m_port; }
    ~PausedQemu()
    {
        m_process.kill();
        m_process.waitForFinished(10000);
    }

private:
    QProcess m_process;
    int m_display = 0;
    quint16 m_port = 0;
};

bool haveQemu()
{
    return !QStandardPaths::findExecutable(QStringLiteral("qemu-system-x86_64")).isEmpty();
}

} // namespace

TEST(QemuIntegration, GuestResolutionChangesKeepTheSession)
{
    if (!haveQemu())
        GTEST_SKIP() << "qemu-system-x86 not installed";
    PausedQemu qemu;
    ASSERT_TRUE(qemu.start());
    RfbSession session;
    QSignalSpy full(&session, &RfbSession::firstFullFrame);
    QSignalSpy failed(&session, &RfbSession::errorOccurred);
    session.open(ConsoleUrl::vnc(QStringLiteral("127.0.0.1"), qemu.port()));
    ASSERT_TRUE(full.wait(kWaitMs)) << session.errorText().toStdString();
    EXPECT_TRUE(session.desktopName().startsWith(u"QEMU"));
    // QEMU acknowledges extended key events with a pixel-less rectangle over the whole
    // screen; the first full frame is its "not initialized" text, not that empty buffer.
    EXPECT_TRUE(session.supportsExtendedKeys());
    const QImage first = session.frame();
    bool anyLit = false;
    for (int y = 0; y < first.height() && !anyLit; ++y)
        for (int x = 0; x < first.width() && !anyLit; ++x)
            anyLit = qGray(first.pixel(x, y)) > 0;
    EXPECT_TRUE(anyLit) << "the first full frame is all black";
    const QSize before = session.desktopSize();
    qemu.resume();
    QSignalSpy resized(&session, &RfbSession::desktopResized);
    QDeadlineTimer deadline(kWaitMs);
    while (session.desktopSize() == before && failed.isEmpty() && !deadline.hasExpired())
        resized.wait(200);
    EXPECT_TRUE(failed.isEmpty()) << session.errorText().toStdString();
    EXPECT_NE(session.desktopSize(), before);
    EXPECT_EQ(session.state(), RfbSession::State::Connected);
    // The stream is still in sync after the switch: a full update arrives.
    QSignalSpy frames(&session, &RfbSession::frameUpdated);
    session.requestUpdate(false);
    EXPECT_TRUE(frames.wait(kWaitMs));
    EXPECT_EQ(session.frame().size(), session.desktopSize());
    EXPECT_EQ(session.state(), RfbSession::State::Connected) << session.errorText().toStdString();
}
