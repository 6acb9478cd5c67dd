// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ssh/SshError.h"
#include "ssh/SshHostKey.h"
#include "ssh/SshLink.h"
#include "ssh/SshTarget.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

namespace Porthole {

class SshChannel;

// One SSH connection to a jump host, shared by every console through it (SshConnectionPool).
// libssh runs on a thread of its own (docs/ARCHITECTURE.md, "Threads"): the blocking steps of
// SshLink first, then a non-blocking loop that carries the direct-tcpip channels. This object
// lives on the GUI thread and talks to that thread through queues only; questions (an unknown
// host key, a passphrase, a password) arrive as signals and are answered later, so nothing
// here blocks the GUI. Destroying it never waits: the thread is told to stop and ends alone.
class SshConnection : public QObject
{
    Q_OBJECT
public:
    enum class State
    {
        Idle,
        Connecting,
        Ready,
        Failed
    };

    // Secrets given up front (porthole-cli, tests), used instead of asking; never logged.
    struct Secrets
    {
        std::optional<QString> password;
        std::optional<QString> passphrase;
    };

    SshConnection(const SshTarget &target, const SshLink::Options &options, const Secrets &secrets = {},
        QObject *parent = nullptr);
    ~SshConnection() override;

    void start();
    State state() const { return m_state; }
    SshError error() const { return m_error; }
    QString errorText() const { return m_errorText; }
    SshTarget target() const { return m_target; }
    const SshLink::Options &options() const { return m_options; }
    // user@host:port once connected, else the target as written.
    QString where() const { return m_where; }
    const SshHostKey &hostKey() const { return m_hostKey; }
    QString authenticatedBy() const { return m_authenticatedBy; }

    // Answers to hostKeyQuestion() and secretQuestion(); the worker waits for them.
    void answerHostKey(SshHostKeyAnswer answer);
    void answerSecret(const std::optional<QString> &secret);

    // A direct-tcpip channel to host:port, opened once the connection is ready; the caller
    // owns it. Its closed() reports why it ended (channel refused, connection lost).
    SshChannel *openChannel(const QString &host, int port, QObject *parent = nullptr);

    // Channel plumbing, for SshChannel only.
    void writeChannel(int id, const QByteArray &data);
    void closeChannel(int id);

Q_SIGNALS:
    // Nobody connected: an unknown key is refused and no secret is asked for.
    void hostKeyQuestion(const Porthole::SshHostKey &key);
    void secretQuestion(const Porthole::SshLink::SecretRequest &request);
    void ready();
    void failed(Porthole::SshError error, const QString &text);

private:
    struct Shared;
    static void run(std::shared_ptr<Shared> shared);
    static void runSession(const std::shared_ptr<Shared> &shared);
    static void stopWorkersAtExit();
    void onFailed(SshError error, const QString &text);

    SshTarget m_target;
    SshLink::Options m_options;
    Secrets m_secrets;
    State m_state = State::Idle;
    SshError m_error = SshError::None;
    QString m_errorText;
    QString m_where;
    SshHostKey m_hostKey;
    QString m_authenticatedBy;
    int m_nextChannel = 1;
    QHash<int, QPointer<SshChannel>> m_channels;
    std::shared_ptr<Shared> m_shared;
};

} // namespace Porthole

Q_DECLARE_METATYPE(Porthole::SshLink::SecretRequest)
