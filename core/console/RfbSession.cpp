// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/RfbSession.h"

#include "base/Logging.h"
#include "base/Redact.h"
#include "console/CloseVerdict.h"
#include "console/RfbGreeting.h"
#include "console/SocketPairBridge.h"
#include "console/SshTunnelTransport.h"
#include "console/TcpTransport.h"
#include "console/WebSocketTransport.h"
#include "ssh/SshConnectionPool.h"

#include <algorithm>
#include <cstring>
#include <rfb/rfbconfig.h>

namespace Porthole {

QString RfbSession::libraryVersion()
{
    return QStringLiteral("libvncclient " LIBVNCSERVER_VERSION);
}

namespace {

QString seconds(int ms)
{
    return QString::number(ms / 1000.0, 'g', 3);
}

} // namespace

RfbSession::RfbSession(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Porthole::ConsoleError>();
    m_connectTimer.setSingleShot(true);
    connect(&m_connectTimer, &QTimer::timeout, this, [this] {
        finishWithError(ConsoleError::Timeout,
            QStringLiteral("no console answered at %1 within %2 s")
                .arg(m_url.displayString(), seconds(m_options.connectTimeoutMs)));
    });
}

RfbSession::~RfbSession()
{
    stopWorker();
    if (m_transport)
        m_transport->disconnect(this);
}

void RfbSession::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

std::unique_ptr<ConsoleTransport> RfbSession::makeTransport(
    const ConsoleUrl &url, const Options &options, QString *error)
{
    if (url.isWebSocket()) {
        WebSocketTransport::Options wsOptions;
        wsOptions.pingIntervalMs = options.pingIntervalMs;
        wsOptions.pongTimeoutMs = options.pongTimeoutMs;
        wsOptions.caFile = options.wssCaFile;
        wsOptions.pin = options.wssPin;
        return std::make_unique<WebSocketTransport>(url.webSocketUrl(), wsOptions);
    }
    if (!url.via().isEmpty()) {
        const std::optional<SshTarget> jump = SshTarget::parse(url.via(), error);
        if (!jump)
            return nullptr;
        return std::make_unique<SshTunnelTransport>(
            SshConnectionPool::shared().acquire(*jump, options.ssh, options.sshSecrets), url.host(),
            quint16(url.port()));
    }
    return std::make_unique<TcpTransport>(url.host(), quint16(url.port()));
}

void RfbSession::open(const ConsoleUrl &url, const Options &options)
{
    QString error;
    std::unique_ptr<ConsoleTransport> transport = makeTransport(url, options, &error);
    if (!transport) {
        close();
        m_url = url;
        setState(State::Connecting);
        finishWithError(ConsoleError::InvalidUrl, error);
        return;
    }
    open(std::move(transport), url, options);
}

void RfbSession::open(std::unique_ptr<ConsoleTransport> transport, const ConsoleUrl &url, const Options &options)
{
    if (m_state == State::Connecting || m_state == State::Handshaking || m_state == State::Connected)
        close();
    stopWorker();
    // open() may run inside a slot of the previous transport's own signal (a reconnect
    // from errorOccurred): retire the old pieces later, never under their feet.
    if (m_transport) {
        m_transport->disconnect(this);
        m_transport.release()->deleteLater();
    }
    if (m_bridge)
        m_bridge.release()->deleteLater();
    m_url = url;
    m_options = options;
    m_password = options.password ? options.password : url.password();
    m_error = ConsoleError::None;
    m_errorText.clear();
    m_desktopName.clear();
    m_desktopSize = QSize();
    m_extendedKeys = false;
    m_remoteResize = false;
    m_frames = 0;
    m_updates = 0;
    m_firstFrameMs = -1;
    {
        QMutexLocker lock(&m_frameMutex);
        m_front = QImage();
        m_pendingDirty = QRegion();
        m_coverage = QRegion();
        m_coverageComplete = false;
        m_firstFullFrameEmitted = false;
    }
    m_clock.start();
    setState(State::Connecting);

    m_transport = std::move(transport);
    m_bridge = std::make_unique<SocketPairBridge>();
    QString error;
    if (!m_bridge->create(&error)) {
        finishWithError(ConsoleError::Internal, error);
        return;
    }
    m_bridge->attach(m_transport.get());
    connect(m_transport.get(), &ConsoleTransport::opened, this, [this] {
        setState(State::Handshaking);
        startWorker();
    });
    connect(m_transport.get(), &ConsoleTransport::closed, this, &RfbSession::onTransportClosed);
    if (options.connectTimeoutMs > 0)
        m_connectTimer.start(options.connectTimeoutMs);
    qCInfo(lcConsole) << "connecting to" << url.displayString();
    m_transport->open();
}

void RfbSession::close()
{
    if (m_state == State::Idle || m_state == State::Closed || m_state == State::Failed)
        return;
    m_connectTimer.stop();
    stopWorker();
    closeTransport();
    setState(State::Closed);
    Q_EMIT closed();
}

void RfbSession::startWorker()
{
    RfbWorker::Config config;
    config.serverHost = m_url.host().toUtf8();
    config.serverPort = m_url.port();
    config.password = m_password;
    config.username = m_options.username;
    config.caFile = m_options.vencryptCaFile;
    config.encodings = m_options.encodings;
    config.quality = m_options.jpegQuality;
    config.compress = m_options.compressLevel;
    config.lossless = m_options.lossless;
    config.remoteCursor = m_options.remoteCursor;
    config.extendedDesktopSize = m_options.extendedDesktopSize;
    m_worker = std::make_unique<RfbWorker>(this, m_bridge->takeLibraryFd(), config);
    m_worker->start();
}

void RfbSession::stopWorker()
{
    if (!m_worker)
        return;
    // A read blocked inside libvncclient returns once our end is shut down.
    if (m_bridge)
        m_bridge->shutdownBoth();
    m_worker->stopAndJoin();
    m_worker.reset();
}

void RfbSession::closeTransport()
{
    if (!m_transport)
        return;
    // Our own close must not come back as closed() and be judged as a failure.
    m_transport->disconnect(this);
    m_transport->close();
}

void RfbSession::onTransportClosed()
{
    // With a worker running, the bridge hands it EOF and its failure report decides the
    // error, knowing what the transport saw; before that, the transport alone decides.
    if (m_state == State::Connecting)
        decideTransportError();
}

void RfbSession::decideTransportError()
{
    const TransportObservation &o = m_transport->observation();
    const QString peer = m_transport->peerDescription();
    const QString where = QStringLiteral("%1:%2").arg(m_url.host()).arg(m_url.port());
    if (o.verdict != ConsoleError::None) {
        finishWithError(o.verdict, o.verdictText);
        return;
    }
    if (o.tlsFailed) {
        finishWithError(ConsoleError::TlsFailure,
            QStringLiteral("the TLS handshake with %1 failed: %2")
                .arg(where, o.tlsDetails.isEmpty() ? o.errorString : o.tlsDetails));
        return;
    }
    if (!m_url.isWebSocket()) {
        finishWithError(ConsoleError::ServerUnreachable,
            QStringLiteral("cannot reach the VNC server at %1: %2")
                .arg(where, o.errorString.isEmpty() ? QStringLiteral("connection closed") : o.errorString));
        return;
    }
    if (o.httpStatus >= 300) {
        finishWithError(ConsoleError::TokenRefused,
            QStringLiteral("the proxy at %1 refused the WebSocket upgrade with HTTP %2 (%3)")
                .arg(where)
                .arg(o.httpStatus)
                .arg(o.errorString));
        return;
    }
    switch (o.socketError) {
    case QAbstractSocket::RemoteHostClosedError:
        if (o.hasSocketError) {
            finishWithError(ConsoleError::TokenRefused,
                QStringLiteral("the proxy closed the connection before the WebSocket handshake: "
                               "the token is probably unknown or expired (%1)")
                    .arg(peer));
            return;
        }
        break;
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        finishWithError(
            ConsoleError::TlsFailure, QStringLiteral("the TLS handshake with %1 failed: %2").arg(where, o.errorString));
        return;
    default:
        break;
    }
    finishWithError(ConsoleError::ProxyUnreachable,
        QStringLiteral("cannot reach the console proxy at %1: %2")
            .arg(where, o.errorString.isEmpty() ? QStringLiteral("connection closed") : o.errorString));
}

void RfbSession::finishWithError(ConsoleError error, const QString &text)
{
    if (m_state == State::Closed || m_state == State::Failed)
        return;
    m_connectTimer.stop();
    m_error = error;
    m_errorText = text;
    qCInfo(lcConsole) << "console failed:" << consoleErrorId(error) << text;
    stopWorker();
    closeTransport();
    setState(State::Failed);
    Q_EMIT errorOccurred(error, text);
    Q_EMIT closed();
}

// ---- worker-thread entry points: only queued calls and the frame lock ----

void RfbSession::workerHandshakeDone(const QString &name, const QSize &size)
{
    QMetaObject::invokeMethod(
        this,
        [this, name, size] {
            if (m_state != State::Handshaking)
                return;
            m_connectTimer.stop();
            m_desktopName = name;
            m_desktopSize = size;
            qCInfo(lcConsole) << "connected to" << name << size << "after" << m_clock.elapsed() << "ms";
            setState(State::Connected);
            Q_EMIT desktopNameChanged(name);
            Q_EMIT connected();
        },
        Qt::QueuedConnection);
}

void RfbSession::workerPublish(const uchar *frameBuffer, const QSize &size, const QRegion &dirty)
{
    {
        QMutexLocker lock(&m_frameMutex);
        const QRect all(QPoint(0, 0), size);
        QRegion changed = dirty;
        if (m_front.size() != size) {
            m_front = QImage(size, QImage::Format_RGB32);
            changed = all;
            m_coverage = QRegion();
        }
        const qsizetype stride = qsizetype(size.width()) * 4;
        for (const QRect &r : changed) {
            for (int y = r.top(); y <= r.bottom(); ++y)
                std::memcpy(m_front.scanLine(y) + qsizetype(r.left()) * 4,
                    frameBuffer + y * stride + qsizetype(r.left()) * 4, size_t(r.width()) * 4);
        }
        m_pendingDirty += changed;
        if (!m_coverageComplete) {
            m_coverage += dirty;
            m_coverageComplete = QRegion(all).subtracted(m_coverage).isEmpty();
        }
    }
    ++m_updates;
    // One queued delivery at a time: a slow GUI sees coalesced regions, never a backlog.
    if (!m_framePosted.exchange(true))
        QMetaObject::invokeMethod(this, &RfbSession::deliverFrame, Qt::QueuedConnection);
}

void RfbSession::deliverFrame()
{
    QRegion region;
    QSize size;
    bool complete = false;
    {
        QMutexLocker lock(&m_frameMutex);
        region = m_pendingDirty;
        m_pendingDirty = QRegion();
        size = m_front.size();
        complete = m_coverageComplete;
        m_framePosted = false;
    }
    if (m_state != State::Connected || region.isEmpty())
        return;
    ++m_frames;
    if (size != m_desktopSize) {
        m_desktopSize = size;
        Q_EMIT desktopResized(size);
    }
    Q_EMIT frameUpdated(region);
    if (complete && !m_firstFullFrameEmitted) {
        m_firstFullFrameEmitted = true;
        m_firstFrameMs = m_clock.elapsed();
        Q_EMIT firstFullFrame();
    }
}

void RfbSession::workerCapabilities(bool extendedKeys, bool remoteResize)
{
    QMetaObject::invokeMethod(
        this,
        [this, extendedKeys, remoteResize] {
            m_extendedKeys = extendedKeys;
            m_remoteResize = remoteResize;
            Q_EMIT capabilitiesChanged();
        },
        Qt::QueuedConnection);
}

void RfbSession::workerCursor(const QImage &shape, const QPoint &hotspot)
{
    QMetaObject::invokeMethod(
        this, [this, shape, hotspot] { Q_EMIT cursorShapeChanged(shape, hotspot); }, Qt::QueuedConnection);
}

void RfbSession::workerCutText(const QString &text)
{
    QMetaObject::invokeMethod(
        this, [this, text] { Q_EMIT serverClipboard(text); }, Qt::QueuedConnection);
}

void RfbSession::workerBell()
{
    QMetaObject::invokeMethod(
        this, [this] { Q_EMIT bell(); }, Qt::QueuedConnection);
}

void RfbSession::workerFailed(const RfbWorker::Failure &failure)
{
    QMetaObject::invokeMethod(
        this,
        [this, failure] {
            if (m_state != State::Handshaking && m_state != State::Connected)
                return;
            const TransportObservation &o = m_transport->observation();
            const QString where = QStringLiteral("%1:%2").arg(m_url.host()).arg(m_url.port());
            const QString detail = failure.lastLog.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(failure.lastLog);
            if (o.verdict != ConsoleError::None && o.closed && !o.closedByUs) {
                finishWithError(o.verdict, o.verdictText);
                return;
            }
            if (o.closeFrameReceived
                && (o.closeCode == 1011
                    || (failure.duringHandshake && failure.serverMajor == 0 && m_bridge->bytesToLibrary() == 0))) {
                // A close before the VNC server said anything: the proxy's close code says why.
                const CloseVerdict verdict = CloseVerdict::beforeRfb(o.closeCode, o.closeReason, where);
                finishWithError(verdict.error, verdict.meaning);
                return;
            }
            if (o.keepaliveTimedOut) {
                finishWithError(ConsoleError::ConnectionLost,
                    QStringLiteral("the connection to %1 was lost: %2").arg(where, o.errorString));
                return;
            }
            if (failure.absurdSize) {
                finishWithError(ConsoleError::ProtocolError,
                    QStringLiteral("the VNC server announced an impossible desktop size%1").arg(detail));
                return;
            }
            if (failure.duringHandshake) {
                decideHandshakeFailure(failure, where, detail);
                return;
            }
            if (o.closed && !o.closedByUs) {
                QString why = o.keepaliveTimedOut ? o.errorString
                    : o.closeFrameReceived
                    ? QStringLiteral("closed with code %1%2")
                          .arg(o.closeCode)
                          .arg(o.closeReason.isEmpty() ? QString() : u" \"" + o.closeReason + u'"')
                    : (o.errorString.isEmpty() ? QStringLiteral("the peer closed the connection") : o.errorString);
                finishWithError(
                    ConsoleError::ConnectionLost, QStringLiteral("the connection to %1 was lost: %2").arg(where, why));
                return;
            }
            finishWithError(ConsoleError::ProtocolError,
                QStringLiteral("the VNC server at %1 sent something this client cannot read%2").arg(where, detail));
        },
        Qt::QueuedConnection);
}

void RfbSession::decideHandshakeFailure(const RfbWorker::Failure &failure, const QString &where, const QString &detail)
{
    const TransportObservation &o = m_transport->observation();
    const RfbGreeting greeting = RfbGreeting::parse(m_bridge->greeting(), int(failure.authScheme));
    if (failure.passwordMissing) {
        finishWithError(
            ConsoleError::PasswordRequired, QStringLiteral("the VNC server asks for a password and none was given"));
        return;
    }
    if (failure.serverMajor == 0) {
        // No valid ProtocolVersion: nothing came, or something that is not RFB.
        if (m_bridge->bytesToLibrary() == 0 && o.closed) {
            if (m_url.isWebSocket())
                finishWithError(ConsoleError::TargetDown,
                    QStringLiteral("the VNC server behind the proxy is down: the proxy at %1 "
                                   "closed the connection before the server said anything%2")
                        .arg(where, o.closeReason.isEmpty() ? QString() : u" (" + o.closeReason + u')'));
            else
                finishWithError(ConsoleError::ServerUnreachable,
                    QStringLiteral("the VNC server at %1 closed the connection before saying anything").arg(where));
            return;
        }
        if (m_bridge->greeting().size() >= 12) {
            finishWithError(ConsoleError::ProtocolError,
                QStringLiteral("the peer at %1 does not speak RFB (no \"RFB xxx.yyy\" greeting)%2").arg(where, detail));
            return;
        }
    } else if (failure.authScheme == 0) {
        // A valid greeting, but no security type was chosen.
        if (greeting.refused) {
            finishWithError(ConsoleError::UnsupportedSecurity,
                QStringLiteral("the VNC server at %1 refused the connection%2")
                    .arg(where, greeting.refusalReason.isEmpty() ? QString() : u": " + greeting.refusalReason));
            return;
        }
        if (greeting.typesComplete
            && std::none_of(
                greeting.securityTypes.cbegin(), greeting.securityTypes.cend(), RfbGreeting::clientSupports)) {
            QStringList offered;
            for (const int type : greeting.securityTypes)
                offered << QString::number(type);
            finishWithError(ConsoleError::UnsupportedSecurity,
                QStringLiteral("the VNC server offers no security type Porthole supports (it offers %1; Porthole "
                               "speaks None, VncAuth, VeNCrypt and TLS)")
                    .arg(offered.join(QStringLiteral(", "))));
            return;
        }
    } else if ((failure.authScheme == 18 || failure.authScheme == 19) && !failure.authAttempted) {
        // TLS inside RFB (libvncclient's GnuTLS); the transport cannot see it.
        if (failure.authScheme == 19 && failure.subAuthScheme == 0) {
            finishWithError(ConsoleError::UnsupportedSecurity,
                QStringLiteral("the VNC server offers no VeNCrypt subtype Porthole supports%1").arg(detail));
            return;
        }
        finishWithError(ConsoleError::TlsFailure,
            QStringLiteral("the VNC server's VeNCrypt TLS handshake failed%1; for X509 "
                           "give the CA that signed the server's certificate")
                .arg(detail));
        return;
    } else if (failure.authAttempted && greeting.securityResult != RfbGreeting::Result::Ok) {
        // Failed, or unseen inside TLS: the server ended the handshake after our password.
        const QString reason
            = greeting.failureReason.isEmpty() ? detail : QStringLiteral(" (%1)").arg(greeting.failureReason);
        finishWithError(
            ConsoleError::WrongPassword, QStringLiteral("the VNC server rejected the password%1").arg(reason));
        return;
    }
    finishWithError(
        ConsoleError::ProtocolError, QStringLiteral("the RFB handshake with %1 failed%2").arg(where, detail));
}

// ---- GUI-side API ----

qint64 RfbSession::bytesReceived() const
{
    return m_bridge ? m_bridge->bytesToLibrary() : 0;
}

qint64 RfbSession::roundTripMs() const
{
    const auto *ws = qobject_cast<const WebSocketTransport *>(m_transport.get());
    return ws ? ws->lastRoundTripMs() : -1;
}

QImage RfbSession::frame() const
{
    QMutexLocker lock(&m_frameMutex);
    return m_front.copy();
}

void RfbSession::withFrame(const std::function<void(const QImage &)> &f) const
{
    QMutexLocker lock(&m_frameMutex);
    f(m_front);
}

void RfbSession::post(const RfbCommand &command)
{
    if (m_state == State::Connected && m_worker)
        m_worker->post(command);
}

void RfbSession::sendKey(quint32 keysym, bool down)
{
    RfbCommand c;
    c.type = RfbCommand::Type::Key;
    c.keysym = keysym;
    c.down = down;
    post(c);
}

void RfbSession::sendExtendedKey(quint32 keysym, quint32 xtScancode, bool down)
{
    RfbCommand c;
    c.type = RfbCommand::Type::ExtendedKey;
    c.keysym = keysym;
    c.scancode = xtScancode;
    c.down = down;
    post(c);
}

void RfbSession::sendPointer(int x, int y, int buttonMask)
{
    RfbCommand c;
    c.type = RfbCommand::Type::Pointer;
    c.x = x;
    c.y = y;
    c.buttons = buttonMask;
    post(c);
}

bool RfbSession::sendClipboard(const QString &text)
{
    bool lossless = true;
    for (QChar ch : text)
        if (ch.unicode() > 0xff)
            lossless = false;
    RfbCommand c;
    c.type = RfbCommand::Type::CutText;
    c.text = text.toLatin1();
    post(c);
    return lossless;
}

void RfbSession::requestResize(const QSize &size)
{
    RfbCommand c;
    c.type = RfbCommand::Type::Resize;
    c.x = size.width();
    c.y = size.height();
    post(c);
}

void RfbSession::requestUpdate(bool incremental)
{
    RfbCommand c;
    c.type = RfbCommand::Type::UpdateRequest;
    c.incremental = incremental;
    post(c);
}

} // namespace Porthole
