// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tokens/TokenSource.h"

#include <QElapsedTimer>

#include <memory>

struct redisContext;
struct redisReply;

namespace Porthole {

// websockify's TokenRedis: source "host[:port[:db[:password[:namespace]]]]" (empty
// fields take the defaults 6379 and 0), keys "namespace:token" or "token", values
// JSON {"host": "h:p"} / {"host": "h", "port": p} or plain "h:p". Several proxies
// sharing one Redis serve any token from any instance.
//
// Lookups are synchronous with a short connect/command timeout, so an unreachable
// Redis stalls the event loop for at most that long, and a failure is remembered for
// 0.25 s, doubling up to 2 s while Redis stays away, so a burst of sessions is refused
// at once with the reason instead of each waiting. The connection is re-established on
// the first lookup after that pause once Redis is back.
//
// A console gateway mints into it too (issue()): the value is then websockify's JSON with
// more members, {"host": "h:p", "vm": 42, "user": "alice", "expires": 1767225600,
// "one_time": true, "revoked": false}, so Debian's websockify still reads it. The key
// lives a little past "expires" (EX), so a late viewer hears "expired", not "unknown";
// a one-time token is used up with SET key:used NX, atomic across gateways.
class TokenRedis : public TokenSource
{
public:
    struct Config
    {
        QString host;
        int port = 6379;
        int db = 0;
        QString password;
        QString ns;
    };

    explicit TokenRedis(const QString &source);
    ~TokenRedis() override;

    // Parses websockify's source grammar; false with *error for a malformed source.
    static bool parseSource(const QString &source, Config *config, QString *error);

    bool load(QString *error) override;
    TokenLookup lookup(const QString &token) override;
    // On a thread of its own with a connection of its own, one lookup after the other.
    void lookupAsync(const QString &token, QObject *context, LookupCallback done) override;
    qsizetype tokenCount() const override { return -1; }
    QString description() const override;

    bool canIssue() const override { return true; }
    bool issue(const QString &token, const TokenGrant &grant, QString *error) override;
    TokenLookup grantOf(const QString &token, TokenGrant *grant) override;
    bool revoke(const QString &token, QString *error) override;

    // How long past its expiry a minted token's key is kept.
    static constexpr qint64 kKeepEndedSeconds = 600;

    // Timeout for connecting and for each command, in milliseconds.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

private:
    class LookupThread;

    bool ensureConnected(QString *error);
    void disconnect();
    TokenLookup parseValue(const QByteArray &value, const QString &key, TokenGrant *grant = nullptr) const;
    // One command, with one reconnect for a Redis that restarted; null with *error.
    ::redisReply *command(const QList<QByteArray> &arguments, QString *error);
    QByteArray keyOf(const QString &token) const;
    QString shownKey(const QString &token) const;

    QString m_source;
    Config m_config;
    QString m_configError;
    int m_timeoutMs = 500;
    redisContext *m_context = nullptr;
    QString m_lastError;
    QElapsedTimer m_sinceFailure;
    qint64 m_retryAfterMs = 250;
    std::unique_ptr<LookupThread> m_lookups; // started by the first lookupAsync()
};

} // namespace Porthole
