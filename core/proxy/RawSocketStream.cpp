// SPDX-License-Identifier: GPL-2.0-or-later
#include "proxy/RawSocketStream.h"

#include <QSocketNotifier>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace Porthole {

namespace {
// A write buffer that grew past this is given back once empty; smaller ones are kept
// for the next burst.
constexpr qsizetype kKeptCapacity = 64 * 1024;
} // namespace

RawSocketStream::RawSocketStream(int fd)
    : m_fd(fd)
{
    ::fcntl(m_fd, F_SETFL, ::fcntl(m_fd, F_GETFL) | O_NONBLOCK);
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read);
    m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write);
    m_writeNotifier->setEnabled(false);
    QObject::connect(m_readNotifier, &QSocketNotifier::activated, m_readNotifier, [this] {
        if (m_callbacks.readable)
            m_callbacks.readable();
    });
    QObject::connect(m_writeNotifier, &QSocketNotifier::activated, m_writeNotifier, [this] { onWritable(); });
}

RawSocketStream::~RawSocketStream()
{
    abort();
}

qint64 RawSocketStream::read(char *data, qint64 maxSize)
{
    if (m_fd < 0 || m_failed)
        return -1;
    for (;;) {
        const ssize_t n = ::recv(m_fd, data, size_t(maxSize), 0);
        if (n > 0)
            return n;
        if (n == 0) {
            m_error = QStringLiteral("closed by peer");
            return -1;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK)
            return 0;
        m_error = QString::fromLocal8Bit(std::strerror(errno));
        m_failed = true;
        return -1;
    }
}

qint64 RawSocketStream::sendNow(const char *data, qint64 size)
{
    qint64 sent = 0;
    while (sent < size) {
        const ssize_t n = ::send(m_fd, data + sent, size_t(size - sent), MSG_NOSIGNAL);
        if (n > 0) {
            sent += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
            fail(errno);
        break;
    }
    return sent;
}

void RawSocketStream::write(const char *data, qint64 size)
{
    if (m_fd < 0 || m_failed || size <= 0 || !m_writeNotifier)
        return;
    const qint64 sent = pending() == 0 ? sendNow(data, size) : 0;
    if (m_failed) {
        // Reported from the write notifier, never from inside the caller's write().
        m_writeNotifier->setEnabled(true);
        return;
    }
    if (sent < size) {
        m_pending.append(data + sent, size - sent);
        m_writeNotifier->setEnabled(true);
    }
}

void RawSocketStream::onWritable()
{
    if (!m_failed)
        m_pendingOffset += sendNow(m_pending.constData() + m_pendingOffset, pending());
    if (m_failed) {
        m_writeNotifier->setEnabled(false);
        if (m_callbacks.closed)
            m_callbacks.closed();
        return;
    }
    if (pending() == 0) {
        m_pendingOffset = 0;
        if (m_pending.capacity() > kKeptCapacity)
            m_pending = QByteArray();
        else
            m_pending.clear();
        m_writeNotifier->setEnabled(false);
    } else if (m_pendingOffset > kKeptCapacity) {
        m_pending.remove(0, m_pendingOffset);
        m_pendingOffset = 0;
    }
    if (m_callbacks.drained)
        m_callbacks.drained();
}

void RawSocketStream::fail(int error)
{
    m_failed = true;
    m_error = QString::fromLocal8Bit(std::strerror(error));
}

void RawSocketStream::setReadEnabled(bool enabled)
{
    if (m_readNotifier)
        m_readNotifier->setEnabled(enabled);
}

void RawSocketStream::shutdownWrite()
{
    if (m_fd >= 0)
        ::shutdown(m_fd, SHUT_WR);
}

void RawSocketStream::abort()
{
    // Notifiers go before the descriptor they watch; later, because abort() may run
    // inside one of their own activations.
    for (QSocketNotifier *n : {m_readNotifier, m_writeNotifier}) {
        if (n) {
            n->setEnabled(false);
            n->disconnect();
            n->deleteLater();
        }
    }
    m_readNotifier = nullptr;
    m_writeNotifier = nullptr;
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
}

} // namespace Porthole
