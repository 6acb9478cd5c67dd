// SPDX-License-Identifier: GPL-2.0-or-later
#include "ssh/SshConnection.h"

#include "base/Logging.h"
#include "ssh/SshChannel.h"

#include <QCoreApplication>
#include <QMetaMethod>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <libssh/libssh.h>
#include <map>
#include <mutex>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace Porthole {

namespace {

struct Command
{
    enum class Kind
    {
        Open,
        Write,
        Close
    };
    Kind kind = Kind::Open;
    int id = 0;
    QString host;
    int port = 0;
    QByteArray data;
};

// Bytes handed to the GUI thread per channel and loop turn: large enough that a busy
// console costs one queued call per turn, small enough to keep the loop responsive.
constexpr qsizetype kMaxReadPerTurn = 1 << 20;

// Every worker thread started, so that the process can stop them before it exits: a worker
// still inside libssh while exit() runs libcrypto's and libssh's own clean-up crashes.
struct Workers
{
    std::mutex mutex;
    std::vector<std::weak_ptr<void>> list;
    bool atExitInstalled = false;
};

Workers &workers()
{
    static auto *all = new Workers; // never freed: it is used while the process exits
    return *all;
}

// How long the exiting process waits for workers. A worker inside a blocking connect cannot be
// woken before its own timeout; it is then left, as before.
constexpr auto kExitWait = std::chrono::seconds(3);

} // namespace

// What the worker thread and the GUI-side object share. The worker holds it after the owner
// is gone; owner (under mutex) is then null and nothing more is posted.
struct SshConnection::Shared
{
    SshTarget target;
    SshLink::Options options;
    Secrets secrets;
    bool askHostKey = false;
    bool askSecrets = false;

    std::mutex mutex;
    std::condition_variable answered;
    SshConnection *owner = nullptr;
    bool stop = false;
    std::optional<SshHostKeyAnswer> hostKeyAnswer;
    bool secretAnswered = false;
    std::optional<QString> secretAnswer;
    std::deque<Command> commands;
    int wakeFd = -1;
    bool finished = false; // the worker has freed its libssh session
    std::condition_variable done;

    ~Shared()
    {
        if (wakeFd >= 0)
            ::close(wakeFd);
    }

    template<typename F> void post(F &&f)
    {
        std::lock_guard lock(mutex);
        if (owner)
            QMetaObject::invokeMethod(
                owner, [o = owner, f = std::forward<F>(f)] { f(o); }, Qt::QueuedConnection);
    }

    void wake()
    {
        const uint64_t one = 1;
        [[maybe_unused]] const ssize_t n = ::write(wakeFd, &one, sizeof one);
    }

    bool stopping()
    {
        std::lock_guard lock(mutex);
        return stop;
    }
};

SshConnection::SshConnection(
    const SshTarget &target, const SshLink::Options &options, const Secrets &secrets, QObject *parent)
    : QObject(parent)
    , m_target(target)
    , m_options(options)
    , m_secrets(secrets)
    , m_where(target.toString())
{
    qRegisterMetaType<Porthole::SshError>();
    qRegisterMetaType<Porthole::SshHostKey>();
}

SshConnection::~SshConnection()
{
    for (const QPointer<SshChannel> &channel : std::as_const(m_channels))
        if (channel)
            channel->deliverClosed(SshError::None, QString());
    if (!m_shared)
        return;
    std::lock_guard lock(m_shared->mutex);
    m_shared->owner = nullptr;
    m_shared->stop = true;
    m_shared->answered.notify_all();
    m_shared->wake();
}

void SshConnection::start()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Connecting;
    m_shared = std::make_shared<Shared>();
    m_shared->target = m_target;
    m_shared->options = m_options;
    m_shared->secrets = m_secrets;
    m_shared->askHostKey = isSignalConnected(QMetaMethod::fromSignal(&SshConnection::hostKeyQuestion));
    m_shared->askSecrets = isSignalConnected(QMetaMethod::fromSignal(&SshConnection::secretQuestion));
    m_shared->owner = this;
    m_shared->wakeFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_shared->wakeFd < 0) {
        onFailed(SshError::Internal, QStringLiteral("cannot create an eventfd for the SSH connection"));
        return;
    }
    qCInfo(lcConsole) << "SSH: connecting to" << m_target.toString();
    {
        Workers &all = workers();
        std::lock_guard lock(all.mutex);
        std::erase_if(all.list, [](const std::weak_ptr<void> &w) { return w.expired(); });
        all.list.push_back(m_shared);
        if (!std::exchange(all.atExitInstalled, true))
            qAddPostRoutine(&SshConnection::stopWorkersAtExit);
    }
    std::thread(&SshConnection::run, m_shared).detach();
}

void SshConnection::answerHostKey(SshHostKeyAnswer answer)
{
    if (!m_shared)
        return;
    std::lock_guard lock(m_shared->mutex);
    m_shared->hostKeyAnswer = answer;
    m_shared->answered.notify_all();
}

void SshConnection::answerSecret(const std::optional<QString> &secret)
{
    if (!m_shared)
        return;
    std::lock_guard lock(m_shared->mutex);
    m_shared->secretAnswer = secret;
    m_shared->secretAnswered = true;
    m_shared->answered.notify_all();
}

SshChannel *SshConnection::openChannel(const QString &host, int port, QObject *parent)
{
    const int id = m_nextChannel++;
    auto *channel = new SshChannel(this, id, parent);
    m_channels.insert(id, channel);
    if (m_state == State::Failed) {
        // Queued, so that the caller has connected to closed() first.
        QMetaObject::invokeMethod(
            channel, [channel, e = m_error, t = m_errorText] { channel->deliverClosed(e, t); }, Qt::QueuedConnection);
        return channel;
    }
    if (m_shared) {
        std::lock_guard lock(m_shared->mutex);
        m_shared->commands.push_back({Command::Kind::Open, id, host, port, {}});
        m_shared->wake();
    }
    return channel;
}

void SshConnection::writeChannel(int id, const QByteArray &data)
{
    if (!m_shared || m_state == State::Failed)
        return;
    std::lock_guard lock(m_shared->mutex);
    m_shared->commands.push_back({Command::Kind::Write, id, {}, 0, data});
    m_shared->wake();
}

void SshConnection::closeChannel(int id)
{
    m_channels.remove(id);
    if (!m_shared || m_state == State::Failed)
        return;
    std::lock_guard lock(m_shared->mutex);
    m_shared->commands.push_back({Command::Kind::Close, id, {}, 0, {}});
    m_shared->wake();
}

void SshConnection::onFailed(SshError error, const QString &text)
{
    if (m_state == State::Failed)
        return;
    // A connection that was up and went away is a loss for every channel it carried.
    const SshError channelError = m_state == State::Ready ? SshError::ConnectionLost : error;
    m_state = State::Failed;
    m_error = channelError;
    m_errorText = text;
    qCInfo(lcConsole) << "SSH:" << sshErrorId(channelError) << text;
    const auto channels = std::exchange(m_channels, {});
    for (const QPointer<SshChannel> &channel : channels)
        if (channel)
            channel->deliverClosed(channelError, text);
    Q_EMIT failed(channelError, text);
}

void SshConnection::stopWorkersAtExit()
{
    std::vector<std::shared_ptr<Shared>> live;
    {
        Workers &all = workers();
        std::lock_guard lock(all.mutex);
        for (const std::weak_ptr<void> &weak : all.list)
            if (auto shared = std::static_pointer_cast<Shared>(weak.lock()))
                live.push_back(std::move(shared));
        all.list.clear();
    }
    const auto deadline = std::chrono::steady_clock::now() + kExitWait;
    for (const std::shared_ptr<Shared> &shared : live) {
        std::unique_lock lock(shared->mutex);
        shared->owner = nullptr;
        shared->stop = true;
        shared->answered.notify_all();
        shared->wake();
        shared->done.wait_until(lock, deadline, [&] { return shared->finished; });
    }
}

// ---- the worker thread ----

void SshConnection::run(std::shared_ptr<Shared> shared)
{
    runSession(shared);
    {
        std::lock_guard lock(shared->mutex);
        shared->finished = true;
    }
    shared->done.notify_all();
}

void SshConnection::runSession(const std::shared_ptr<Shared> &shared)
{
    SshLink::Callbacks callbacks;
    callbacks.hostKey = [shared](const SshHostKey &key) {
        std::unique_lock lock(shared->mutex);
        if (!shared->askHostKey || !shared->owner)
            return SshHostKeyAnswer::Refuse;
        shared->hostKeyAnswer.reset();
        QMetaObject::invokeMethod(
            shared->owner, [o = shared->owner, key] { Q_EMIT o->hostKeyQuestion(key); }, Qt::QueuedConnection);
        shared->answered.wait(lock, [&] { return shared->stop || shared->hostKeyAnswer.has_value(); });
        return shared->stop ? SshHostKeyAnswer::Refuse : *shared->hostKeyAnswer;
    };
    callbacks.secret = [shared](const SshLink::SecretRequest &request) -> std::optional<QString> {
        std::unique_lock lock(shared->mutex);
        const std::optional<QString> &preset = request.kind == SshLink::SecretRequest::Kind::Password
            ? shared->secrets.password
            : shared->secrets.passphrase;
        if (preset && !request.retry)
            return preset;
        if (!shared->askSecrets || !shared->owner)
            return std::nullopt;
        shared->secretAnswered = false;
        shared->secretAnswer.reset();
        QMetaObject::invokeMethod(
            shared->owner, [o = shared->owner, request] { Q_EMIT o->secretQuestion(request); }, Qt::QueuedConnection);
        shared->answered.wait(lock, [&] { return shared->stop || shared->secretAnswered; });
        if (shared->stop)
            return std::nullopt;
        return std::exchange(shared->secretAnswer, std::nullopt);
    };

    SshLink link(shared->target, shared->options, callbacks);
    auto fail = [&](const SshLink::Result &result) {
        shared->post([result](SshConnection *o) { o->onFailed(result.error, result.sentence); });
    };
    for (SshLink::Result (SshLink::*step)() : {&SshLink::connect, &SshLink::checkHostKey, &SshLink::authenticate}) {
        if (shared->stopping())
            return;
        const SshLink::Result result = (link.*step)();
        if (!result.ok()) {
            fail(result);
            return;
        }
    }
    shared->post([where = link.where(), key = link.hostKey(), by = link.authenticatedBy()](SshConnection *o) {
        if (o->m_state != State::Connecting)
            return;
        o->m_where = where;
        o->m_hostKey = key;
        o->m_authenticatedBy = by;
        o->m_state = State::Ready;
        qCInfo(lcConsole) << "SSH: connected to" << where << "by" << by;
        Q_EMIT o->ready();
    });

    ssh_session session = link.session();
    ssh_set_blocking(session, 0);
    ssh_event event = ssh_event_new();
    ssh_event_add_session(event, session);
    ssh_event_add_fd(
        event, shared->wakeFd, POLLIN,
        [](socket_t fd, int, void *) {
            uint64_t value = 0;
            [[maybe_unused]] const ssize_t n = ::read(fd, &value, sizeof value);
            return 0;
        },
        nullptr);

    struct Channel
    {
        ssh_channel channel = nullptr;
        QString host;
        int port = 0;
        bool open = false;
        QByteArray out;
    };
    std::map<int, Channel> channels;
    auto closed = [&](int id, SshError error, const QString &text) {
        shared->post([id, error, text](SshConnection *o) {
            if (const QPointer<SshChannel> channel = o->m_channels.take(id))
                channel->deliverClosed(error, text);
        });
    };
    const QString where = link.where();
    const socket_t socket = ssh_get_fd(session);
    QString lost;
    std::vector<char> buffer(65536);
    while (lost.isEmpty()) {
        bool waiting = false;
        bool buffered = false;
        for (const auto &[id, c] : channels) {
            waiting = waiting || !c.open || !c.out.isEmpty();
            // Reading one channel makes libssh take in the packets of all: another channel's
            // bytes (or what kMaxReadPerTurn left) may wait in its buffer with nothing more
            // coming on the socket, and must not wait for the poll's timeout.
            buffered = buffered || (c.open && ssh_channel_poll(c.channel, 0) > 0);
        }
        // No wait while bytes are buffered; a short one while channels wait to open or to
        // write (the window may reopen without a packet this loop sees first); otherwise a
        // slow tick to notice a dead link.
        if (ssh_event_dopoll(event, buffered ? 0 : waiting ? 10 : 1000) == SSH_ERROR && !ssh_is_connected(session)) {
            lost = QStringLiteral("the SSH connection to %1 was lost: %2").arg(where, link.libraryError());
            break;
        }
        // sshd sets TCP_NODELAY only for interactive sessions, so the tail of each frame waits
        // for our ACK; a delayed ACK (40 ms) would then pace the console. Linux clears
        // quick-ACK mode by itself, so it is set again on every turn.
        const int one = 1;
        setsockopt(socket, IPPROTO_TCP, TCP_QUICKACK, &one, sizeof one);
        std::deque<Command> commands;
        {
            std::lock_guard lock(shared->mutex);
            if (shared->stop)
                break;
            commands.swap(shared->commands);
        }
        for (Command &command : commands) {
            switch (command.kind) {
            case Command::Kind::Open: {
                Channel c;
                c.channel = ssh_channel_new(session);
                c.host = command.host;
                c.port = command.port;
                if (!c.channel) {
                    closed(command.id, SshError::Internal, QStringLiteral("libssh could not create a channel"));
                    break;
                }
                channels.emplace(command.id, std::move(c));
                break;
            }
            case Command::Kind::Write:
                if (auto it = channels.find(command.id); it != channels.end())
                    it->second.out += command.data;
                break;
            case Command::Kind::Close:
                if (auto it = channels.find(command.id); it != channels.end()) {
                    SshLink::closeChannel(it->second.channel);
                    channels.erase(it);
                }
                break;
            }
        }
        for (auto it = channels.begin(); it != channels.end();) {
            const int id = it->first;
            Channel &c = it->second;
            auto drop = [&](SshError error, const QString &text) {
                closed(id, error, text);
                SshLink::closeChannel(c.channel);
                it = channels.erase(it);
            };
            if (!c.open) {
                const QByteArray host = c.host.toUtf8();
                const int rc = ssh_channel_open_forward(c.channel, host.constData(), c.port, "127.0.0.1", 0);
                if (rc == SSH_AGAIN) {
                    ++it;
                    continue;
                }
                if (rc != SSH_OK) {
                    const bool gone = !ssh_is_connected(session);
                    drop(gone ? SshError::ConnectionLost : SshError::ChannelRefused,
                        QStringLiteral("the SSH jump host %1 could not connect to %2:%3: %4")
                            .arg(where, c.host)
                            .arg(c.port)
                            .arg(link.libraryError()));
                    continue;
                }
                c.open = true;
                shared->post([id](SshConnection *o) {
                    if (const QPointer<SshChannel> channel = o->m_channels.value(id))
                        channel->deliverOpened();
                });
            }
            bool failed = false;
            while (!c.out.isEmpty()) {
                const int n = ssh_channel_write(c.channel, c.out.constData(), uint32_t(c.out.size()));
                if (n < 0) {
                    failed = true;
                    break;
                }
                if (n == 0)
                    break; // the remote window is closed for now
                c.out.remove(0, n);
            }
            QByteArray in;
            while (!failed && in.size() < kMaxReadPerTurn) {
                const int n = ssh_channel_read_nonblocking(c.channel, buffer.data(), uint32_t(buffer.size()), 0);
                if (n > 0) {
                    in.append(buffer.data(), n);
                    continue;
                }
                if (n < 0 && n != SSH_EOF)
                    failed = true;
                break;
            }
            if (!in.isEmpty())
                shared->post([id, in](SshConnection *o) {
                    if (const QPointer<SshChannel> channel = o->m_channels.value(id))
                        channel->deliverData(in);
                });
            if (failed && !ssh_is_connected(session)) {
                lost = QStringLiteral("the SSH connection to %1 was lost: %2").arg(where, link.libraryError());
                break;
            }
            if (failed || ssh_channel_is_eof(c.channel) || ssh_channel_is_closed(c.channel)) {
                drop(SshError::None, QStringLiteral("%1:%2 closed the connection").arg(c.host).arg(c.port));
                continue;
            }
            ++it;
        }
        if (lost.isEmpty() && !ssh_is_connected(session))
            lost = QStringLiteral("the SSH connection to %1 was lost: %2").arg(where, link.libraryError());
    }
    for (auto &[id, c] : channels)
        SshLink::closeChannel(c.channel);
    ssh_event_remove_session(event, session);
    ssh_event_remove_fd(event, shared->wakeFd);
    ssh_event_free(event);
    if (!lost.isEmpty())
        fail({SshError::ConnectionLost, lost});
}

} // namespace Porthole
