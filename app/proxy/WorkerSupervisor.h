// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "proxy/ProxyConfig.h"

#include <QString>

#include <functional>

namespace Porthole {

// porthole-proxy --workers N: one listening socket made before forking, accepted
// from by N worker processes; the parent passes SIGINT/SIGTERM/SIGHUP on to the live
// ones only, and starts a new worker, with back-off, for one that died.
class WorkerSupervisor
{
public:
    // Forks `count` workers that each return worker()'s status, and supervises them
    // in the parent until all have ended. Returns the process's exit status, or -1
    // (with *error set) when the workers could not be started.
    static int run(int count, ProxyConfig &config, const std::function<int()> &worker, QString *error);

private:
    static int listenSocket(const ProxyConfig &config, QString *error);
};

} // namespace Porthole
