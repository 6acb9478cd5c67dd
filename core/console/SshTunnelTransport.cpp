// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/SshTunnelTransport.h"

#include "ssh/SshChannel.h"
#include "ssh/SshConnection.h"

namespace Porthole {

SshTunnelTransport::SshTunnelTransport(
    std::shared_ptr<SshConnection> connection, const QString &host, quint16 port, QObject *parent)
    : ConsoleTransport(parent)
    , m_connection(std::move(connection))
    , m_host(host)
    , m_port(port)
{ }

SshTunnelTransport::~SshTunnelTransport()
{
    delete m_channel.data();
}

void SshTunnelTransport::open()
{
    m_channel = m_connection->openChannel(m_host, m_port, this);
    connect(m_channel, &SshChannel::opened, this, [this] {
        m_observation.tcpConnected = true;
        m_observation.opened = true;
        Q_EMIT opened();
    });
    connect(m_channel, &SshChannel::received, this, &ConsoleTransport::received);
    connect(m_channel, &SshChannel::closed, this, &SshTunnelTransport::onChannelClosed);
}

void SshTunnelTransport::onChannelClosed()
{
    if (m_observation.closed)
        return;
    const SshError error = m_channel->error();
    if (error != SshError::None) {
        m_observation.verdict = consoleErrorFromSsh(error);
        m_observation.verdictText = m_channel->errorText();
        m_observation.errorString = m_channel->errorText();
    } else if (!m_observation.closedByUs) {
        m_observation.errorString = m_channel->errorText();
    }
    markClosed();
}

void SshTunnelTransport::write(const QByteArray &data)
{
    if (m_channel)
        m_channel->write(data);
}

void SshTunnelTransport::close()
{
    m_observation.closedByUs = true;
    if (m_channel)
        m_channel->close();
    markClosed();
}

QString SshTunnelTransport::peerDescription() const
{
    return QStringLiteral("vnc://%1:%2 via %3").arg(m_host).arg(m_port).arg(m_connection->where());
}

} // namespace Porthole
