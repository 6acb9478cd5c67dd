// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/cli/ConsoleCommands.h"

#include "app/cli/CliRemedies.h"
#include "app/cli/CliSession.h"
#include "base/UnixSignalWatcher.h"
#include "console/ConsoleForwarder.h"
#include "console/ConsoleProbe.h"
#include "console/ScreenshotJob.h"
#include "console/WatchJob.h"
#include "demo/DemoCloud.h"
#include "demo/DemoEnvironment.h"
#include "demo/DemoVm.h"
#include "ssh/SshConnectionPool.h"
#include "tokens/ConsoleUrl.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>

namespace Porthole {

std::optional<ConsoleUrl> ConsoleCommands::consoleUrl(
    CliSession &session, const QString &command, const QStringList &arguments, int *status)
{
    if (arguments.size() != 1) {
        *status = session.usage(QStringLiteral("'%1' wants one console URL").arg(command));
        return std::nullopt;
    }
    // With --demo the console may be a demo VM's ID: the live desktop behind it.
    const auto id = session.isSet(QStringLiteral("demo")) ? CliSession::parseId(arguments[0]) : std::nullopt;
    if (id)
        return demoConsole(session, *id, status);
    QString error;
    auto url = ConsoleUrl::parse(arguments[0], &error);
    if (!url) {
        *status = session.usage(error);
        return url;
    }
    if (session.isSet(QStringLiteral("via"))) {
        if (url->isWebSocket()) {
            *status = session.usage(QStringLiteral("--via takes a vnc://host:port URL (the jump host dials it), "
                                                   "not a WebSocket URL"));
            return std::nullopt;
        }
        url->setVia(session.value(QStringLiteral("via")));
    }
    if (!url->via().isEmpty() && !SshTarget::parse(url->via(), &error)) {
        *status = session.usage(error);
        return std::nullopt;
    }
    return url;
}

bool ConsoleCommands::sshOptions(
    CliSession &session, SshLink::Options *options, SshConnection::Secrets *secrets, QString *error)
{
    if (session.isSet(QStringLiteral("ssh-identity")))
        options->identityFiles << session.value(QStringLiteral("ssh-identity"));
    if (session.isSet(QStringLiteral("ssh-known-hosts")))
        options->knownHostsFile = session.value(QStringLiteral("ssh-known-hosts"));
    if (session.isSet(QStringLiteral("ssh-trust")))
        options->trustedFingerprint = session.value(QStringLiteral("ssh-trust"));
    if (session.isSet(QStringLiteral("ssh-password-file"))) {
        QFile file(session.value(QStringLiteral("ssh-password-file")));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read --ssh-password-file %1: %2").arg(file.fileName(), file.errorString());
            return false;
        }
        QString secret = QString::fromUtf8(file.readLine());
        while (secret.endsWith(u'\n') || secret.endsWith(u'\r'))
            secret.chop(1);
        // One secret for both: a key's passphrase or the account's password, whichever is asked.
        secrets->password = secret;
        secrets->passphrase = secret;
    }
    if (session.isSet(QStringLiteral("timeout")))
        options->timeoutMs = session.value(QStringLiteral("timeout")).toInt() * 1000;
    if (session.isSet(QStringLiteral("ssh-accept-new"))) {
        // The CLI asks nobody: the answer is given on the command line.
        QObject::connect(&SshConnectionPool::shared(), &SshConnectionPool::connectionCreated, &session,
            [](SshConnection *connection) {
                QObject::connect(connection, &SshConnection::hostKeyQuestion, connection,
                    [connection](const SshHostKey &) { connection->answerHostKey(SshHostKeyAnswer::TrustAlways); });
            });
    }
    return true;
}

// The demo desktops are in this process and plain RFB on 127.0.0.1, so a demo
// console is reached straight over TCP (vnc://); no token proxy is started. The
// addon's tokens (porthole-cli --demo token) name the same 127.0.0.1:PORT targets.
std::optional<ConsoleUrl> ConsoleCommands::demoConsole(CliSession &session, int vmId, int *status)
{
    Failure failure;
    if (!session.startDemo(&failure)) {
        *status = session.fail(failure);
        return std::nullopt;
    }
    DemoEnvironment *demo = session.demo();
    QString error;
    std::optional<ConsoleUrl> url = ConsoleUrl::parse(demo->consoleUrl(vmId), &error);
    if (!url) {
        QStringList live;
        for (int id : demo->consoleVmIds())
            live << QString::number(id);
        *status = session.fail({QStringLiteral("not-found"),
            QStringLiteral("demo VM %1 has no live console; the demo's VNC consoles are VMs %2")
                .arg(vmId)
                .arg(live.join(QStringLiteral(", "))),
            ExitStatus::NotFound});
        return std::nullopt;
    }
    const QString password = demo->cloud()->vm(vmId)->graphicsPasswd;
    if (!password.isEmpty())
        url->setPassword(password);
    return url;
}

bool ConsoleCommands::sessionOptions(CliSession &session, RfbSession::Options *options, QString *error)
{
    if (session.isSet(QStringLiteral("password-stdin")))
        options->password = CliSession::readStdinLine();
    options->wssCaFile = session.value(QStringLiteral("ca-file"));
    for (const auto &[name, level] : {std::pair {QStringLiteral("quality"), &options->jpegQuality},
             std::pair {QStringLiteral("compression"), &options->compressLevel}}) {
        bool ok = true;
        if (session.isSet(name) && ((*level = session.value(name).toInt(&ok)) < 0 || *level > 9 || !ok)) {
            *error = QStringLiteral("--%1 wants a level from 0 to 9, got \"%2\"").arg(name, session.value(name));
            return false;
        }
    }
    if (session.isSet(QStringLiteral("encodings")))
        options->encodings = session.value(QStringLiteral("encodings")).replace(u',', u' ').simplified().toLatin1();
    return session.pinOption(&options->wssPin, error)
        && session.secondsOption(QStringLiteral("timeout"), &options->connectTimeoutMs, error)
        && sshOptions(session, &options->ssh, &options->sshSecrets, error);
}

int ConsoleCommands::screenshot(CliSession &session, const QStringList &arguments)
{
    int status = 0;
    const auto url = consoleUrl(session, QStringLiteral("screenshot"), arguments, &status);
    if (!url)
        return status;
    const QString output = session.value(QStringLiteral("output"));
    if (output.isEmpty())
        return session.usage(QStringLiteral("'screenshot' wants -o FILE.png"));
    RfbSession::Options options;
    QString error;
    if (!sessionOptions(session, &options, &error))
        return session.usage(error);
    auto *job = new ScreenshotJob(*url, options, output, options.connectTimeoutMs, &session);
    QObject::connect(
        job, &ScreenshotJob::finished, &session, [&session, job, output](ConsoleError failure, const QString &message) {
            if (failure != ConsoleError::None) {
                session.finish(session.fail(consoleFailure(failure, message)));
                return;
            }
            const QImage image = job->image();
            if (session.json()) {
                session.printJson(QJsonObject {{QStringLiteral("file"), output},
                    {QStringLiteral("width"), image.width()}, {QStringLiteral("height"), image.height()},
                    {QStringLiteral("first_frame_ms"), job->firstFrameMs()}});
            } else {
                session.out() << output << ": " << image.width() << 'x' << image.height()
                              << ", first complete frame after " << job->firstFrameMs() << " ms\n";
            }
            session.finish(exitCode(ExitStatus::Ok));
        });
    job->start();
    return -1;
}

int ConsoleCommands::watch(CliSession &session, const QStringList &arguments)
{
    int status = 0;
    const auto url = consoleUrl(session, QStringLiteral("watch"), arguments, &status);
    if (!url)
        return status;
    RfbSession::Options options;
    QString error;
    if (!sessionOptions(session, &options, &error))
        return session.usage(error);
    int durationMs = 0; // until interrupted
    if (!session.secondsOption(QStringLiteral("duration"), &durationMs, &error))
        return session.usage(error);
    auto *job = new WatchJob(*url, options, durationMs, &session);
    QObject::connect(job, &WatchJob::sampled, &session, [&session](const WatchJob::Sample &sample) {
        session.out() << WatchJob::sampleLine(sample) << '\n';
        session.out().flush();
    });
    QObject::connect(job, &WatchJob::finished, &session, [&session, job](ConsoleError failure, const QString &message) {
        if (failure != ConsoleError::None && failure != ConsoleError::ConnectionLost) {
            session.finish(session.fail(consoleFailure(failure, message)));
            return;
        }
        session.out() << WatchJob::summaryText(job->summary()) << '\n';
        if (failure == ConsoleError::ConnectionLost)
            session.fail(consoleFailure(failure, message));
        session.finish(consoleExitCode(failure));
    });
    // Ctrl+C ends the watch with its summary rather than killing it.
    auto *signals = new UnixSignalWatcher({SIGINT, SIGTERM}, &session);
    QObject::connect(signals, &UnixSignalWatcher::received, job, &WatchJob::stop);
    job->start();
    return -1;
}

int ConsoleCommands::probe(CliSession &session, const QStringList &arguments)
{
    int status = 0;
    const auto url = consoleUrl(session, QStringLiteral("probe"), arguments, &status);
    if (!url)
        return status;
    RfbSession::Options sessionOptions;
    QString error;
    if (!ConsoleCommands::sessionOptions(session, &sessionOptions, &error))
        return session.usage(error);
    ConsoleProbe::Options options;
    options.password = sessionOptions.password;
    options.caFile = sessionOptions.wssCaFile;
    options.pin = sessionOptions.wssPin;
    options.ssh = sessionOptions.ssh;
    options.sshSecrets = sessionOptions.sshSecrets;
    options.acceptNewHostKey = session.isSet(QStringLiteral("ssh-accept-new"));
    if (session.isSet(QStringLiteral("timeout")))
        options.stepTimeoutMs = sessionOptions.connectTimeoutMs;
    auto *probe = new ConsoleProbe(&session);
    QObject::connect(probe, &ConsoleProbe::finished, &session, [&session](const ProbeReport &report) {
        if (session.json())
            session.printJson(report.toJson(CliRemedies::words(report.remedies)));
        else
            session.out() << report.toText(CliRemedies::words(report.remedies));
        session.finish(report.exitCode());
    });
    probe->start(*url, options);
    return -1;
}

int ConsoleCommands::forward(CliSession &session, const QStringList &arguments)
{
    int status = 0;
    const auto url = consoleUrl(session, QStringLiteral("forward"), arguments, &status);
    if (!url)
        return status;
    RfbSession::Options options;
    QString error;
    if (!sessionOptions(session, &options, &error))
        return session.usage(error);
    QHostAddress address(QHostAddress::LocalHost);
    quint16 port = 0;
    if (!session.listenOption(&address, &port, &error))
        return session.usage(error);
    auto *forwarder = new ConsoleForwarder(*url, options, &session);
    if (!forwarder->listen(address, port, &error))
        return session.fail({QStringLiteral("listen-failed"), error, ExitStatus::Unreachable});
    if (!address.isLoopback())
        session.err() << "porthole-cli: warning: listening on " << address.toString()
                      << ": anyone who reaches this port reaches the console\n";
    const QString target = url->displayString();
    if (session.json()) {
        // One line, as serve-demo's: a script reads it while the command runs on.
        session.out() << QJsonDocument(
            QJsonObject {{QStringLiteral("address"), forwarder->address().toString()},
                {QStringLiteral("port"), forwarder->port()},
                {QStringLiteral("target"),
                    target}}).toJson(QJsonDocument::Compact)
                      << '\n';
    } else {
        session.out() << "forwarding " << forwarder->address().toString() << ':' << forwarder->port() << " to "
                      << target << "; connect a VNC viewer to " << forwarder->address().toString()
                      << "::" << forwarder->port() << ", Ctrl+C to stop\n";
    }
    session.out().flush();
    QObject::connect(forwarder, &ConsoleForwarder::connectionClosed, &session,
        [&session](const QString &client, const QString &text) {
            if (!text.isEmpty()) {
                session.err() << "porthole-cli: " << client << ": " << text << '\n';
                session.err().flush();
            }
        });
    auto *signals = new UnixSignalWatcher({SIGINT, SIGTERM}, &session);
    QObject::connect(signals, &UnixSignalWatcher::received, &session, [&session] { session.finish(0); });
    return -1;
}

} // namespace Porthole
