// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "proxy/HttpRequest.h"
#include "proxy/ProxyRelay.h"
#include "proxy/ProxySessionInfo.h"
#include "proxy/SocketStream.h"
#include "tokens/TokenLookup.h"
#include "tokens/TokenTarget.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <memory>

class QSocketNotifier;
class QTcpSocket;

namespace Porthole {

class TokenProxy;

// One accepted connection: TLS sniffing, the HTTP head (ProxyHandshake decides what it
// asks for), then either a static answer (a noVNC file, /metrics, a refusal) or a
// WebSocket relayed to the token's target (ProxyRelay), and a drain before closing.
class ProxySession : public QObject
{
    Q_OBJECT

public:
    enum class Transport
    {
        Plain,
        Tls,
        Sniff
    };

    ProxySession(TokenProxy *proxy, qintptr descriptor, Transport transport);
    ~ProxySession() override;

    void start();
    // Called by the proxy's once-a-second sweep: timeouts and heartbeats.
    void tick(qint64 nowMs);
    // SIGTERM: tell the viewer and close.
    void shutdown();
    bool isRelaying() const { return m_state == State::Open; }
    quint64 id() const { return m_id; }
    ProxySessionInfo info(qint64 nowMs) const;
    // An operator's close: the viewer is told so in the close frame.
    void closeByOperator();
    // The session's token was revoked or expired (--close-on-revoke): close with why.
    void closeForToken(const QString &reason);
    const QString &token() const { return m_token; }

private:
    enum class State
    {
        Sniffing,
        Tls,
        Handshake,
        RpcBody, // reading an XML-RPC call's body
        RpcWait, // the gateway is answering (it may be asking oned)
        LookingUp, // the token source is answering (Redis asks from its own thread)
        Connecting,
        Open,
        Draining,
        Done
    };

    void sniff();
    void setUpClient(SocketStream *stream, const QString &peer);
    void onClientReadable();
    void onClientDrained();
    void onClientGone();
    void onTargetConnected();
    void onTargetGone();

    void handleHead();
    void startWebSocket();
    void continueWebSocket(const TokenLookup &found);
    void startRpc();
    void readRpcBody();
    void dispatchRpc(int problem);
    void answerHttp(const QByteArray &response, const QString &logReason);
    void completeUpgrade(); // the 101 answer
    // Sends 101 (if not sent yet) and a close frame with the reason, then drains.
    // detail, for the log only, follows the reason there.
    void closeWebSocket(
        quint16 code, const QString &reason, const QByteArray &refusalLabel = {}, const QString &detail = {});
    void drain();
    void closeTarget();
    void finish(const QString &reason);
    void sendFrame(int opcode, QByteArrayView payload);
    void writeClient(const char *data, qsizetype size);

    quint64 bytesToTarget() const { return m_relay ? m_relay->bytesToTarget() : 0; }
    quint64 bytesToClient() const { return m_relay ? m_relay->bytesToClient() : 0; }

    TokenProxy *m_proxy;
    qintptr m_descriptor;
    Transport m_transport;
    State m_state = State::Sniffing;
    SocketStream *m_client = nullptr;
    SocketStream *m_target = nullptr;
    // Dials the target (Qt resolves names and reports errors), then hands its
    // descriptor to a RawSocketStream.
    QTcpSocket *m_connector = nullptr;
    QByteArray m_targetEarly;
    QSocketNotifier *m_sniffer = nullptr;
    QByteArray m_head;
    HttpRequest m_request;
    QByteArray m_upgradeResponse; // the 101, sent before the first frame (or refusal)
    std::unique_ptr<ProxyRelay> m_relay; // once the target is connected
    QString m_peer;
    quint64 m_id = 0;
    QString m_token;
    TokenTarget m_targetAddress;
    QDateTime m_tokenExpiresAt; // from the lookup; --close-on-revoke ends the session then
    qint64 m_rpcLength = 0;
    bool m_upgraded = false;
    bool m_counted = false; // counted against --max-connections / --max-per-token
    bool m_closeSent = false;
    QString m_closeReason;
    qint64 m_startMs = 0;
    qint64 m_stateSinceMs = 0;
    qint64 m_lastPingMs = 0;
};

} // namespace Porthole
