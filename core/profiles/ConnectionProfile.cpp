// SPDX-License-Identifier: GPL-2.0-or-later
#include "profiles/ConnectionProfile.h"

#include "credentials/CredentialStore.h"

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
    settings.vnctokenEndpoint = vnctokenEndpoint;
    settings.caFile = caFile;
    settings.pin = CertificatePin::parse(pinSha256).value_or(CertificatePin());
    return settings;
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
    }
    return QStringLiteral("vnctoken");
}

ConnectionProfile::ConsoleAccess ConnectionProfile::accessFromKey(const QString &key)
{
    if (key == QLatin1String("direct"))
        return ConsoleAccess::Direct;
    if (key == QLatin1String("local-proxy"))
        return ConsoleAccess::LocalProxy;
    return ConsoleAccess::VncToken;
}

} // namespace Porthole
