// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "console/ConsoleTransport.h"

namespace Porthole {

// A transport whose far end is the program itself: tests script an RFB server on it
// byte for byte (deliver() what the server says, watch written() for what the client
// sends), with no sockets and no timing.
class InMemoryTransport : public ConsoleTransport
{
    Q_OBJECT
public:
    using ConsoleTransport::ConsoleTransport;

    void open() override;
    void write(const QByteArray &data) override;
    void close() override;
    QString peerDescription() const override { return QStringLiteral("in-memory"); }

    // The far end: bytes for the client, and the ways a real link ends.
    void deliver(const QByteArray &data);
    void peerClose(int closeCode = 0, const QString &reason = QString());

Q_SIGNALS:
    void written(const QByteArray &data);
};

} // namespace Porthole
