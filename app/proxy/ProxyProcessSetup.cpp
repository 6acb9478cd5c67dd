// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/proxy/ProxyProcessSetup.h"

#include <QDateTime>
#include <QFile>
#include <QLoggingCategory>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <malloc.h>
#include <mutex>
#include <sys/resource.h>
#include <utility>

namespace Porthole {
namespace {

FILE *g_log = nullptr;
QByteArray g_logPath;
std::mutex g_logMutex; // the Redis lookup thread logs too; SIGHUP swaps the file

void logHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtDebugMsg && !g_log)
        return;
    const QByteArray line
        = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + ' ' + message.toUtf8() + '\n';
    const std::lock_guard lock(g_logMutex);
    FILE *out = g_log ? g_log : stderr;
    std::fwrite(line.constData(), 1, size_t(line.size()), out);
    std::fflush(out);
}

// The soft limit is often 1024. As root the hard limit can be raised too (up to
// fs.nr_open); otherwise the soft one goes up to the hard one.
void raiseFileLimit()
{
    rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    constexpr rlim_t kWanted = 65536;
    if (limit.rlim_max < kWanted) {
        const rlimit raised {kWanted, kWanted};
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            return;
    }
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

} // namespace

bool ProxyProcessSetup::apply(const QString &logFile, bool verbose, QString *error)
{
    if (!logFile.isEmpty()) {
        g_logPath = QFile::encodeName(logFile);
        g_log = std::fopen(g_logPath.constData(), "a");
        if (!g_log) {
            *error = QStringLiteral("cannot open log file %1").arg(logFile);
            return false;
        }
    }
    qInstallMessageHandler(logHandler);
    if (verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("porthole.*.debug=true"));
    raiseFileLimit();
    // Relaying allocates and frees write-buffer chunks at a high rate; returning them to
    // the kernel each time costs page faults on every burst.
    mallopt(M_TRIM_THRESHOLD, 32 << 20);
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
    std::signal(SIGPIPE, SIG_IGN);
    return true;
}

bool ProxyProcessSetup::reopenLog(QString *error)
{
    if (!g_log)
        return true;
    FILE *fresh = std::fopen(g_logPath.constData(), "a");
    if (!fresh) {
        *error = QStringLiteral("cannot open log file %1 again: %2")
                     .arg(QFile::decodeName(g_logPath), QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    const std::lock_guard lock(g_logMutex);
    std::fclose(std::exchange(g_log, fresh));
    return true;
}

} // namespace Porthole
