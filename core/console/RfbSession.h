// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "base/CertificatePin.h"
#include "console/ConsoleError.h"
#include "console/RfbWorker.h"
#include "ssh/SshConnection.h"
#include "tokens/ConsoleUrl.h"

#include <QElapsedTimer>
#include <QImage>
#include <QMutex>
#include <QObject>
#include <QPoint>
#include <QPointer>
#include <QRegion>
#include <QSize>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

namespace Porthole {

class ConsoleTransport;
class SocketPairBridge;

// One console connection, GUI-thread facing. Owns the transport, the socket pair and
// the RFB worker thread; input goes to the worker as queued commands, and everything
// the server says comes back as queued signals. Nothing here blocks for the network.
class RfbSession : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Connecting,
        Handshaking,
        Connected,
        Closed,
        Failed
    };
    Q_ENUM(State)

    // "libvncclient 0.9.14", for --version and About.
    static QString libraryVersion();

    struct Options
    {
        std::optional<QString> password; // overrides a password carried by the URL
        QString username; // VeNCrypt Plain
        QString vencryptCaFile; // VeNCrypt X509 CA (libvncclient has no system CA fallback)
        QString wssCaFile; // extra CA for wss://
        CertificatePin wssPin; // trust exactly this wss certificate
        QByteArray encodings = "tight zrle hextile copyrect raw";
        int jpegQuality = 6; // 0-9
        int compressLevel = 2; // 0-9
        bool lossless = false;
        bool remoteCursor = true;
        RfbWorker::ExtendedDesktopSize extendedDesktopSize = RfbWorker::ExtendedDesktopSize::Auto;
        int connectTimeoutMs = 30000; // transport open plus RFB handshake
        int pingIntervalMs = 10000;
        int pongTimeoutMs = 15000;
        // vnc:// with via(): the jump host's known_hosts, config, keys and agent, and any
        // secrets given up front. Connections are shared (SshConnectionPool::shared()).
        SshLink::Options ssh;
        SshConnection::Secrets sshSecrets;
    };

    // The transport open(url) would use: WebSocket, TCP, or an SSH tunnel for vnc:// with
    // via(); null with *error (an invalid via) otherwise. Also used by ConsoleForwarder.
    static std::unique_ptr<ConsoleTransport> makeTransport(
        const ConsoleUrl &url, const Options &options, QString *error);

    explicit RfbSession(QObject *parent = nullptr);
    ~RfbSession() override;

    void open(const ConsoleUrl &url, const Options &options);
    void open(const ConsoleUrl &url) { open(url, Options()); }
    // Takes a channel rather than a host: any transport the caller made (in-memory in
    // tests); url names the peer in messages and gives the VeNCrypt host name.
    void open(std::unique_ptr<ConsoleTransport> transport, const ConsoleUrl &url, const Options &options);
    // Ends the session; the worker thread is gone when this returns.
    void close();

    State state() const { return m_state; }
    ConsoleError error() const { return m_error; }
    QString errorText() const { return m_errorText; }
    QString desktopName() const { return m_desktopName; }
    QSize desktopSize() const { return m_desktopSize; }
    bool supportsExtendedKeys() const { return m_extendedKeys; }
    bool supportsRemoteResize() const { return m_remoteResize; }
    // FramebufferUpdates with pixels, counted on the worker (not coalesced like frameUpdated).
    qint64 framesReceived() const { return m_updates.load(); }
    qint64 bytesReceived() const;
    // Round trip of the last answered WebSocket ping in ms; -1 before one (or over TCP).
    qint64 roundTripMs() const;
    // ms from open() to the first complete frame; -1 before it.
    qint64 firstFrameMs() const { return m_firstFrameMs; }

    // A deep copy of the front image (Format_RGB32), consistent at an update boundary.
    QImage frame() const;
    // Paints from the front image without copying it; f runs under the frame lock.
    void withFrame(const std::function<void(const QImage &)> &f) const;

    // Input, queued to the worker; ignored unless connected.
    void sendKey(quint32 keysym, bool down);
    // Sent as a QEMU extended key event when the server offers it, else as keysym.
    void sendExtendedKey(quint32 keysym, quint32 xtScancode, bool down);
    void sendPointer(int x, int y, int buttonMask);
    // libvncclient 0.9.14 clipboard is Latin-1; returns false when characters were lost.
    bool sendClipboard(const QString &text);
    void requestResize(const QSize &size);
    void requestUpdate(bool incremental = false);

    // Worker-thread entry points (called by RfbWorker only).
    void workerHandshakeDone(const QString &name, const QSize &size);
    void workerPublish(const uchar *frameBuffer, const QSize &size, const QRegion &dirty);
    void workerCapabilities(bool extendedKeys, bool remoteResize);
    void workerCursor(const QImage &shape, const QPoint &hotspot);
    void workerCutText(const QString &text);
    void workerBell();
    void workerFailed(const RfbWorker::Failure &failure);
    std::optional<QString> workerPassword() const { return m_password; }

Q_SIGNALS:
    void stateChanged(Porthole::RfbSession::State state);
    void connected();
    // The front image changed in `dirty`; read it with frame()/withFrame().
    void frameUpdated(const QRegion &dirty);
    // Every pixel has been received at least once since connecting.
    void firstFullFrame();
    void desktopResized(const QSize &size);
    void desktopNameChanged(const QString &name);
    void capabilitiesChanged();
    void cursorShapeChanged(const QImage &shape, const QPoint &hotspot);
    void bell();
    void serverClipboard(const QString &text);
    void errorOccurred(Porthole::ConsoleError error, const QString &text);
    void closed();

private:
    // The error of a handshake that failed, decided from typed facts (libvncclient's fields,
    // the clear greeting bytes, the transport's observation); the log line is only detail.
    void decideHandshakeFailure(const RfbWorker::Failure &failure, const QString &where, const QString &detail);
    void setState(State state);
    void startWorker();
    void stopWorker();
    void onTransportClosed();
    void closeTransport();
    void deliverFrame();
    void finishWithError(ConsoleError error, const QString &text);
    void decideTransportError();
    void post(const RfbCommand &command);

    State m_state = State::Idle;
    ConsoleUrl m_url;
    Options m_options;
    std::optional<QString> m_password;
    ConsoleError m_error = ConsoleError::None;
    QString m_errorText;
    QString m_desktopName;
    QSize m_desktopSize;
    bool m_extendedKeys = false;
    bool m_remoteResize = false;
    qint64 m_frames = 0;
    qint64 m_firstFrameMs = -1;
    QElapsedTimer m_clock;
    QTimer m_connectTimer;

    std::unique_ptr<ConsoleTransport> m_transport;
    std::unique_ptr<SocketPairBridge> m_bridge;
    std::unique_ptr<RfbWorker> m_worker;

    // Shared with the worker thread.
    mutable QMutex m_frameMutex;
    QImage m_front;
    QRegion m_pendingDirty;
    QRegion m_coverage;
    bool m_coverageComplete = false;
    bool m_firstFullFrameEmitted = false;
    std::atomic<bool> m_framePosted {false};
    std::atomic<qint64> m_updates {0};
};

} // namespace Porthole
