// SPDX-License-Identifier: GPL-2.0-or-later
// porthole-cli's command table: the help it generates and the option checks it makes.
#include "app/cli/CommandTable.h"

#include "app/cli/CliApplication.h"
#include "base/ExitStatus.h"

#include <gtest/gtest.h>

#include <QBuffer>
#include <QRegularExpression>

using namespace Porthole;

namespace {

struct CliRun
{
    int status = -1;
    QString out;
    QString err;
};

// porthole-cli in this process, for what it decides before talking to anyone.
CliRun start(const QStringList &arguments)
{
    QBuffer out;
    QBuffer err;
    out.open(QIODevice::WriteOnly);
    err.open(QIODevice::WriteOnly);
    CliRun run;
    {
        CliApplication cli(&out, &err);
        run.status = cli.start(QStringList {QStringLiteral("porthole-cli")} + arguments);
    }
    run.out = QString::fromUtf8(out.data());
    run.err = QString::fromUtf8(err.data());
    return run;
}

// The command line that sets option: --name, and a value when it takes one.
QStringList setting(const CliOption &option)
{
    const QString &name = option.names.last();
    QStringList arguments {QStringLiteral("--") + name};
    if (!option.valueName.isEmpty())
        arguments << QStringLiteral("1");
    return arguments;
}

qsizetype linesMatching(const QString &text, const QString &pattern)
{
    const QRegularExpression expression(pattern, QRegularExpression::MultilineOption);
    qsizetype count = 0;
    for (auto it = expression.globalMatch(text); it.hasNext(); it.next())
        ++count;
    return count;
}

} // namespace

TEST(CommandTable, HelpListsEveryCommandExactlyOnce)
{
    const QString help = CommandTable::helpText();
    const QString commands = help.mid(help.indexOf(u"\nCommands:\n"));
    ASSERT_FALSE(commands.isEmpty()) << qPrintable(help);
    for (const CliCommand &command : CommandTable::commands()) {
        EXPECT_EQ(linesMatching(
                      commands, QStringLiteral("^  %1( [^a-z]|  |$)").arg(QRegularExpression::escape(command.name))),
            1)
            << qPrintable(command.name);
        EXPECT_EQ(commands.count(command.help), 1) << qPrintable(command.name);
    }
}

TEST(CommandTable, HelpListsEveryOptionExactlyOnce)
{
    const QString help = CommandTable::helpText();
    const QString options = help.left(help.indexOf(u"\nArguments:"));
    for (const CliOption &option : CommandTable::options()) {
        const QString name = QRegularExpression::escape(option.names.last());
        EXPECT_EQ(linesMatching(options, QStringLiteral("^  (-\\w, )?--%1( |$)").arg(name)), 1)
            << qPrintable(option.names.last());
    }
}

TEST(CommandTable, AnOptionsHelpNamesTheCommandsThatTakeIt)
{
    const QString help = CommandTable::helpText();
    EXPECT_TRUE(help.contains(u"screenshot, watch: JPEG quality")) << qPrintable(help);
    EXPECT_TRUE(help.contains(u"login: token lifetime")) << qPrintable(help);
    EXPECT_TRUE(help.contains(u"login [--ttl SECONDS]")) << qPrintable(help);
    EXPECT_TRUE(help.contains(u"screenshot URL -o FILE.png [--quality 0-9]")) << qPrintable(help);
}

TEST(CommandTable, EveryOptionACommandNamesExistsAndEveryCommandOptionHasACommand)
{
    for (const CliCommand &command : CommandTable::commands()) {
        for (const QString &name : command.options + command.required) {
            const CliOption *option = CommandTable::option(name);
            ASSERT_NE(option, nullptr) << qPrintable(command.name + u' ' + name);
            EXPECT_FALSE(option->global) << qPrintable(name);
        }
        EXPECT_NE(command.run, nullptr) << qPrintable(command.name);
    }
    for (const CliOption &option : CommandTable::options())
        EXPECT_EQ(CommandTable::commandsTaking(option.names.last()).isEmpty(), option.global)
            << qPrintable(option.names.last());
}

TEST(CommandTable, EachCommandAcceptsItsOwnAndTheGlobalOptions)
{
    for (const CliCommand &command : CommandTable::commands()) {
        for (const CliOption &option : CommandTable::options()) {
            if (!option.global && !command.takes(option.names.last()))
                continue;
            const QString name = option.names.last();
            EXPECT_EQ(
                CommandTable::optionError(command.name, [&name](const QString &set) { return set == name; }), QString())
                << qPrintable(command.name + QStringLiteral(" --") + name);
        }
    }
}

TEST(CommandTable, EachCommandRefusesTheOtherCommandsOptionsWithAUsageError)
{
    int refused = 0;
    for (const CliCommand &command : CommandTable::commands()) {
        for (const CliOption &option : CommandTable::options()) {
            if (option.global || command.takes(option.names.last()))
                continue;
            const CliRun run = start(QStringList {command.name} + setting(option));
            const QString line = command.name + u' ' + setting(option).join(u' ');
            EXPECT_EQ(run.status, exitCode(ExitStatus::Usage)) << qPrintable(line);
            EXPECT_TRUE(run.err.contains(QStringLiteral("--%1 does not apply to '%2' (it belongs to %3)")
                                             .arg(option.names.last(), command.name,
                                                 CommandTable::commandsTaking(option.names.last()).join(u", "))))
                << qPrintable(line + u'\n' + run.err);
            EXPECT_TRUE(run.out.isEmpty()) << qPrintable(line);
            ++refused;
        }
    }
    EXPECT_GT(refused, 100); // 11 commands, 14 command options: most pairs are refused
}

TEST(CommandTable, ExitStatusParagraphComesFromTheTable)
{
    const QString text = CommandTable::exitStatusHelp().simplified();
    EXPECT_TRUE(text.startsWith(u"Exit status: 0 ok, 2 usage, 3 authentication or authorization refused"))
        << qPrintable(text);
    for (const ExitStatusInfo &info : kExitStatuses) {
        const QString entry = QString::number(exitCode(info.status)) + u' ' + QString::fromUtf8(info.meaning);
        EXPECT_EQ(text.contains(entry), info.status != ExitStatus::Failure) << qPrintable(entry);
    }
    for (const QString &line : CommandTable::exitStatusHelp().split(u'\n'))
        EXPECT_LE(line.size(), 88) << qPrintable(line);
}

TEST(CommandTable, HelpRunsThroughTheDispatcher)
{
    const CliRun run = start({QStringLiteral("--help")});
    EXPECT_EQ(run.status, 0);
    EXPECT_TRUE(run.out.contains(CommandTable::commandsHelp())) << qPrintable(run.out);
}

TEST(CommandTable, UnknownCommandIsAUsageError)
{
    const CliRun run = start({QStringLiteral("frobnicate")});
    EXPECT_EQ(run.status, 2);
    EXPECT_TRUE(run.err.contains(u"unknown command 'frobnicate'")) << qPrintable(run.err);
}
