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
        // A Porthole console gateway (porthole-proxy --opennebula) at gatewayUrl: tokens
        // from gatewayUrl/RPC2, consoles at ws(s)://…/websockify?token=.
        Gateway,
        // Plain TCP to the VM's host and port, dialled by an SSH jump host (sshJumpHost,
        // default the oned host): for hypervisors only the front-end reaches.
        SshJump,
    };
    enum class Authentication
    {
        Password,
        LoginToken
    };

    static constexpr int kDefaultTimeoutSeconds = 30;
    static constexpr int kMinimumTimeoutSeconds = 5;
    static constexpr int kMaximumTimeoutSeconds = 600;

    QString name;
    QUrl endpoint;
    QString user;
    Authentication authentication = Authentication::Password;
    QUrl vnctokenEndpoint; // empty: addon-vnctoken's default on the oned host
    QUrl consoleProxyUrl; // e.g. wss://frontend:29876/websockify
    QUrl gatewayUrl; // ConsoleAccess::Gateway: e.g. https://frontend:29876
    ConsoleAccess consoleAccess = ConsoleAccess::VncToken;
    QString caFile;
    QString pinSha256; // "AB:CD:…" as shown to the user; empty: no pin
    // Silence longer than this ends a call (sign-in included); a slow oned needs more.
    int timeoutSeconds = kDefaultTimeoutSeconds;
    QString sshJumpHost; // ConsoleAccess::SshJump: ssh://[user@]host[:port]; empty: the oned host
    // Host address overrides (HostOverrides), for every mode that dials the VM's host itself.
    QStringList hostAddresses; // "HOSTNAME=ADDRESS"
    QString defaultDomain;
    bool rememberSecret = false;

    bool isValid() const { return !name.isEmpty() && endpoint.isValid() && !endpoint.isEmpty(); }
    // The CredentialStore key of this profile's secret.
    QString credentialKey() const;
    OneSettings toOneSettings(const QString &secret) const;

    // Where tokens come from and where their consoles open, for the two token modes: the
    // fields as given for VncToken, derived from gatewayUrl for Gateway
    // (https://fe:29876 → https://fe:29876/RPC2 and wss://fe:29876/websockify).
    QUrl effectiveVnctokenEndpoint() const;
    QUrl effectiveConsoleProxyUrl() const;
    bool usesTokens() const
    {
        return consoleAccess == ConsoleAccess::VncToken || consoleAccess == ConsoleAccess::Gateway;
    }
    // The jump host as written, or ssh://<oned host> when none is.
    QString effectiveSshJumpHost() const;
    // Where to dial a VM's host: the override table, then the default domain.
    QString consoleHost(const QString &vmHost) const;
    static QString accessKey(ConsoleAccess access); // "vnctoken", "direct", "local-proxy", "gateway", "ssh-jump"
    static ConsoleAccess accessFromKey(const QString &key);

    friend bool operator==(const ConnectionProfile &, const ConnectionProfile &) = default;
};

} // namespace Porthole

Q_DECLARE_METATYPE(Porthole::ConnectionProfile)
