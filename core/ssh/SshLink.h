// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ssh/SshError.h"
#include "ssh/SshHostKey.h"
#include "ssh/SshTarget.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

struct ssh_session_struct;
struct ssh_channel_struct;

namespace Porthole {

// One libssh session to a jump host, driven step by step with blocking calls: connect,
// host key, authentication, then direct-tcpip channels. Each step is bounded by
// timeoutMs (DNS excepted) and returns a typed result with a sentence. Used on worker
// threads only: by SshConnection (which then turns the session non-blocking) and by the
// console probe (which reports each step). Questions (an unknown host key, a passphrase,
// a password) go to the callbacks, which may block this thread until someone answers.
class SshLink
{
public:
    struct Options
    {
        QString knownHostsFile; // empty: ~/.ssh/known_hosts
        QString globalKnownHostsFile; // empty: /etc/ssh/ssh_known_hosts
        bool readConfig = true;
        QString configFile; // empty: ~/.ssh/config (and /etc/ssh/ssh_config)
        QStringList identityFiles; // tried first
        bool defaultIdentities = true; // then the config's IdentityFile and ~/.ssh/id_{ed25519,ecdsa,rsa}
        bool useAgent = true;
        QString agentSocket; // empty: $SSH_AUTH_SOCK
        QString trustedFingerprint; // "SHA256:…": this unknown key is accepted once without asking
        int timeoutMs = 15000;

        bool operator==(const Options &) const = default;
    };

    struct SecretRequest
    {
        enum class Kind
        {
            Passphrase, // of keyFile
            Password, // of account
        };
        Kind kind = Kind::Password;
        QString keyFile;
        QString account; // user@host
        bool retry = false; // the previous answer was wrong
    };

    struct Callbacks
    {
        // Asked for an unknown key only (a changed key is refused without asking). Null: refuse.
        std::function<SshHostKeyAnswer(const SshHostKey &)> hostKey;
        // nullopt: the user declined (the key is skipped, the password not tried). Null: no secrets.
        std::function<std::optional<QString>(const SecretRequest &)> secret;
    };

    struct Result
    {
        SshError error = SshError::None;
        QString sentence; // what failed, what answered, what to do; or what happened
        bool ok() const { return error == SshError::None; }
    };

    SshLink(const SshTarget &target, const Options &options, const Callbacks &callbacks);
    ~SshLink();
    SshLink(const SshLink &) = delete;
    SshLink &operator=(const SshLink &) = delete;

    Result connect();
    Result checkHostKey();
    Result authenticate();
    // A direct-tcpip channel to host:port as the jump host resolves it; null on failure.
    ssh_channel_struct *openChannel(const QString &host, int port, Result *result);
    static void closeChannel(ssh_channel_struct *channel);

    // Blocking channel I/O for the probe: bytes read (0 on timeout), -1 at EOF or error.
    qint64 read(ssh_channel_struct *channel, char *buffer, qint64 max, int timeoutMs);
    bool write(ssh_channel_struct *channel, const QByteArray &data);

    // user@host:port after ~/.ssh/config, for sentences.
    QString where() const;
    const SshHostKey &hostKey() const { return m_hostKey; }
    // How authentication succeeded: "ssh-agent", "key /path", "password".
    QString authenticatedBy() const { return m_authenticatedBy; }
    ssh_session_struct *session() const { return m_session; }
    QString libraryError() const;

private:
    Result authenticateWithAgent(QStringList *tried);
    Result authenticateWithKey(const QString &file, QStringList *tried);
    Result authenticateWithPassword(QStringList *tried);
    QStringList identityFiles() const;

    SshTarget m_target;
    Options m_options;
    Callbacks m_callbacks;
    ssh_session_struct *m_session = nullptr;
    SshHostKey m_hostKey;
    QString m_authenticatedBy;
    bool m_connected = false;
};

} // namespace Porthole
