// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/SocketPairBridge.h"

#include "base/Logging.h"
#include "console/ConsoleTransport.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Porthole {

namespace {
// A full 1920x1080 raw update is ~8 MiB; large buffers keep the two sides from
// ping-ponging on every 200 KiB.
constexpr int kBufferBytes = 4 * 1024 * 1024;
constexpr qsizetype kReadChunk = 256 * 1024;
} // namespace

SocketPairBridge::SocketPairBridge(QObject *parent)
    : QObject(parent)
{ }

SocketPairBridge::~SocketPairBridge()
{
    m_readNotifier.reset();
    m_writeNotifier.reset();
    if (m_qtFd >= 0)
        ::close(m_qtFd);
    if (m_libraryFd >= 0)
        ::close(m_libraryFd);
}

bool SocketPairBridge::create(QString *error)
{
    int fds[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
        if (error)
            *error
                = QStringLiteral("cannot create a socket pair: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    m_qtFd = fds[0];
    m_libraryFd = fds[1];
    for (int fd : fds) {
        ::setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &kBufferBytes, sizeof kBufferBytes);
        ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &kBufferBytes, sizeof kBufferBytes);
    }
    ::fcntl(m_qtFd, F_SETFL, ::fcntl(m_qtFd, F_GETFL) | O_NONBLOCK);
    m_readNotifier = std::make_unique<QSocketNotifier>(m_qtFd, QSocketNotifier::Read);
    connect(m_readNotifier.get(), &QSocketNotifier::activated, this, &SocketPairBridge::onReadable);
    m_writeNotifier = std::make_unique<QSocketNotifier>(m_qtFd, QSocketNotifier::Write);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier.get(), &QSocketNotifier::activated, this, &SocketPairBridge::flush);
    return true;
}

int SocketPairBridge::takeLibraryFd()
{
    const int fd = m_libraryFd;
    m_libraryFd = -1;
    return fd;
}

void SocketPairBridge::attach(ConsoleTransport *transport)
{
    connect(transport, &ConsoleTransport::received, this, &SocketPairBridge::writeToLibrary);
    connect(transport, &ConsoleTransport::closed, this, &SocketPairBridge::finishToLibrary);
    connect(this, &SocketPairBridge::fromLibrary, transport, &ConsoleTransport::write);
}

void SocketPairBridge::writeToLibrary(const QByteArray &data)
{
    if (m_qtFd < 0 || data.isEmpty() || m_finishPending)
        return;
    m_bytesToLibrary += data.size();
    if (m_greeting.size() < kGreetingBytes)
        m_greeting.append(data.first(qMin(data.size(), kGreetingBytes - m_greeting.size())));
    m_queue.push_back(data);
    flush();
}

void SocketPairBridge::flush()
{
    while (!m_queue.empty()) {
        const QByteArray &head = m_queue.front();
        const ssize_t n = ::send(
            m_qtFd, head.constData() + m_headOffset, static_cast<size_t>(head.size() - m_headOffset), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                m_writeNotifier->setEnabled(true);
                return;
            }
            // The library end is gone; nothing more can be delivered.
            m_queue.clear();
            m_headOffset = 0;
            break;
        }
        m_headOffset += n;
        if (m_headOffset == head.size()) {
            m_queue.pop_front();
            m_headOffset = 0;
        }
    }
    m_writeNotifier->setEnabled(false);
    if (m_finishPending && m_qtFd >= 0)
        ::shutdown(m_qtFd, SHUT_WR);
}

void SocketPairBridge::finishToLibrary()
{
    if (m_qtFd < 0)
        return;
    m_finishPending = true;
    if (m_queue.empty())
        ::shutdown(m_qtFd, SHUT_WR);
}

void SocketPairBridge::shutdownBoth()
{
    if (m_qtFd >= 0)
        ::shutdown(m_qtFd, SHUT_RDWR);
}

void SocketPairBridge::onReadable()
{
    QByteArray buffer(kReadChunk, Qt::Uninitialized);
    for (;;) {
        const ssize_t n = ::recv(m_qtFd, buffer.data(), static_cast<size_t>(buffer.size()), 0);
        if (n > 0) {
            m_bytesFromLibrary += n;
            Q_EMIT fromLibrary(buffer.left(n));
            if (n < buffer.size())
                return;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            return;
        // EOF or a hard error: the library side is finished.
        m_readNotifier->setEnabled(false);
        if (!m_libraryClosed) {
            m_libraryClosed = true;
            Q_EMIT libraryClosed();
        }
        return;
    }
}

} // namespace Porthole
