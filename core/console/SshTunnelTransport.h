// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "console/ConsoleTransport.h"

#include <QPointer>

#include <memory>

namespace Porthole {

class SshChannel;
class SshConnection;

// Plain RFB through an SSH jump host: a direct-tcpip channel of a shared SshConnection
// (what `ssh -L` or TigerVNC's -via does, without spawning ssh). The jump host dials
// host:port itself, so a hypervisor that only the front-end reaches is reachable.
// What SSH said is turned into the observation's verdict (ConsoleError and sentence).
class SshTunnelTransport : public ConsoleTransport
{
    Q_OBJECT
public:
    SshTunnelTransport(
        std::shared_ptr<SshConnection> connection, const QString &host, quint16 port, QObject *parent = nullptr);
    ~SshTunnelTransport() override;

    void open() override;
    void write(const QByteArray &data) override;
    void close() override;
    QString peerDescription() const override;

private:
    void onChannelClosed();

    std::shared_ptr<SshConnection> m_connection;
    QString m_host;
    quint16 m_port;
    QPointer<SshChannel> m_channel;
};

} // namespace Porthole
