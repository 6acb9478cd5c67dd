// SPDX-License-Identifier: GPL-2.0-or-later
// porthole-proxy: websockify's command line in front of TokenProxy.
#include "app/proxy/ProxyCommandLine.h"
#include "app/proxy/ProxyProcessSetup.h"
#include "app/proxy/WorkerSupervisor.h"
#include "base/BuildInfo.h"
#include "base/Logging.h"
#include "base/UnixSignalWatcher.h"
#include "gateway/ConsoleGateway.h"
#include "gateway/OnedVmInfoSource.h"
#include "proxy/TokenProxy.h"
#include "tokens/MemoryTokenSource.h"
#include "tokens/TokenSource.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>

using namespace Porthole;

namespace {

int fatal(const QString &message)
{
    std::fprintf(stderr, "porthole-proxy: %s\n", qPrintable(message));
    return 2;
}

// --check: every problem with file:line, then the count; 0 when clean.
int checkTokens(TokenSource &tokens, bool loaded, const QString &error)
{
    if (!loaded) {
        std::printf("%s\n", qPrintable(error));
        return 1;
    }
    const QList<TokenProblem> problems = tokens.problems();
    for (const TokenProblem &problem : problems)
        std::printf("%s\n", qPrintable(problem.toString()));
    if (tokens.tokenCount() >= 0)
        std::printf("%s: %lld tokens, %lld problems\n", qPrintable(tokens.description()),
            qlonglong(tokens.tokenCount()), qlonglong(problems.size()));
    else
        std::printf("%s: reachable\n", qPrintable(tokens.description()));
    return problems.isEmpty() ? 0 : 1;
}

std::unique_ptr<TokenSource> createTokens(const ProxyCommandLine &commandLine, QString *error)
{
    // The gateway's in-memory store; every other plugin is websockify's.
    if (commandLine.plugin == QLatin1String("memory"))
        return std::make_unique<MemoryTokenSource>();
    return TokenSource::create(commandLine.plugin, commandLine.source, error);
}

int runWorker(int &argc, char **argv, const ProxyCommandLine &commandLine, TokenSource &tokens)
{
    const ProxyConfig &config = commandLine.config;
    // Qt's own poll() loop: the GLib one costs each relayed message a few more
    // microseconds of bookkeeping (measured: round trip p50 84 µs against 90 µs).
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    UnixSignalWatcher signals({SIGINT, SIGTERM, SIGHUP});
    // A --workers child starts with these blocked (WorkerSupervisor); handled from here on.
    sigset_t handled;
    sigemptyset(&handled);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGCHLD})
        sigaddset(&handled, s);
    sigprocmask(SIG_UNBLOCK, &handled, nullptr);

    TokenProxy proxy(config, &tokens);
    QString error;
    if (!proxy.start(&error))
        return fatal(error);
    qCInfo(lcProxy).noquote() << "tokens from" << tokens.description();
    // The console gateway: oned is asked as each caller, never with credentials of our own.
    std::unique_ptr<OnedVmInfoSource> oned;
    std::unique_ptr<ConsoleGateway> gateway;
    if (commandLine.isGateway()) {
        oned = std::make_unique<OnedVmInfoSource>(commandLine.opennebula, commandLine.onedTimeoutSeconds * 1000);
        gateway = std::make_unique<ConsoleGateway>(commandLine.gateway, &proxy, oned.get(), &tokens);
        qCInfo(lcProxy).noquote() << "console gateway for oned at"
                                  << commandLine.opennebula.toDisplayString(QUrl::RemoveUserInfo)
                                  << "on /RPC2; tokens good for"
                                  << (commandLine.gateway.ttlSeconds > 0
                                             ? QString::number(commandLine.gateway.ttlSeconds) + QStringLiteral(" s")
                                             : QStringLiteral("ever (until revoked)"))
                                  << (commandLine.gateway.oneTimeTokens ? "(one session each)" : "");
    }
    QObject::connect(&proxy, &TokenProxy::stopped, &app, [] { QCoreApplication::exit(0); });
    QObject::connect(&signals, &UnixSignalWatcher::received, &app, [&](int signal) {
        if (signal != SIGHUP) {
            qCInfo(lcProxy) << "signal" << signal << "- closing sessions and exiting";
            proxy.stop();
            return;
        }
        QString reloadError;
        if (!ProxyProcessSetup::reopenLog(&reloadError))
            qCWarning(lcProxy).noquote() << "SIGHUP:" << reloadError;
        if (tokens.load(&reloadError))
            qCInfo(lcProxy).noquote() << "SIGHUP: reloaded" << tokens.description();
        else
            qCWarning(lcProxy).noquote() << "SIGHUP: reload failed:" << reloadError;
    });
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    // Parsing, loading and (with --workers) forking happen before any Qt event machinery
    // exists, so that every worker process starts its own from scratch.
    QCoreApplication::setApplicationName(QStringLiteral("porthole-proxy"));
    QCoreApplication::setApplicationVersion(versionDescription());
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    ProxyCommandLine commandLine;
    if (!commandLine.parse(arguments)) {
        std::fputs(qPrintable(commandLine.output()), commandLine.exitStatus() == 0 ? stdout : stderr);
        return commandLine.exitStatus();
    }
    QString error;
    std::unique_ptr<TokenSource> tokens = createTokens(commandLine, &error);
    if (!tokens)
        return fatal(error);
    const bool loaded = tokens->load(&error);
    if (commandLine.check)
        return checkTokens(*tokens, loaded, error);
    // websockify starts anyway and fails every session; a missing source is a start-up error.
    if (!loaded)
        return fatal(error);
    if (!ProxyProcessSetup::apply(commandLine.logFile, commandLine.config.verbose, &error))
        return fatal(error);

    if (commandLine.workers == 1)
        return runWorker(argc, argv, commandLine, *tokens);
    tokens.reset(); // each worker loads its own (a Redis connection is not shareable)
    const int status = WorkerSupervisor::run(
        commandLine.workers, commandLine.config,
        [&] {
            std::unique_ptr<TokenSource> own = createTokens(commandLine, &error);
            if (!own || !own->load(&error))
                return fatal(error);
            return runWorker(argc, argv, commandLine, *own);
        },
        &error);
    return status < 0 ? fatal(error) : status;
}
