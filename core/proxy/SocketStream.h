// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

#include <functional>

namespace Porthole {

// One side of a proxied session, seen the same way whether it is a plain socket the
// proxy drives itself or a Qt socket (TLS). Reads are pulled by the session, which also
// bounds what it writes by pending(): that is the whole backpressure contract.
class SocketStream
{
public:
    struct Callbacks
    {
        std::function<void()> readable; // data or EOF waiting: call read()
        std::function<void()> drained; // pending() went down
        std::function<void()> closed; // the peer or the network ended the connection
    };

    virtual ~SocketStream() = default;
    void setCallbacks(Callbacks callbacks) { m_callbacks = std::move(callbacks); }

    // > 0: bytes read; 0: nothing right now; -1: the connection is over (EOF or error).
    virtual qint64 read(char *data, qint64 maxSize) = 0;
    // Writes what the kernel takes now and keeps the rest until it can be sent.
    virtual void write(const char *data, qint64 size) = 0;
    virtual qint64 pending() const = 0;
    // Paused streams are not read, so the kernel's window pushes back on the peer.
    virtual void setReadEnabled(bool enabled) = 0;
    // Half-close after everything pending is out: the peer reads EOF after our answer.
    virtual void shutdownWrite() = 0;
    virtual void abort() = 0;
    virtual QString errorString() const = 0;

protected:
    Callbacks m_callbacks;
};

} // namespace Porthole
