// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tokens/TokenLookup.h"
#include "tokens/TokenTarget.h"

#include <QDateTime>
#include <QString>

namespace Porthole {

// What a console gateway records with a token it mints: where it leads, for which VM and
// user, until when, and whether it opens one session only. Stores that hand out tokens
// (MemoryTokenSource, TokenRedis) keep it; the file sources have none.
struct TokenGrant
{
    TokenTarget target;
    int vmId = -1;
    QString user; // the session's user name, never the secret
    QDateTime expiresAt; // invalid: no time limit
    bool oneTime = false;
    bool revoked = false;

    bool isExpired(const QDateTime &now) const { return expiresAt.isValid() && now >= expiresAt; }
    // The answer to a session asking for this token now, before any one-time use:
    // refused when revoked or expired (with the reason the viewer sees), else its target.
    TokenLookup lookupAt(const QDateTime &now) const
    {
        if (revoked)
            return TokenLookup::expired(QStringLiteral("token revoked"));
        if (isExpired(now))
            return TokenLookup::expired();
        return TokenLookup::hit(target, expiresAt);
    }
};

} // namespace Porthole
