// SPDX-License-Identifier: GPL-2.0-or-later
#include "proxy/LocalTokenProxy.h"

#include "base/Logging.h"
#include "base/Redact.h"
#include "proxy/TokenProxy.h"
#include "tokens/TokenSource.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>

namespace Porthole {

namespace {
// Debian's noVNC; the proxy serves it with --web, as websockify does.
const QString kNoVncRoot = QStringLiteral("/usr/share/novnc");
} // namespace

LocalTokenProxy::LocalTokenProxy(QObject *parent)
    : QObject(parent)
{ }

LocalTokenProxy::~LocalTokenProxy()
{
    if (m_proxy)
        m_proxy->stop();
}

bool LocalTokenProxy::start(QString *error)
{
    return start(error, Settings());
}

bool LocalTokenProxy::start(QString *error, const Settings &settings)
{
    if (isRunning())
        return true;
    TokenSource *source = &m_tokens;
    if (!settings.tokenPath.isEmpty()) {
        m_fileTokens = TokenSource::create(QStringLiteral("TokenFile"), settings.tokenPath, error);
        if (!m_fileTokens || !m_fileTokens->load(error)) {
            m_fileTokens.reset();
            return false;
        }
        source = m_fileTokens.get();
    }
    ProxyConfig config;
    config.listenAddress = settings.address;
    config.listenPort = settings.port;
    config.certFile = settings.certFile;
    config.keyFile = settings.keyFile;
    // Other users of this host reach the port too: as porthole-proxy's default.
    config.tokenGuessLimit = 60;
    if (QFileInfo::exists(kNoVncRoot + QStringLiteral("/vnc.html")))
        config.webRoot = kNoVncRoot;
    m_proxy = std::make_unique<TokenProxy>(config, source);
    if (!m_proxy->start(error)) {
        m_proxy.reset();
        m_fileTokens.reset();
        return false;
    }
    m_settings = settings;
    qCInfo(lcUi) << "local token proxy on" << settings.address.toString() << m_proxy->port() << "serving"
                 << source->description();
    Q_EMIT runningChanged(true);
    return true;
}

void LocalTokenProxy::stop()
{
    if (!m_proxy)
        return;
    m_proxy->stop();
    m_proxy.reset();
    m_fileTokens.reset();
    Q_EMIT runningChanged(false);
}

bool LocalTokenProxy::isRunning() const
{
    return m_proxy != nullptr;
}

quint16 LocalTokenProxy::port() const
{
    return m_proxy ? m_proxy->port() : 0;
}

ProxyMetrics LocalTokenProxy::metrics() const
{
    return m_proxy ? m_proxy->metrics() : ProxyMetrics();
}

QString LocalTokenProxy::sourceDescription() const
{
    return m_fileTokens ? m_fileTokens->description() : m_tokens.description();
}

QString LocalTokenProxy::mint(const TokenTarget &target, int ttlSeconds)
{
    // 128 random bits, URL-safe: the token is the only credential the proxy checks.
    QByteArray raw(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), 4);
    const QString token
        = QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QDateTime expires = QDateTime::currentDateTimeUtc().addSecs(ttlSeconds);
    m_tokens.add(token, target, expires);
    m_minted.append({token, target, expires});
    qCDebug(lcUi) << "minted local token" << redact(token) << "for" << target.toString();
    Q_EMIT tokensChanged();
    return token;
}

void LocalTokenProxy::revoke(const QString &token)
{
    m_tokens.remove(token);
    m_minted.removeIf([&](const Minted &m) { return m.token == token; });
    Q_EMIT tokensChanged();
}

QList<LocalTokenProxy::Minted> LocalTokenProxy::minted() const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Minted> live;
    for (const Minted &m : m_minted) {
        if (m.expiresAt > now)
            live << m;
    }
    return live;
}

std::optional<LocalTokenProxy::Minted> LocalTokenProxy::findMinted(const QString &token) const
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const Minted &m : m_minted) {
        if (m.token == token && m.expiresAt > now)
            return m;
    }
    return std::nullopt;
}

ConsoleUrl LocalTokenProxy::urlFor(const QString &token) const
{
    const QHostAddress &a = m_settings.address;
    const QString host = a == QHostAddress::Any || a == QHostAddress::AnyIPv4 || a == QHostAddress::AnyIPv6
        ? QStringLiteral("127.0.0.1")
        : a.toString();
    return ConsoleUrl::webSocket(tlsEnabled(), host, port(), QStringLiteral("/websockify"), token);
}

QUrl LocalTokenProxy::noVncPage() const
{
    if (!isRunning() || !QFileInfo::exists(kNoVncRoot + QStringLiteral("/vnc.html")))
        return {};
    const ConsoleUrl url = urlFor(QStringLiteral("x"));
    return QUrl(QStringLiteral("%1://%2:%3/vnc.html")
                    .arg(tlsEnabled() ? QStringLiteral("https") : QStringLiteral("http"), url.host())
                    .arg(port()));
}

} // namespace Porthole
