// SPDX-License-Identifier: GPL-2.0-or-later
// The token inspector on the offscreen platform: its verdict for every close code that
// porthole-proxy and websockify send before the VNC server speaks, against a scripted
// WebSocket peer and the real local token proxy; Enter runs the probe; each run starts clean.
#include "ui/dialogs/TokenInspectorDialog.h"

#include "proxy/LocalTokenProxy.h"
#include "websocket/WebSocketWire.h"

#include <gtest/gtest.h>

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTreeWidget>

using namespace Porthole;

namespace {

constexpr int kWaitMs = 30000;

// Completes the WebSocket upgrade, then closes with one code and reason, as a proxy
// refusing the token (or failing to reach its target) does.
class ClosingWebSocketPeer : public QObject
{
public:
    ClosingWebSocketPeer(quint16 code, QString reason)
        : m_code(code)
        , m_reason(std::move(reason))
    {
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                serve(socket);
        });
    }

    quint16 port() const { return m_server.serverPort(); }

private:
    void serve(QTcpSocket *socket)
    {
        socket->setParent(this);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
            QByteArray &request = m_requests[socket];
            request += socket->readAll();
            if (!request.contains("\r\n\r\n"))
                return;
            QByteArray key;
            for (const QByteArray &line : request.split('\n')) {
                if (line.toLower().startsWith("sec-websocket-key:"))
                    key = line.mid(18).trimmed();
            }
            socket->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                          "Sec-WebSocket-Protocol: binary\r\nSec-WebSocket-Accept: "
                + WebSocketWire::acceptKey(key) + "\r\n\r\n");
            socket->write(
                WebSocketWire::frame(WebSocketWire::Close, WebSocketWire::closePayload(m_code, m_reason), false));
            socket->disconnectFromHost();
        });
    }

    QTcpServer m_server;
    quint16 m_code;
    QString m_reason;
    QHash<QTcpSocket *, QByteArray> m_requests;
};

ProbeReport probe(TokenInspectorDialog &dialog)
{
    QSignalSpy done(&dialog, &TokenInspectorDialog::probeFinished);
    dialog.run();
    EXPECT_TRUE(done.wait(kWaitMs));
    return dialog.report();
}

} // namespace

TEST(TokenInspectorDialog, VerdictForEveryCloseCodeOfTheProxies)
{
    struct Case
    {
        quint16 code;
        const char *reason;
        ConsoleError error;
        int exitCode;
        const char *says;
    };
    const Case cases[] = {
        // porthole-proxy
        {1008, "unknown token", ConsoleError::TokenRefused, 4, "refused the token"},
        {1008, "token expired", ConsoleError::TokenRefused, 4, "refused the token"},
        {1008, "no token: connect to /websockify?token=TOKEN", ConsoleError::TokenRefused, 4, "refused the token"},
        {1011, "token source error: cannot read /etc/tokens", ConsoleError::ProxyUnreachable, 5,
            "could not look the token up"},
        {4013, "too many connections for this token", ConsoleError::ProxyUnreachable, 5, "connection limit"},
        {4014, "cannot reach 10.0.0.5:5900: connection refused", ConsoleError::TargetDown, 5, "could not reach it"},
        {1001, "proxy is shutting down", ConsoleError::ProxyUnreachable, 5, "shutting down"},
        {1000, "the VNC server closed the connection", ConsoleError::TargetDown, 5, "is down or refused us"},
        // websockify
        {1011, "Failed to connect to downstream server", ConsoleError::TargetDown, 5, "is down"},
        {1000, "Target closed", ConsoleError::TargetDown, 5, "is down or refused us"},
    };
    for (const Case &c : cases) {
        ClosingWebSocketPeer peer(c.code, QString::fromLatin1(c.reason));
        TokenInspectorDialog dialog;
        dialog.setInput(u"ws://127.0.0.1:%1/websockify?token=abcdefgh1234"_qs.arg(peer.port()));
        const ProbeReport report = probe(dialog);
        SCOPED_TRACE(c.code);
        SCOPED_TRACE(c.reason);
        EXPECT_EQ(report.error, c.error) << report.toText().toStdString();
        EXPECT_EQ(report.exitCode(), c.exitCode);
        EXPECT_TRUE(report.meaning.contains(QLatin1String(c.says))) << report.meaning.toStdString();
        EXPECT_TRUE(report.meaning.contains(QLatin1String(c.reason))) << "the proxy's own words";
        EXPECT_TRUE(dialog.resultText().contains(QString::fromLatin1(c.says).toHtmlEscaped()))
            << dialog.resultText().toStdString();
    }
}

// The real porthole-proxy code (the desktop app's local proxy): an unknown token is refused, not a dead server.
TEST(TokenInspectorDialog, UnknownTokenAtPortholeProxyIsTokenRefused)
{
    LocalTokenProxy proxy;
    QString error;
    ASSERT_TRUE(proxy.start(&error)) << error.toStdString();
    TokenInspectorDialog dialog;
    dialog.setProxyUrl(QUrl(u"ws://127.0.0.1:%1/websockify"_qs.arg(proxy.port())));
    dialog.setInput(u"no-such-token"_qs);
    const ProbeReport report = probe(dialog);
    EXPECT_EQ(report.error, ConsoleError::TokenRefused) << report.toText().toStdString();
    EXPECT_EQ(report.exitCode(), 4);
    EXPECT_FALSE(dialog.resultText().contains(u"is down"_qs)) << dialog.resultText().toStdString();
    EXPECT_TRUE(dialog.resultText().contains(u"unknown token"_qs)) << dialog.resultText().toStdString();
}

// Enter in the URL field runs the probe; it does not close the dialog (and lose the URL).
TEST(TokenInspectorDialog, EnterInTheUrlFieldRunsTheProbe)
{
    ClosingWebSocketPeer peer(1008, u"unknown token"_qs);
    TokenInspectorDialog dialog;
    dialog.show();
    auto *input = dialog.findChild<QLineEdit *>(u"input"_qs);
    ASSERT_NE(input, nullptr);
    input->setText(u"ws://127.0.0.1:%1/websockify?token=abcdefgh1234"_qs.arg(peer.port()));
    input->setFocus();
    QSignalSpy done(&dialog, &TokenInspectorDialog::probeFinished);
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    QTest::keyClick(input, Qt::Key_Return);
    EXPECT_TRUE(dialog.isVisible()) << "the dialog stays open";
    EXPECT_EQ(rejected.count(), 0);
    ASSERT_TRUE(done.count() > 0 || done.wait(kWaitMs)) << "the probe ran";
    EXPECT_EQ(dialog.report().error, ConsoleError::TokenRefused);
    EXPECT_EQ(input->text(), u"ws://127.0.0.1:%1/websockify?token=abcdefgh1234"_qs.arg(peer.port()));
}

// A run that cannot start (unparsable input) leaves nothing of the last run's steps.
TEST(TokenInspectorDialog, EachRunStartsWithEmptyResults)
{
    ClosingWebSocketPeer peer(1008, u"unknown token"_qs);
    TokenInspectorDialog dialog;
    dialog.setInput(u"ws://127.0.0.1:%1/websockify?token=abcdefgh1234"_qs.arg(peer.port()));
    const ProbeReport first = probe(dialog);
    auto *steps = dialog.findChild<QTreeWidget *>(u"steps"_qs);
    ASSERT_NE(steps, nullptr);
    ASSERT_GT(steps->topLevelItemCount(), 0);
    dialog.setInput(u"http://not a console"_qs);
    dialog.run();
    EXPECT_EQ(steps->topLevelItemCount(), 0) << "the previous run's steps are gone";
    EXPECT_TRUE(dialog.report().steps.isEmpty());
    EXPECT_TRUE(dialog.resultText().contains(u"Not a console URL"_qs)) << dialog.resultText().toStdString();
    bool copyEnabled = true;
    for (QPushButton *b : dialog.findChildren<QPushButton *>()) {
        if (b->text().contains(u"Copy"_qs))
            copyEnabled = b->isEnabled();
    }
    EXPECT_FALSE(copyEnabled) << "no report to copy";
}
