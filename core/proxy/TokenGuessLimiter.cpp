// SPDX-License-Identifier: GPL-2.0-or-later
#include "proxy/TokenGuessLimiter.h"

namespace Porthole {

TokenGuessLimiter::TokenGuessLimiter(int limit, qint64 windowMs)
    : m_limit(limit)
    , m_windowMs(windowMs)
{ }

QByteArray TokenGuessLimiter::key(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // ::ffff:a.b.c.d counts as a.b.c.d
    if (isV4)
        return QByteArray::number(v4);
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    return QByteArray(reinterpret_cast<const char *>(v6.c), 8); // the /64
}

TokenGuessLimiter::Entry *TokenGuessLimiter::entryFor(const QHostAddress &address, qint64 nowMs)
{
    const QByteArray k = key(address);
    auto it = m_entries.find(k);
    if (it == m_entries.end()) {
        if (m_entries.size() >= kMaxAddresses)
            return nullptr;
        it = m_entries.insert(k, Entry {nowMs, 0, 0, address.toString()});
    } else if (nowMs - it->windowStartMs >= m_windowMs) {
        // A new window; what the old one did not log was told by expire() or is told now.
        *it = Entry {nowMs, 0, it->unlogged, it->shown};
    }
    return &*it;
}

bool TokenGuessLimiter::allows(const QHostAddress &address, qint64 nowMs) const
{
    if (m_limit <= 0)
        return true;
    const auto it = m_entries.constFind(key(address));
    return it == m_entries.constEnd() || nowMs - it->windowStartMs >= m_windowMs || it->refusals < m_limit;
}

bool TokenGuessLimiter::logThis(Entry &entry)
{
    if (entry.refusals <= kLoggedPerWindow)
        return true;
    ++entry.unlogged;
    return false;
}

bool TokenGuessLimiter::refused(const QHostAddress &address, qint64 nowMs)
{
    Entry *entry = entryFor(address, nowMs);
    if (!entry)
        return false; // too many addresses at once: a flood, not worth a line each
    ++entry->refusals;
    return logThis(*entry);
}

QStringList TokenGuessLimiter::expire(qint64 nowMs)
{
    QStringList lines;
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (nowMs - it->windowStartMs < m_windowMs) {
            ++it;
            continue;
        }
        if (it->unlogged > 0)
            lines << QStringLiteral("client %1: %2 more refused token(s) not logged").arg(it->shown).arg(it->unlogged);
        it = m_entries.erase(it);
    }
    return lines;
}

} // namespace Porthole
