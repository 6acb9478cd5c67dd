// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "base/ExitStatus.h"
#include "base/Failure.h"
#include "ssh/SshError.h"

#include <QMetaType>
#include <QString>

namespace Porthole {

// Why a console session failed, decided from what the transport and the RFB
// handshake saw. Each value comes with a sentence for people (RfbSession::errorText).
enum class ConsoleError
{
    None,
    InvalidUrl,
    ProxyUnreachable, // DNS failure, refused or timed-out connect to the proxy
    ServerUnreachable, // the same for a direct vnc:// connection
    TlsFailure, // wss certificate or TLS handshake
    TokenRefused, // the proxy closed or refused before the WebSocket handshake
    TargetDown, // the proxy accepted the token but the VNC server behind it is down
    WrongPassword,
    PasswordRequired, // the server wants a password and none was given
    UnsupportedSecurity, // no security type both sides speak
    ProtocolError, // the peer broke RFB
    ConnectionLost, // an established session ended
    Timeout, // nothing answered in time
    JumpHostUnreachable, // the SSH jump host could not be reached (or speaks no SSH)
    HostKeyRejected, // the jump host's key is unknown (and not trusted) or has changed
    JumpHostRefused, // the jump host refused every authentication we had
    JumpHostLost, // the SSH connection carrying the console ended
    Internal, // our side failed (socketpair, memory)
};

// A stable identifier ("token-refused") for JSON output and tests.
QString consoleErrorId(ConsoleError error);

// What a failed SSH jump means for the console (SshTunnelTransport, the probe).
ConsoleError consoleErrorFromSsh(SshError error);

// The exit status of porthole-cli's console commands (base/ExitStatus.h), shared with
// the OpenNebula client: an unknown token is NotFound, a wrong password Refused.
ExitStatus consoleExitStatus(ConsoleError error);
inline int consoleExitCode(ConsoleError error)
{
    return exitCode(consoleExitStatus(error));
}
// The failure as porthole-cli reports it: consoleErrorId() and the session's sentence.
inline Failure consoleFailure(ConsoleError error, const QString &sentence)
{
    return Failure {consoleErrorId(error), sentence, consoleExitStatus(error)};
}

} // namespace Porthole

Q_DECLARE_METATYPE(Porthole::ConsoleError)
