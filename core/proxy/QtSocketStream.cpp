// SPDX-License-Identifier: GPL-2.0-or-later
#include "proxy/QtSocketStream.h"

#include <QTcpSocket>

namespace Porthole {

QtSocketStream::QtSocketStream(QTcpSocket *socket)
    : m_socket(socket)
{
    QObject::connect(m_socket, &QTcpSocket::readyRead, m_socket, [this] {
        if (m_readEnabled && m_callbacks.readable)
            m_callbacks.readable();
    });
    QObject::connect(m_socket, &QTcpSocket::bytesWritten, m_socket, [this] {
        if (m_callbacks.drained)
            m_callbacks.drained();
    });
    auto gone = [this] {
        if (m_closed)
            return;
        m_closed = true;
        if (m_callbacks.closed)
            m_callbacks.closed();
    };
    QObject::connect(m_socket, &QTcpSocket::disconnected, m_socket, gone);
    QObject::connect(m_socket, &QTcpSocket::errorOccurred, m_socket, [gone](QAbstractSocket::SocketError e) {
        if (e != QAbstractSocket::SocketTimeoutError)
            gone();
    });
}

QtSocketStream::~QtSocketStream()
{
    m_socket->disconnect();
    m_socket->abort();
    delete m_socket;
}

qint64 QtSocketStream::read(char *data, qint64 maxSize)
{
    if (m_closed && m_socket->bytesAvailable() == 0)
        return -1;
    const qint64 n = m_socket->read(data, maxSize);
    if (n < 0 || (n == 0 && m_socket->state() != QAbstractSocket::ConnectedState))
        return -1;
    return n;
}

void QtSocketStream::write(const char *data, qint64 size)
{
    if (m_socket->state() == QAbstractSocket::ConnectedState)
        m_socket->write(data, size);
}

qint64 QtSocketStream::pending() const
{
    return m_socket->bytesToWrite();
}

void QtSocketStream::setReadEnabled(bool enabled)
{
    m_readEnabled = enabled;
    // Data that arrived while paused waits in Qt's buffer without a new readyRead.
    if (enabled && m_socket->bytesAvailable() > 0 && m_callbacks.readable)
        QMetaObject::invokeMethod(
            m_socket,
            [this] {
                if (m_readEnabled && m_callbacks.readable)
                    m_callbacks.readable();
            },
            Qt::QueuedConnection);
}

void QtSocketStream::shutdownWrite()
{
    m_socket->disconnectFromHost();
}

void QtSocketStream::abort()
{
    m_socket->abort();
}

QString QtSocketStream::errorString() const
{
    return m_socket->errorString();
}

} // namespace Porthole
