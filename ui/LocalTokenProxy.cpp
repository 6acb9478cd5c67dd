// SPDX-License-Identifier: GPL-2.0-or-later
#include "LocalTokenProxy.h"

#include "Logging.h"
#include "Redact.h"
#include "TokenProxy.h"

#include <QRandomGenerator>

namespace Porthole {

LocalTokenProxy::LocalTokenProxy(QObject *parent)
    : QObject(parent)
{
}

LocalTokenProxy::~LocalTokenProxy()
{
    stop();
}

bool LocalTokenProxy::start(QString *error, const QHostAddress &address, quint16 port)
{
    if (isRunning())
        return true;
    ProxyConfig config;
    config.listenAddress = address;
    config.listenPort = port;
    m_address = address;
    m_proxy = std::make_unique<TokenProxy>(config, &m_tokens);
    if (!m_proxy->start(error)) {
        m_proxy.reset();
        return false;
    }
    qCInfo(lcUi) << "local token proxy on" << address.toString() << m_proxy->port();
    return true;
}

void LocalTokenProxy::stop()
{
    if (m_proxy)
        m_proxy->stop();
    m_proxy.reset();
}

bool LocalTokenProxy::isRunning() const
{
    return m_proxy != nullptr;
}

quint16 LocalTokenProxy::port() const
{
    return m_proxy ? m_proxy->port() : 0;
}

QString LocalTokenProxy::mint(const TokenTarget &target, int ttlSeconds)
{
    // 128 random bits, URL-safe: the token is the only credential the proxy checks.
    QByteArray raw(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), 4);
    const QString token = QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    m_tokens.add(token, target, QDateTime::currentDateTimeUtc().addSecs(ttlSeconds));
    qCDebug(lcUi) << "minted local token" << redact(token) << "for" << target.toString();
    return token;
}

void LocalTokenProxy::revoke(const QString &token)
{
    m_tokens.remove(token);
}

ConsoleUrl LocalTokenProxy::urlFor(const QString &token) const
{
    const QString host = m_address == QHostAddress::Any || m_address == QHostAddress::AnyIPv4
        ? QStringLiteral("127.0.0.1")
        : m_address.toString();
    return ConsoleUrl::webSocket(false, host, port(), QStringLiteral("/websockify"), token);
}

} // namespace Porthole
