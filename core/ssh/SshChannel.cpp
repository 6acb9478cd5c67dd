// SPDX-License-Identifier: GPL-2.0-or-later
#include "ssh/SshChannel.h"

#include "ssh/SshConnection.h"

namespace Porthole {

SshChannel::SshChannel(SshConnection *connection, int id, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_id(id)
{ }

SshChannel::~SshChannel()
{
    if (!m_closed && m_connection)
        m_connection->closeChannel(m_id);
}

void SshChannel::write(const QByteArray &data)
{
    if (m_closed || !m_connection || data.isEmpty())
        return;
    m_connection->writeChannel(m_id, data);
}

void SshChannel::close()
{
    if (m_closed)
        return;
    if (m_connection)
        m_connection->closeChannel(m_id);
    deliverClosed(SshError::None, QString());
}

void SshChannel::deliverOpened()
{
    if (m_closed || m_open)
        return;
    m_open = true;
    Q_EMIT opened();
}

void SshChannel::deliverClosed(SshError error, const QString &text)
{
    if (m_closed)
        return;
    m_closed = true;
    m_error = error;
    m_errorText = text;
    Q_EMIT closed();
}

} // namespace Porthole
