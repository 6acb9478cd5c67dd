// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace Porthole {

// The jump host's key as checked against known_hosts.
struct SshHostKey
{
    enum class Verdict
    {
        Known, // known_hosts has exactly this key
        Unknown, // known_hosts has no key for this host (or there is no known_hosts file)
        Changed, // known_hosts has another key (of this type or another): refused
    };
    QString host; // as written in known_hosts: "host" or "[host]:port"
    QString type; // "ssh-ed25519"
    QString fingerprint; // "SHA256:base64", as ssh-keygen -l prints it
    QString knownHostsFile;
    Verdict verdict = Verdict::Unknown;
};

// What to do with an unknown key.
enum class SshHostKeyAnswer
{
    Refuse,
    TrustOnce, // for this connection only
    TrustAlways, // appended to known_hosts
};

} // namespace Porthole

Q_DECLARE_METATYPE(Porthole::SshHostKey)
