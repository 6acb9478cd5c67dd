// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "base/CertificatePin.h"
#include "base/Failure.h"
#include "cloud/OneClient.h"

#include <QCommandLineParser>
#include <QHostAddress>
#include <QObject>
#include <QTextStream>

#include <functional>
#include <memory>
#include <optional>

class QIODevice;

namespace Porthole {

class DemoEnvironment;

// What one run of porthole-cli shares between the dispatcher and the commands: the
// parsed command line, the output streams, the OneClient and the demo, and the one
// way each command reports a failure and ends.
class CliSession : public QObject
{
    Q_OBJECT
public:
    CliSession(); // stdout and stderr
    CliSession(QIODevice *out, QIODevice *err);
    ~CliSession() override;

    QCommandLineParser &parser() { return m_parser; }
    bool isSet(const QString &option) const { return m_parser.isSet(option); }
    QString value(const QString &option) const { return m_parser.value(option); }
    bool json() const { return m_parser.isSet(QStringLiteral("json")); }

    QTextStream &out() { return m_out; }
    QTextStream &err() { return m_err; }

    // "porthole-cli: MESSAGE" and the pointer to --help; returns the usage status.
    int usage(const QString &message);
    // A failure in text, or with --json as one JSON object on stderr; returns its exit code.
    int fail(const Failure &failure);
    // Ends the event loop with status (for commands that returned -1 from their runner),
    // also when called before the loop runs.
    void finish(int status);

    // When call finishes: print(result) and status 0, or its OneError through fail().
    void whenDone(OneCall *call, std::function<void(const QVariant &)> print);
    void printJson(const QJsonValue &value);

    OneClient *client() const { return m_client.get(); }
    void setClient(std::unique_ptr<OneClient> client);
    // The live demo (--demo, serve-demo), created on first use.
    DemoEnvironment *demo();
    // Starts the demo on any free port of 127.0.0.1; on failure *failure says why.
    bool startDemo(Failure *failure);

    // A positive number of seconds (at most a day) into milliseconds; untouched when absent.
    bool secondsOption(const QString &name, int *milliseconds, QString *error) const;
    bool pinOption(CertificatePin *pin, QString *error) const;
    // --listen IP:PORT ([v6]:PORT, localhost:PORT); both untouched when absent.
    bool listenOption(QHostAddress *address, quint16 *port, QString *error) const;

    // A VM ID: a number from 0 up.
    static std::optional<int> parseId(const QString &text);
    // The first line of standard input, without its line end: a password or token.
    static QString readStdinLine();

private:
    QCommandLineParser m_parser;
    QTextStream m_out;
    QTextStream m_err;
    std::unique_ptr<OneClient> m_client;
    std::unique_ptr<DemoEnvironment> m_demo;
};

} // namespace Porthole
