// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "TestSupport.h"

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QWebSocket>

#include <functional>

namespace PortholeTest {

// Runs the event loop until condition() holds or timeoutMs passes.
bool waitUntil(const std::function<bool()> &condition, int timeoutMs = 20000);

// A VNC-like TCP server: greets each connection with "ECHO <port>\n" and echoes.
class EchoServer : public QObject
{
    Q_OBJECT
public:
    EchoServer();
    quint16 port() const { return m_server.serverPort(); }
    int connections() const { return m_connections; }

private:
    QTcpServer m_server;
    int m_connections = 0;
};

// A WebSocket viewer: subprotocol "binary", collects binary messages and the close.
class WsClient : public QObject
{
    Q_OBJECT
public:
    explicit WsClient(const QString &url, bool ignoreSslErrors = false);
    QWebSocket &socket() { return m_socket; }
    QByteArray received;
    bool closed = false;
    bool connected = false;
    // Waits for at least n bytes of binary payload.
    bool waitForBytes(qsizetype n, int timeoutMs = 20000);
    bool waitForClose(int timeoutMs = 20000);

private:
    QWebSocket m_socket;
};

// Starts a program and waits until it listens on port (connect succeeds).
bool waitForListening(quint16 port, QProcess &process, int timeoutMs = 20000);

} // namespace PortholeTest
