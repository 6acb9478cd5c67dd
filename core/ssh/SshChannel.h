// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ssh/SshError.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>

namespace Porthole {

class SshConnection;

// One direct-tcpip channel of a shared SshConnection, seen from the GUI thread: bytes in and
// out through the connection's queues. closed() is emitted once, with error() saying why
// (None: the far end closed, or we did).
class SshChannel : public QObject
{
    Q_OBJECT
public:
    SshChannel(SshConnection *connection, int id, QObject *parent = nullptr);
    ~SshChannel() override;

    void write(const QByteArray &data);
    // Closes from our side; closed() still follows.
    void close();

    bool isOpen() const { return m_open; }
    bool isClosed() const { return m_closed; }
    SshError error() const { return m_error; }
    QString errorText() const { return m_errorText; }

    // From the connection (GUI thread).
    void deliverOpened();
    void deliverData(const QByteArray &data) { Q_EMIT received(data); }
    void deliverClosed(SshError error, const QString &text);

Q_SIGNALS:
    void opened();
    void received(const QByteArray &data);
    void closed();

private:
    QPointer<SshConnection> m_connection;
    int m_id;
    bool m_open = false;
    bool m_closed = false;
    SshError m_error = SshError::None;
    QString m_errorText;
};

} // namespace Porthole
