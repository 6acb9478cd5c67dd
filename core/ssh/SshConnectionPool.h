// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ssh/SshConnection.h"

#include <QObject>

#include <memory>
#include <vector>

namespace Porthole {

// One SSH connection per jump host (and options), shared by all consoles through it. A
// connection lives while a console holds it; one that failed is never handed out again, so
// a console's reconnect dials afresh. Lives on the GUI thread.
class SshConnectionPool : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // The process's pool (created on first use, on the calling thread).
    static SshConnectionPool &shared();

    // A started connection: an existing one for the same target and options, else a new one
    // (connectionCreated() is emitted before it starts, so questions can be hooked up).
    std::shared_ptr<SshConnection> acquire(
        const SshTarget &target, const SshLink::Options &options, const SshConnection::Secrets &secrets = {});
    // Connections alive and not failed, for tests and the status line.
    int liveConnections() const;

Q_SIGNALS:
    void connectionCreated(Porthole::SshConnection *connection);

private:
    std::vector<std::weak_ptr<SshConnection>> m_connections;
};

} // namespace Porthole
