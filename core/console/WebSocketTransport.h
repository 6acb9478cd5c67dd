// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "base/CertificatePin.h"
#include "console/ConsoleTransport.h"

#include <QElapsedTimer>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace Porthole {

// RFB over a WebSocket as noVNC speaks it to websockify: subprotocol "binary"
// (websockify rejects lists where it is not first), binary frames both ways,
// and pings so that a silently dead link is noticed.
class WebSocketTransport : public ConsoleTransport
{
    Q_OBJECT
public:
    struct Options
    {
        int pingIntervalMs = 10000;
        int pongTimeoutMs = 15000;
        // wss: extra trusted CA certificates (PEM file) and/or a pinned SHA-256 fingerprint (hex).
        QString caFile;
        CertificatePin pin;
    };

    explicit WebSocketTransport(const QUrl &url, QObject *parent = nullptr);
    WebSocketTransport(const QUrl &url, const Options &options, QObject *parent = nullptr);
    ~WebSocketTransport() override;

    void open() override;
    void write(const QByteArray &data) override;
    void close() override;
    QString peerDescription() const override;

    QString negotiatedSubprotocol() const;
    // Round trip of the last answered ping, in ms; -1 before the first pong.
    qint64 lastRoundTripMs() const { return m_lastRoundTripMs; }

private:
    void onError(QAbstractSocket::SocketError error);
    void onSslErrors(const QList<QSslError> &errors);
    void onDisconnected();
    void sendPing();

    QUrl m_url;
    Options m_options;
    QWebSocket m_socket;
    QTimer m_pingTimer;
    QTimer m_pongTimer;
    qint64 m_lastRoundTripMs = -1;
};

} // namespace Porthole
