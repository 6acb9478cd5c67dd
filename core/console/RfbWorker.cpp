// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/RfbWorker.h"

#include "base/Logging.h"
#include "console/RfbSession.h"

#include <QScopeGuard>
#include <QtEndian>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <gnutls/gnutls.h>
#include <iterator>
#include <poll.h>
#include <pthread.h>
#include <rfb/rfbclient.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace Porthole {

namespace {

// libvncclient logs through two global function pointers with no client argument;
// the worker running on this thread receives its own lines.
thread_local RfbWorker *t_worker = nullptr;

int s_clientTag = 0;

RfbWorker *workerOf(rfbClient *client)
{
    return static_cast<RfbWorker *>(rfbClientGetClientData(client, &s_clientTag));
}

void logHook(const char *format, ...)
{
    char line[1024];
    va_list args;
    va_start(args, format);
    std::vsnprintf(line, sizeof line, format, args);
    va_end(args);
    QString text = QString::fromLocal8Bit(line).trimmed();
    if (t_worker)
        t_worker->noteLog(text);
    else
        qCDebug(lcConsole) << "libvncclient:" << text;
}

void installLogHooks()
{
    static std::once_flag once;
    std::call_once(once, [] {
        rfbClientLog = logHook;
        rfbClientErr = logHook;
    });
}

rfbBool mallocFrameBuffer(rfbClient *client)
{
    return workerOf(client)->allocateFrameBuffer(client) ? TRUE : FALSE;
}

void gotUpdate(rfbClient *client, int x, int y, int w, int h)
{
    workerOf(client)->rectUpdated(x, y, w, h);
}

void finishedUpdate(rfbClient *client)
{
    workerOf(client)->updateFinished(client);
}

char *getPassword(rfbClient *client)
{
    return workerOf(client)->passwordForLibrary();
}

rfbCredential *getCredential(rfbClient *client, int type)
{
    return static_cast<rfbCredential *>(workerOf(client)->credentialForLibrary(type));
}

void gotCursorShape(rfbClient *client, int xhot, int yhot, int width, int height, int bytesPerPixel)
{
    workerOf(client)->cursorShape(client, xhot, yhot, width, height, bytesPerPixel);
}

void gotCutText(rfbClient *client, const char *text, int length)
{
    workerOf(client)->serverCutText(text, length);
}

void gotBell(rfbClient *client)
{
    workerOf(client)->bell();
}

char *dupOrNull(const QString &text)
{
    return text.isEmpty() ? nullptr : strdup(text.toUtf8().constData());
}

std::optional<qint32> encodingNumber(const QByteArray &name)
{
    static const std::pair<const char *, qint32> table[] = {
        {"raw", rfbEncodingRaw},
        {"copyrect", rfbEncodingCopyRect},
        {"rre", rfbEncodingRRE},
        {"corre", rfbEncodingCoRRE},
        {"hextile", rfbEncodingHextile},
        {"zlib", rfbEncodingZlib},
        {"tight", rfbEncodingTight},
        {"zlibhex", rfbEncodingZlibHex},
        {"ultra", rfbEncodingUltra},
        {"zrle", rfbEncodingZRLE},
        {"zywrle", rfbEncodingZYWRLE},
        {"trle", rfbEncodingTRLE},
    };
    for (const auto &[n, v] : table)
        if (name == n)
            return v;
    return std::nullopt;
}

// QEMU answers every SetEncodings naming -258 with a rectangle of that encoding that
// spans the whole screen and carries no pixels; libvncclient 0.9.14 reports it like a
// decoded one, which would publish a black screen as the first full frame. A rectangle
// without payload leaves its own header's encoding field right behind the read pointer.
bool isQemuKeyAck(const rfbClient *client)
{
    if (!SupportsClient2Server(const_cast<rfbClient *>(client), rfbQemuEvent))
        return false;
    if (client->bufoutptr - client->buf < 4)
        return false;
    return qFromBigEndian<quint32>(client->bufoutptr - 4) == quint32(rfbEncodingQemuExtendedKeyEvent);
}

} // namespace

RfbWorker::RfbWorker(RfbSession *session, int fd, Config config)
    : m_session(session)
    , m_fd(fd)
    , m_config(std::move(config))
{
    m_wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    installLogHooks();
}

RfbWorker::~RfbWorker()
{
    stopAndJoin();
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
    if (m_fd >= 0)
        ::close(m_fd); // never handed to a client (start() not called)
}

void RfbWorker::start()
{
    m_thread = std::thread([this] { run(); });
}

void RfbWorker::post(const RfbCommand &command)
{
    {
        std::lock_guard lock(m_queueMutex);
        m_queue.push_back(command);
    }
    const quint64 one = 1;
    [[maybe_unused]] const auto n = ::write(m_wakeFd, &one, sizeof one);
}

void RfbWorker::stopAndJoin()
{
    m_stop = true;
    const quint64 one = 1;
    [[maybe_unused]] const auto n = ::write(m_wakeFd, &one, sizeof one);
    if (m_thread.joinable())
        m_thread.join();
}

void RfbWorker::noteLog(const QString &line)
{
    if (!line.isEmpty())
        m_failure.lastLog = line;
    qCDebug(lcConsole) << "libvncclient:" << line;
}

char *RfbWorker::passwordForLibrary()
{
    m_failure.authAttempted = true;
    // The library free()s what we return.
    // libvncclient gives up on NULL or "" without freeing it, so hand it NULL.
    if (!m_config.password || m_config.password->isEmpty()) {
        m_failure.passwordMissing = true;
        return nullptr;
    }
    return strdup(m_config.password->toLatin1().constData());
}

void *RfbWorker::credentialForLibrary(int type)
{
    auto *credential = static_cast<rfbCredential *>(std::calloc(1, sizeof(rfbCredential)));
    if (type == rfbCredentialTypeX509) {
        credential->x509Credential.x509CACertFile = dupOrNull(m_config.caFile);
        credential->x509Credential.x509CrlVerifyMode = 0;
    } else if (type == rfbCredentialTypeUser) {
        m_failure.authAttempted = true;
        if (!m_config.password)
            m_failure.passwordMissing = true;
        credential->userCredential.username = strdup(m_config.username.toUtf8().constData());
        credential->userCredential.password = strdup(m_config.password.value_or(QString()).toUtf8().constData());
    }
    return credential;
}

bool RfbWorker::allocateFrameBuffer(_rfbClient *client)
{
    if (client->width <= 0 || client->height <= 0 || client->width > kMaxDimension || client->height > kMaxDimension) {
        m_failure.absurdSize = true;
        rfbClientErr("refusing a %dx%d desktop", client->width, client->height);
        return false;
    }
    // Decoders write into frameBuffer with stride width*4 and the library never frees it.
    std::free(client->frameBuffer);
    const size_t bytes = static_cast<size_t>(client->width) * static_cast<size_t>(client->height) * 4;
    client->frameBuffer = static_cast<uint8_t *>(std::calloc(1, bytes));
    if (!client->frameBuffer)
        return false;
    // A resize invalidates every pixel; the next update repaints all of them.
    m_dirty = QRegion();
    return true;
}

void RfbWorker::rectUpdated(int x, int y, int w, int h)
{
    m_qemuKeys = m_qemuKeys || SupportsClient2Server(m_client, rfbQemuEvent);
    if (isQemuKeyAck(m_client))
        return;
    m_dirty += QRect(x, y, w, h) & QRect(0, 0, m_client->width, m_client->height);
}

void RfbWorker::updateFinished(_rfbClient *client)
{
    // TigerVNC answers a full request with a pseudo-rect-only update first: nothing to show.
    if (!m_dirty.isEmpty()) {
        m_session->workerPublish(client->frameBuffer, QSize(client->width, client->height), m_dirty);
        m_dirty = QRegion();
    }
    m_qemuKeys = m_qemuKeys || SupportsClient2Server(client, rfbQemuEvent);
    // The server sent its screen layout (ExtendedDesktopSize), so SetDesktopSize can work.
    const bool resize = client->screen.width != 0;
    if (m_qemuKeys != m_announcedQemuKeys || resize != m_announcedResize) {
        m_announcedQemuKeys = m_qemuKeys;
        m_announcedResize = resize;
        m_session->workerCapabilities(m_qemuKeys, resize);
    }
}

// libvncclient 0.9.14's HandleCursorShape frees the previous rcSource but mallocs rcMask over the
// previous one, and rfbClientCleanup frees neither (fixed upstream in 0.9.15): a server streaming
// cursor shapes grew the client without bound. The mask is freed here once read, both at cleanup.
static void releaseCursorBuffers(_rfbClient *client)
{
    std::free(client->rcMask);
    client->rcMask = nullptr;
    std::free(client->rcSource);
    client->rcSource = nullptr;
}

void RfbWorker::cursorShape(_rfbClient *client, int xhot, int yhot, int width, int height, int bytesPerPixel)
{
    const auto freeMask = qScopeGuard([client] {
        std::free(client->rcMask);
        client->rcMask = nullptr;
    });
    if (!client->rcSource || !client->rcMask || bytesPerPixel != 4 || width <= 0 || height <= 0)
        return;
    QImage shape(width, height, QImage::Format_ARGB32);
    const auto *source = reinterpret_cast<const quint32 *>(client->rcSource);
    const uint8_t *mask = client->rcMask;
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<quint32 *>(shape.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const int i = y * width + x;
            line[x] = mask[i] ? (0xff000000u | (source[i] & 0x00ffffffu)) : 0u;
        }
    }
    m_session->workerCursor(shape, QPoint(xhot, yhot));
}

void RfbWorker::serverCutText(const char *text, int length)
{
    m_session->workerCutText(QString::fromLatin1(text, length));
}

void RfbWorker::bell()
{
    m_session->workerBell();
}

void RfbWorker::run()
{
    // libvncclient write()s with plain write(): a vanished peer must give EPIPE, not kill us.
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
    t_worker = this;

    rfbClient *client = rfbGetClient(8, 3, 4);
    m_client = client;
    // R at bit 16 makes the buffer exactly QImage::Format_RGB32 on little-endian.
    client->format.redShift = 16;
    client->format.greenShift = 8;
    client->format.blueShift = 0;
    client->sock = m_fd;
    m_fd = -1; // rfbClientCleanup closes it
    std::free(client->serverHost);
    client->serverHost = strdup(m_config.serverHost.constData());
    client->serverPort = m_config.serverPort;
    client->MallocFrameBuffer = mallocFrameBuffer;
    client->GotFrameBufferUpdate = gotUpdate;
    client->FinishedFrameBufferUpdate = finishedUpdate;
    client->GetPassword = getPassword;
    client->GetCredential = getCredential;
    client->GotCursorShape = gotCursorShape;
    client->GotXCutText = gotCutText;
    client->Bell = gotBell;
    client->canHandleNewFBSize = TRUE;
    client->appData.useRemoteCursor = m_config.remoteCursor ? TRUE : FALSE;
    client->appData.encodingsString = m_config.encodings.constData();
    client->appData.compressLevel = qBound(0, m_config.compress, 9);
    client->appData.qualityLevel = qBound(0, m_config.quality, 9);
    client->appData.enableJPEG = m_config.lossless ? FALSE : TRUE;
    rfbClientSetClientData(client, &s_clientTag, this);
    // Only the security types this client survives. 0.9.14 would also pick Apple ARD (30)
    // and UltraVNC MSLogon II (113), whose handlers pass the server's Diffie-Hellman
    // parameters unchecked to libgcrypt: zeros make it abort() the whole process before
    // any authentication, for anyone who speaks for the server.
    static const uint32_t kSchemes[] = {rfbNoAuth, rfbVncAuth, rfbVeNCrypt, rfbTLS};
    SetClientAuthSchemes(client, kSchemes, int(std::size(kSchemes)));
    // rfbGetClient presets our own version here; InitialiseRFBConnection writes the server's
    // only once a valid greeting arrived, so 0 tells "no greeting" after a failure.
    client->major = 0;
    client->minor = 0;

    bool ok = !m_stop && handshake(client);
    if (!ok && !m_stop)
        fail(true);

    while (ok && !m_stop) {
        bool pending = client->buffered > 0;
        // Decrypted bytes can sit inside GnuTLS while the socket is idle (VeNCrypt).
        if (!pending && client->tlsSession)
            pending = gnutls_record_check_pending(static_cast<gnutls_session_t>(client->tlsSession)) > 0;
        bool readable = pending;
        if (!pending) {
            pollfd fds[2] = {{client->sock, POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
            const int n = ::poll(fds, 2, -1);
            if (n < 0 && errno != EINTR) {
                ok = false;
                fail(false);
                break;
            }
            readable = (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0;
        }
        quint64 counter = 0;
        [[maybe_unused]] const auto drained = ::read(m_wakeFd, &counter, sizeof counter);
        std::deque<RfbCommand> commands;
        {
            std::lock_guard lock(m_queueMutex);
            commands.swap(m_queue);
        }
        for (const auto &command : commands) {
            if (command.type == RfbCommand::Type::Quit)
                m_stop = true;
            if (m_stop)
                break;
            if (!execute(client, command)) {
                ok = false;
                break;
            }
        }
        if (!ok) {
            if (!m_stop)
                fail(false);
            break;
        }
        if (m_stop)
            break;
        if (readable && !HandleRFBServerMessage(client)) {
            if (!m_stop)
                fail(false);
            break;
        }
    }

    std::free(client->frameBuffer);
    client->frameBuffer = nullptr;
    releaseCursorBuffers(client);
    rfbClientCleanup(client);
    m_client = nullptr;
    t_worker = nullptr;
}

bool RfbWorker::handshake(_rfbClient *client)
{
    // Approach B of docs/libvncclient-0.9.14-notes.md (§1): every step by hand so the fd and the client
    // stay ours on failure, and the SetEncodings override can follow.
    // GnuTLS is initialised on first use behind an unsynchronised global flag (and makes DH
    // parameters then): until one handshake has completed, run them one at a time.
    static std::mutex firstHandshake;
    static std::atomic<bool> initialised {false};
    if (!initialised.load()) {
        std::unique_lock lock(firstHandshake, std::defer_lock);
        // Waiting must not outlive a close(): another session's handshake may hang. A plain
        // try_lock and a short nap rather than timed_mutex::try_lock_for, whose
        // pthread_mutex_clocklock GCC 12's ThreadSanitizer cannot see (it then reports every
        // unlock as a bug); this wait happens only before the first handshake of the process.
        while (!lock.try_lock()) {
            if (m_stop)
                return false;
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        const bool ok = InitialiseRFBConnection(client) != 0;
        initialised = initialised.load() || ok;
        if (!ok)
            return false;
    } else if (!InitialiseRFBConnection(client)) {
        return false;
    }
    client->width = client->si.framebufferWidth;
    client->height = client->si.framebufferHeight;
    if (!client->MallocFrameBuffer(client))
        return false;
    if (!SetFormatAndEncodings(client))
        return false;
    const QString name = QString::fromUtf8(client->desktopName ? client->desktopName : "");
    bool extended = true;
    switch (m_config.extendedDesktopSize) {
    case ExtendedDesktopSize::On:
        break;
    case ExtendedDesktopSize::Off:
        extended = false;
        break;
    case ExtendedDesktopSize::Auto:
        // QEMU sends screen id 0, which 0.9.14 rejects and then drops the connection on the
        // next guest resolution change; without ExtendedDesktopSize QEMU uses DesktopSize.
        extended = !name.startsWith(QStringLiteral("QEMU"));
        break;
    }
    if (!sendEncodingsOverride(client, extended))
        return false;
    client->updateRect.x = 0;
    client->updateRect.y = 0;
    client->updateRect.w = client->width;
    client->updateRect.h = client->height;
    if (!SendFramebufferUpdateRequest(client, 0, 0, client->width, client->height, FALSE))
        return false;
    m_session->workerHandshakeDone(name, QSize(client->width, client->height));
    return true;
}

bool RfbWorker::sendEncodingsOverride(_rfbClient *client, bool withExtendedDesktopSize)
{
    QList<qint32> encodings;
    const auto names = m_config.encodings.simplified().split(' ');
    for (const auto &name : names)
        if (const auto number = encodingNumber(name.toLower()))
            encodings << *number;
    encodings << static_cast<qint32>(rfbEncodingCompressLevel0 + qBound(0, m_config.compress, 9));
    if (!m_config.lossless)
        encodings << static_cast<qint32>(rfbEncodingQualityLevel0 + qBound(0, m_config.quality, 9));
    if (m_config.remoteCursor)
        encodings << static_cast<qint32>(rfbEncodingXCursor) << static_cast<qint32>(rfbEncodingRichCursor);
    encodings << static_cast<qint32>(rfbEncodingNewFBSize) << static_cast<qint32>(rfbEncodingLastRect)
              << static_cast<qint32>(rfbEncodingQemuExtendedKeyEvent)
              << static_cast<qint32>(rfbEncodingSupportedMessages);
    if (withExtendedDesktopSize)
        encodings << static_cast<qint32>(rfbEncodingExtDesktopSize);

    QByteArray message(4 + 4 * encodings.size(), '\0');
    message[0] = char(rfbSetEncodings);
    qToBigEndian<quint16>(quint16(encodings.size()), message.data() + 2);
    for (qsizetype i = 0; i < encodings.size(); ++i)
        qToBigEndian<qint32>(encodings[i], message.data() + 4 + 4 * i);
    return WriteToRFBServer(client, message.constData(), static_cast<unsigned>(message.size())) != 0;
}

bool RfbWorker::sendQemuKey(_rfbClient *client, quint32 keysym, quint32 scancode, bool down)
{
    // libvncclient's SendExtendedKeyEvent trusts the flag a SupportedMessages rectangle clears.
    uchar message[sz_rfbQemuExtendedKeyEventMsg] = {rfbQemuEvent, 0};
    qToBigEndian<quint16>(down ? 1 : 0, message + 2);
    qToBigEndian<quint32>(keysym, message + 4);
    qToBigEndian<quint32>(scancode, message + 8);
    return WriteToRFBServer(client, reinterpret_cast<const char *>(message), sizeof message) != 0;
}

bool RfbWorker::execute(_rfbClient *client, const RfbCommand &command)
{
    switch (command.type) {
    case RfbCommand::Type::Key:
        return SendKeyEvent(client, command.keysym, command.down ? TRUE : FALSE) != 0;
    case RfbCommand::Type::ExtendedKey:
        if (m_qemuKeys)
            return sendQemuKey(client, command.keysym, command.scancode, command.down);
        return SendKeyEvent(client, command.keysym, command.down ? TRUE : FALSE) != 0;
    case RfbCommand::Type::Pointer:
        return SendPointerEvent(client, qMax(0, command.x), qMax(0, command.y), command.buttons) != 0;
    case RfbCommand::Type::CutText:
        return SendClientCutText(
                   client, const_cast<char *>(command.text.constData()), static_cast<int>(command.text.size()))
            != 0;
    case RfbCommand::Type::Resize:
        return sendDesktopSize(client, command.x, command.y);
    case RfbCommand::Type::UpdateRequest:
        return SendFramebufferUpdateRequest(
                   client, 0, 0, client->width, client->height, command.incremental ? TRUE : FALSE)
            != 0;
    case RfbCommand::Type::Quit:
        break;
    }
    return true;
}

bool RfbWorker::sendDesktopSize(_rfbClient *client, int width, int height)
{
    if (client->screen.width == 0) {
        qCInfo(lcConsole) << "the server did not offer ExtendedDesktopSize; resize request ignored";
        return true;
    }
    if (width <= 0 || height <= 0 || width > kMaxDimension || height > kMaxDimension)
        return true;
    // SendExtDesktopSize (0.9.14) sends uninitialised fields and blocks update requests,
    // so compose SetDesktopSize ourselves. client->screen is kept in network byte order.
    char message[24] = {};
    message[0] = char(rfbSetDesktopSize);
    qToBigEndian<quint16>(quint16(width), message + 2);
    qToBigEndian<quint16>(quint16(height), message + 4);
    message[6] = 1; // one screen
    std::memcpy(message + 8, &client->screen.id, 4);
    qToBigEndian<quint16>(quint16(width), message + 16);
    qToBigEndian<quint16>(quint16(height), message + 18);
    std::memcpy(message + 20, &client->screen.flags, 4);
    return WriteToRFBServer(client, message, sizeof message) != 0;
}

void RfbWorker::fail(bool duringHandshake)
{
    m_failure.duringHandshake = duringHandshake;
    if (m_client) {
        m_failure.serverMajor = m_client->major;
        m_failure.serverMinor = m_client->minor;
        m_failure.authScheme = m_client->authScheme;
        m_failure.subAuthScheme = m_client->subAuthScheme;
    }
    m_session->workerFailed(m_failure);
}

} // namespace Porthole
