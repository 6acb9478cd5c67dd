// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "console/RfbCommand.h"

#include <QByteArray>
#include <QImage>
#include <QRegion>
#include <QSize>
#include <QString>

#include <atomic>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>

struct _rfbClient;

namespace Porthole {

class RfbSession;

// The one thread that touches an rfbClient. It owns the library's end of the socket
// pair, takes commands from a queue woken by an eventfd, and reports to its session
// only through RfbSession's worker-side entry points (which post queued calls).
class RfbWorker
{
public:
    // Larger is a hostile or broken ServerInit, not a desktop (and w*h*4 must fit); the
    // console probe applies the same bound, so it passes exactly what a session accepts.
    static constexpr int kMaxDimension = 16384;

    enum class ExtendedDesktopSize
    {
        Auto,
        On,
        Off
    };

    struct Config
    {
        QByteArray serverHost; // for VeNCrypt X509 name checks; never used to connect
        int serverPort = 0;
        std::optional<QString> password;
        QString username;
        QString caFile;
        QByteArray encodings = "tight zrle hextile copyrect raw";
        int quality = 6;
        int compress = 2;
        bool lossless = false;
        bool remoteCursor = true;
        ExtendedDesktopSize extendedDesktopSize = ExtendedDesktopSize::Auto;
    };

    // What made the worker stop, for RfbSession's error decision: libvncclient's typed
    // fields as the handshake left them, and what our callbacks saw. The log line is
    // detail for people, never the basis of the decision.
    struct Failure
    {
        bool duringHandshake = true;
        int serverMajor = 0; // 0: no valid ProtocolVersion arrived (libvncclient's major)
        int serverMinor = 0;
        quint32 authScheme = 0; // the security type chosen; 0: none was
        quint32 subAuthScheme = 0; // VeNCrypt's subtype; 0: none was chosen
        bool authAttempted = false; // a password or credential was asked for
        bool passwordMissing = false;
        bool absurdSize = false;
        QString lastLog;
    };

    RfbWorker(RfbSession *session, int fd, Config config);
    ~RfbWorker();

    void start();
    void post(const RfbCommand &command);
    // Asks the thread to end and waits for it; the caller first shuts the pair down so
    // a read blocked mid-message returns.
    void stopAndJoin();

    // Entry points for libvncclient's C callbacks (worker thread only).
    void noteLog(const QString &line);
    char *passwordForLibrary();
    void *credentialForLibrary(int type);
    bool allocateFrameBuffer(_rfbClient *client);
    void rectUpdated(int x, int y, int w, int h);
    void updateFinished(_rfbClient *client);
    void cursorShape(_rfbClient *client, int xhot, int yhot, int width, int height, int bytesPerPixel);
    void serverCutText(const char *text, int length);
    void bell();

private:
    void run();
    bool handshake(_rfbClient *client);
    bool sendEncodingsOverride(_rfbClient *client, bool withExtendedDesktopSize);
    bool execute(_rfbClient *client, const RfbCommand &command);
    bool sendDesktopSize(_rfbClient *client, int width, int height);
    bool sendQemuKey(_rfbClient *client, quint32 keysym, quint32 scancode, bool down);
    void fail(bool duringHandshake);

    RfbSession *m_session;
    int m_fd;
    int m_wakeFd = -1;
    Config m_config;
    std::thread m_thread;
    std::atomic<bool> m_stop {false};
    std::mutex m_queueMutex;
    std::deque<RfbCommand> m_queue;

    // Worker-thread state.
    _rfbClient *m_client = nullptr;
    QRegion m_dirty;
    Failure m_failure;
    // The server acknowledged QEMU extended key events. Kept here because a later
    // SupportedMessages rectangle overwrites the library's own flag.
    bool m_qemuKeys = false;
    bool m_announcedQemuKeys = false;
    bool m_announcedResize = false;
    QSize m_lastSize;
};

} // namespace Porthole
