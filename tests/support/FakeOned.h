// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QUrl>

#include <functional>

class QTcpSocket;

namespace PortholeTest {

// An HTTP server on 127.0.0.1 that misbehaves on purpose: each request is handed
// to a responder that writes whatever it likes (or nothing) to the socket.
class FakeOned : public QTcpServer
{
    Q_OBJECT
public:
    using Responder = std::function<void(QTcpSocket *socket, const QByteArray &requestBody)>;

    explicit FakeOned(Responder responder, QObject *parent = nullptr);
    // Serve https with this certificate and key instead of http.
    void useTls(const QSslCertificate &certificate, const QSslKey &key);
    QUrl endpoint() const;

    static QByteArray httpResponse(
        int status, const QByteArray &reason, const QByteArray &contentType, const QByteArray &body);
    // Writes an HTTP 200 and then `total` bytes produced by next(), as the socket drains.
    static void streamResponse(QTcpSocket *socket, qint64 total, std::function<QByteArray()> next);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    Responder m_responder;
    QSslCertificate m_certificate;
    QSslKey m_key;
};

} // namespace PortholeTest
