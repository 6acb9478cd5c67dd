// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "proxy/ProxyConfig.h"
#include "proxy/ProxyMetrics.h"
#include "proxy/ProxySessionInfo.h"
#include "proxy/TokenGuessLimiter.h"
#include "proxy/WebRoot.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QSslConfiguration>
#include <QTimer>

namespace Porthole {

class ProxyListener;
class ProxyRpcHandler;
class ProxySession;
class TokenSource;

// websockify's job: WebSocket clients in, TCP to the VNC server their token names.
// Runs in porthole-proxy and, with in-memory tokens, inside the desktop app. One
// thread; sessions are cheap objects (two sockets, no per-session buffers while idle).
class TokenProxy : public QObject
{
    Q_OBJECT

public:
    TokenProxy(const ProxyConfig &config, TokenSource *tokens, QObject *parent = nullptr);
    ~TokenProxy() override;

    // Loads TLS material and listens; false with *error when either fails.
    bool start(QString *error);
    quint16 port() const;
    // Stops accepting and closes every session with 1001; emits stopped() when done.
    void stop();

    const ProxyConfig &config() const { return m_config; }
    TokenSource *tokens() const { return m_tokens; }
    ProxyMetrics &metrics() { return m_metrics; }
    const WebRoot &webRoot() const { return m_webRoot; }
    const QSslConfiguration &sslConfiguration() const { return m_ssl; }
    bool tlsEnabled() const { return !m_ssl.isNull(); }
    qint64 nowMs() const { return m_clock.elapsed(); }
    // One scratch buffer for every session's reads: no per-session read buffers.
    char *scratch() { return m_scratch.data(); }

    // The sessions relaying now, oldest first, for an operator's view.
    QList<ProxySessionInfo> sessions() const;
    // Closes one of them (close frame 1000 with the reason); false when it is gone.
    bool closeSession(quint64 id);

    // A console gateway answering /RPC2… on the same port (not owned); null: none.
    void setRpcHandler(ProxyRpcHandler *handler) { m_rpc = handler; }
    ProxyRpcHandler *rpcHandler() const { return m_rpc; }
    // Closes every live session of this token with a close frame giving the reason;
    // returns how many.
    int closeSessionsWithToken(const QString &token, const QString &reason);
    // The tokens of the sessions open now, each once.
    QStringList liveTokens() const { return m_perToken.keys(); }

    // Admission: empty when the session may open, else the refusal reason.
    QString admit(const QString &token, QByteArray *label) const;
    void sessionOpened(const QString &token);
    void sessionClosed(const QString &token);
    void sessionFinished(ProxySession *session);
    void logSession(const QString &line);
    // Refused token guesses per client address (--token-guess-limit).
    TokenGuessLimiter &guesses() { return m_guesses; }

Q_SIGNALS:
    void stopped();

private:
    void accept(qintptr descriptor);
    void sweep();

    ProxyConfig m_config;
    TokenSource *m_tokens;
    ProxyRpcHandler *m_rpc = nullptr;
    WebRoot m_webRoot;
    QSslConfiguration m_ssl;
    ProxyListener *m_listener = nullptr;
    QSet<ProxySession *> m_sessions;
    QHash<QString, int> m_perToken;
    ProxyMetrics m_metrics;
    QTimer m_sweep;
    QElapsedTimer m_clock;
    TokenGuessLimiter m_guesses;
    QByteArray m_scratch;
    bool m_stopping = false;

    friend class ProxyListener;
};

} // namespace Porthole
