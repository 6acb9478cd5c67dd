// SPDX-License-Identifier: GPL-2.0-or-later
#include "demo/DemoCloudServer.h"

#include "base/Logging.h"
#include "demo/DemoCloud.h"
#include "xmlrpc/XmlRpcReader.h"
#include "xmlrpc/XmlRpcWriter.h"

#include <QDateTime>
#include <QLocale>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QXmlStreamReader>

namespace Porthole {

namespace {

constexpr qsizetype kMaxHeaderBytes = 64 * 1024;
const QByteArray kServerHeader = QByteArrayLiteral("Xmlrpc-c_Abyss/1.33.14");

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 411:
        return QByteArrayLiteral("Length Required");
    default:
        return QByteArrayLiteral("Internal Server Error");
    }
}

// Abyss writes "UTC" where RFC 7231 says "GMT"; copied as observed.
QByteArray httpDate()
{
    return QLocale::c()
               .toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"))
               .toLatin1()
        + QByteArrayLiteral(" UTC");
}

} // namespace

struct DemoCloudServer::Connection
{
    QByteArray buffer;
    bool headerDone = false;
    bool answered = false;
    QByteArray method;
    QByteArray path;
    qsizetype bodyStart = 0;
    qint64 contentLength = -1;
    QTimer *idle = nullptr;
};

DemoCloudServer::DemoCloudServer(QObject *parent)
    : DemoCloudServer(nullptr, parent)
{ }

DemoCloudServer::DemoCloudServer(DemoCloud *cloud, QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_cloud(cloud ? cloud : new DemoCloud(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &DemoCloudServer::onNewConnection);
}

DemoCloudServer::~DemoCloudServer()
{
    close();
}

bool DemoCloudServer::listen(const QHostAddress &address, quint16 port)
{
    if (!m_server->listen(address, port)) {
        qCWarning(lcCloud).noquote() << QStringLiteral("demo cloud: cannot listen on %1:%2: %3")
                                            .arg(address.toString())
                                            .arg(port)
                                            .arg(m_server->errorString());
        return false;
    }
    qCInfo(lcCloud).noquote() << QStringLiteral("demo cloud: serving %1").arg(endpoint().toString());
    return true;
}

void DemoCloudServer::close()
{
    m_server->close();
    const auto sockets = m_connections.keys();
    for (QTcpSocket *socket : sockets) {
        socket->abort();
        drop(socket);
    }
}

bool DemoCloudServer::isListening() const
{
    return m_server->isListening();
}

QString DemoCloudServer::errorString() const
{
    return m_server->errorString();
}

quint16 DemoCloudServer::port() const
{
    return m_server->serverPort();
}

QUrl DemoCloudServer::endpoint() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    QHostAddress host = m_server->serverAddress();
    if (host == QHostAddress::Any || host == QHostAddress::AnyIPv4)
        host = QHostAddress::LocalHost;
    else if (host == QHostAddress::AnyIPv6)
        host = QHostAddress::LocalHostIPv6;
    url.setHost(host.toString());
    url.setPort(m_server->serverPort());
    url.setPath(QStringLiteral("/RPC2"));
    return url;
}

DemoCloud *DemoCloudServer::cloud() const
{
    return m_cloud;
}

QString DemoCloudServer::demoUser() const
{
    return DemoCloud::demoUser();
}

QString DemoCloudServer::demoPassword() const
{
    return DemoCloud::demoPassword();
}

void DemoCloudServer::setMaxRequestSize(qint64 bytes)
{
    m_maxRequestSize = bytes;
}

qint64 DemoCloudServer::maxRequestSize() const
{
    return m_maxRequestSize;
}

void DemoCloudServer::setIdleTimeout(int milliseconds)
{
    m_idleTimeoutMs = milliseconds;
}

int DemoCloudServer::openConnections() const
{
    return int(m_connections.size());
}

void DemoCloudServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *conn = new Connection;
        conn->idle = new QTimer(socket);
        conn->idle->setSingleShot(true);
        // A client that never completes its request must not keep a connection forever.
        conn->idle->start(m_idleTimeoutMs);
        m_connections.insert(socket, conn);
        connect(conn->idle, &QTimer::timeout, socket, [socket] {
            qCDebug(lcCloud) << "demo cloud: closing idle connection";
            socket->abort();
        });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] { drop(socket); });
        if (socket->bytesAvailable() > 0)
            onReadyRead(socket);
    }
}

// deleteLater: this may run inside one of the socket's own signals.
void DemoCloudServer::drop(QTcpSocket *socket)
{
    Connection *conn = m_connections.take(socket);
    if (!conn)
        return;
    delete conn;
    socket->deleteLater();
}

void DemoCloudServer::onReadyRead(QTcpSocket *socket)
{
    Connection *conn = m_connections.value(socket);
    if (!conn)
        return;
    if (conn->answered) {
        // One request per connection; anything after it is ignored, as by Abyss.
        socket->readAll();
        return;
    }
    conn->buffer.append(socket->readAll());

    // Nothing is decided before the header is complete; the body is then
    // collected whole (Abyss reads it all before dispatching the call).
    if (!conn->headerDone) {
        const qsizetype end = conn->buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (conn->buffer.size() > kMaxHeaderBytes)
                sendHtmlError(socket, 400, QStringLiteral("The HTTP header of your request is too large"));
            return;
        }
        conn->headerDone = true;
        conn->bodyStart = end + 4;
        const QList<QByteArray> lines = conn->buffer.left(end).split('\n');
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/")) {
            sendHtmlError(socket, 400, QStringLiteral("Request line is not a valid HTTP request line"));
            return;
        }
        conn->method = requestLine.at(0);
        conn->path = requestLine.at(1);
        const qsizetype query = conn->path.indexOf('?');
        if (query >= 0)
            conn->path.truncate(query);
        QByteArray lengthValue;
        bool hasLength = false;
        bool expectContinue = false;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            if (line.left(colon).trimmed().compare("content-length", Qt::CaseInsensitive) == 0) {
                hasLength = true;
                lengthValue = line.mid(colon + 1).trimmed();
            } else if (line.left(colon).trimmed().compare("expect", Qt::CaseInsensitive) == 0) {
                expectContinue = line.mid(colon + 1).trimmed().compare("100-continue", Qt::CaseInsensitive) == 0;
            }
        }

        // Abyss's URI handler: only /RPC2, only POST, and a sane content-length.
        if (conn->path != "/RPC2") {
            sendHtmlError(socket, 404,
                QStringLiteral("This XML-RPC For C/C++ Abyss XML-RPC server responds to only one URI path.  "
                               "I don't know what URI path that is, but it's not the one you requested: "
                               "'%1'.  (Typically, it's '/RPC2')")
                    .arg(QString::fromLatin1(conn->path)));
            return;
        }
        if (conn->method == "OPTIONS") {
            sendResponse(socket, 200, QByteArrayLiteral("Allow: POST\r\nContent-length: 0\r\n"), QByteArray());
            return;
        }
        if (conn->method != "POST") {
            sendHtmlError(socket, 405, QStringLiteral("POST is the only HTTP method this server understands"));
            return;
        }
        if (!hasLength) {
            sendHtmlError(
                socket, 411, QStringLiteral("You must send a content-length HTTP header in an XML-RPC call."));
            return;
        }
        if (lengthValue.isEmpty()) {
            sendHtmlError(
                socket, 400, QStringLiteral("The value in your content-length HTTP header value is a null string"));
            return;
        }
        bool ok = false;
        const qulonglong length = lengthValue.toULongLong(&ok);
        if (!ok) {
            sendHtmlError(socket, 400,
                QStringLiteral("There's non-numeric crap in the value of your content-length HTTP header: '%1'")
                    .arg(QString::fromLatin1(lengthValue)));
            return;
        }
        if (length < 1) {
            sendHtmlError(socket, 400,
                QStringLiteral("According to your content-length HTTP header, your request is empty (zero length)"));
            return;
        }
        if (length > qulonglong(m_maxRequestSize)) {
            sendHtmlError(socket, 500, QStringLiteral("XML-RPC request too large (%1 bytes)").arg(length));
            return;
        }
        conn->contentLength = qint64(length);
        // curl asks before sending bodies over 1 KiB; Abyss answers so it need not wait a second.
        if (expectContinue && conn->buffer.size() - conn->bodyStart < conn->contentLength)
            socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
    }

    if (conn->buffer.size() - conn->bodyStart < conn->contentLength)
        return; // partial body; wait for more
    handleRequest(socket, *conn);
}

void DemoCloudServer::handleRequest(QTcpSocket *socket, Connection &conn)
{
    const QByteArray body = conn.buffer.mid(conn.bodyStart, conn.contentLength);
    conn.buffer.clear();
    QString method;
    int status = 200;
    const QByteArray xml = handleCall(body, &method, &status);
    if (status != 200) {
        // Sinatra's page for an exception in a handler (the addon runs on Sinatra, not Abyss).
        const QByteArray page = QByteArrayLiteral("<h1>Internal Server Error</h1>");
        sendResponse(socket, status,
            QByteArrayLiteral("Content-Type: text/html;charset=utf-8\r\nContent-Length: ")
                + QByteArray::number(page.size()) + QByteArrayLiteral("\r\n"),
            page);
        Q_EMIT requestHandled(method);
        return;
    }
    sendResponse(socket, 200,
        QByteArrayLiteral("Content-type: text/xml; charset=utf-8\r\nContent-length: ") + QByteArray::number(xml.size())
            + QByteArrayLiteral("\r\n"),
        xml);
    Q_EMIT requestHandled(method);
}

QByteArray DemoCloudServer::handleCall(const QByteArray &body, QString *methodOut, int *httpStatus)
{
    const auto reader = XmlRpcReader::parse(XmlRpcReader::Kind::Call, body);
    if (!reader || reader->hasError()) {
        // xmlrpc-c tells XML that is broken apart from XML that is not a methodCall.
        QXmlStreamReader xml(body);
        while (!xml.atEnd())
            xml.readNext();
        QString message = QStringLiteral("Call XML not a proper XML-RPC call.  ");
        if (xml.hasError())
            message += QStringLiteral("Call is not valid XML.  line %1, column %2: %3")
                           .arg(xml.lineNumber())
                           .arg(xml.columnNumber())
                           .arg(xml.errorString());
        else
            message += reader ? reader->errorString() : QStringLiteral("Unparseable call");
        qCDebug(lcCloud).noquote() << QStringLiteral("demo cloud: fault -503: %1").arg(message);
        return XmlRpcWriter::fault(-503, message);
    }
    *methodOut = reader->methodName();
    const DemoCloud::Reply reply = m_cloud->call(reader->methodName(), reader->params());
    if (reply.httpStatus != 0) {
        *httpStatus = reply.httpStatus;
        return QByteArray();
    }
    if (reply.isFault)
        return XmlRpcWriter::fault(reply.faultCode, reply.faultString);
    return XmlRpcWriter::response(reply.value);
}

// Abyss's error page, byte for byte as captured; like Abyss it has no
// Content-length: closing the connection ends it.
void DemoCloudServer::sendHtmlError(QTcpSocket *socket, int status, const QString &message)
{
    const QByteArray code = QByteArray::number(status);
    const QByteArray page = QByteArrayLiteral("<HTML><HEAD><TITLE>Error ") + code
        + QByteArrayLiteral("</TITLE></HEAD><BODY><H1>Error ") + code + QByteArrayLiteral("</H1><P>")
        + message.toHtmlEscaped().toUtf8()
        + QByteArrayLiteral("</P><p><HR><b><i><a href=\"http://xmlrpc-c.sourceforge.net\">ABYSS Web Server for "
                            "XML-RPC For C/C++</a></i></b> version 1.33.14<br></p></BODY></HTML>");
    sendResponse(socket, status, QByteArrayLiteral("Content-type: text/html\r\n"), page);
}

void DemoCloudServer::sendResponse(QTcpSocket *socket, int status, const QByteArray &headers, const QByteArray &body)
{
    Connection *conn = m_connections.value(socket);
    if (!conn || conn->answered)
        return;
    conn->answered = true;
    conn->idle->stop();
    QByteArray head = QByteArrayLiteral("HTTP/1.1 ") + QByteArray::number(status) + ' ' + reasonPhrase(status)
        + QByteArrayLiteral("\r\n") + headers + QByteArrayLiteral("Connection: close\r\nDate: ") + httpDate()
        + QByteArrayLiteral("\r\nServer: ") + kServerHeader + QByteArrayLiteral("\r\n\r\n");
    socket->write(head);
    socket->write(body);
    // Closes once everything queued was written; the event loop keeps serving others meanwhile.
    socket->disconnectFromHost();
}

} // namespace Porthole
