// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Porthole {

// What a long-running proxy process changes about itself before serving: where log
// lines go (time-stamped, to a file or stderr), the descriptor limit (10,000 sessions
// need 20,000), the allocator's trimming, and SIGPIPE.
class ProxyProcessSetup
{
public:
    // False when the log file cannot be opened (the error names it).
    static bool apply(const QString &logFile, bool verbose, QString *error);
    // SIGHUP: opens the log file again by its name, so that logrotate's rename (without
    // copytruncate) is followed; on failure lines keep going to the old file, and *error says why.
    // True (and nothing done) without --log-file.
    static bool reopenLog(QString *error);
};

} // namespace Porthole
