// SPDX-License-Identifier: GPL-2.0-or-later
#include "FakeOned.h"

#include <QSslSocket>

namespace PortholeTest {

FakeOned::FakeOned(Responder responder, QObject *parent)
    : QTcpServer(parent)
    , m_responder(std::move(responder))
{
    listen(QHostAddress::LocalHost, 0);
}

void FakeOned::useTls(const QSslCertificate &certificate, const QSslKey &key)
{
    m_certificate = certificate;
    m_key = key;
}

QUrl FakeOned::endpoint() const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2/RPC2")
                    .arg(m_certificate.isNull() ? QStringLiteral("http") : QStringLiteral("https"))
                    .arg(serverPort()));
}

QByteArray FakeOned::httpResponse(
    int status, const QByteArray &reason, const QByteArray &contentType, const QByteArray &body)
{
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

void FakeOned::streamResponse(QTcpSocket *socket, qint64 total, std::function<QByteArray()> next)
{
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: " + QByteArray::number(total)
        + "\r\nConnection: close\r\n\r\n");
    auto remaining = std::make_shared<qint64>(total);
    auto pump = [socket, remaining, next = std::move(next)] {
        while (*remaining > 0 && socket->bytesToWrite() < 4 * 1024 * 1024) {
            QByteArray chunk = next().left(*remaining);
            *remaining -= chunk.size();
            socket->write(chunk);
        }
        if (*remaining == 0)
            socket->disconnectFromHost();
    };
    QObject::connect(socket, &QTcpSocket::bytesWritten, socket, pump);
    pump();
}

void FakeOned::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = nullptr;
    if (m_certificate.isNull()) {
        socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
    } else {
        auto *tls = new QSslSocket(this);
        tls->setSocketDescriptor(descriptor);
        tls->setLocalCertificate(m_certificate);
        tls->setPrivateKey(m_key);
        tls->startServerEncryption();
        socket = tls;
    }
    auto buffer = std::make_shared<QByteArray>();
    auto answered = std::make_shared<bool>(false);
    connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer, answered] {
        *buffer += socket->readAll();
        if (*answered)
            return;
        const qsizetype headerEnd = buffer->indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        const QByteArray headers = buffer->left(headerEnd).toLower();
        const qsizetype at = headers.indexOf("content-length:");
        const qsizetype length
            = at < 0 ? 0 : headers.mid(at + 15, headers.indexOf('\r', at) - at - 15).trimmed().toLongLong();
        if (buffer->size() < headerEnd + 4 + length)
            return;
        *answered = true;
        m_responder(socket, buffer->mid(headerEnd + 4, length));
    });
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
}

} // namespace PortholeTest
