// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "console/RfbSession.h"
#include "tokens/ConsoleUrl.h"

#include <QHostAddress>
#include <QObject>
#include <QTcpServer>

namespace Porthole {

class ConsoleTransport;

// Any console (WebSocket token, SSH tunnel or direct TCP) as a plain local TCP port, for
// TigerVNC, remote-viewer or any VNC client (like `virtctl vnc --proxy-only`). Each accepted
// connection gets a transport of its own and the bytes are relayed both ways unchanged, RFB
// handshake included, so the viewer does the VNC authentication itself. A one-time token
// serves one connection only. Listens on 127.0.0.1 unless told otherwise.
class ConsoleForwarder : public QObject
{
    Q_OBJECT
public:
    ConsoleForwarder(const ConsoleUrl &url, const RfbSession::Options &options, QObject *parent = nullptr);
    ~ConsoleForwarder() override;

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    QHostAddress address() const { return m_server.serverAddress(); }
    quint16 port() const { return m_server.serverPort(); }
    int activeConnections() const { return m_active; }

Q_SIGNALS:
    void connectionOpened(const QString &client);
    // text says why when the console side ended first or never opened; empty otherwise.
    void connectionClosed(const QString &client, const QString &text);

private:
    void onNewConnection();

    ConsoleUrl m_url;
    RfbSession::Options m_options;
    QTcpServer m_server;
    int m_active = 0;
};

} // namespace Porthole
