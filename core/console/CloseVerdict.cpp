// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/CloseVerdict.h"

namespace Porthole {

CloseVerdict CloseVerdict::beforeRfb(int code, const QString &reason, const QString &where)
{
    const QString says = reason.isEmpty() ? QStringLiteral("close code %1").arg(code)
                                          : QStringLiteral("\"%1\" (close code %2)").arg(reason).arg(code);
    switch (code) {
    case 1008: // policy violation: porthole-proxy's unknown, expired or missing token
        return {ConsoleError::TokenRefused,
            QStringLiteral("the proxy at %1 refused the token: %2; the token is unknown or expired, so get a "
                           "new console URL (or token) and try again")
                .arg(where, says)};
    case 1011:
        // porthole-proxy: its token source failed; websockify: it could not reach the target.
        if (reason.startsWith(u"token source error"))
            return {ConsoleError::ProxyUnreachable,
                QStringLiteral("the proxy at %1 could not look the token up: %2; its token source (file, "
                               "directory or Redis) is failing, so tell whoever runs the proxy")
                    .arg(where, says)};
        return {ConsoleError::TargetDown,
            QStringLiteral("the VNC server behind the proxy is down: the proxy at %1 accepted the token but "
                           "says %2; check that the VM is running and its VNC port is reachable from the proxy")
                .arg(where, says)};
    case 4014: // porthole-proxy: the token's target did not answer
        return {ConsoleError::TargetDown,
            QStringLiteral("the VNC server behind the proxy is down: the proxy at %1 accepted the token but "
                           "could not reach it (%2); check that the VM is running and its VNC port is reachable "
                           "from the proxy")
                .arg(where, says)};
    case 4013: // porthole-proxy: --max-connections or --max-per-token reached
        return {ConsoleError::ProxyUnreachable,
            QStringLiteral("the proxy at %1 is at its connection limit: %2; close another console of this VM "
                           "or try again later")
                .arg(where, says)};
    case 1001: // going away: the proxy is shutting down
        return {ConsoleError::ProxyUnreachable,
            QStringLiteral("the proxy at %1 is shutting down: %2; try again when it is back").arg(where, says)};
    default:
        return {ConsoleError::TargetDown,
            QStringLiteral("the connection closed before the VNC server sent its version (%1): the VNC server "
                           "behind %2 is down or refused us")
                .arg(says, where)};
    }
}

} // namespace Porthole
