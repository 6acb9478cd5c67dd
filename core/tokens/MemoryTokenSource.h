// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tokens/TokenSource.h"

#include <QDateTime>
#include <QHash>

namespace Porthole {

// Tokens held in memory: the desktop app's local proxy, a single console gateway
// (porthole-proxy --opennebula --token-store memory) and the tests. A token may expire at
// a given time, may be good for one session only, and may be revoked.
class MemoryTokenSource : public TokenSource
{
public:
    enum class Use
    {
        Reusable,
        OneTime
    };

    void add(const QString &token, const TokenTarget &target, const QDateTime &expiresAt = {}, Use use = Use::Reusable);
    void remove(const QString &token);
    void clear() { m_tokens.clear(); }

    bool load(QString *) override { return true; }
    TokenLookup lookup(const QString &token) override;
    qsizetype tokenCount() const override { return m_tokens.size(); }
    QString description() const override { return QStringLiteral("in-memory tokens"); }

    bool canIssue() const override { return true; }
    bool issue(const QString &token, const TokenGrant &grant, QString *error) override;
    TokenLookup grantOf(const QString &token, TokenGrant *grant) override;
    bool revoke(const QString &token, QString *error) override;

    // Expired and revoked tokens are kept this long so a late viewer hears "expired", not
    // "unknown"; after that issue() forgets them, so a gateway's memory stays bounded.
    static constexpr qint64 kKeepEndedSeconds = 600;

private:
    void forgetEnded(const QDateTime &now);

    struct Entry
    {
        TokenGrant grant;
        bool used = false;
        QDateTime endedAt; // when revoked
    };
    QHash<QString, Entry> m_tokens;
    quint32 m_issuedSincePurge = 0;
};

} // namespace Porthole
