// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/OneSettings.h"

#include <QMetaType>
#include <QString>
#include <QUrl>

namespace Porthole {

// Everything needed to sign in to one cloud, except the secret: profiles are
// written to QSettings, the password or login token goes to a CredentialStore.
struct ConnectionProfile
{
    // How the console of a VM is reached (switchable per profile).
    enum class ConsoleAccess
    {
        VncToken, // one.vm.vnctoken, then the console proxy URL with ?token=
        Direct, // plain TCP to the VM's host and GRAPHICS PORT (management network)
        LocalProxy, // a token minted in the app's embedded proxy for host:port
    };
    enum class Authentication
    {
        Password,
        LoginToken
    };

    QString name;
    QUrl endpoint;
    QString user;
    Authentication authentication = Authentication::Password;
    QUrl vnctokenEndpoint; // empty: addon-vnctoken's default on the oned host
    QUrl consoleProxyUrl; // e.g. wss://frontend:29876/websockify
    ConsoleAccess consoleAccess = ConsoleAccess::VncToken;
    QString caFile;
    QString pinSha256; // "AB:CD:…" as shown to the user; empty: no pin
    bool rememberSecret = false;

    bool isValid() const { return !name.isEmpty() && endpoint.isValid() && !endpoint.isEmpty(); }
    // The CredentialStore key of this profile's secret.
    QString credentialKey() const;
    OneSettings toOneSettings(const QString &secret) const;

    static QString accessKey(ConsoleAccess access); // "vnctoken", "direct", "local-proxy"
    static ConsoleAccess accessFromKey(const QString &key);

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

} // namespace Porthole

Q_DECLARE_METATYPE(Porthole::ConnectionProfile)
