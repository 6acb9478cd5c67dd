// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "proxy/ProxyConfig.h"

#include <QString>

#include <functional>

namespace Porthole {

// porthole-proxy --workers N: one listening socket made before forking, accepted
// from by N worker processes; the parent only passes SIGINT/SIGTERM/SIGHUP on.
class WorkerSupervisor
{
public:
    // Forks `count` workers that each return worker()'s status, and supervises them
    // in the parent until all have ended. Returns the process's exit status, or -1
    // (with *error set) when the workers could not be started.
    static int run(int count, ProxyConfig &config, const std::function<int()> &worker, QString *error);

private:
    static int listenSocket(const ProxyConfig &config, QString *error);
    static int supervise(const std::vector<pid_t> &children);
};

} // namespace Porthole
