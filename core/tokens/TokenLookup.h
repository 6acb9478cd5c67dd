// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tokens/TokenTarget.h"

#include <QDateTime>
#include <QString>

namespace Porthole {

// The typed answer of every token source: the proxy turns anything but Found into a
// refusal whose reason the viewer shows, instead of websockify's bare code 1006.
struct TokenLookup
{
    enum class Status
    {
        Found,
        NotFound,
        Expired,
        // The source itself failed: a broken line (with file:line), an unreadable file,
        // Redis unavailable. The reason says which.
        SourceError,
    };

    Status status = Status::NotFound;
    TokenTarget target;
    QString reason;
    // When the token ends, if the source knows (a gateway's token); the proxy closes
    // live sessions then with --close-on-revoke.
    QDateTime expiresAt;

    bool found() const { return status == Status::Found; }

    static TokenLookup hit(const TokenTarget &target, const QDateTime &expiresAt = {})
    {
        return {Status::Found, target, {}, expiresAt};
    }
    static TokenLookup miss() { return {Status::NotFound, {}, QStringLiteral("unknown token"), {}}; }
    static TokenLookup expired(const QString &reason = QStringLiteral("expired token"))
    {
        return {Status::Expired, {}, reason, {}};
    }
    static TokenLookup error(const QString &reason) { return {Status::SourceError, {}, reason, {}}; }
};

} // namespace Porthole
