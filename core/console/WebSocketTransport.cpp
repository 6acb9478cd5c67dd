// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/WebSocketTransport.h"

#include "base/CaFile.h"
#include "base/CertificateInfo.h"
#include "base/Logging.h"
#include "base/Redact.h"

#include <QFile>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QUrlQuery>
#include <QWebSocketHandshakeOptions>

namespace Porthole {

namespace { } // namespace

WebSocketTransport::WebSocketTransport(const QUrl &url, QObject *parent)
    : WebSocketTransport(url, Options(), parent)
{ }

WebSocketTransport::WebSocketTransport(const QUrl &url, const Options &options, QObject *parent)
    : ConsoleTransport(parent)
    , m_url(url)
    , m_options(options)
{
    connect(&m_socket, &QWebSocket::connected, this, [this] {
        if (!m_options.pin.isNull() && m_url.scheme() == u"wss") {
            // A pin is a promise about one certificate, even one a public CA vouches for.
            const QSslCertificate peer = m_socket.sslConfiguration().peerCertificate();
            if (!m_options.pin.matches(peer)) {
                m_observation.tlsFailed = true;
                m_observation.tlsDetails = QStringLiteral("the certificate does not match the pinned fingerprint (")
                    + CertificateInfo::describe(peer) + u')';
                m_socket.abort();
                markClosed();
                return;
            }
        }
        m_observation.tcpConnected = true;
        m_observation.opened = true;
        m_observation.httpStatus = 101;
        if (m_options.pingIntervalMs > 0)
            m_pingTimer.start(m_options.pingIntervalMs);
        Q_EMIT opened();
    });
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, &ConsoleTransport::received);
    // websockify may still speak base64 text frames to old clients; we asked for binary,
    // so a text frame means a confused peer: pass its bytes through rather than drop them.
    connect(&m_socket, &QWebSocket::textMessageReceived, this,
        [this](const QString &text) { Q_EMIT received(text.toUtf8()); });
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, &WebSocketTransport::onError);
    connect(&m_socket, &QWebSocket::sslErrors, this, &WebSocketTransport::onSslErrors);
    connect(&m_socket, &QWebSocket::disconnected, this, &WebSocketTransport::onDisconnected);
    connect(&m_socket, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState state) {
        if (state == QAbstractSocket::ConnectedState)
            m_observation.tcpConnected = true;
    });
    connect(&m_socket, &QWebSocket::pong, this, [this](quint64 elapsed, const QByteArray &) {
        m_lastRoundTripMs = static_cast<qint64>(elapsed);
        m_pongTimer.stop();
    });
    m_pingTimer.setSingleShot(false);
    connect(&m_pingTimer, &QTimer::timeout, this, &WebSocketTransport::sendPing);
    m_pongTimer.setSingleShot(true);
    connect(&m_pongTimer, &QTimer::timeout, this, [this] {
        qCInfo(lcConsole) << "no pong within" << m_options.pongTimeoutMs << "ms from" << peerDescription();
        m_observation.keepaliveTimedOut = true;
        m_observation.errorString
            = QStringLiteral("no answer to keepalive pings for %1 s").arg(m_options.pongTimeoutMs / 1000.0);
        m_socket.abort();
        onDisconnected();
    });
}

WebSocketTransport::~WebSocketTransport()
{
    // Tearing down must not emit into half-destroyed owners.
    m_socket.disconnect(this);
    m_socket.abort();
}

void WebSocketTransport::open()
{
    if (m_url.scheme() == u"wss") {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!m_options.caFile.isEmpty()) {
            QString error;
            const QList<QSslCertificate> extra = CaFile::load(m_options.caFile, &error);
            if (extra.isEmpty()) {
                // Trusting only the system's CAs instead would hide the user's mistake behind
                // an "untrusted certificate" that the file was meant to fix.
                m_observation.tlsFailed = true;
                m_observation.tlsDetails = error;
                QMetaObject::invokeMethod(this, &WebSocketTransport::onDisconnected, Qt::QueuedConnection);
                return;
            }
            ssl.addCaCertificates(extra);
        }
        // With a pin, no CA vouches for anything: every certificate then raises sslErrors,
        // where the pin decides before Qt sends the upgrade request and its token. Trusting
        // the CAs too would let a CA-signed server read the token before `connected` could
        // compare the pin.
        if (!m_options.pin.isNull())
            ssl.setCaCertificates({});
        m_socket.setSslConfiguration(ssl);
    }
    QWebSocketHandshakeOptions handshake;
    handshake.setSubprotocols({QStringLiteral("binary")});
    qCDebug(lcConsole) << "opening" << peerDescription();
    m_socket.open(QNetworkRequest(m_url), handshake);
}

void WebSocketTransport::write(const QByteArray &data)
{
    if (m_socket.state() == QAbstractSocket::ConnectedState)
        m_socket.sendBinaryMessage(data);
}

void WebSocketTransport::close()
{
    m_observation.closedByUs = true;
    m_pingTimer.stop();
    m_pongTimer.stop();
    if (m_socket.state() == QAbstractSocket::ConnectedState)
        m_socket.close(QWebSocketProtocol::CloseCodeNormal);
    else
        m_socket.abort();
    markClosed();
}

QString WebSocketTransport::peerDescription() const
{
    QUrl shown = m_url;
    QUrlQuery query(shown);
    if (query.hasQueryItem(QStringLiteral("token"))) {
        const QString token = query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
        query.removeAllQueryItems(QStringLiteral("token"));
        query.addQueryItem(QStringLiteral("token"), redact(token));
        shown.setQuery(query);
    }
    return shown.toString(QUrl::PrettyDecoded);
}

QString WebSocketTransport::negotiatedSubprotocol() const
{
    return m_socket.subprotocol();
}

void WebSocketTransport::onError(QAbstractSocket::SocketError error)
{
    if (m_observation.hasSocketError)
        return;
    m_observation.hasSocketError = true;
    m_observation.socketError = error;
    m_observation.errorString = m_socket.errorString();
    if (error == QAbstractSocket::SslHandshakeFailedError || error == QAbstractSocket::SslInternalError
        || error == QAbstractSocket::SslInvalidUserDataError)
        m_observation.tlsFailed = true;
    // Qt does not expose a refused upgrade's status; its message carries it ("... code: 403").
    static const QRegularExpression status(QStringLiteral("(?:status code|code):? (\\d{3})"));
    const auto m = status.match(m_observation.errorString);
    if (!m_observation.opened && m.hasMatch())
        m_observation.httpStatus = m.captured(1).toInt();
    qCDebug(lcConsole) << "transport error" << error << m_observation.errorString;
    // Errors before the handshake do not always come with disconnected().
    if (!m_observation.opened)
        QMetaObject::invokeMethod(this, &WebSocketTransport::onDisconnected, Qt::QueuedConnection);
}

void WebSocketTransport::onSslErrors(const QList<QSslError> &errors)
{
    const auto chain = m_socket.sslConfiguration().peerCertificateChain();
    if (!m_options.pin.isNull() && !chain.isEmpty()) {
        if (m_options.pin.matches(chain.first())) {
            // The user vouched for exactly this certificate; its chain does not matter.
            m_socket.ignoreSslErrors();
            return;
        }
        m_observation.tlsDetails = QStringLiteral("the certificate does not match the pinned fingerprint; ");
    }
    QStringList reasons;
    for (const auto &e : errors)
        reasons << e.errorString();
    m_observation.tlsFailed = true;
    m_observation.tlsDetails += reasons.join(QStringLiteral("; "));
    if (!chain.isEmpty())
        m_observation.tlsDetails += QStringLiteral(" (") + CertificateInfo::describe(chain.first()) + u')';
}

void WebSocketTransport::onDisconnected()
{
    if (m_observation.closed)
        return;
    m_pingTimer.stop();
    m_pongTimer.stop();
    // disconnected() can precede error(): take the socket's last error now.
    if (!m_observation.hasSocketError && m_socket.error() != QAbstractSocket::UnknownSocketError)
        onError(m_socket.error());
    if (m_observation.opened && !m_observation.keepaliveTimedOut) {
        // closeCode() reads 1000 even when no close frame came: a bare FIN after an
        // error with no reason is a drop, not a close frame.
        const auto code = m_socket.closeCode();
        const bool abrupt
            = m_observation.hasSocketError && m_observation.socketError == QAbstractSocket::RemoteHostClosedError;
        const bool noFrame = abrupt && code == QWebSocketProtocol::CloseCodeNormal && m_socket.closeReason().isEmpty();
        if (!noFrame) {
            m_observation.closeFrameReceived = true;
            m_observation.closeCode = static_cast<int>(code);
            m_observation.closeReason = m_socket.closeReason();
        }
    }
    qCDebug(lcConsole) << "transport closed" << peerDescription() << "code" << m_observation.closeCode
                       << m_observation.closeReason;
    markClosed();
}

void WebSocketTransport::sendPing()
{
    if (m_pongTimer.isActive())
        return;
    m_socket.ping();
    m_pongTimer.start(m_options.pongTimeoutMs);
}

} // namespace Porthole
