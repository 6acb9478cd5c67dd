// SPDX-License-Identifier: GPL-2.0-or-later
// TigerVNC's Xvnc behind porthole-proxy: an RFB 3.8 handshake (security None) done by
// hand through the WebSocket reaches ServerInit with the desktop's geometry.
#include "HeadlessNoVnc.h"
#include "ProxyTestSupport.h"
#include "TestSupport.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtEndian>

#include <csignal>
#include <unistd.h>

using namespace PortholeTest;

namespace {

class XvncProxyTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (QStandardPaths::findExecutable(QStringLiteral("Xvnc")).isEmpty())
            GTEST_SKIP() << "Xvnc is not installed (tigervnc-standalone-server, installer/debian-deps.sh)";
        m_vncPort = freePort();
        // Display numbers are a shared namespace: take one whose lock file is absent.
        for (int display = 60; display < 200 && m_xvnc.state() == QProcess::NotRunning; ++display) {
            if (QFile::exists(QStringLiteral("/tmp/.X%1-lock").arg(display))
                || QFile::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(display)))
                continue;
            m_xvnc.setProcessChannelMode(QProcess::MergedChannels);
            m_xvnc.start(QStringLiteral("Xvnc"),
                {QStringLiteral(":%1").arg(display), QStringLiteral("-rfbport"), QString::number(m_vncPort),
                    QStringLiteral("-localhost"), QStringLiteral("-SecurityTypes"), QStringLiteral("None"),
                    QStringLiteral("-geometry"), QStringLiteral("640x480"), QStringLiteral("-depth"),
                    QStringLiteral("24"), QStringLiteral("-nolisten"), QStringLiteral("tcp"),
                    QStringLiteral("-desktop"), QStringLiteral("porthole-test")});
            if (!waitForListening(m_vncPort, m_xvnc, 30000)) {
                m_xvnc.kill();
                m_xvnc.waitForFinished(5000);
            }
        }
        ASSERT_NE(m_xvnc.state(), QProcess::NotRunning) << "Xvnc did not start: " << m_xvnc.readAll().constData();

        QFile tokens(m_dir.filePath(QStringLiteral("tokens")));
        ASSERT_TRUE(tokens.open(QIODevice::WriteOnly));
        tokens.write("vm42: 127.0.0.1:" + QByteArray::number(m_vncPort));
        tokens.close();
        m_proxyPort = freePort();
        m_proxy.setProcessChannelMode(QProcess::MergedChannels);
        QStringList args {
            QStringLiteral("--token-source"), tokens.fileName(), QStringLiteral("127.0.0.1:%1").arg(m_proxyPort)};
        if (QFileInfo::exists(QStringLiteral("/usr/share/novnc/vnc_lite.html")))
            args << QStringLiteral("--web") << QStringLiteral("/usr/share/novnc");
        m_proxy.start(PortholeTest::builtProgram(QStringLiteral("app/porthole-proxy")), args);
        ASSERT_TRUE(waitForListening(m_proxyPort, m_proxy)) << m_proxy.readAll().constData();
    }

    void TearDown() override
    {
        for (QProcess *p : {&m_proxy, &m_xvnc}) {
            if (p->state() != QProcess::NotRunning) {
                p->kill();
                p->waitForFinished(10000);
            }
        }
    }

    QTemporaryDir m_dir;
    QProcess m_xvnc;
    QProcess m_proxy;
    quint16 m_vncPort = 0;
    quint16 m_proxyPort = 0;
};

} // namespace

TEST_F(XvncProxyTest, RfbHandshakeReachesServerInit)
{
    WsClient client(QStringLiteral("ws://127.0.0.1:%1/websockify?token=vm42").arg(m_proxyPort));
    ASSERT_TRUE(client.waitForBytes(12)) << "no ProtocolVersion; " << qPrintable(client.socket().closeReason());
    EXPECT_EQ(client.received.left(12), QByteArray("RFB 003.008\n"));
    client.received.clear();
    client.socket().sendBinaryMessage("RFB 003.008\n");

    // Security types: count, then the types; None (1) must be offered.
    ASSERT_TRUE(client.waitForBytes(1));
    const int count = quint8(client.received[0]);
    ASSERT_GT(count, 0) << "server refused: " << client.received.mid(5).constData();
    ASSERT_TRUE(client.waitForBytes(1 + count));
    ASSERT_TRUE(client.received.mid(1, count).contains(char(1)));
    client.received.clear();
    client.socket().sendBinaryMessage(QByteArray(1, char(1)));

    ASSERT_TRUE(client.waitForBytes(4));
    EXPECT_EQ(qFromBigEndian<quint32>(client.received.constData()), 0u) << "SecurityResult failed";
    client.received.clear();
    client.socket().sendBinaryMessage(QByteArray(1, char(1))); // ClientInit, shared

    // ServerInit: width, height, 16-byte pixel format, name length, name.
    ASSERT_TRUE(client.waitForBytes(24));
    const quint16 width = qFromBigEndian<quint16>(client.received.constData());
    const quint16 height = qFromBigEndian<quint16>(client.received.constData() + 2);
    EXPECT_EQ(width, 640);
    EXPECT_EQ(height, 480);
    const quint32 nameLength = qFromBigEndian<quint32>(client.received.constData() + 20);
    ASSERT_TRUE(client.waitForBytes(24 + nameLength));
    EXPECT_TRUE(client.received.mid(24, nameLength).contains("porthole-test"));
}

// noVNC itself, as Debian ships it, served by porthole-proxy --web and run by headless
// Chromium, connects through the proxy to Xvnc. Chromium is driven over its DevTools
// protocol with a QWebSocket, so the test needs no node modules.
TEST_F(XvncProxyTest, NoVncInHeadlessChromiumConnects)
{
    QString skip;
    const QString status = noVncStatusInChromium(
        QStringLiteral("http://127.0.0.1:%1/vnc_lite.html?path=websockify%3Ftoken%3Dvm42").arg(m_proxyPort), 90000,
        &skip);
    if (!skip.isEmpty())
        GTEST_SKIP() << qPrintable(skip);
    const bool connected = status.startsWith(QLatin1String("Connected to"));
    EXPECT_TRUE(connected) << "noVNC status: " << qPrintable(status);
    EXPECT_TRUE(status.contains(QLatin1String("porthole-test"))) << qPrintable(status);
}
