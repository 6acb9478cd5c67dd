// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "console/ConsoleError.h"

#include <QAbstractSocket>
#include <QByteArray>
#include <QObject>
#include <QString>

namespace Porthole {

// What a transport saw of its link. Session errors are decided from these facts, from
// libvncclient's typed fields (RfbWorker::Failure) and from the clear handshake bytes
// (RfbGreeting); libvncclient's log text is shown as detail, never used to decide.
struct TransportObservation
{
    bool tcpConnected = false; // the TCP (or TLS) link came up
    bool opened = false; // ready for RFB bytes (WebSocket: HTTP 101 received)
    bool closed = false;
    bool closedByUs = false;
    bool tlsFailed = false;
    bool closeFrameReceived = false;
    bool keepaliveTimedOut = false;
    int httpStatus = 0; // 101 once upgraded; a refusal's status when Qt reveals it; 0 unknown
    int closeCode = 0; // WebSocket close code, only when a close frame arrived
    QString closeReason;
    QAbstractSocket::SocketError socketError = QAbstractSocket::UnknownSocketError;
    bool hasSocketError = false;
    QString errorString;
    QString tlsDetails; // certificate problems, as sentences
    // A transport that knows why it ended better than the generic rules (an SSH tunnel: host
    // key, authentication, channel refused, connection lost) says so here.
    ConsoleError verdict = ConsoleError::None;
    QString verdictText;
};

// A byte channel to a VNC server: WebSocket through a proxy, or plain TCP.
// The RFB code never knows which (see SocketPairBridge).
class ConsoleTransport : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~ConsoleTransport() override = default;

    virtual void open() = 0;
    virtual void write(const QByteArray &data) = 0;
    // Closes from our side; closed() still follows.
    virtual void close() = 0;
    // Human name of the peer, e.g. "ws://proxy:29876/websockify?token=ab…".
    virtual QString peerDescription() const = 0;

    const TransportObservation &observation() const { return m_observation; }

Q_SIGNALS:
    void opened();
    void received(const QByteArray &data);
    // Emitted once, whatever ended the link; observation() holds why.
    void closed();

protected:
    void markClosed()
    {
        if (m_observation.closed)
            return;
        m_observation.closed = true;
        Q_EMIT closed();
    }

    TransportObservation m_observation;
};

} // namespace Porthole
