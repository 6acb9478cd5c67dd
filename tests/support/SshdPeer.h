// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ConsolePeers.h"

#include <QString>
#include <QTemporaryDir>

namespace PortholeTest {

// OpenSSH's sshd on 127.0.0.1 with its own host key, config and authorized_keys, for the
// SSH jump host tests. Runs in the foreground (-D -e); its per-connection children start
// sessions of their own, so kill() finds them through /proc by parent pid.
class SshdPeer
{
public:
    SshdPeer();
    ~SshdPeer();

    // port 0: a free one; otherwise that port (sshd coming back with the same host key).
    bool start(quint16 port = 0);
    // SIGKILL to sshd and every process under it: the jump host vanishes mid-session.
    void kill();
    quint16 port() const { return m_port; }
    QString user() const; // the account the tests log in as (the current user)
    QString url() const; // ssh://user@127.0.0.1:port
    QString directory() const { return m_dir.path(); }
    QString log() const;

    // "SHA256:…" of the host key, as ssh-keygen -l prints it.
    QString hostFingerprint() const;
    // A known_hosts file with the right key, or with another (a changed key), or empty.
    QString writeKnownHosts(const QString &name, bool rightKey = true) const;

    // A new ed25519 key pair (passphrase empty: unencrypted); authorized: added to authorized_keys.
    QString makeUserKey(const QString &name, const QString &passphrase = QString(), bool authorized = true);

private:
    bool run(const QString &program, const QStringList &arguments, QString *output = nullptr) const;

    QTemporaryDir m_dir;
    PeerProcess m_process;
    quint16 m_port = 0;
};

// ssh-agent -D on a socket in a temporary directory, killed with the object.
class SshAgentPeer
{
public:
    bool start();
    bool add(const QString &keyFile);
    QString socket() const { return m_dir.filePath(QStringLiteral("agent.sock")); }

private:
    QTemporaryDir m_dir;
    PeerProcess m_process;
};

} // namespace PortholeTest
