// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/proxy/WorkerSupervisor.h"

#include <arpa/inet.h>
#include <csignal>
#include <cstdio>
#include <cstring>
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

int WorkerSupervisor::supervise(const std::vector<pid_t> &children)
{
    const sigset_t set = supervisedSignals();
    size_t alive = children.size();
    int exitCode = 0;
    bool stopping = false;
    while (alive > 0) {
        int signal = 0;
        if (sigwait(&set, &signal) != 0)
            continue;
        if (signal == SIGCHLD) {
            int status = 0;
            pid_t pid;
            while ((pid = ::waitpid(-1, &status, WNOHANG)) > 0) {
                --alive;
                if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
                    exitCode = 1;
                    if (!stopping)
                        std::fprintf(stderr, "porthole-proxy: worker %d ended unexpectedly\n", int(pid));
                }
            }
            continue;
        }
        if (signal != SIGHUP)
            stopping = true;
        for (pid_t child : children)
            ::kill(child, signal);
    }
    return exitCode;
}

int WorkerSupervisor::run(int count, ProxyConfig &config, const std::function<int()> &worker, QString *error)
{
    const int listenFd = listenSocket(config, error);
    if (listenFd < 0)
        return -1;
    config.listenDescriptor = listenFd;
    // Blocked before the first fork: a SIGTERM arriving while workers start waits for
    // supervise() to pass it on instead of killing the parent and orphaning them.
    // Workers unblock them once their own handlers are in place.
    const sigset_t set = supervisedSignals();
    sigprocmask(SIG_BLOCK, &set, nullptr);
    const pid_t parent = ::getpid();
    std::vector<pid_t> children;
    for (int i = 0; i < count; ++i) {
        const pid_t pid = ::fork();
        if (pid < 0) {
            *error = QStringLiteral("cannot start worker %1: %2").arg(i).arg(lastError());
            return -1;
        }
        if (pid == 0) {
            // A supervisor that is killed outright takes its workers with it.
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            if (::getppid() != parent)
                return 0;
            return worker();
        }
        children.push_back(pid);
    }
    ::close(listenFd);
    return supervise(children);
}

} // namespace Porthole
