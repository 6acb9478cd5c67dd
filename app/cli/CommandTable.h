// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QCommandLineParser;

namespace Porthole {

class CliSession;

// One option of porthole-cli: its names, its value and its help. A command option
// belongs to the commands whose `options` name it; a global one to all.
struct CliOption
{
    QStringList names; // the long name first
    QString valueName; // empty: a flag
    QString help; // without the commands it belongs to: the help text adds them
    bool global = false;
};

// One command: what the help says about it, the options it takes and what runs it.
struct CliCommand
{
    enum class Section
    {
        Cloud, // talks to oned
        Console // talks to a console URL
    };
    enum class Needs
    {
        SignIn, // the dispatcher resolves the endpoint and credentials and makes the OneClient first
        Nothing // the runner reads what it needs itself
    };
    // Returns the exit status, or -1 when the command runs on and calls CliSession::finish() itself.
    using Runner = int (*)(CliSession &session, const QStringList &arguments);

    QString name;
    QString arguments; // "ID", "URL"; empty: no arguments
    QString help; // one line
    QStringList options; // the command options it takes (long names)
    QStringList required; // of those, the ones the synopsis shows without brackets
    Section section = Section::Cloud;
    Needs needs = Needs::SignIn;
    Runner run = nullptr;

    // "vms [--filter all|mine|group|UID] [--extended] …"
    QString synopsis() const;
    bool takes(const QString &option) const { return options.contains(option) || required.contains(option); }
};

// porthole-cli's commands and options, declared once: the parser's options, the
// help text, the command list and the per-command option check come from here.
class CommandTable
{
public:
    static const QList<CliOption> &options();
    static const QList<CliCommand> &commands();
    // Null for an unknown name.
    static const CliCommand *command(const QString &name);
    static const CliOption *option(const QString &name);
    // The commands that take a command option, in table order.
    static QStringList commandsTaking(const QString &option);

    // Every option, --help and --version, and the COMMAND positional argument.
    static void addTo(QCommandLineParser &parser);
    // What follows QCommandLineParser::helpText(): the commands and the exit statuses.
    static QString commandsHelp();
    static QString exitStatusHelp();
    // The whole of --help.
    static QString helpText();

    // Empty when every command option isSet() names belongs to command; else the usage error.
    static QString optionError(const QString &command, const std::function<bool(const QString &)> &isSet);
};

} // namespace Porthole
