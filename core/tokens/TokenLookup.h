// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tokens/TokenTarget.h"

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

    bool found() const { return status == Status::Found; }

    static TokenLookup hit(const TokenTarget &target) { return {Status::Found, target, {}}; }
    static TokenLookup miss() { return {Status::NotFound, {}, QStringLiteral("unknown token")}; }
    static TokenLookup expired() { return {Status::Expired, {}, QStringLiteral("expired token")}; }
    static TokenLookup error(const QString &reason) { return {Status::SourceError, {}, reason}; }
};

} // namespace Porthole
