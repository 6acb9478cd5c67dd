// SPDX-License-Identifier: GPL-2.0-or-later
#include "tokens/TokenRedis.h"

#include "base/Logging.h"
#include "base/Redact.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QThread>

#include <hiredis/hiredis.h>
#include <vector>

namespace Porthole {

namespace {
// After a failure, sessions are refused at once for a while before Redis is tried again;
// the wait doubles while Redis stays away, so an unreachable host (each try may block
// for the timeout) costs the event loop little.
constexpr qint64 kFirstRetryMs = 250;
constexpr qint64 kLongestRetryMs = 2000;

struct ReplyDeleter
{
    void operator()(redisReply *reply) const { freeReplyObject(reply); }
};
using Reply = std::unique_ptr<redisReply, ReplyDeleter>;
} // namespace

// The sessions' lookups, off the thread that relays them: a twin source with its own Redis
// connection on a QThread; answers are posted back to a receiver on the caller's thread,
// which drops those whose session has gone.
class TokenRedis::LookupThread
{
public:
    LookupThread(const QString &source, int timeoutMs)
    {
        m_twin = std::make_unique<TokenRedis>(source);
        m_twin->setTimeoutMs(timeoutMs);
        m_worker.moveToThread(&m_thread);
        m_thread.setObjectName(QStringLiteral("redis lookups"));
        m_thread.start();
        QMetaObject::invokeMethod(&m_worker, [twin = m_twin.get()] {
            QString error;
            if (!twin->load(&error))
                qCWarning(lcTokens).noquote() << error;
        });
    }
    ~LookupThread()
    {
        m_thread.quit();
        m_thread.wait();
    }

    void post(const QString &token, QObject *context, LookupCallback done)
    {
        QMetaObject::invokeMethod(&m_worker,
            [twin = m_twin.get(), receiver = &m_receiver, token, context = QPointer<QObject>(context),
                done = std::move(done)] {
                const TokenLookup answer = twin->lookup(token);
                QMetaObject::invokeMethod(
                    receiver,
                    [context, done, answer] {
                        if (context)
                            done(answer);
                    },
                    Qt::QueuedConnection);
            });
    }

private:
    QObject m_receiver; // on the thread that made this
    QThread m_thread;
    QObject m_worker; // on m_thread
    std::unique_ptr<TokenRedis> m_twin; // used on m_thread only
};

TokenRedis::TokenRedis(const QString &source)
    : m_source(source)
{
    parseSource(source, &m_config, &m_configError);
}

TokenRedis::~TokenRedis()
{
    m_lookups.reset();
    disconnect();
}

void TokenRedis::lookupAsync(const QString &token, QObject *context, LookupCallback done)
{
    if (!m_lookups)
        m_lookups = std::make_unique<LookupThread>(m_source, m_timeoutMs);
    m_lookups->post(token, context, std::move(done));
}

bool TokenRedis::parseSource(const QString &source, Config *config, QString *error)
{
    const QStringList parts = source.split(QLatin1Char(':'));
    if (source.trimmed().isEmpty() || parts.value(0).isEmpty()) {
        // Not echoed: the source may hold the Redis password.
        *error = QStringLiteral("the Redis source has no host (expected host[:port[:db[:password[:namespace]]]])");
        return false;
    }
    if (parts.size() > 5) {
        *error = QStringLiteral("Redis source has %1 fields; expected host[:port[:db[:password[:namespace]]]]")
                     .arg(parts.size());
        return false;
    }
    config->host = parts[0];
    bool ok = true;
    if (parts.size() > 1 && !parts[1].isEmpty()) {
        config->port = parts[1].toInt(&ok);
        if (!ok || config->port < 1 || config->port > 65535) {
            *error = QStringLiteral("Redis port '%1' is not a number from 1 to 65535").arg(parts[1]);
            return false;
        }
    }
    if (parts.size() > 2 && !parts[2].isEmpty()) {
        config->db = parts[2].toInt(&ok);
        if (!ok || config->db < 0) {
            *error = QStringLiteral("Redis database '%1' is not a number").arg(parts[2]);
            return false;
        }
    }
    if (parts.size() > 3)
        config->password = parts[3];
    if (parts.size() > 4)
        config->ns = parts[4];
    return true;
}

QString TokenRedis::description() const
{
    return QStringLiteral("TokenRedis %1:%2 db %3%4")
        .arg(m_config.host, QString::number(m_config.port), QString::number(m_config.db),
            m_config.ns.isEmpty() ? QString() : QStringLiteral(" namespace ") + m_config.ns);
}

void TokenRedis::disconnect()
{
    if (m_context) {
        redisFree(m_context);
        m_context = nullptr;
    }
}

bool TokenRedis::ensureConnected(QString *error)
{
    if (m_context)
        return true;
    if (m_sinceFailure.isValid() && m_sinceFailure.elapsed() < m_retryAfterMs) {
        *error = m_lastError;
        return false;
    }
    const timeval tv {m_timeoutMs / 1000, (m_timeoutMs % 1000) * 1000};
    const QString where = m_config.host + QLatin1Char(':') + QString::number(m_config.port);
    auto fail = [&](const QString &why) {
        m_lastError = QStringLiteral("Redis %1 unavailable: %2").arg(where, why);
        *error = m_lastError;
        m_retryAfterMs = m_sinceFailure.isValid() ? qMin(m_retryAfterMs * 2, kLongestRetryMs) : kFirstRetryMs;
        m_sinceFailure.start();
        disconnect();
        return false;
    };
    m_context = redisConnectWithTimeout(m_config.host.toUtf8().constData(), m_config.port, tv);
    if (!m_context)
        return fail(QStringLiteral("out of memory"));
    if (m_context->err)
        return fail(QString::fromLocal8Bit(m_context->errstr));
    redisSetTimeout(m_context, tv);
    if (!m_config.password.isEmpty()) {
        const QByteArray pw = m_config.password.toUtf8();
        Reply reply(static_cast<redisReply *>(redisCommand(m_context, "AUTH %b", pw.constData(), size_t(pw.size()))));
        if (!reply)
            return fail(QString::fromLocal8Bit(m_context->errstr));
        if (reply->type == REDIS_REPLY_ERROR)
            return fail(QStringLiteral("AUTH refused: ") + QString::fromUtf8(reply->str, qsizetype(reply->len)));
    }
    if (m_config.db != 0) {
        Reply reply(static_cast<redisReply *>(redisCommand(m_context, "SELECT %d", m_config.db)));
        if (!reply)
            return fail(QString::fromLocal8Bit(m_context->errstr));
        if (reply->type == REDIS_REPLY_ERROR)
            return fail(QStringLiteral("SELECT %1 refused: ").arg(m_config.db)
                + QString::fromUtf8(reply->str, qsizetype(reply->len)));
    }
    if (!m_lastError.isEmpty())
        qCInfo(lcTokens).noquote() << "Redis" << where << "is back";
    m_lastError.clear();
    m_sinceFailure.invalidate();
    m_retryAfterMs = kFirstRetryMs;
    return true;
}

bool TokenRedis::load(QString *error)
{
    if (!m_configError.isEmpty()) {
        *error = m_configError;
        return false;
    }
    disconnect();
    m_sinceFailure.invalidate();
    if (!ensureConnected(error))
        return false;
    Reply reply(static_cast<redisReply *>(redisCommand(m_context, "PING")));
    if (!reply || reply->type == REDIS_REPLY_ERROR) {
        *error = QStringLiteral("Redis %1:%2 does not answer PING").arg(m_config.host).arg(m_config.port);
        disconnect();
        return false;
    }
    return true;
}

TokenLookup TokenRedis::parseValue(const QByteArray &raw, const QString &key, TokenGrant *grant) const
{
    const QByteArray value = raw.trimmed();
    QString error;
    TokenTarget target;
    QJsonObject object;
    if (value.startsWith('{')) {
        QJsonParseError jsonError;
        const QJsonDocument doc = QJsonDocument::fromJson(value, &jsonError);
        object = doc.object();
        if (jsonError.error != QJsonParseError::NoError || !object.value(QLatin1String("host")).isString()) {
            error = QStringLiteral("value is not JSON with a \"host\"");
        } else {
            const QString host = object.value(QLatin1String("host")).toString();
            const QJsonValue port = object.value(QLatin1String("port"));
            if (port.isUndefined())
                target = TokenTarget::parse(host, &error);
            else if (port.isDouble())
                target
                    = TokenTarget::parse(QString(host + QLatin1Char(':') + QString::number(port.toInteger())), &error);
            else
                target = TokenTarget::parse(QString(host + QLatin1Char(':') + port.toString()), &error);
        }
    } else {
        target = TokenTarget::parse(QString::fromUtf8(value), &error);
    }
    if (!error.isEmpty())
        return TokenLookup::error(QStringLiteral("Redis key '%1': %2").arg(key, error));
    TokenGrant parsed;
    parsed.target = target;
    parsed.vmId = object.value(QLatin1String("vm")).toInt(-1);
    parsed.user = object.value(QLatin1String("user")).toString();
    if (object.value(QLatin1String("expires")).isDouble())
        parsed.expiresAt = QDateTime::fromSecsSinceEpoch(object.value(QLatin1String("expires")).toInteger(), Qt::UTC);
    parsed.oneTime = object.value(QLatin1String("one_time")).toBool();
    parsed.revoked = object.value(QLatin1String("revoked")).toBool();
    if (grant)
        *grant = parsed;
    return TokenLookup::hit(target, parsed.expiresAt);
}

QByteArray TokenRedis::keyOf(const QString &token) const
{
    return (m_config.ns.isEmpty() ? token : m_config.ns + QLatin1Char(':') + token).toUtf8();
}

QString TokenRedis::shownKey(const QString &token) const
{
    return m_config.ns.isEmpty() ? redact(token) : m_config.ns + QLatin1Char(':') + redact(token);
}

redisReply *TokenRedis::command(const QList<QByteArray> &arguments, QString *error)
{
    if (!m_configError.isEmpty()) {
        *error = m_configError;
        return nullptr;
    }
    if (!ensureConnected(error))
        return nullptr;
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QByteArray &argument : arguments) {
        argv.push_back(argument.constData());
        lengths.push_back(size_t(argument.size()));
    }
    auto send = [&] {
        return static_cast<redisReply *>(redisCommandArgv(m_context, int(argv.size()), argv.data(), lengths.data()));
    };
    redisReply *reply = send();
    if (reply)
        return reply;
    // The connection broke (Redis restarted or timed out): one immediate reconnect
    // covers a restarted Redis; a dead one is remembered by ensureConnected().
    disconnect();
    if (!ensureConnected(error))
        return nullptr;
    reply = send();
    if (!reply) {
        m_lastError = QStringLiteral("Redis %1:%2 unavailable: %3")
                          .arg(m_config.host)
                          .arg(m_config.port)
                          .arg(QString::fromLocal8Bit(m_context->errstr));
        m_retryAfterMs = kFirstRetryMs;
        m_sinceFailure.start();
        disconnect();
        *error = m_lastError;
    }
    return reply;
}

TokenLookup TokenRedis::grantOf(const QString &token, TokenGrant *grant)
{
    if (token.isEmpty())
        return TokenLookup::miss();
    QString error;
    Reply reply(command({QByteArrayLiteral("GET"), keyOf(token)}, &error));
    if (!reply)
        return TokenLookup::error(error);
    switch (reply->type) {
    case REDIS_REPLY_NIL:
        return TokenLookup::miss();
    case REDIS_REPLY_STRING:
        return parseValue(QByteArray(reply->str, qsizetype(reply->len)), shownKey(token), grant);
    case REDIS_REPLY_ERROR:
        return TokenLookup::error(QStringLiteral("Redis refused GET %1: %2")
                                      .arg(shownKey(token), QString::fromUtf8(reply->str, qsizetype(reply->len))));
    default:
        return TokenLookup::error(QStringLiteral("Redis key '%1' does not hold a string").arg(shownKey(token)));
    }
}

TokenLookup TokenRedis::lookup(const QString &token)
{
    TokenGrant grant;
    const TokenLookup found = grantOf(token, &grant);
    if (!found.found())
        return found;
    const TokenLookup result = grant.lookupAt(QDateTime::currentDateTimeUtc());
    if (!result.found() || !grant.oneTime)
        return result;
    // The first gateway to set the marker wins; it lives as long as the token's key.
    const qint64 left = grant.expiresAt.isValid()
        ? qMax<qint64>(1, QDateTime::currentDateTimeUtc().secsTo(grant.expiresAt) + kKeepEndedSeconds)
        : 0;
    QList<QByteArray> set {
        QByteArrayLiteral("SET"), keyOf(token) + ":used", QByteArrayLiteral("1"), QByteArrayLiteral("NX")};
    if (left > 0)
        set << QByteArrayLiteral("EX") << QByteArray::number(left);
    QString error;
    Reply reply(command(set, &error));
    if (!reply)
        return TokenLookup::error(error);
    if (reply->type == REDIS_REPLY_NIL)
        return TokenLookup::expired(QStringLiteral("token already used"));
    if (reply->type == REDIS_REPLY_ERROR)
        return TokenLookup::error(QStringLiteral("Redis refused SET %1:used: %2")
                                      .arg(shownKey(token), QString::fromUtf8(reply->str, qsizetype(reply->len))));
    return result;
}

namespace {
QByteArray grantJson(const TokenGrant &grant)
{
    QJsonObject object;
    object.insert(QLatin1String("host"), grant.target.toString());
    object.insert(QLatin1String("vm"), grant.vmId);
    object.insert(QLatin1String("user"), grant.user);
    if (grant.expiresAt.isValid())
        object.insert(QLatin1String("expires"), grant.expiresAt.toSecsSinceEpoch());
    object.insert(QLatin1String("one_time"), grant.oneTime);
    object.insert(QLatin1String("revoked"), grant.revoked);
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}
} // namespace

bool TokenRedis::issue(const QString &token, const TokenGrant &grant, QString *error)
{
    QList<QByteArray> set {QByteArrayLiteral("SET"), keyOf(token), grantJson(grant)};
    if (grant.expiresAt.isValid())
        set << QByteArrayLiteral("EX")
            << QByteArray::number(
                   qMax<qint64>(1, QDateTime::currentDateTimeUtc().secsTo(grant.expiresAt) + kKeepEndedSeconds));
    Reply reply(command(set, error));
    if (!reply)
        return false;
    if (reply->type == REDIS_REPLY_ERROR) {
        *error = QStringLiteral("Redis refused SET %1: %2")
                     .arg(shownKey(token), QString::fromUtf8(reply->str, qsizetype(reply->len)));
        return false;
    }
    return true;
}

bool TokenRedis::revoke(const QString &token, QString *error)
{
    TokenGrant grant;
    const TokenLookup found = grantOf(token, &grant);
    if (!found.found()) {
        *error = found.reason;
        return false;
    }
    grant.revoked = true;
    // KEEPTTL (Redis 6): the revoked record ends when the token would have.
    QList<QByteArray> set {QByteArrayLiteral("SET"), keyOf(token), grantJson(grant)};
    if (grant.expiresAt.isValid())
        set << QByteArrayLiteral("KEEPTTL");
    else
        set << QByteArrayLiteral("EX") << QByteArray::number(kKeepEndedSeconds);
    Reply reply(command(set, error));
    if (!reply)
        return false;
    if (reply->type == REDIS_REPLY_ERROR) {
        *error = QStringLiteral("Redis refused SET %1: %2")
                     .arg(shownKey(token), QString::fromUtf8(reply->str, qsizetype(reply->len)));
        return false;
    }
    return true;
}

} // namespace Porthole
