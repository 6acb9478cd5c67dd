// SPDX-License-Identifier: GPL-2.0-or-later
#include "profiles/ProfileStore.h"

#include <QDir>
#include <QRegularExpression>
#include <QSettings>

namespace Porthole {

ProfileStore::ProfileStore(QSettings *settings)
    : m_settings(settings)
{ }

QList<ConnectionProfile> ProfileStore::load() const
{
    QList<ConnectionProfile> profiles;
    const int count = m_settings->beginReadArray(QStringLiteral("profiles"));
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        ConnectionProfile p;
        p.name = m_settings->value(QStringLiteral("name")).toString();
        p.endpoint = QUrl(m_settings->value(QStringLiteral("endpoint")).toString());
        p.user = m_settings->value(QStringLiteral("user")).toString();
        p.authentication = m_settings->value(QStringLiteral("authentication")).toString() == QLatin1String("token")
            ? ConnectionProfile::Authentication::LoginToken
            : ConnectionProfile::Authentication::Password;
        p.vnctokenEndpoint = QUrl(m_settings->value(QStringLiteral("vnctokenEndpoint")).toString());
        p.consoleProxyUrl = QUrl(m_settings->value(QStringLiteral("consoleProxyUrl")).toString());
        p.gatewayUrl = QUrl(m_settings->value(QStringLiteral("gatewayUrl")).toString());
        p.consoleAccess
            = ConnectionProfile::accessFromKey(m_settings->value(QStringLiteral("consoleAccess")).toString());
        p.caFile = m_settings->value(QStringLiteral("caFile")).toString();
        p.pinSha256 = m_settings->value(QStringLiteral("pinSha256")).toString();
        p.timeoutSeconds
            = m_settings->value(QStringLiteral("timeoutSeconds"), ConnectionProfile::kDefaultTimeoutSeconds).toInt();
        p.rememberSecret = m_settings->value(QStringLiteral("rememberSecret"), false).toBool();
        p.sshJumpHost = m_settings->value(QStringLiteral("sshJumpHost")).toString();
        p.hostAddresses = m_settings->value(QStringLiteral("hostAddresses")).toStringList();
        p.defaultDomain = m_settings->value(QStringLiteral("defaultDomain")).toString();
        if (p.isValid())
            profiles << p;
    }
    m_settings->endArray();
    if (profiles.isEmpty()) {
        if (auto env = fromEnvironment(QProcessEnvironment::systemEnvironment(), QDir::homePath()))
            profiles << env->profile;
    }
    return profiles;
}

void ProfileStore::save(const QList<ConnectionProfile> &profiles)
{
    m_settings->remove(QStringLiteral("profiles"));
    m_settings->beginWriteArray(QStringLiteral("profiles"), int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &p = profiles.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("name"), p.name);
        m_settings->setValue(QStringLiteral("endpoint"), p.endpoint.toString());
        m_settings->setValue(QStringLiteral("user"), p.user);
        m_settings->setValue(QStringLiteral("authentication"),
            p.authentication == ConnectionProfile::Authentication::LoginToken ? QStringLiteral("token")
                                                                              : QStringLiteral("password"));
        m_settings->setValue(QStringLiteral("vnctokenEndpoint"), p.vnctokenEndpoint.toString());
        // A proxy URL may carry ?token= when pasted whole: keep only where it is.
        QUrl proxy = p.consoleProxyUrl;
        proxy.setQuery(QString());
        proxy.setUserInfo(QString());
        m_settings->setValue(QStringLiteral("consoleProxyUrl"), proxy.toString());
        m_settings->setValue(QStringLiteral("consoleAccess"), ConnectionProfile::accessKey(p.consoleAccess));
        // Like the proxy URL: no user info, query or fragment (never a token) is kept.
        QUrl gateway = p.gatewayUrl;
        gateway.setUserInfo(QString());
        gateway.setQuery(QString());
        gateway.setFragment(QString());
        m_settings->setValue(QStringLiteral("gatewayUrl"), gateway.toString());
        m_settings->setValue(QStringLiteral("caFile"), p.caFile);
        m_settings->setValue(QStringLiteral("pinSha256"), p.pinSha256);
        m_settings->setValue(QStringLiteral("timeoutSeconds"), p.timeoutSeconds);
        m_settings->setValue(QStringLiteral("rememberSecret"), p.rememberSecret);
        m_settings->setValue(QStringLiteral("sshJumpHost"), p.sshJumpHost);
        m_settings->setValue(QStringLiteral("hostAddresses"), p.hostAddresses);
        m_settings->setValue(QStringLiteral("defaultDomain"), p.defaultDomain);
    }
    m_settings->endArray();
    m_settings->sync();
}

QString ProfileStore::lastUsed() const
{
    return m_settings->value(QStringLiteral("lastProfile")).toString();
}

void ProfileStore::setLastUsed(const QString &name)
{
    m_settings->setValue(QStringLiteral("lastProfile"), name);
}

std::optional<ProfileStore::FromEnvironment> ProfileStore::fromEnvironment(
    const QProcessEnvironment &environment, const QString &homeDir)
{
    FromEnvironment out;
    out.profile.endpoint = OneSettings::resolveEndpoint(QString(), environment, homeDir, &out.source);
    QString error;
    if (auto credentials = OneSettings::credentialsFromAuthFile(environment, homeDir, &error)) {
        out.profile.user = credentials->user;
        out.secret = credentials->secret;
        // `porthole-cli login > ~/.one/one_auth` (or oneuser login) leaves user:TOKEN, and oned's
        // login tokens are 64 lowercase hex digits (SHA-256); anything else is a password.
        static const QRegularExpression loginToken(QStringLiteral("^[0-9a-f]{64}$"));
        out.profile.authentication = loginToken.match(out.secret).hasMatch()
            ? ConnectionProfile::Authentication::LoginToken
            : ConnectionProfile::Authentication::Password;
    }
    if (!environment.contains(QStringLiteral("ONE_XMLRPC")) && out.profile.user.isEmpty())
        return std::nullopt;
    out.profile.name
        = out.profile.endpoint.host().isEmpty() ? QStringLiteral("OpenNebula") : out.profile.endpoint.host();
    return out;
}

} // namespace Porthole
