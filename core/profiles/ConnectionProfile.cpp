// SPDX-License-Identifier: GPL-2.0-or-later
#include "profiles/ConnectionProfile.h"

#include "credentials/CredentialStore.h"
#include "profiles/HostOverrides.h"

#include <algorithm>

namespace Porthole {

QString ConnectionProfile::credentialKey() const
{
    return CredentialStore::keyFor(user, endpoint.toString());
}

OneSettings ConnectionProfile::toOneSettings(const QString &secret) const
{
    OneSettings settings;
    settings.endpoint = endpoint;
    settings.user = user;
    settings.secret = secret;
    settings.vnctokenEndpoint = effectiveVnctokenEndpoint();
    settings.caFile = caFile;
    settings.pin = CertificatePin::parse(pinSha256).value_or(CertificatePin());
    settings.timeoutMs = std::clamp(timeoutSeconds, kMinimumTimeoutSeconds, kMaximumTimeoutSeconds) * 1000;
    return settings;
}

namespace {
// The gateway's URL with a path of its own: nginx may put it below a prefix.
QUrl below(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString prefix = base.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    url.setPath(prefix + path);
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}
} // namespace

QUrl ConnectionProfile::effectiveVnctokenEndpoint() const
{
    if (consoleAccess != ConsoleAccess::Gateway)
        return vnctokenEndpoint;
    if (gatewayUrl.isEmpty())
        return {};
    return below(gatewayUrl, QStringLiteral("/RPC2"));
}

QUrl ConnectionProfile::effectiveConsoleProxyUrl() const
{
    if (consoleAccess != ConsoleAccess::Gateway)
        return consoleProxyUrl;
    if (gatewayUrl.isEmpty())
        return {};
    QUrl url = below(gatewayUrl, QStringLiteral("/websockify"));
    url.setScheme(gatewayUrl.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    return url;
}

QString ConnectionProfile::effectiveSshJumpHost() const
{
    const QString written = sshJumpHost.trimmed();
    if (!written.isEmpty())
        return written;
    return endpoint.host().isEmpty() ? QString() : QStringLiteral("ssh://") + endpoint.host();
}

QString ConnectionProfile::consoleHost(const QString &vmHost) const
{
    return HostOverrides(hostAddresses, defaultDomain).addressOf(vmHost);
}

QString ConnectionProfile::accessKey(ConsoleAccess access)
{
    switch (access) {
    case ConsoleAccess::VncToken:
        return QStringLiteral("vnctoken");
    case ConsoleAccess::Direct:
        return QStringLiteral("direct");
    case ConsoleAccess::LocalProxy:
        return QStringLiteral("local-proxy");
    case ConsoleAccess::Gateway:
        return QStringLiteral("gateway");
    case ConsoleAccess::SshJump:
        return QStringLiteral("ssh-jump");
    }
    return QStringLiteral("vnctoken");
}

ConnectionProfile::ConsoleAccess ConnectionProfile::accessFromKey(const QString &key)
{
    if (key == QLatin1String("direct"))
        return ConsoleAccess::Direct;
    if (key == QLatin1String("local-proxy"))
        return ConsoleAccess::LocalProxy;
    if (key == QLatin1String("gateway"))
        return ConsoleAccess::Gateway;
    if (key == QLatin1String("ssh-jump"))
        return ConsoleAccess::SshJump;
    return ConsoleAccess::VncToken;
}

} // namespace Porthole
