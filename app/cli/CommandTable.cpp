// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/cli/CommandTable.h"

#include "app/cli/CloudCommands.h"
#include "app/cli/ConsoleCommands.h"
#include "app/cli/ServeDemoCommand.h"
#include "app/cli/VmCommands.h"
#include "base/ExitStatus.h"

#include <QCommandLineParser>

namespace Porthole {
namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// prefix and items, separated by ", " and wrapped between items into lines of at most width characters.
QString wrapped(const QString &prefix, const QStringList &items, qsizetype width)
{
    QString out;
    QString line = prefix;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString item = items[i] + (i + 1 < items.size() ? QStringLiteral(",") : QStringLiteral("."));
        if (line.size() > prefix.size() && line.size() + 1 + item.size() > width) {
            out += line + u'\n';
            line.clear();
        } else if (!line.isEmpty()) {
            line += u' ';
        }
        line += item;
    }
    return out + line + u'\n';
}

} // namespace

QString CliCommand::synopsis() const
{
    QString text = name;
    if (!arguments.isEmpty())
        text += u' ' + arguments;
    auto spelled = [](const CliOption &option) {
        const QString &name = option.names.first();
        QString text = (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
        if (!option.valueName.isEmpty())
            text += u' ' + option.valueName;
        return text;
    };
    for (const QString &name : required)
        text += u' ' + spelled(*CommandTable::option(name));
    for (const QString &name : options)
        text += QStringLiteral(" [") + spelled(*CommandTable::option(name)) + u']';
    return text;
}

const QList<CliOption> &CommandTable::options()
{
    static const QList<CliOption> table = {
        {{s("endpoint")}, s("URL"),
            s("oned's XML-RPC endpoint (default: $ONE_XMLRPC, ~/.one/one_endpoint, http://localhost:2633/RPC2)."),
            true},
        {{s("user")}, s("NAME"),
            s("User name; the password or login token comes from --password-stdin or --password-file "
              "(default: $ONE_AUTH or ~/.one/one_auth holding user:password)."),
            true},
        {{s("password-stdin")}, {}, s("Read the password or token from standard input."), true},
        {{s("password-file")}, s("FILE"), s("Read the password or token from FILE."), true},
        {{s("ca-file")}, s("FILE"), s("Also trust the CA certificates in FILE (PEM or DER)."), true},
        {{s("pin-sha256")}, s("HEX"), s("Trust exactly the server certificate with this SHA-256 fingerprint."), true},
        {{s("insecure")}, {}, s("Do not verify TLS certificates (prints a warning)."), true},
        {{s("timeout")}, s("SECONDS"), s("Give up when the server stays silent this long (default 30)."), true},
        {{s("json")}, {}, s("Machine-readable output."), true},
        {{s("demo")}, {}, s("Run the command against a built-in demo cloud."), true},
        {{s("verbose")}, {}, s("Log what happens (secrets stay redacted)."), true},
        {{s("ttl")}, s("SECONDS"), s("token lifetime: 1 or more, or -1 for no expiry (default 36000).")},
        {{s("filter")}, s("all|mine|group|UID"), s("whose VMs (default all you may see).")},
        {{s("extended")}, {}, s("full VM bodies (one.vmpool.infoextended).")},
        {{s("state")}, s("any|alive|STATE"),
            s("alive (the default: every VM but DONE), any (DONE too) or the VMs in one VM STATE, in any case "
              "(e.g. ACTIVE, POWEROFF, PENDING; RUNNING is ACTIVE's LCM state).")},
        {{s("wait")}, {},
            s("follow the VM until it reaches the action's state (at most --timeout seconds, default 300); exit 6 "
              "when it fails on the way, 5 when time runs out.")},
        {{s("vnctoken-endpoint")}, s("URL"),
            s("addon-vnctoken's endpoint (default: the oned host, port 2644, /RPC2).")},
        {{s("proxy-url")}, s("URL"),
            s("the console proxy (e.g. wss://frontend:29876/websockify); prints the console URL.")},
        {{s("method")}, s("vnctoken|vnctokenonly|vnc"), s("which addon-vnctoken method to call (default vnctoken).")},
        {{s("listen")}, s("HOST:PORT"), s("where to listen (default 127.0.0.1:0, any free port).")},
        {{s("vms")}, s("N"), s("add N generated VMs.")},
        {{s("o"), s("output")}, s("FILE.png"), s("where to save the first complete frame.")},
        {{s("duration")}, s("SECONDS"), s("stop after this long (default: until interrupted).")},
        {{s("quality")}, s("0-9"), s("JPEG quality (default 6).")},
        {{s("compression")}, s("0-9"), s("compression level (default 2).")},
        {{s("encodings")}, s("LIST"),
            s("encodings to ask for, preferred first (default \"tight zrle hextile copyrect raw\").")},
        {{s("via")}, s("ssh://[user@]host[:port]"),
            s("reach a vnc:// URL through this SSH jump host (~/.ssh/config, known_hosts and ssh-agent apply).")},
        {{s("ssh-identity")}, s("FILE"), s("a private key for the jump host, tried before the default ones.")},
        {{s("ssh-known-hosts")}, s("FILE"), s("the jump host's known_hosts (default ~/.ssh/known_hosts).")},
        {{s("ssh-password-file")}, s("FILE"),
            s("read the jump host's password, or the passphrase of its key, from FILE.")},
        {{s("ssh-trust")}, s("SHA256:…"), s("trust an unknown jump host key with this fingerprint, once.")},
        {{s("ssh-accept-new")}, {}, s("add an unknown jump host key to known_hosts (a changed one is refused).")},
    };
    return table;
}

const QList<CliCommand> &CommandTable::commands()
{
    using Section = CliCommand::Section;
    using Needs = CliCommand::Needs;
    const QStringList picture = {s("quality"), s("compression"), s("encodings")};
    const QStringList ssh = {
        s("via"), s("ssh-identity"), s("ssh-known-hosts"), s("ssh-password-file"), s("ssh-trust"), s("ssh-accept-new")};
    static const QList<CliCommand> table = {
        {s("version"), {}, s("OpenNebula version (one.system.version)"), {}, {}, Section::Cloud, Needs::SignIn,
            &CloudCommands::version},
        {s("whoami"), {}, s("id, name and group of the signed-in user"), {}, {}, Section::Cloud, Needs::SignIn,
            &CloudCommands::whoami},
        {s("login"), {}, s("create a login token (one.user.login); prints user:token for ONE_AUTH"), {s("ttl")}, {},
            Section::Cloud, Needs::SignIn, &CloudCommands::login},
        {s("logout"), {}, s("revoke the login token the credentials hold (a password has none to revoke)"), {}, {},
            Section::Cloud, Needs::SignIn, &CloudCommands::logout},
        {s("vms"), {}, s("list VMs like onevm list"), {s("filter"), s("extended"), s("state")}, {}, Section::Cloud,
            Needs::SignIn, &CloudCommands::vms},
        {s("vm"), s("ID"), s("one VM in detail"), {}, {}, Section::Cloud, Needs::SignIn, &CloudCommands::vm},
        {s("vm action"), s("ID ACTION"),
            s("queue a power action: resume, reboot[-hard], poweroff[-hard], suspend, stop,\n"
              "                     undeploy[-hard], hold, release, terminate[-hard]"),
            {s("wait")}, {}, Section::Cloud, Needs::SignIn, &VmCommands::action},
        {s("vm details"), s("ID"), s("disks, NICs, history, snapshots, lock and template of one VM"), {}, {},
            Section::Cloud, Needs::SignIn, &VmCommands::details},
        {s("vm monitoring"), s("ID"), s("the VM's monitoring records (one.vm.monitoring)"), {}, {}, Section::Cloud,
            Needs::SignIn, &VmCommands::monitoring},
        {s("vm snapshots"), s("ID"), s("the VM's system snapshots"), {}, {}, Section::Cloud, Needs::SignIn,
            &VmCommands::snapshots},
        {s("vm snapshot-create"), s("ID NAME"), s("take a system snapshot of a RUNNING VM"), {}, {}, Section::Cloud,
            Needs::SignIn, &VmCommands::snapshotCreate},
        {s("vm snapshot-revert"), s("ID SNAP"), s("revert a RUNNING VM to a snapshot"), {}, {}, Section::Cloud,
            Needs::SignIn, &VmCommands::snapshotRevert},
        {s("vm snapshot-delete"), s("ID SNAP"), s("delete a snapshot"), {}, {}, Section::Cloud, Needs::SignIn,
            &VmCommands::snapshotDelete},
        {s("token"), s("ID"), s("a console token from addon-vnctoken, for a running VM with a VNC console"),
            {s("vnctoken-endpoint"), s("proxy-url"), s("method")}, {}, Section::Cloud, Needs::SignIn,
            &CloudCommands::token},
        {s("revoke"), s("TOKEN"), s("end a token of a Porthole console gateway (one.vm.vnctokenrevoke)"),
            {s("vnctoken-endpoint")}, {}, Section::Cloud, Needs::SignIn, &CloudCommands::revoke},
        {s("serve-demo"), {}, s("run the built-in demo cloud (and its VMs' live desktops) until interrupted"),
            {s("listen"), s("vms")}, {}, Section::Cloud, Needs::Nothing, &ServeDemoCommand::run},
        {s("screenshot"), s("URL"), s("save the first complete frame"), picture + ssh, {s("output")}, Section::Console,
            Needs::Nothing, &ConsoleCommands::screenshot},
        {s("watch"), s("URL"), s("stay connected; fps and MiB/s each second, then a summary"),
            QStringList {s("duration")} + picture + ssh, {}, Section::Console, Needs::Nothing, &ConsoleCommands::watch},
        {s("probe"), s("URL"), s("run the console handshake step by step and say where it fails"), ssh, {},
            Section::Console, Needs::Nothing, &ConsoleCommands::probe},
        {s("forward"), s("URL"),
            s("expose the console as a plain TCP port for any VNC viewer; prints the port, runs until interrupted"),
            QStringList {s("listen")} + ssh, {}, Section::Console, Needs::Nothing, &ConsoleCommands::forward},
    };
    return table;
}

const CliCommand *CommandTable::command(const QString &name)
{
    for (const CliCommand &command : commands()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

const CliOption *CommandTable::option(const QString &name)
{
    for (const CliOption &option : options()) {
        if (option.names.contains(name))
            return &option;
    }
    return nullptr;
}

QStringList CommandTable::commandsTaking(const QString &option)
{
    QStringList names;
    for (const CliCommand &command : commands()) {
        if (command.takes(option))
            names << command.name;
    }
    return names;
}

void CommandTable::addTo(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QStringLiteral("porthole-cli: OpenNebula VMs and console tokens from the shell."));
    parser.addHelpOption();
    parser.addVersionOption();
    for (const CliOption &option : options()) {
        // A command option's help starts with the commands it belongs to: "screenshot, watch: …".
        const QString help = option.global
            ? option.help
            : commandsTaking(option.names.last()).join(QStringLiteral(", ")) + QStringLiteral(": ") + option.help;
        parser.addOption(QCommandLineOption(option.names, help, option.valueName));
    }
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see Commands below)."),
        QStringLiteral("COMMAND [ARGS]"));
}

QString CommandTable::commandsHelp()
{
    constexpr qsizetype kHelpColumn = 21;
    QString text;
    CliCommand::Section section = CliCommand::Section::Cloud;
    text += QStringLiteral("Commands:\n");
    for (const CliCommand &command : commands()) {
        if (command.section != section) {
            section = command.section;
            text += QStringLiteral(
                "\nConsoles (URL: ws[s]://host:port/path?token=T, a noVNC page URL, Sunstone's ?socket=…,\n"
                "or vnc://host:port [--via ssh://user@jump]; --password-stdin then reads the VNC password;\n"
                "with --demo, a demo VM's ID stands for its live desktop):\n");
        }
        const QString synopsis = QStringLiteral("  ") + command.synopsis();
        if (synopsis.size() + 1 < kHelpColumn)
            text += synopsis.leftJustified(kHelpColumn) + command.help + u'\n';
        else
            text += synopsis + u'\n' + QString(kHelpColumn, u' ') + command.help + u'\n';
    }
    return text + u'\n' + exitStatusHelp();
}

QString CommandTable::exitStatusHelp()
{
    QStringList statuses;
    for (const ExitStatusInfo &info : kExitStatuses) {
        if (info.status != ExitStatus::Failure) // porthole-cli never exits 1
            statuses << QString::number(exitCode(info.status)) + u' ' + QString::fromUtf8(info.meaning);
    }
    return wrapped(QStringLiteral("Exit status:"), statuses, 88);
}

QString CommandTable::helpText()
{
    QCommandLineParser parser;
    addTo(parser);
    return parser.helpText() + u'\n' + commandsHelp();
}

QString CommandTable::optionError(const QString &command, const std::function<bool(const QString &)> &isSet)
{
    const CliCommand *entry = CommandTable::command(command);
    for (const CliOption &option : options()) {
        const QString &name = option.names.last();
        if (!option.global && !(entry && entry->takes(name)) && isSet(name)) {
            return QStringLiteral("--%1 does not apply to '%2' (it belongs to %3)")
                .arg(name, command, commandsTaking(name).join(QStringLiteral(", ")));
        }
    }
    return QString();
}

} // namespace Porthole
