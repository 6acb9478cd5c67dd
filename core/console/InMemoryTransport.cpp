// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/InMemoryTransport.h"

namespace Porthole {

void InMemoryTransport::open()
{
    // Asynchronous like a real connect, so callers can finish wiring first.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_observation.closed)
                return;
            m_observation.tcpConnected = true;
            m_observation.opened = true;
            Q_EMIT opened();
        },
        Qt::QueuedConnection);
}

void InMemoryTransport::write(const QByteArray &data)
{
    if (!m_observation.closed)
        Q_EMIT written(data);
}

void InMemoryTransport::close()
{
    m_observation.closedByUs = true;
    markClosed();
}

void InMemoryTransport::deliver(const QByteArray &data)
{
    if (!m_observation.closed)
        Q_EMIT received(data);
}

void InMemoryTransport::peerClose(int closeCode, const QString &reason)
{
    if (closeCode != 0) {
        m_observation.closeFrameReceived = true;
        m_observation.closeCode = closeCode;
        m_observation.closeReason = reason;
    }
    markClosed();
}

} // namespace Porthole
