// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "gateway/GatewayMethods.h"
#include "proxy/ProxyConfig.h"

#include <QString>
#include <QStringList>
#include <QUrl>

namespace Porthole {

// websockify's command line, so that porthole-proxy drops in where websockify runs:
// --token-plugin/--token-source (or --target-config DIR), --cert/--key/--ssl-only,
// --web, --host-token, --heartbeat, --idle-timeout, limits, [host:]port.
class ProxyCommandLine
{
public:
    // False when the program should exit now: after --help/--version (status 0,
    // text for stdout) or on a usage error (status 2, text for stderr).
    bool parse(const QStringList &arguments);

    int exitStatus() const { return m_exitStatus; }
    const QString &output() const { return m_output; }

    ProxyConfig config;
    QString plugin = QStringLiteral("TokenFile");
    QString source;
    QString logFile;
    bool check = false;
    int workers = 1;

    // The console gateway (--opennebula URL): the addon-vnctoken API on the same port,
    // tokens minted into --token-store (memory, or redis:HOST[:PORT[:DB[:PASSWORD[:NS]]]]).
    QUrl opennebula;
    QString tokenStore = QStringLiteral("memory");
    int onedTimeoutSeconds = 30;
    GatewayMethods::Settings gateway;
    bool isGateway() const { return opennebula.isValid(); }

private:
    bool fail(const QString &message);
    bool parseListen(const QString &text);

    int m_exitStatus = 0;
    QString m_output;
};

} // namespace Porthole
