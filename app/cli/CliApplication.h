// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/OneClient.h"
#include "console/RfbSession.h"

#include <QCommandLineParser>
#include <QObject>
#include <QTextStream>

#include <memory>

namespace Porthole {

class ConsoleUrl;
class DemoEnvironment;

// porthole-cli: parses the command line, resolves endpoint and credentials the
// way OpenNebula's CLI does, runs one command and maps its outcome to an exit status
// (0 ok, 2 usage, 3 refused, 4 not found, 5 network/TLS/HTTP, 6 anything else).
class CliApplication : public QObject
{
    Q_OBJECT
public:
    CliApplication();
    ~CliApplication() override;

    // Returns the exit status, or -1 when the command runs on and will call
    // QCoreApplication::exit() itself.
    int start(const QStringList &arguments);

private:
    bool defineOptions();
    int usage(const QString &message);
    int fail(const OneError &error);
    void finish(int status);
    std::optional<OneSettings> resolveSettings(QString *error, int *status);
    // The live demo (DemoEnvironment) for --demo; on failure *error and *status say why.
    bool startDemo(QString *error, int *status);
    // With --demo: a demo VM's live desktop as a console URL, its VNC password set.
    std::optional<ConsoleUrl> demoConsole(int vmId, QString *error, int *status);
    bool checkCommandOptions(const QString &command, QString *error) const;

    int runServeDemo();
    void runVersion();
    void runWhoami();
    void runLogin();
    int runVms();
    int runVm(const QStringList &arguments);
    int runToken(const QStringList &arguments);
    bool consoleOptions(RfbSession::Options *options, QString *error);
    // A positive number of seconds (at most a day) into milliseconds; untouched when absent.
    bool secondsOption(const QString &name, int *milliseconds, QString *error) const;
    bool pinOption(CertificatePin *pin, QString *error) const;
    int runScreenshot(const ConsoleUrl &url);
    int runWatch(const ConsoleUrl &url);
    int runProbe(const ConsoleUrl &url);

    // Runs call; on success hands its result to print, else reports its error.
    void whenDone(OneCall *call, std::function<void(const QVariant &)> print);
    void printJson(const QJsonValue &value);

    QCommandLineParser m_parser;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<OneClient> m_client;
    std::unique_ptr<DemoEnvironment> m_demo;
};

} // namespace Porthole
