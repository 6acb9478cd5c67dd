// SPDX-License-Identifier: GPL-2.0-or-later
#include "ProxyTestSupport.h"

#include <QDeadlineTimer>
#include <QNetworkRequest>
#include <QTest>
#include <QWebSocketHandshakeOptions>

namespace PortholeTest {

bool waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(10);
    }
    return true;
}

EchoServer::EchoServer()
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *s = m_server.nextPendingConnection()) {
            ++m_connections;
            connect(s, &QTcpSocket::readyRead, s, [s] { s->write(s->readAll()); });
            connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            s->write("ECHO " + QByteArray::number(port()) + '\n');
        }
    });
}

WsClient::WsClient(const QString &url, bool ignoreSslErrors)
{
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &m) { received += m; });
    connect(&m_socket, &QWebSocket::connected, this, [this] { connected = true; });
    connect(&m_socket, &QWebSocket::disconnected, this, [this] { closed = true; });
    if (ignoreSslErrors)
        connect(
            &m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &) { m_socket.ignoreSslErrors(); });
    QWebSocketHandshakeOptions options;
    options.setSubprotocols({QStringLiteral("binary")});
    m_socket.open(QNetworkRequest(QUrl(url)), options);
}

bool WsClient::waitForBytes(qsizetype n, int timeoutMs)
{
    return waitUntil([&] { return received.size() >= n; }, timeoutMs);
}

bool WsClient::waitForClose(int timeoutMs)
{
    return waitUntil([&] { return closed; }, timeoutMs);
}

bool waitForListening(quint16 port, QProcess &process, int timeoutMs)
{
    return waitUntil(
               [&] {
                   if (process.state() == QProcess::NotRunning)
                       return true;
                   QTcpSocket probe;
                   probe.connectToHost(QHostAddress::LocalHost, port);
                   return probe.waitForConnected(200);
               },
               timeoutMs)
        && process.state() != QProcess::NotRunning;
}

} // namespace PortholeTest
