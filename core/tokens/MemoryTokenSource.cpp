// SPDX-License-Identifier: GPL-2.0-or-later
#include "tokens/MemoryTokenSource.h"

namespace Porthole {

namespace {
// A purge walks every token; doing it every so many issues keeps minting O(1) amortised.
constexpr quint32 kIssuesPerPurge = 4096;
} // namespace

void MemoryTokenSource::add(const QString &token, const TokenTarget &target, const QDateTime &expiresAt, Use use)
{
    TokenGrant grant;
    grant.target = target;
    grant.expiresAt = expiresAt;
    grant.oneTime = use == Use::OneTime;
    m_tokens.insert(token, Entry {grant, false, {}});
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
    TokenLookup result = it->grant.lookupAt(QDateTime::currentDateTimeUtc());
    if (result.found() && it->grant.oneTime) {
        if (it->used)
            return TokenLookup::expired(QStringLiteral("token already used"));
        it->used = true;
    }
    return result;
}

bool MemoryTokenSource::issue(const QString &token, const TokenGrant &grant, QString *)
{
    if (++m_issuedSincePurge >= kIssuesPerPurge) {
        m_issuedSincePurge = 0;
        forgetEnded(QDateTime::currentDateTimeUtc());
    }
    m_tokens.insert(token, Entry {grant, false, {}});
    return true;
}

TokenLookup MemoryTokenSource::grantOf(const QString &token, TokenGrant *grant)
{
    const auto it = m_tokens.constFind(token);
    if (it == m_tokens.constEnd())
        return TokenLookup::miss();
    *grant = it->grant;
    return TokenLookup::hit(it->grant.target, it->grant.expiresAt);
}

bool MemoryTokenSource::revoke(const QString &token, QString *error)
{
    const auto it = m_tokens.find(token);
    if (it == m_tokens.end()) {
        *error = QStringLiteral("unknown token");
        return false;
    }
    it->grant.revoked = true;
    it->endedAt = QDateTime::currentDateTimeUtc();
    return true;
}

void MemoryTokenSource::forgetEnded(const QDateTime &now)
{
    for (auto it = m_tokens.begin(); it != m_tokens.end();) {
        const QDateTime ended = it->grant.revoked ? it->endedAt : it->grant.expiresAt;
        if (ended.isValid() && ended.secsTo(now) > kKeepEndedSeconds)
            it = m_tokens.erase(it);
        else
            ++it;
    }
}

} // namespace Porthole
