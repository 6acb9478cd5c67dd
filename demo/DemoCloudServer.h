// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QUrl>

class QTcpServer;
class QTcpSocket;

namespace Porthole {

class DemoCloud;

// HTTP/1.1 front of the demo cloud, behaving like oned's xmlrpc-c Abyss server:
// POST /RPC2 → 200 text/xml (envelope or <fault>), "Connection: close" and the
// connection closed after every response; GET → 405 and an empty body → 400
// with Abyss's HTML pages; other paths → 404. Everything is asynchronous on
// the event loop, so a slow or silent client never holds up the others.
class DemoCloudServer : public QObject
{
    Q_OBJECT

public:
    // Serves a DemoCloud of its own.
    explicit DemoCloudServer(QObject *parent = nullptr);
    // Serves the given cloud (not owned).
    explicit DemoCloudServer(DemoCloud *cloud, QObject *parent = nullptr);
    ~DemoCloudServer() override;

    bool listen(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    void close();
    bool isListening() const;
    QString errorString() const;

    quint16 port() const;
    QUrl endpoint() const; // http://HOST:PORT/RPC2

    DemoCloud *cloud() const;
    QString demoUser() const;
    QString demoPassword() const;

    // Bodies above this are refused with Abyss's "XML-RPC request too large".
    void setMaxRequestSize(qint64 bytes);
    qint64 maxRequestSize() const;
    // A connection that has not sent a complete request within this is closed.
    void setIdleTimeout(int milliseconds);

    int openConnections() const;

Q_SIGNALS:
    void requestHandled(const QString &method);

private:
    struct Connection;

    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void handleRequest(QTcpSocket *socket, Connection &conn);
    // The XML-RPC answer; *httpStatus other than 200 when the method answers an HTTP error instead.
    QByteArray handleCall(const QByteArray &body, QString *methodOut, int *httpStatus);
    void sendHtmlError(QTcpSocket *socket, int status, const QString &message);
    void sendResponse(QTcpSocket *socket, int status, const QByteArray &headers, const QByteArray &body);
    void drop(QTcpSocket *socket);

    QTcpServer *m_server = nullptr;
    DemoCloud *m_cloud = nullptr;
    qint64 m_maxRequestSize = 1024 * 1024;
    int m_idleTimeoutMs = 30000;
    QHash<QTcpSocket *, Connection *> m_connections;
};

} // namespace Porthole
