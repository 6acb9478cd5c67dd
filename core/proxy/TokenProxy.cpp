// SPDX-License-Identifier: GPL-2.0-or-later
#include "proxy/TokenProxy.h"

#include "base/Logging.h"
#include "proxy/ProxyListener.h"
#include "proxy/ProxySession.h"
#include "tokens/TokenSource.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslKey>

#include <unistd.h>

namespace Porthole {

TokenProxy::TokenProxy(const ProxyConfig &config, TokenSource *tokens, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_tokens(tokens)
    , m_webRoot(config.webRoot)
{
    m_clock.start();
    // Room for a WebSocket header in front of a full read.
    m_scratch.resize(ProxyRelay::kReadChunk + 64); // and room for a frame header in front
    m_sweep.setInterval(1000);
    connect(&m_sweep, &QTimer::timeout, this, &TokenProxy::sweep);
}

TokenProxy::~TokenProxy()
{
    const QSet<ProxySession *> sessions = m_sessions;
    m_sessions.clear();
    qDeleteAll(sessions);
}

// Forward secrecy and AEAD only: TLS 1.3's suites, then ECDHE with GCM or ChaCha20 for TLS 1.2
// (Mozilla's "intermediate" list without finite-field DHE).
static constexpr char kDefaultCiphers[] = "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:"
                                          "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                                          "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                                          "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";
static constexpr int kListenBacklog = 1024;

static QSslKey readKey(const QByteArray &pem)
{
    for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem);
        if (!key.isNull())
            return key;
    }
    return {};
}

bool TokenProxy::start(QString *error)
{
    if (!m_config.certFile.isEmpty()) {
        QFile certFile(m_config.certFile);
        if (!certFile.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read certificate %1: %2").arg(m_config.certFile, certFile.errorString());
            return false;
        }
        const QByteArray certPem = certFile.readAll();
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certPem, QSsl::Pem);
        if (chain.isEmpty()) {
            *error = QStringLiteral("%1 holds no PEM certificate").arg(m_config.certFile);
            return false;
        }
        // websockify's convention: without --key the key sits in the certificate file.
        QByteArray keyPem = certPem;
        const QString keyName = m_config.keyFile.isEmpty() ? m_config.certFile : m_config.keyFile;
        if (!m_config.keyFile.isEmpty()) {
            QFile keyFile(m_config.keyFile);
            if (!keyFile.open(QIODevice::ReadOnly)) {
                *error = QStringLiteral("cannot read key %1: %2").arg(m_config.keyFile, keyFile.errorString());
                return false;
            }
            keyPem = keyFile.readAll();
        }
        const QSslKey key = readKey(keyPem);
        if (key.isNull()) {
            *error = QStringLiteral("%1 holds no usable PEM private key (pass it with --key)").arg(keyName);
            return false;
        }
        m_ssl = QSslConfiguration::defaultConfiguration();
        m_ssl.setLocalCertificateChain(chain);
        m_ssl.setPrivateKey(key);
        m_ssl.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_ssl.setProtocol(m_config.sslMinimum);
        // TLS 1.3's suites all have forward secrecy; for TLS 1.2 the default leaves out static
        // RSA key exchange and CBC with SHA-1, which OpenSSL's own default still offers.
        const QString ciphers
            = m_config.sslCiphers.isEmpty() ? QString::fromLatin1(kDefaultCiphers) : m_config.sslCiphers;
        m_ssl.setCiphers(ciphers);
        if (m_ssl.ciphers().isEmpty()) {
            *error = QStringLiteral("--ssl-ciphers '%1' names no cipher this OpenSSL knows").arg(ciphers);
            return false;
        }
    } else if (m_config.sslOnly) {
        *error = QStringLiteral("--ssl-only needs --cert");
        return false;
    }
    m_listener = new ProxyListener(this);
    m_listener->setMaxPendingConnections(1024);
    // The kernel's queue of connections not yet accepted: Qt's default of 50 drops SYNs in a
    // burst of reconnecting consoles.
    m_listener->setListenBacklogSize(kListenBacklog);
    if (m_config.listenDescriptor >= 0) {
        if (!m_listener->setSocketDescriptor(m_config.listenDescriptor)) {
            *error = QStringLiteral("cannot accept on the inherited socket: %1").arg(m_listener->errorString());
            return false;
        }
    } else if (!m_listener->listen(m_config.listenAddress, m_config.listenPort)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_config.listenAddress.toString())
                     .arg(m_config.listenPort)
                     .arg(m_listener->errorString());
        return false;
    }
    // QTcpServer stops accepting for good after an accept error such as EMFILE; a flood
    // of connections must cost a pause, not the service.
    connect(m_listener, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError) {
        qCWarning(lcProxy).noquote() << "cannot accept connections:" << m_listener->errorString()
                                     << "- retrying in 200 ms";
        QTimer::singleShot(200, m_listener, [this] {
            if (!m_stopping)
                m_listener->resumeAccepting();
        });
    });
    m_sweep.start();
    qCInfo(lcProxy).noquote() << "listening on"
                              << m_config.listenAddress.toString() + QLatin1Char(':')
            + QString::number(m_listener->serverPort())
                              << (tlsEnabled() ? (m_config.sslOnly ? "(wss only)" : "(ws and wss)") : "(ws)");
    return true;
}

quint16 TokenProxy::port() const
{
    return m_listener ? m_listener->serverPort() : 0;
}

void TokenProxy::accept(qintptr descriptor)
{
    if (m_stopping) {
        ::close(int(descriptor));
        return;
    }
    ProxySession::Transport transport = ProxySession::Transport::Plain;
    if (tlsEnabled())
        transport = m_config.sslOnly ? ProxySession::Transport::Tls : ProxySession::Transport::Sniff;
    auto *session = new ProxySession(this, descriptor, transport);
    m_sessions.insert(session);
    ++m_metrics.connectionsOpen;
    session->start();
}

QString TokenProxy::admit(const QString &token, QByteArray *label) const
{
    if (m_stopping) {
        *label = "shutting_down";
        return QStringLiteral("proxy is shutting down");
    }
    if (m_config.maxConnections > 0 && m_metrics.sessionsOpen >= quint64(m_config.maxConnections)) {
        *label = "too_many_connections";
        return QStringLiteral("too many connections (limit %1)").arg(m_config.maxConnections);
    }
    if (m_config.maxPerToken > 0 && m_perToken.value(token) >= m_config.maxPerToken) {
        *label = "too_many_per_token";
        return QStringLiteral("too many connections for this token (limit %1)").arg(m_config.maxPerToken);
    }
    return {};
}

void TokenProxy::sessionOpened(const QString &token)
{
    ++m_metrics.sessionsOpen;
    ++m_metrics.sessionsTotal;
    ++m_perToken[token];
}

void TokenProxy::sessionClosed(const QString &token)
{
    --m_metrics.sessionsOpen;
    auto it = m_perToken.find(token);
    if (it != m_perToken.end() && --it.value() <= 0)
        m_perToken.erase(it);
}

void TokenProxy::sessionFinished(ProxySession *session)
{
    if (m_sessions.remove(session)) {
        --m_metrics.connectionsOpen;
        session->deleteLater();
    }
    if (m_stopping && m_sessions.isEmpty())
        QMetaObject::invokeMethod(this, &TokenProxy::stopped, Qt::QueuedConnection);
}

void TokenProxy::logSession(const QString &line)
{
    qCInfo(lcProxy).noquote() << line;
}

void TokenProxy::sweep()
{
    const qint64 now = nowMs();
    // Copy: a tick may finish (and unregister) its session.
    const QList<ProxySession *> sessions(m_sessions.cbegin(), m_sessions.cend());
    for (ProxySession *s : sessions) {
        if (m_sessions.contains(s))
            s->tick(now);
    }
}

void TokenProxy::stop()
{
    if (m_stopping)
        return;
    m_stopping = true;
    if (m_listener)
        m_listener->close();
    const QList<ProxySession *> sessions(m_sessions.cbegin(), m_sessions.cend());
    for (ProxySession *s : sessions) {
        if (m_sessions.contains(s))
            s->shutdown();
    }
    if (m_sessions.isEmpty())
        QMetaObject::invokeMethod(this, &TokenProxy::stopped, Qt::QueuedConnection);
}

QList<ProxySessionInfo> TokenProxy::sessions() const
{
    QList<ProxySessionInfo> list;
    const qint64 now = nowMs();
    for (const ProxySession *session : m_sessions) {
        if (session->isRelaying())
            list.append(session->info(now));
    }
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
    return list;
}

int TokenProxy::closeSessionsWithToken(const QString &token, const QString &reason)
{
    if (token.isEmpty() || !m_perToken.contains(token))
        return 0;
    int closed = 0;
    const QList<ProxySession *> sessions(m_sessions.cbegin(), m_sessions.cend());
    for (ProxySession *session : sessions) {
        if (m_sessions.contains(session) && session->token() == token) {
            session->closeForToken(reason);
            ++closed;
        }
    }
    return closed;
}

bool TokenProxy::closeSession(quint64 id)
{
    for (ProxySession *session : std::as_const(m_sessions)) {
        if (session->id() == id && session->isRelaying()) {
            session->closeByOperator();
            return true;
        }
    }
    return false;
}

} // namespace Porthole
