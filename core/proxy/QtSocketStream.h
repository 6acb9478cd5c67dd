// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "proxy/SocketStream.h"

class QTcpSocket;

namespace Porthole {

// A Qt socket (the TLS side: QSslSocket) behind the SocketStream interface. Qt keeps
// its own read buffer, bounded by the caller with setReadBufferSize().
class QtSocketStream : public SocketStream
{
public:
    explicit QtSocketStream(QTcpSocket *socket); // takes ownership
    ~QtSocketStream() override;

    QTcpSocket *socket() const { return m_socket; }

    qint64 read(char *data, qint64 maxSize) override;
    void write(const char *data, qint64 size) override;
    qint64 pending() const override;
    void setReadEnabled(bool enabled) override;
    void shutdownWrite() override;
    void abort() override;
    QString errorString() const override;

private:
    QTcpSocket *m_socket;
    bool m_readEnabled = true;
    bool m_closed = false;
};

} // namespace Porthole
