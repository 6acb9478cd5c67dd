// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tokens/TokenGrant.h"
#include "tokens/TokenLookup.h"
#include "tokens/TokenProblem.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

namespace Porthole {

// A token source as a tiny plugin behind one lookup(), like websockify's
// token_plugins.py, but with a typed answer and located problems.
class TokenSource
{
public:
    virtual ~TokenSource() = default;

    // Loads (or reloads, on SIGHUP) the source. False when the source as a whole is
    // unusable (missing, unreadable, unreachable); *error then says why. Broken lines
    // do not fail the load: they are listed by problems().
    virtual bool load(QString *error) = 0;

    // Never blocks for long: file sources stat, Redis uses a short timeout.
    virtual TokenLookup lookup(const QString &token) = 0;

    // The answer for the proxy's sessions: done is called exactly once, on context's thread,
    // unless context is destroyed first. Sources that answer from memory or the disk call it
    // at once; TokenRedis asks from a thread of its own, so a Redis that hangs never stalls
    // the sessions being relayed.
    using LookupCallback = std::function<void(const TokenLookup &)>;
    virtual void lookupAsync(const QString &token, QObject *context, LookupCallback done);

    // Problems found by the last load(), each with file:line where there is one.
    virtual QList<TokenProblem> problems() const { return {}; }

    // Tokens known after the last load(); -1 when the source cannot count (Redis).
    virtual qsizetype tokenCount() const = 0;

    // "TokenFile /var/lib/one/sunstone_vnc_tokens" for logs and --check.
    virtual QString description() const = 0;

    // Stores that can hand out tokens (the console gateway mints into them): the memory
    // and Redis sources. The file sources are written by someone else and refuse.
    virtual bool canIssue() const { return false; }
    // Records a new token; false with *error when the store cannot take it.
    virtual bool issue(const QString &token, const TokenGrant &grant, QString *error);
    // What was recorded with a token, without using it up (a one-time token stays
    // unused). NotFound, SourceError, or Found with *grant filled in (also when it is
    // expired or revoked: the caller decides what that means).
    virtual TokenLookup grantOf(const QString &token, TokenGrant *grant);
    // Marks a token revoked: later lookups refuse it with "token revoked". False with
    // *error when the token is unknown or the store failed.
    virtual bool revoke(const QString &token, QString *error);

    // websockify's plugin names: TokenFile, ReadOnlyTokenFile, TokenRedis (the module
    // prefix "websockify.token_plugins." is accepted too). Null with *error for others.
    static std::unique_ptr<TokenSource> create(const QString &plugin, const QString &source, QString *error);
};

} // namespace Porthole
