// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/proxy/WorkerSupervisor.h"

#include <algorithm>
#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <map>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace Porthole {
namespace {

sigset_t supervisedSignals()
{
    sigset_t set;
    sigemptyset(&set);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGCHLD})
        sigaddset(&set, s);
    return set;
}

QString lastError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

} // namespace

int WorkerSupervisor::listenSocket(const ProxyConfig &config, QString *error)
{
    const QHostAddress &address = config.listenAddress;
    const bool v4 = address.protocol() == QAbstractSocket::IPv4Protocol;
    const int fd = ::socket(v4 ? AF_INET : AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = QStringLiteral("cannot create a socket: %1").arg(lastError());
        return -1;
    }
    const int one = 1;
    const int zero = 0;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    int rc;
    if (v4) {
        sockaddr_in in = {};
        in.sin_family = AF_INET;
        in.sin_port = htons(config.listenPort);
        in.sin_addr.s_addr = htonl(address.toIPv4Address());
        rc = ::bind(fd, reinterpret_cast<sockaddr *>(&in), sizeof in);
    } else {
        // "Any" listens on both families, as QTcpServer does.
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);
        sockaddr_in6 in6 = {};
        in6.sin6_family = AF_INET6;
        in6.sin6_port = htons(config.listenPort);
        const Q_IPV6ADDR bytes = address == QHostAddress::Any ? QHostAddress(QHostAddress::AnyIPv6).toIPv6Address()
                                                              : address.toIPv6Address();
        std::memcpy(&in6.sin6_addr, &bytes, sizeof bytes);
        rc = ::bind(fd, reinterpret_cast<sockaddr *>(&in6), sizeof in6);
    }
    if (rc != 0 || ::listen(fd, 4096) != 0) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(address.toString())
                     .arg(config.listenPort)
                     .arg(lastError());
        ::close(fd);
        return -1;
    }
    return fd;
}

int WorkerSupervisor::run(int count, ProxyConfig &config, const std::function<int()> &worker, QString *error)
{
    using Clock = std::chrono::steady_clock;
    const int listenFd = listenSocket(config, error);
    if (listenFd < 0)
        return -1;
    config.listenDescriptor = listenFd;
    // Blocked before the first fork: a SIGTERM arriving while workers start waits for the
    // loop below to pass it on instead of killing the parent and orphaning them.
    // Workers unblock them once their own handlers are in place.
    const sigset_t set = supervisedSignals();
    sigprocmask(SIG_BLOCK, &set, nullptr);
    const pid_t parent = ::getpid();
    std::map<pid_t, Clock::time_point> live; // only these are ever signalled
    int missing = count;
    Clock::time_point nextStart = Clock::now();
    // 1, 2, 4 … 30 s between restarts of workers that keep dying (core/console's back-off
    // would bring libvncclient into the proxy).
    std::chrono::milliseconds delay {1000};
    const auto nextDelay = [&delay] {
        const auto now = delay;
        delay = std::min<std::chrono::milliseconds>(delay * 2, std::chrono::seconds(30));
        return now;
    };
    bool stopping = false;
    int exitCode = 0;
    for (;;) {
        while (!stopping && missing > 0 && Clock::now() >= nextStart) {
            const pid_t pid = ::fork();
            if (pid < 0) {
                if (live.empty()) {
                    *error = QStringLiteral("cannot start a worker: %1").arg(lastError());
                    return -1;
                }
                std::fprintf(stderr, "porthole-proxy: cannot start a worker: %s\n", qPrintable(lastError()));
                nextStart = Clock::now() + nextDelay();
                break;
            }
            if (pid == 0) {
                // A supervisor that is killed outright takes its workers with it.
                ::prctl(PR_SET_PDEATHSIG, SIGTERM);
                if (::getppid() != parent)
                    return 0;
                return worker();
            }
            live.emplace(pid, Clock::now());
            --missing;
        }
        if (live.empty() && (stopping || missing == 0))
            break;
        int signal = 0;
        if (!stopping && missing > 0) {
            const auto wait = std::chrono::duration_cast<std::chrono::nanoseconds>(nextStart - Clock::now());
            timespec timeout {};
            if (wait.count() > 0) {
                timeout.tv_sec = time_t(wait.count() / 1000000000);
                timeout.tv_nsec = long(wait.count() % 1000000000);
            }
            signal = sigtimedwait(&set, nullptr, &timeout);
            if (signal < 0)
                continue; // time to start the missing workers (or EINTR)
        } else if (sigwait(&set, &signal) != 0) {
            continue;
        }
        if (signal == SIGCHLD) {
            int status = 0;
            pid_t pid;
            while ((pid = ::waitpid(-1, &status, WNOHANG)) > 0) {
                const auto found = live.find(pid);
                if (found == live.end())
                    continue;
                const auto lived = Clock::now() - found->second;
                live.erase(found);
                const bool clean = WIFEXITED(status) && WEXITSTATUS(status) == 0;
                if (stopping) {
                    if (!clean)
                        exitCode = 1;
                    continue;
                }
                // A worker that served a minute before it died is replaced after a second; one that
                // keeps dying waits longer each time instead of forking in a loop.
                if (lived >= std::chrono::seconds(60))
                    delay = std::chrono::milliseconds(1000);
                const auto wait = nextDelay();
                std::fprintf(stderr, "porthole-proxy: worker %d ended unexpectedly (%s %d); starting another in %d s\n",
                    int(pid), WIFSIGNALED(status) ? "signal" : "exit status",
                    WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status), int(wait.count() + 999) / 1000);
                ++missing;
                nextStart = std::max(nextStart, Clock::now() + wait);
            }
            continue;
        }
        if (signal != SIGHUP)
            stopping = true;
        for (const auto &[child, since] : live)
            ::kill(child, signal);
    }
    ::close(listenFd);
    return exitCode;
}

} // namespace Porthole
