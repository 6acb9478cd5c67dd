// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/TcpTransport.h"

#include "base/Logging.h"

namespace Porthole {

TcpTransport::TcpTransport(const QString &host, quint16 port, QObject *parent)
    : ConsoleTransport(parent)
    , m_host(host)
    , m_port(port)
{
    connect(&m_socket, &QTcpSocket::connected, this, [this] {
        m_observation.tcpConnected = true;
        m_observation.opened = true;
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        Q_EMIT opened();
    });
    connect(&m_socket, &QTcpSocket::readyRead, this, [this] { Q_EMIT received(m_socket.readAll()); });
    connect(&m_socket, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (!m_observation.hasSocketError) {
            m_observation.hasSocketError = true;
            m_observation.socketError = error;
            m_observation.errorString = m_socket.errorString();
        }
        if (!m_observation.opened)
            markClosed();
    });
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] { markClosed(); });
}

TcpTransport::~TcpTransport()
{
    m_socket.disconnect(this);
    m_socket.abort();
}

void TcpTransport::open()
{
    m_socket.connectToHost(m_host, m_port);
}

void TcpTransport::write(const QByteArray &data)
{
    m_socket.write(data);
}

void TcpTransport::close()
{
    m_observation.closedByUs = true;
    m_socket.abort();
    markClosed();
}

QString TcpTransport::peerDescription() const
{
    return QStringLiteral("vnc://%1:%2").arg(m_host).arg(m_port);
}

} // namespace Porthole
