// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QHostAddress>
#include <QSsl>
#include <QString>
#include <QStringList>

namespace Porthole {

// Everything TokenProxy needs to know; porthole-proxy fills it from websockify's
// command line, the desktop app from its settings.
struct ProxyConfig
{
    QHostAddress listenAddress = QHostAddress::Any;
    quint16 listenPort = 0;
    // An already listening socket to accept from instead (porthole-proxy --workers
    // shares one between processes); -1: listen on listenAddress:listenPort.
    qintptr listenDescriptor = -1;
    QString certFile; // PEM; the key may sit in the same file
    QString keyFile;
    bool sslOnly = false;
    // OpenSSL cipher list for TLS 1.2 (--ssl-ciphers); empty: forward secrecy with AEAD only.
    QString sslCiphers;
    // The oldest TLS version accepted (--ssl-version): TLS 1.2 unless told.
    QSsl::SslProtocol sslMinimum = QSsl::TlsV1_2OrLater;
    // Pages of other hosts whose token cookie counts (--allowed-origin).
    QStringList allowedOrigins;
    QString webRoot;
    bool hostToken = false;
    int heartbeatSeconds = 0;
    int idleTimeoutSeconds = 0;
    int maxConnections = 0; // 0: unlimited
    int maxPerToken = 0;
    // Handshakes (TLS, HTTP head, dialling the target) must finish within this.
    int handshakeTimeoutMs = 10000;
    bool verbose = false;
    // Close a live session with a close frame when its token expires or is revoked
    // (--close-on-revoke; websockify's open request novnc/websockify#229).
    bool closeOnRevoke = false;
};

} // namespace Porthole
