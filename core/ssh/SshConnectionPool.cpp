// SPDX-License-Identifier: GPL-2.0-or-later
#include "ssh/SshConnectionPool.h"

#include <QCoreApplication>

namespace Porthole {

SshConnectionPool &SshConnectionPool::shared()
{
    static SshConnectionPool *pool = new SshConnectionPool(QCoreApplication::instance());
    return *pool;
}

std::shared_ptr<SshConnection> SshConnectionPool::acquire(
    const SshTarget &target, const SshLink::Options &options, const SshConnection::Secrets &secrets)
{
    std::erase_if(m_connections, [](const std::weak_ptr<SshConnection> &weak) {
        const auto connection = weak.lock();
        return !connection || connection->state() == SshConnection::State::Failed;
    });
    for (const std::weak_ptr<SshConnection> &weak : m_connections) {
        const auto connection = weak.lock();
        if (connection->target() == target && connection->options() == options)
            return connection;
    }
    // deleteLater: the last holder may be a transport inside one of the connection's own signals.
    std::shared_ptr<SshConnection> connection(
        new SshConnection(target, options, secrets), [](SshConnection *c) { c->deleteLater(); });
    m_connections.push_back(connection);
    Q_EMIT connectionCreated(connection.get());
    connection->start();
    return connection;
}

int SshConnectionPool::liveConnections() const
{
    int count = 0;
    for (const std::weak_ptr<SshConnection> &weak : m_connections) {
        const auto connection = weak.lock();
        if (connection && connection->state() != SshConnection::State::Failed)
            ++count;
    }
    return count;
}

} // namespace Porthole
