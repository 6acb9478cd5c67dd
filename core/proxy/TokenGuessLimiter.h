// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QHash>
#include <QHostAddress>
#include <QStringList>

namespace Porthole {

// Refused token guesses (unknown or expired tokens) per client address, so that one address
// cannot walk the token space or fill the log: past `limit` refusals within a window, its next
// handshakes are refused before any token lookup until the window ends; and only the first
// kLoggedPerWindow refusals of an address per window are logged, the rest counted and told in
// one line when the window ends. The address is the socket's, never X-Forwarded-For (the
// client writes that). IPv6 counts per /64, which one host usually owns whole.
class TokenGuessLimiter
{
public:
    static constexpr int kLoggedPerWindow = 5;
    // Addresses tracked at once; beyond that new ones go uncounted (the memory stays bounded).
    static constexpr int kMaxAddresses = 65536;

    // limit 0: no limit (refusals are still logged sparingly).
    TokenGuessLimiter(int limit, qint64 windowMs);

    // Whether address may present a token now.
    bool allows(const QHostAddress &address, qint64 nowMs) const;
    // Counts a refused guess (or a handshake allows() refused); true when it is to be logged.
    bool refused(const QHostAddress &address, qint64 nowMs);
    // Forgets windows that ended; returns one line per address with refusals not logged.
    QStringList expire(qint64 nowMs);

    int limit() const { return m_limit; }
    qint64 windowMs() const { return m_windowMs; }
    int trackedAddresses() const { return int(m_entries.size()); }

private:
    struct Entry
    {
        qint64 windowStartMs = 0;
        int refusals = 0;
        int unlogged = 0;
        QString shown; // the address as logged
    };
    static QByteArray key(const QHostAddress &address);
    Entry *entryFor(const QHostAddress &address, qint64 nowMs);
    bool logThis(Entry &entry);

    int m_limit;
    qint64 m_windowMs;
    QHash<QByteArray, Entry> m_entries;
};

} // namespace Porthole
