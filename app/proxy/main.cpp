// SPDX-License-Identifier: GPL-2.0-or-later
// porthole-proxy: websockify's command line in front of TokenProxy.
#include "BuildInfo.h"
#include "Logging.h"
#include "proxy/TokenProxy.h"
#include "tokens/TokenSource.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QSocketNotifier>

#include <csignal>
#include <cstring>
#include <malloc.h>
#include <vector>
#include <cstdio>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Porthole;

namespace {

int g_signalPipe[2] = {-1, -1};
FILE *g_log = nullptr;

void onSignal(int signal)
{
    // Only async-signal-safe work here: the event loop reads the number from the pipe.
    const char byte = char(signal);
    [[maybe_unused]] const ssize_t n = ::write(g_signalPipe[1], &byte, 1);
}

void logHandler(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtDebugMsg && !g_log)
        return;
    const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + ' '
        + message.toUtf8() + '\n';
    FILE *out = g_log ? g_log : stderr;
    std::fwrite(line.constData(), 1, size_t(line.size()), out);
    std::fflush(out);
}

// 10,000 sessions need 20,000 descriptors; the soft limit is often 1024. As root the
// hard limit can be raised too (up to fs.nr_open); otherwise the soft one goes to it.
void raiseFileLimit()
{
    rlimit limit;
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return;
    constexpr rlim_t kWanted = 65536;
    if (limit.rlim_max < kWanted) {
        const rlimit raised{kWanted, kWanted};
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
            return;
    }
    if (limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

bool parseListen(const QString &text, ProxyConfig *config, QString *error)
{
    QString host;
    QString port = text;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QStringLiteral("]:"));
        if (close < 0) {
            *error = QStringLiteral("listen address '%1' is not [address]:port").arg(text);
            return false;
        }
        host = text.mid(1, close - 1);
        port = text.mid(close + 2);
    } else if (text.count(QLatin1Char(':')) == 1) {
        host = text.section(QLatin1Char(':'), 0, 0);
        port = text.section(QLatin1Char(':'), 1);
    }
    bool ok = false;
    const uint number = port.toUInt(&ok);
    if (!ok || number > 65535) {
        *error = QStringLiteral("listen port '%1' is not a number from 0 to 65535").arg(port);
        return false;
    }
    config->listenPort = quint16(number);
    if (host.isEmpty())
        return true;
    if (host == QLatin1String("localhost")) {
        config->listenAddress = QHostAddress::LocalHost;
        return true;
    }
    QHostAddress address(host);
    if (address.isNull()) {
        const QHostInfo info = QHostInfo::fromName(host);
        if (info.addresses().isEmpty()) {
            *error = QStringLiteral("cannot resolve listen host '%1'").arg(host);
            return false;
        }
        address = info.addresses().constFirst();
    }
    config->listenAddress = address;
    return true;
}

int intOption(const QCommandLineParser &parser, const QString &name, int fallback, bool *ok)
{
    if (!parser.isSet(name))
        return fallback;
    bool good = false;
    const int value = parser.value(name).toInt(&good);
    if (!good || value < 0) {
        std::fprintf(stderr, "porthole-proxy: --%s needs a non-negative number, not '%s'\n", qPrintable(name),
                     qPrintable(parser.value(name)));
        *ok = false;
    }
    return value;
}

int runWorker(int &argc, char **argv, const ProxyConfig &config, std::unique_ptr<TokenSource> tokens)
{
    QCoreApplication app(argc, argv);
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalPipe) != 0) {
        std::fprintf(stderr, "porthole-proxy: cannot create the signal pipe\n");
        return 2;
    }
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGHUP, &action, nullptr);
    // A --workers child starts with these blocked (see main); handled from here on.
    sigset_t handled;
    sigemptyset(&handled);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGCHLD})
        sigaddset(&handled, s);
    sigprocmask(SIG_UNBLOCK, &handled, nullptr);

    TokenProxy proxy(config, tokens.get());
    QString error;
    if (!proxy.start(&error)) {
        std::fprintf(stderr, "porthole-proxy: %s\n", qPrintable(error));
        return 2;
    }
    qCInfo(lcProxy).noquote() << "tokens from" << tokens->description();

    QObject::connect(&proxy, &TokenProxy::stopped, &app, [] { QCoreApplication::exit(0); });
    QSocketNotifier signals(g_signalPipe[0], QSocketNotifier::Read);
    QObject::connect(&signals, &QSocketNotifier::activated, &app, [&] {
        char byte = 0;
        if (::read(g_signalPipe[0], &byte, 1) != 1)
            return;
        if (byte == SIGHUP) {
            QString reloadError;
            if (tokens->load(&reloadError))
                qCInfo(lcProxy).noquote() << "SIGHUP: reloaded" << tokens->description();
            else
                qCWarning(lcProxy).noquote() << "SIGHUP: reload failed, sessions will be refused:" << reloadError;
            return;
        }
        qCInfo(lcProxy) << "signal" << int(byte) << "- closing sessions and exiting";
        proxy.stop();
    });
    return app.exec();
}

// --workers: one listening socket, made before the fork, accepted from by every worker.
int listenSocket(const ProxyConfig &config, QString *error)
{
    const QHostAddress &address = config.listenAddress;
    const bool v4 = address.protocol() == QAbstractSocket::IPv4Protocol;
    const int fd = ::socket(v4 ? AF_INET : AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = QStringLiteral("cannot create a socket: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
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
                     .arg(QString::fromLocal8Bit(std::strerror(errno)));
        ::close(fd);
        return -1;
    }
    return fd;
}

// The parent of --workers: passes SIGINT/SIGTERM/SIGHUP on and exits when they have.
int supervise(const std::vector<pid_t> &children)
{
    sigset_t set;
    sigemptyset(&set);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGCHLD})
        sigaddset(&set, s);
    sigprocmask(SIG_BLOCK, &set, nullptr);
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

} // namespace

int main(int argc, char **argv)
{
    // Parsing, loading and (with --workers) forking happen before any Qt event machinery
    // exists, so that every worker process starts its own from scratch.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    QCoreApplication::setApplicationName(QStringLiteral("porthole-proxy"));
    QCoreApplication::setApplicationVersion(buildDescription());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "WebSocket-to-VNC token proxy, a drop-in replacement for websockify.\n"
        "Browsers connect to ws[s]://host:port/websockify?token=TOKEN (any path; or a 'token' cookie);\n"
        "the token names the VNC server, and only token targets are ever dialled."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("token-plugin"), QStringLiteral("TokenFile (default), ReadOnlyTokenFile or TokenRedis."),
         QStringLiteral("PLUGIN"), QStringLiteral("TokenFile")},
        {QStringLiteral("token-source"),
         QStringLiteral("Token file, directory of token files, or Redis host[:port[:db[:password[:namespace]]]]."),
         QStringLiteral("SOURCE")},
        {QStringLiteral("target-config"), QStringLiteral("websockify's old spelling of --token-plugin TokenFile --token-source DIR."),
         QStringLiteral("DIR")},
        {QStringLiteral("cert"), QStringLiteral("PEM certificate for wss (the key may sit in the same file)."),
         QStringLiteral("FILE")},
        {QStringLiteral("key"), QStringLiteral("PEM private key, if not in the certificate file."), QStringLiteral("FILE")},
        {QStringLiteral("ssl-only"), QStringLiteral("Refuse plain ws (without it one port serves ws and wss).")},
        {QStringLiteral("web"), QStringLiteral("Serve static files from DIR (e.g. /usr/share/novnc)."), QStringLiteral("DIR")},
        {QStringLiteral("host-token"), QStringLiteral("Take the token from the Host header, as websockify does.")},
        {QStringLiteral("heartbeat"), QStringLiteral("Send a WebSocket ping every SECONDS."), QStringLiteral("SECONDS")},
        {QStringLiteral("idle-timeout"),
         QStringLiteral("Close a session idle for SECONDS. Per session: unlike websockify's flag it never stops the "
                        "server."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("max-connections"), QStringLiteral("Refuse sessions beyond N open ones (0: no limit)."),
         QStringLiteral("N")},
        {QStringLiteral("max-per-token"), QStringLiteral("Refuse sessions beyond N per token (0: no limit)."),
         QStringLiteral("N")},
        {QStringLiteral("log-file"), QStringLiteral("Append log lines to FILE instead of stderr."), QStringLiteral("FILE")},
        {QStringLiteral("verbose"), QStringLiteral("Log every connection, not only sessions.")},
        {QStringLiteral("workers"),
         QStringLiteral("Serve from N processes sharing the listening socket (more cores, and N times the "
                        "descriptor limit); the limits above then apply per process."),
         QStringLiteral("N"), QStringLiteral("1")},
        {QStringLiteral("check"),
         QStringLiteral("Load the token source, print every problem with file:line and the number of tokens, exit 0 "
                        "when clean, 1 otherwise.")},
    });
    parser.addPositionalArgument(QStringLiteral("[LISTEN_HOST:]LISTEN_PORT"), QStringLiteral("Where to listen."));
    // Without a QCoreApplication (see above) Qt's help text cannot name the program.
    if (arguments.contains(QLatin1String("-h")) || arguments.contains(QLatin1String("--help"))
        || arguments.contains(QLatin1String("--help-all"))) {
        QString help = parser.helpText();
        help.replace(QLatin1String("<executable_name>"), QLatin1String("porthole-proxy"));
        std::fputs(qPrintable(help), stdout);
        return 0;
    }
    parser.process(arguments);

    auto fatal = [](const QString &message) {
        std::fprintf(stderr, "porthole-proxy: %s\n", qPrintable(message));
        return 2;
    };

    QString plugin = parser.value(QStringLiteral("token-plugin"));
    QString source = parser.value(QStringLiteral("token-source"));
    if (parser.isSet(QStringLiteral("target-config"))) {
        plugin = QStringLiteral("TokenFile");
        source = parser.value(QStringLiteral("target-config"));
    }
    if (source.isEmpty())
        return fatal(QStringLiteral("no token source: pass --token-source FILE|DIR|REDIS or --target-config DIR"));
    QString error;
    std::unique_ptr<TokenSource> tokens = TokenSource::create(plugin, source, &error);
    if (!tokens)
        return fatal(error);
    const bool loaded = tokens->load(&error);

    if (parser.isSet(QStringLiteral("check"))) {
        if (!loaded) {
            std::printf("%s\n", qPrintable(error));
            return 1;
        }
        const QList<TokenProblem> problems = tokens->problems();
        for (const TokenProblem &p : problems)
            std::printf("%s\n", qPrintable(p.toString()));
        if (tokens->tokenCount() >= 0)
            std::printf("%s: %lld tokens, %lld problems\n", qPrintable(tokens->description()),
                        qlonglong(tokens->tokenCount()), qlonglong(problems.size()));
        else
            std::printf("%s: reachable\n", qPrintable(tokens->description()));
        return problems.isEmpty() ? 0 : 1;
    }
    // websockify starts anyway and fails every session; a missing source is a start-up error.
    if (!loaded)
        return fatal(error);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return fatal(positional.isEmpty() ? QStringLiteral("missing [LISTEN_HOST:]LISTEN_PORT (see --help)")
                                          : QStringLiteral("porthole-proxy relays by token only: give one "
                                                           "[LISTEN_HOST:]LISTEN_PORT and no fixed target"));
    ProxyConfig config;
    if (!parseListen(positional.constFirst(), &config, &error))
        return fatal(error);
    bool ok = true;
    config.certFile = parser.value(QStringLiteral("cert"));
    config.keyFile = parser.value(QStringLiteral("key"));
    config.sslOnly = parser.isSet(QStringLiteral("ssl-only"));
    config.webRoot = parser.value(QStringLiteral("web"));
    config.hostToken = parser.isSet(QStringLiteral("host-token"));
    config.heartbeatSeconds = intOption(parser, QStringLiteral("heartbeat"), 0, &ok);
    config.idleTimeoutSeconds = intOption(parser, QStringLiteral("idle-timeout"), 0, &ok);
    config.maxConnections = intOption(parser, QStringLiteral("max-connections"), 0, &ok);
    config.maxPerToken = intOption(parser, QStringLiteral("max-per-token"), 0, &ok);
    config.verbose = parser.isSet(QStringLiteral("verbose"));
    if (!ok)
        return 2;
    if (!config.webRoot.isEmpty() && !QFileInfo(config.webRoot).isDir())
        return fatal(QStringLiteral("--web %1 is not a directory").arg(config.webRoot));

    if (parser.isSet(QStringLiteral("log-file"))) {
        const QByteArray path = QFile::encodeName(parser.value(QStringLiteral("log-file")));
        g_log = std::fopen(path.constData(), "a");
        if (!g_log)
            return fatal(QStringLiteral("cannot open log file %1").arg(parser.value(QStringLiteral("log-file"))));
    }
    qInstallMessageHandler(logHandler);
    if (config.verbose)
        QLoggingCategory::setFilterRules(QStringLiteral("porthole.*.debug=true"));

    raiseFileLimit();
    // Relaying allocates and frees write-buffer chunks at a high rate; returning them to
    // the kernel each time costs page faults on every burst.
    mallopt(M_TRIM_THRESHOLD, 32 << 20);
    mallopt(M_MMAP_THRESHOLD, 4 << 20);
    std::signal(SIGPIPE, SIG_IGN);

    const int workers = intOption(parser, QStringLiteral("workers"), 1, &ok);
    if (!ok || workers < 1 || workers > 64)
        return fatal(QStringLiteral("--workers needs a number from 1 to 64"));
    if (workers == 1)
        return runWorker(argc, argv, config, std::move(tokens));

    const int listenFd = listenSocket(config, &error);
    if (listenFd < 0)
        return fatal(error);
    config.listenDescriptor = listenFd;
    tokens.reset(); // each worker loads its own (a Redis connection is not shareable)
    // Blocked before the first fork: a SIGTERM arriving while workers start waits for
    // supervise() to pass it on instead of killing the parent and orphaning them.
    sigset_t supervised;
    sigemptyset(&supervised);
    for (int s : {SIGINT, SIGTERM, SIGHUP, SIGCHLD})
        sigaddset(&supervised, s);
    sigprocmask(SIG_BLOCK, &supervised, nullptr);
    const pid_t parent = ::getpid();
    std::vector<pid_t> children;
    for (int i = 0; i < workers; ++i) {
        const pid_t pid = ::fork();
        if (pid < 0)
            return fatal(QStringLiteral("cannot start worker %1: %2").arg(i).arg(QString::fromLocal8Bit(std::strerror(errno))));
        if (pid == 0) {
            // A supervisor that is killed outright takes its workers with it.
            ::prctl(PR_SET_PDEATHSIG, SIGTERM);
            if (::getppid() != parent)
                return 0;
            std::unique_ptr<TokenSource> own = TokenSource::create(plugin, source, &error);
            if (!own || !own->load(&error))
                return fatal(error);
            return runWorker(argc, argv, config, std::move(own));
        }
        children.push_back(pid);
    }
    ::close(listenFd);
    return supervise(children);
}
