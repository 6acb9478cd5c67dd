// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "console/ConsoleTransport.h"

#include <QTcpSocket>

namespace Porthole {

// Plain RFB over TCP (vnc://host:port), for operators on the management network.
class TcpTransport : public ConsoleTransport
{
    Q_OBJECT
public:
    TcpTransport(const QString &host, quint16 port, QObject *parent = nullptr);
    ~TcpTransport() override;

    void open() override;
    void write(const QByteArray &data) override;
    void close() override;
    QString peerDescription() const override;

private:
    QString m_host;
    quint16 m_port;
    QTcpSocket m_socket;
};

} // namespace Porthole
