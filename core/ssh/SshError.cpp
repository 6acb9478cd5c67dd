// SPDX-License-Identifier: GPL-2.0-or-later
#include "ssh/SshError.h"

namespace Porthole {

QString sshErrorId(SshError error)
{
    switch (error) {
    case SshError::None:
        return QStringLiteral("none");
    case SshError::Unreachable:
        return QStringLiteral("ssh-unreachable");
    case SshError::HostKeyUnknown:
        return QStringLiteral("host-key-unknown");
    case SshError::HostKeyChanged:
        return QStringLiteral("host-key-changed");
    case SshError::AuthenticationFailed:
        return QStringLiteral("ssh-authentication-failed");
    case SshError::ChannelRefused:
        return QStringLiteral("ssh-channel-refused");
    case SshError::ConnectionLost:
        return QStringLiteral("ssh-connection-lost");
    case SshError::Cancelled:
        return QStringLiteral("ssh-cancelled");
    case SshError::Internal:
        break;
    }
    return QStringLiteral("ssh-internal");
}

} // namespace Porthole
