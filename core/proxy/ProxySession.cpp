// SPDX-License-Identifier: GPL-2.0-or-later
#include "proxy/ProxySession.h"

#include "base/Redact.h"
#include "proxy/ProxyHandshake.h"
#include "proxy/ProxyRelay.h"
#include "proxy/ProxyRpcHandler.h"
#include "proxy/QtSocketStream.h"
#include "proxy/RawSocketStream.h"
#include "proxy/TokenProxy.h"
#include "tokens/TokenSource.h"
#include "websocket/WebSocketWire.h"

#include <QSocketNotifier>
#include <QSslSocket>
#include <QTcpSocket>

#include <arpa/inet.h>
#include <atomic>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <utility>

namespace Porthole {

namespace {
// Once a refusal or close frame is out, the peer gets this long to hang up.
constexpr qint64 kDrainMs = 3000;
constexpr int kMaxReadsPerEvent = 8;
constexpr qint64 kReadChunk = ProxyRelay::kReadChunk;
// Why dialling the target failed, in words that name neither host nor port.
QString dialFailure(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return QStringLiteral("connection refused");
    case QAbstractSocket::HostNotFoundError:
        return QStringLiteral("its host name does not resolve");
    case QAbstractSocket::SocketTimeoutError:
        return QStringLiteral("timed out");
    case QAbstractSocket::NetworkError:
        return QStringLiteral("network unreachable");
    default:
        break;
    }
    return QStringLiteral("network error");
}
} // namespace

ProxySession::ProxySession(TokenProxy *proxy, qintptr descriptor, Transport transport)
    : QObject(nullptr)
    , m_proxy(proxy)
    , m_descriptor(descriptor)
    , m_transport(transport)
{
    static std::atomic<quint64> s_nextId {0}; // unique per process, whichever thread runs a proxy
    m_id = ++s_nextId;
    m_startMs = m_stateSinceMs = proxy->nowMs();
}

ProxySessionInfo ProxySession::info(qint64 nowMs) const
{
    return {
        m_id, m_peer, redact(m_token), m_targetAddress.toString(), bytesToTarget(), bytesToClient(), nowMs - m_startMs};
}

void ProxySession::closeByOperator()
{
    closeWebSocket(1000, QStringLiteral("closed by the proxy's operator"));
}

void ProxySession::closeForToken(const QString &reason)
{
    if (m_state == State::Open || m_state == State::Connecting)
        closeWebSocket(1008, reason);
}

ProxySession::~ProxySession()
{
    if (m_counted)
        m_proxy->sessionClosed(m_token);
    delete m_sniffer;
    delete m_client;
    delete m_target;
    delete m_connector;
}

void ProxySession::start()
{
    if (m_transport == Transport::Sniff) {
        m_state = State::Sniffing;
        m_sniffer = new QSocketNotifier(m_descriptor, QSocketNotifier::Read);
        connect(m_sniffer, &QSocketNotifier::activated, this, &ProxySession::sniff);
        return;
    }
    if (m_transport == Transport::Tls) {
        auto *ssl = new QSslSocket;
        ssl->setSslConfiguration(m_proxy->sslConfiguration());
        ssl->setReadBufferSize(kReadChunk);
        if (!ssl->setSocketDescriptor(m_descriptor)) {
            delete ssl;
            finish(QStringLiteral("cannot adopt the connection"));
            return;
        }
        ssl->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        QString peer = ssl->peerAddress().toString() + QLatin1Char(':') + QString::number(ssl->peerPort());
        m_state = State::Tls;
        connect(ssl, &QSslSocket::encrypted, this, [this] {
            m_state = State::Handshake;
            m_stateSinceMs = m_proxy->nowMs();
            onClientReadable();
        });
        setUpClient(new QtSocketStream(ssl), peer);
        ssl->startServerEncryption();
        return;
    }
    sockaddr_storage address = {};
    socklen_t length = sizeof address;
    QString peer;
    if (::getpeername(int(m_descriptor), reinterpret_cast<sockaddr *>(&address), &length) == 0) {
        const QHostAddress host(reinterpret_cast<const sockaddr *>(&address));
        const quint16 port = address.ss_family == AF_INET6
            ? ntohs(reinterpret_cast<sockaddr_in6 *>(&address)->sin6_port)
            : ntohs(reinterpret_cast<sockaddr_in *>(&address)->sin_port);
        peer = host.toString() + QLatin1Char(':') + QString::number(port);
    }
    m_state = State::Handshake;
    setUpClient(new RawSocketStream(int(m_descriptor)), peer);
}

void ProxySession::sniff()
{
    char first = 0;
    const ssize_t n = ::recv(int(m_descriptor), &first, 1, MSG_PEEK);
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
        m_sniffer->setEnabled(false);
        finish(QStringLiteral("client closed before sending anything"));
        return;
    }
    if (n < 0)
        return;
    m_sniffer->setEnabled(false);
    m_sniffer->deleteLater();
    m_sniffer = nullptr;
    // A TLS ClientHello starts with the handshake record type 22; HTTP with a letter.
    m_transport = first == 0x16 ? Transport::Tls : Transport::Plain;
    start();
}

void ProxySession::setUpClient(SocketStream *stream, const QString &peer)
{
    m_client = stream;
    m_peer = peer;
    if (m_peer.startsWith(QLatin1String("::ffff:")))
        m_peer = m_peer.mid(7);
    m_client->setCallbacks({[this] { onClientReadable(); }, [this] { onClientDrained(); }, [this] { onClientGone(); }});
}

void ProxySession::onClientReadable()
{
    if (!m_client)
        return;
    switch (m_state) {
    case State::Handshake: {
        char *buffer = m_proxy->scratch();
        for (int i = 0; i < kMaxReadsPerEvent && m_state == State::Handshake; ++i) {
            const qint64 room = HttpRequest::kMaxHeadSize + 1 - m_head.size();
            const qint64 n = m_client->read(buffer, qMin<qint64>(room, kReadChunk));
            if (n < 0) {
                onClientGone();
                return;
            }
            if (n == 0)
                break;
            m_head.append(buffer, n);
            handleHead();
        }
        break;
    }
    case State::Open:
        m_relay->pumpClient();
        break;
    case State::RpcBody:
        readRpcBody();
        break;
    case State::RpcWait:
        // One call per connection; anything more waits in the kernel.
        m_client->setReadEnabled(false);
        break;
    case State::Draining: {
        // Discard whatever the client still sends so closing does not reset the
        // connection before it has read our answer.
        char *buffer = m_proxy->scratch();
        for (int i = 0; i < kMaxReadsPerEvent; ++i) {
            const qint64 n = m_client->read(buffer, kReadChunk);
            if (n < 0) {
                finish(m_closeReason);
                return;
            }
            if (n == 0)
                break;
        }
        break;
    }
    case State::LookingUp:
    case State::Connecting:
        // The client should not talk before the 101; its bytes wait in the kernel.
        m_client->setReadEnabled(false);
        break;
    default:
        break;
    }
}

void ProxySession::handleHead()
{
    qsizetype headSize = 0;
    switch (m_request.parse(m_head, &headSize)) {
    case HttpRequest::Parse::Incomplete:
        return;
    case HttpRequest::Parse::Error:
        answerHttp(ProxyHandshake::malformedAnswer(m_request), m_request.errorReason());
        return;
    case HttpRequest::Parse::Complete:
        break;
    }
    // Bytes after the head (a pipelined first frame) stay for the relay.
    m_head.remove(0, headSize);

    const ProxyHandshake::Decision decision = ProxyHandshake::decide(m_request,
        {m_proxy->config().hostToken, m_proxy->webRoot().isEnabled(), m_proxy->rpcHandler() != nullptr,
            m_proxy->config().allowedOrigins});
    switch (decision.route) {
    case ProxyHandshake::Route::Answer:
        answerHttp(decision.answer, decision.logReason);
        return;
    case ProxyHandshake::Route::Metrics: {
        const QByteArray body = m_proxy->metrics().toPrometheus();
        answerHttp("HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body,
            decision.logReason);
        return;
    }
    case ProxyHandshake::Route::StaticFile:
        answerHttp(m_proxy->webRoot().respond(m_request.method(), m_request.path()), decision.logReason);
        return;
    case ProxyHandshake::Route::Rpc:
        if (!decision.forwardedFor.isEmpty())
            m_peer = decision.forwardedFor + QStringLiteral(" via ") + m_peer;
        startRpc();
        return;
    case ProxyHandshake::Route::WebSocket:
        break;
    }
    m_upgradeResponse = decision.upgradeResponse;
    if (!decision.forwardedFor.isEmpty())
        m_peer = decision.forwardedFor + QStringLiteral(" via ") + m_peer;
    m_token = decision.token;
    if (decision.refusal) {
        closeWebSocket(
            decision.refusal->code, decision.refusal->reason, decision.refusal->label, decision.refusal->detail);
        return;
    }
    startWebSocket();
}

void ProxySession::startRpc()
{
    using Problem = ProxyRpcHandler::Call::Problem;
    ProxyRpcHandler *handler = m_proxy->rpcHandler();
    const QByteArray length = m_request.header("content-length").trimmed();
    if (!m_request.header("transfer-encoding").isEmpty()) {
        dispatchRpc(int(Problem::Unsupported));
        return;
    }
    bool ok = length.isEmpty();
    m_rpcLength = length.isEmpty() ? 0 : length.toLongLong(&ok);
    if (!ok || m_rpcLength < 0) {
        m_rpcLength = 0;
        dispatchRpc(int(Problem::Unsupported));
        return;
    }
    if (m_rpcLength > handler->maxBodySize()) {
        // Not read: the answer goes out at once and the rest is discarded while draining.
        dispatchRpc(int(Problem::TooLarge));
        return;
    }
    m_state = State::RpcBody;
    m_stateSinceMs = m_proxy->nowMs();
    readRpcBody();
}

void ProxySession::readRpcBody()
{
    char *buffer = m_proxy->scratch();
    while (m_head.size() < m_rpcLength) {
        const qint64 n = m_client->read(buffer, qMin<qint64>(m_rpcLength - m_head.size(), kReadChunk));
        if (n < 0) {
            onClientGone();
            return;
        }
        if (n == 0)
            return;
        m_head.append(buffer, n);
    }
    dispatchRpc(int(ProxyRpcHandler::Call::Problem::None));
}

void ProxySession::dispatchRpc(int problem)
{
    ProxyRpcHandler::Call call;
    call.method = m_request.method();
    call.path = m_request.path();
    call.peer = m_peer;
    call.declaredLength = m_rpcLength;
    call.problem = ProxyRpcHandler::Call::Problem(problem);
    if (call.problem == ProxyRpcHandler::Call::Problem::None)
        call.body = m_head.left(m_rpcLength);
    m_head.clear();
    m_request = HttpRequest();
    m_state = State::RpcWait;
    m_stateSinceMs = m_proxy->nowMs();
    if (m_client)
        m_client->setReadEnabled(false);
    // The answer may come after the client left and this session was deleted.
    QPointer<ProxySession> self(this);
    m_proxy->rpcHandler()->handle(call, [self](const QByteArray &response) {
        if (!self || self->m_state != State::RpcWait)
            return;
        self->answerHttp(response, QStringLiteral("XML-RPC call answered"));
    });
}

void ProxySession::startWebSocket()
{
    if (m_token.isEmpty())
        return continueWebSocket(TokenLookup());
    // A file source answers at once; Redis later, from its own thread (the session waits,
    // reading nothing, within the handshake timeout).
    m_state = State::LookingUp;
    m_stateSinceMs = m_proxy->nowMs();
    m_proxy->tokens()->lookupAsync(m_token, this, [this](const TokenLookup &found) {
        if (m_state == State::LookingUp)
            continueWebSocket(found);
    });
}

void ProxySession::continueWebSocket(const TokenLookup &found)
{
    if (const auto refusal = ProxyHandshake::refusalFor(m_token, found)) {
        closeWebSocket(refusal->code, refusal->reason, refusal->label, refusal->detail);
        return;
    }
    QByteArray label;
    const QString refusal = m_proxy->admit(m_token, &label);
    if (!refusal.isEmpty()) {
        closeWebSocket(ProxyCloseCode::TryAgainLater, refusal, label);
        return;
    }
    m_proxy->sessionOpened(m_token);
    m_counted = true;
    m_targetAddress = found.target;
    m_tokenExpiresAt = found.expiresAt;
    m_state = State::Connecting;
    m_stateSinceMs = m_proxy->nowMs();
    m_connector = new QTcpSocket;
    connect(m_connector, &QTcpSocket::connected, this, &ProxySession::onTargetConnected);
    connect(m_connector, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (m_state != State::Connecting)
            return;
        // The viewer learns that, not where: the address is for the log.
        closeWebSocket(ProxyCloseCode::BadGateway,
            QStringLiteral("the VNC server of this token is unreachable (%1)").arg(dialFailure(error)), "target_down",
            QStringLiteral("target %1: %2").arg(m_targetAddress.toString(), m_connector->errorString()));
    });
    // Only the token's target is ever dialled: nothing in the request picks host or port.
    m_connector->connectToHost(m_targetAddress.host, m_targetAddress.port);
}

void ProxySession::onTargetConnected()
{
    if (m_state != State::Connecting)
        return;
    // Take the connected descriptor over; Qt's socket (and its buffers) goes away.
    m_targetEarly = m_connector->readAll();
    const int fd = ::dup(int(m_connector->socketDescriptor()));
    m_connector->disconnect(this);
    m_connector->abort();
    m_connector->deleteLater();
    m_connector = nullptr;
    if (fd < 0) {
        closeWebSocket(ProxyCloseCode::BadGateway, QStringLiteral("out of file descriptors"), "target_down");
        return;
    }
    m_target = new RawSocketStream(fd);
    m_relay = std::make_unique<ProxyRelay>(*m_proxy, *m_client, *m_target,
        ProxyRelay::Events {
            [this](quint16 code, const QString &reason) { closeWebSocket(code, reason, "protocol_error"); },
            [this](quint16 code) {
                // Echo the code, as RFC 6455 asks; 1005/1006 must never be sent.
                closeWebSocket(code == 1005 || code == 1006 || code < 1000 ? 1000 : code, QString(), QByteArray());
                m_closeReason = QStringLiteral("client closed (%1)").arg(code);
            },
            [this] { onClientGone(); }, [this] { onTargetGone(); }});
    m_target->setCallbacks(
        {[this] { m_relay->pumpTarget(); }, [this] { m_relay->targetDrained(); }, [this] { onTargetGone(); }});

    completeUpgrade();
    m_state = State::Open;
    m_lastPingMs = m_proxy->nowMs();
    m_proxy->logSession(QStringLiteral("session open: client %1 token %2 target %3")
                            .arg(m_peer, redact(m_token), m_targetAddress.toString()));
    // The request is no longer needed; release its memory for the session's lifetime.
    m_request = HttpRequest();
    m_relay->start(std::exchange(m_targetEarly, QByteArray()), std::exchange(m_head, QByteArray()));
}

void ProxySession::onClientDrained()
{
    if (m_state == State::Open)
        m_relay->clientDrained();
    else if (m_state == State::Draining)
        drain();
}

void ProxySession::writeClient(const char *data, qsizetype size)
{
    if (m_client)
        m_client->write(data, size);
}

void ProxySession::sendFrame(int opcode, QByteArrayView payload)
{
    // Only control frames go through here.
    const QByteArray frame = WebSocketWire::frame(
        opcode, payload.first(qMin<qsizetype>(payload.size(), WebSocketWire::kMaxControlPayload)), false);
    writeClient(frame.constData(), frame.size());
}

void ProxySession::completeUpgrade()
{
    const QByteArray response = std::exchange(m_upgradeResponse, QByteArray());
    writeClient(response.constData(), response.size());
    m_upgraded = true;
}

void ProxySession::closeWebSocket(
    quint16 code, const QString &reason, const QByteArray &refusalLabel, const QString &detail)
{
    if (m_state == State::Draining || m_state == State::Done)
        return;
    if (!refusalLabel.isEmpty() && !m_upgraded)
        ++m_proxy->metrics().refused[refusalLabel];
    if (!m_upgraded) {
        // The refusal travels as a close frame after a completed upgrade: browsers do not
        // expose HTTP error bodies to scripts, but noVNC shows a close reason.
        completeUpgrade();
    }
    if (m_relay)
        m_relay->stop();
    sendFrame(WebSocketWire::Close, WebSocketWire::closePayload(code, reason));
    m_closeSent = true;
    if (m_closeReason.isEmpty())
        m_closeReason = (reason.isEmpty() ? QStringLiteral("closed (%1)").arg(code) : reason)
            + (detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(detail));
    closeTarget();
    drain();
}

void ProxySession::answerHttp(const QByteArray &response, const QString &logReason)
{
    writeClient(response.constData(), response.size());
    m_closeReason = logReason;
    drain();
}

void ProxySession::drain()
{
    if (m_state != State::Draining) {
        m_state = State::Draining;
        m_stateSinceMs = m_proxy->nowMs();
    }
    if (!m_client) {
        finish(m_closeReason);
        return;
    }
    if (m_client->pending() > 0)
        return; // onClientDrained comes back here
    // Half-close: the client reads our answer and EOF, then hangs up itself.
    m_client->setReadEnabled(true);
    m_client->shutdownWrite();
}

void ProxySession::onClientGone()
{
    if (m_state == State::Done)
        return;
    if (m_closeReason.isEmpty())
        m_closeReason = m_state == State::Open ? QStringLiteral("client went away")
                                               : QStringLiteral("client left during handshake");
    closeTarget();
    finish(m_closeReason);
}

void ProxySession::onTargetGone()
{
    if (m_state != State::Open)
        return;
    closeWebSocket(1000, QStringLiteral("the VNC server closed the connection"));
}

void ProxySession::closeTarget()
{
    if (m_connector) {
        m_connector->disconnect(this);
        m_connector->abort();
    }
    if (m_target) {
        m_target->setCallbacks({});
        // What the client sent last still reaches the VNC server if the kernel took it;
        // a remainder stuck in our buffer is dropped with the session.
        m_target->shutdownWrite();
        m_target->abort();
    }
}

void ProxySession::tick(qint64 nowMs)
{
    const ProxyConfig &config = m_proxy->config();
    switch (m_state) {
    case State::RpcBody:
        if (nowMs - m_stateSinceMs >= config.handshakeTimeoutMs)
            finish(QStringLiteral("XML-RPC body did not arrive in time"));
        break;
    case State::RpcWait:
        break; // the gateway answers within its oned timeout
    case State::Sniffing:
    case State::Tls:
    case State::Handshake:
        if (nowMs - m_stateSinceMs >= config.handshakeTimeoutMs) {
            ++m_proxy->metrics().refused["handshake_timeout"];
            if (m_state == State::Handshake) {
                answerHttp(WebRoot::simpleResponse(408, "Request Timeout",
                               QStringLiteral("the request head did not arrive within %1 s")
                                   .arg(config.handshakeTimeoutMs / 1000)),
                    QStringLiteral("handshake timeout"));
            } else {
                finish(QStringLiteral("handshake timeout"));
            }
        }
        break;
    case State::LookingUp:
        if (nowMs - m_stateSinceMs >= config.handshakeTimeoutMs) {
            const auto refusal = ProxyHandshake::refusalFor(m_token,
                TokenLookup::error(QStringLiteral("no answer within %1 s").arg(config.handshakeTimeoutMs / 1000)));
            closeWebSocket(refusal->code, refusal->reason, refusal->label, refusal->detail);
        }
        break;
    case State::Connecting:
        if (nowMs - m_stateSinceMs >= config.handshakeTimeoutMs)
            closeWebSocket(ProxyCloseCode::BadGateway,
                QStringLiteral("the VNC server of this token did not answer within %1 s")
                    .arg(config.handshakeTimeoutMs / 1000),
                "target_down", QStringLiteral("target %1").arg(m_targetAddress.toString()));
        break;
    case State::Open:
        if (config.closeOnRevoke && m_tokenExpiresAt.isValid() && QDateTime::currentDateTimeUtc() >= m_tokenExpiresAt) {
            closeWebSocket(1008, QStringLiteral("token expired"));
        } else if (config.idleTimeoutSeconds > 0
            // Data in either direction, not the client's pongs: a browser answers the
            // heartbeat by itself, so counting those no session ever went idle.
            && nowMs - m_relay->lastDataMs() >= qint64(config.idleTimeoutSeconds) * 1000) {
            closeWebSocket(1000, QStringLiteral("idle for %1 s").arg(config.idleTimeoutSeconds));
        } else if (config.heartbeatSeconds > 0 && nowMs - m_lastPingMs >= qint64(config.heartbeatSeconds) * 1000) {
            m_lastPingMs = nowMs;
            sendFrame(WebSocketWire::Ping, "porthole");
        }
        break;
    case State::Draining:
        if (nowMs - m_stateSinceMs >= kDrainMs)
            finish(m_closeReason);
        break;
    case State::Done:
        break;
    }
}

void ProxySession::shutdown()
{
    switch (m_state) {
    case State::Open:
    case State::Connecting:
        closeWebSocket(1001, QStringLiteral("proxy is shutting down"));
        break;
    case State::Draining:
        break;
    default:
        finish(QStringLiteral("proxy is shutting down"));
        break;
    }
}

void ProxySession::finish(const QString &reason)
{
    if (m_state == State::Done)
        return;
    const bool wasSession = m_counted || !m_token.isEmpty();
    m_state = State::Done;
    if (m_relay)
        m_relay->stop();
    if (m_client) {
        m_client->setCallbacks({});
        m_client->abort();
    }
    closeTarget();
    if (!m_client && m_transport == Transport::Sniff)
        ::close(int(m_descriptor));
    if (wasSession || m_proxy->config().verbose) {
        const double seconds = double(m_proxy->nowMs() - m_startMs) / 1000.0;
        m_proxy->logSession(QStringLiteral(
            "session closed: client %1 token %2 target %3 bytes to target %4 to client %5 duration %6 s: %7")
                                .arg(m_peer.isEmpty() ? QStringLiteral("?") : m_peer,
                                    m_token.isEmpty() ? QStringLiteral("-") : redact(m_token),
                                    m_targetAddress.isValid() ? m_targetAddress.toString() : QStringLiteral("-"))
                                .arg(bytesToTarget())
                                .arg(bytesToClient())
                                .arg(seconds, 0, 'f', 1)
                                .arg(reason));
    }
    m_proxy->sessionFinished(this);
}

} // namespace Porthole
