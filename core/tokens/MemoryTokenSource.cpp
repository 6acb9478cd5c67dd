// SPDX-License-Identifier: GPL-2.0-or-later
#include "tokens/MemoryTokenSource.h"

namespace Porthole {

void MemoryTokenSource::add(const QString &token, const TokenTarget &target, const QDateTime &expiresAt, Use use)
{
    m_tokens.insert(token, Entry {target, expiresAt, use});
}

void MemoryTokenSource::remove(const QString &token)
{
    m_tokens.remove(token);
}

TokenLookup MemoryTokenSource::lookup(const QString &token)
{
    const auto it = m_tokens.find(token);
    if (it == m_tokens.end())
        return TokenLookup::miss();
    // Expired tokens stay known so the user is told "expired", not "unknown".
    if (it->expiresAt.isValid() && QDateTime::currentDateTimeUtc() >= it->expiresAt)
        return TokenLookup::expired();
    if (it->use == Use::OneTime) {
        if (it->used)
            return TokenLookup {TokenLookup::Status::Expired, {}, QStringLiteral("token already used")};
        it->used = true;
    }
    return TokenLookup::hit(it->target);
}

} // namespace Porthole
