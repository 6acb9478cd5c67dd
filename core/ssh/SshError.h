// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace Porthole {

// Why an SSH jump failed, decided from libssh's typed results (never from its text, which
// is only shown as detail). Each value comes with a sentence for people.
enum class SshError
{
    None,
    Unreachable, // DNS, refused or timed-out connect, or no SSH server there
    HostKeyUnknown, // not in known_hosts, and not trusted
    HostKeyChanged, // known_hosts has another key for this host: refused, as OpenSSH does
    AuthenticationFailed, // every method we had was refused
    ChannelRefused, // the jump host could not (or would not) connect to the console's host:port
    ConnectionLost, // an established SSH connection ended
    Cancelled, // a question (host key, passphrase) was declined
    Internal,
};

// A stable identifier ("host-key-changed") for JSON output and tests.
QString sshErrorId(SshError error);

} // namespace Porthole

Q_DECLARE_METATYPE(Porthole::SshError)
