// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/ConsoleError.h"

namespace Porthole {

QString consoleErrorId(ConsoleError error)
{
    switch (error) {
    case ConsoleError::None:
        return QStringLiteral("none");
    case ConsoleError::InvalidUrl:
        return QStringLiteral("invalid-url");
    case ConsoleError::ProxyUnreachable:
        return QStringLiteral("proxy-unreachable");
    case ConsoleError::ServerUnreachable:
        return QStringLiteral("server-unreachable");
    case ConsoleError::TlsFailure:
        return QStringLiteral("tls-failure");
    case ConsoleError::TokenRefused:
        return QStringLiteral("token-refused");
    case ConsoleError::TargetDown:
        return QStringLiteral("target-down");
    case ConsoleError::WrongPassword:
        return QStringLiteral("wrong-password");
    case ConsoleError::PasswordRequired:
        return QStringLiteral("password-required");
    case ConsoleError::UnsupportedSecurity:
        return QStringLiteral("unsupported-security");
    case ConsoleError::ProtocolError:
        return QStringLiteral("protocol-error");
    case ConsoleError::ConnectionLost:
        return QStringLiteral("connection-lost");
    case ConsoleError::Timeout:
        return QStringLiteral("timeout");
    case ConsoleError::JumpHostUnreachable:
        return QStringLiteral("jump-host-unreachable");
    case ConsoleError::HostKeyRejected:
        return QStringLiteral("host-key-rejected");
    case ConsoleError::JumpHostRefused:
        return QStringLiteral("jump-host-refused");
    case ConsoleError::JumpHostLost:
        return QStringLiteral("jump-host-lost");
    case ConsoleError::Internal:
        break;
    }
    return QStringLiteral("internal");
}

ConsoleError consoleErrorFromSsh(SshError error)
{
    switch (error) {
    case SshError::None:
        return ConsoleError::None;
    case SshError::Unreachable:
        return ConsoleError::JumpHostUnreachable;
    case SshError::HostKeyUnknown:
    case SshError::HostKeyChanged:
    case SshError::Cancelled:
        return ConsoleError::HostKeyRejected;
    case SshError::AuthenticationFailed:
        return ConsoleError::JumpHostRefused;
    case SshError::ChannelRefused:
        return ConsoleError::TargetDown; // the jump host took us, the VNC server behind it is down
    case SshError::ConnectionLost:
        return ConsoleError::JumpHostLost;
    case SshError::Internal:
        break;
    }
    return ConsoleError::Internal;
}

ExitStatus consoleExitStatus(ConsoleError error)
{
    switch (error) {
    case ConsoleError::None:
        return ExitStatus::Ok;
    case ConsoleError::InvalidUrl:
        return ExitStatus::Usage;
    case ConsoleError::WrongPassword:
    case ConsoleError::PasswordRequired:
    case ConsoleError::UnsupportedSecurity:
    case ConsoleError::HostKeyRejected:
    case ConsoleError::JumpHostRefused:
        return ExitStatus::Refused;
    case ConsoleError::TokenRefused:
        return ExitStatus::NotFound;
    case ConsoleError::ProxyUnreachable:
    case ConsoleError::ServerUnreachable:
    case ConsoleError::TlsFailure:
    case ConsoleError::TargetDown:
    case ConsoleError::ConnectionLost:
    case ConsoleError::Timeout:
    case ConsoleError::JumpHostUnreachable:
    case ConsoleError::JumpHostLost:
        return ExitStatus::Unreachable;
    case ConsoleError::ProtocolError:
    case ConsoleError::Internal:
        break;
    }
    return ExitStatus::Protocol;
}

} // namespace Porthole
