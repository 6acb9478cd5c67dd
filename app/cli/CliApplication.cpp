// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/cli/CliApplication.h"

#include "app/cli/TextTable.h"
#include "base/UnixSignalWatcher.h"
#include "cloud/UserInfo.h"
#include "cloud/VmStates.h"
#include "cloud/VncToken.h"
#include "console/ConsoleProbe.h"
#include "console/ScreenshotJob.h"
#include "console/WatchJob.h"
#include "demo/DemoCloud.h"
#include "demo/DemoCloudServer.h"
#include "demo/DemoEnvironment.h"
#include "demo/DemoVm.h"
#include "tokens/ConsoleUrl.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QUrlQuery>

#include <csignal>
#include <cstdio>

namespace Porthole {
namespace {

enum Status
{
    Ok = 0,
    Usage = 2,
    Refused = 3,
    NotFound = 4,
    Network = 5,
    Other = 6
};

// Every option once: its names, value, help, and the commands it belongs to (none: global).
struct OptionSpec
{
    QStringList names;
    QString valueName;
    QString help;
    QStringList commands;
};

const QList<OptionSpec> &optionSpecs()
{
    static const QList<OptionSpec> specs = {
        {{QStringLiteral("endpoint")}, QStringLiteral("URL"),
            QStringLiteral(
                "oned's XML-RPC endpoint (default: $ONE_XMLRPC, ~/.one/one_endpoint, http://localhost:2633/RPC2)."),
            {}},
        {{QStringLiteral("user")}, QStringLiteral("NAME"),
            QStringLiteral("User name; the password or login token comes from --password-stdin or --password-file "
                           "(default: $ONE_AUTH or ~/.one/one_auth holding user:password)."),
            {}},
        {{QStringLiteral("password-stdin")}, {}, QStringLiteral("Read the password or token from standard input."), {}},
        {{QStringLiteral("password-file")}, QStringLiteral("FILE"),
            QStringLiteral("Read the password or token from FILE."), {}},
        {{QStringLiteral("ca-file")}, QStringLiteral("FILE"),
            QStringLiteral("Also trust the CA certificates in FILE (PEM or DER)."), {}},
        {{QStringLiteral("pin-sha256")}, QStringLiteral("HEX"),
            QStringLiteral("Trust exactly the server certificate with this SHA-256 fingerprint."), {}},
        {{QStringLiteral("insecure")}, {}, QStringLiteral("Do not verify TLS certificates (prints a warning)."), {}},
        {{QStringLiteral("timeout")}, QStringLiteral("SECONDS"),
            QStringLiteral("Give up when the server stays silent this long (default 30)."), {}},
        {{QStringLiteral("json")}, {}, QStringLiteral("Machine-readable output."), {}},
        {{QStringLiteral("demo")}, {}, QStringLiteral("Run the command against a built-in demo cloud."), {}},
        {{QStringLiteral("verbose")}, {}, QStringLiteral("Log what happens (secrets stay redacted)."), {}},
        {{QStringLiteral("ttl")}, QStringLiteral("SECONDS"), QStringLiteral("login: token lifetime (default 36000)."),
            {QStringLiteral("login")}},
        {{QStringLiteral("filter")}, QStringLiteral("all|mine|group|UID"),
            QStringLiteral("vms: whose VMs (default all you may see)."), {QStringLiteral("vms")}},
        {{QStringLiteral("extended")}, {}, QStringLiteral("vms: full VM bodies (one.vmpool.infoextended)."),
            {QStringLiteral("vms")}},
        {{QStringLiteral("state")}, QStringLiteral("any|active|STATE_NAME"),
            QStringLiteral("vms: any (even DONE), active (default: all but DONE) or one STATE (e.g. POWEROFF)."),
            {QStringLiteral("vms")}},
        {{QStringLiteral("vnctoken-endpoint")}, QStringLiteral("URL"),
            QStringLiteral("token, revoke: addon-vnctoken's or the console gateway's endpoint (default: the oned "
                           "host, port 2644, /RPC2)."),
            {QStringLiteral("token"), QStringLiteral("revoke")}},
        {{QStringLiteral("proxy-url")}, QStringLiteral("URL"),
            QStringLiteral("token: the console proxy (e.g. wss://frontend:29876/websockify); prints the console URL."),
            {QStringLiteral("token")}},
        {{QStringLiteral("method")}, QStringLiteral("vnctoken|vnctokenonly|vnc"),
            QStringLiteral("token: which addon-vnctoken method to call (default vnctoken)."),
            {QStringLiteral("token")}},
        {{QStringLiteral("listen")}, QStringLiteral("HOST:PORT"),
            QStringLiteral("serve-demo: where to listen (default 127.0.0.1:0, any free port)."),
            {QStringLiteral("serve-demo")}},
        {{QStringLiteral("vms")}, QStringLiteral("N"), QStringLiteral("serve-demo: add N generated VMs."),
            {QStringLiteral("serve-demo")}},
        {{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("FILE.png"),
            QStringLiteral("screenshot: where to save the first complete frame."), {QStringLiteral("screenshot")}},
        {{QStringLiteral("duration")}, QStringLiteral("SECONDS"),
            QStringLiteral("watch: stop after this long (default: until interrupted)."), {QStringLiteral("watch")}},
        {{QStringLiteral("quality")}, QStringLiteral("0-9"),
            QStringLiteral("screenshot, watch: JPEG quality (default 6)."),
            {QStringLiteral("screenshot"), QStringLiteral("watch")}},
        {{QStringLiteral("compression")}, QStringLiteral("0-9"),
            QStringLiteral("screenshot, watch: compression level (default 2)."),
            {QStringLiteral("screenshot"), QStringLiteral("watch")}},
        {{QStringLiteral("encodings")}, QStringLiteral("LIST"),
            QStringLiteral("screenshot, watch: encodings to ask for, preferred first (default \"tight zrle hextile "
                           "copyrect raw\")."),
            {QStringLiteral("screenshot"), QStringLiteral("watch")}},
    };
    return specs;
}

const char kCommands[]
    = "Commands:\n"
      "  version            OpenNebula version (one.system.version)\n"
      "  whoami             id, name and group of the signed-in user\n"
      "  login [--ttl S]    create a login token (one.user.login); prints user:token for ONE_AUTH\n"
      "  logout             revoke the login token the credentials hold\n"
      "  vms [--filter all|mine|group|UID] [--state any|active|STATE_NAME]\n"
      "                     list VMs like onevm list\n"
      "  vm ID              one VM in detail\n"
      "  token ID [--vnctoken-endpoint URL] [--proxy-url URL] [--method M]\n"
      "                     a console token from addon-vnctoken\n"
      "  revoke TOKEN [--vnctoken-endpoint URL]\n"
      "                     end a console token of a Porthole console gateway\n"
      "  serve-demo [--listen HOST:PORT] [--vms N]\n"
      "                     run the built-in demo cloud (and its VMs' live desktops) until interrupted\n"
      "\nConsoles (URL: ws[s]://host:port/path?token=T, a noVNC page URL, Sunstone's ?socket=…,\n"
      "or vnc://host:port; --password-stdin then reads the VNC password;\n"
      "with --demo, a demo VM's ID stands for its live desktop):\n"
      "  screenshot URL -o FILE.png   save the first complete frame\n"
      "  watch URL [--duration S]     stay connected; fps and MiB/s each second, then a summary\n"
      "  probe URL                    run the console handshake step by step and say where it fails\n"
      "\nExit status: 0 ok, 2 usage, 3 authentication or authorization refused, 4 not found,\n"
      "5 network, TLS or HTTP error, 6 an answer that could not be understood or another oned error.\n";

const QStringList kCommandNames
    = {QStringLiteral("version"), QStringLiteral("whoami"), QStringLiteral("login"), QStringLiteral("logout"),
        QStringLiteral("vms"), QStringLiteral("vm"), QStringLiteral("token"), QStringLiteral("revoke"),
        QStringLiteral("serve-demo"), QStringLiteral("screenshot"), QStringLiteral("watch"), QStringLiteral("probe")};

std::optional<int> parseId(const QString &text)
{
    bool ok = false;
    const int id = text.toInt(&ok);
    return ok && id >= 0 ? std::optional<int>(id) : std::nullopt;
}

QString graphicsSummary(const VirtualMachine &vm)
{
    if (!vm.graphics)
        return QStringLiteral("none");
    const VmGraphics &g = *vm.graphics;
    QString text = g.type.toUpper();
    if (!g.listen.isEmpty() || g.port >= 0)
        text += QStringLiteral(" on %1:%2").arg(g.listen, g.port >= 0 ? QString::number(g.port) : QStringLiteral("-"));
    if (g.passwordSet())
        text += QStringLiteral(", password set");
    return text;
}

// The first line of standard input, without its line end: a password or token.
QString readStdinLine()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(in.readLine()).trimmed();
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

} // namespace

CliApplication::CliApplication()
    : m_out(stdout)
    , m_err(stderr)
{ }

CliApplication::~CliApplication() = default;

bool CliApplication::defineOptions()
{
    m_parser.setApplicationDescription(
        QStringLiteral("porthole-cli: OpenNebula VMs and console tokens from the shell."));
    m_parser.addHelpOption();
    m_parser.addVersionOption();
    for (const OptionSpec &spec : optionSpecs())
        m_parser.addOption(QCommandLineOption(spec.names, spec.help, spec.valueName));
    m_parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("What to do (see Commands below)."),
        QStringLiteral("COMMAND [ARGS]"));
    return true;
}

int CliApplication::usage(const QString &message)
{
    m_err << "porthole-cli: " << message << "\nTry 'porthole-cli --help'.\n";
    m_err.flush();
    return Usage;
}

int CliApplication::fail(const OneError &error)
{
    m_err << "porthole-cli: " << error.message() << '\n';
    m_err.flush();
    return error.exitCode();
}

void CliApplication::finish(int status)
{
    m_out.flush();
    m_err.flush();
    QCoreApplication::exit(status);
}

bool CliApplication::checkCommandOptions(const QString &command, QString *error) const
{
    for (const OptionSpec &spec : optionSpecs()) {
        if (!spec.commands.isEmpty() && !spec.commands.contains(command) && m_parser.isSet(spec.names.first())) {
            *error = QStringLiteral("--%1 does not apply to '%2' (it belongs to %3)")
                         .arg(spec.names.first(), command, spec.commands.join(QStringLiteral(", ")));
            return false;
        }
    }
    return true;
}

int CliApplication::start(const QStringList &arguments)
{
    defineOptions();
    if (!m_parser.parse(arguments))
        return usage(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        m_out << m_parser.helpText() << '\n' << kCommands;
        m_out.flush();
        return Ok;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        m_out << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        m_out.flush();
        return Ok;
    }
    // Progress logs are for --verbose; warnings always show.
    if (!m_parser.isSet(QStringLiteral("verbose")))
        QLoggingCategory::setFilterRules(QStringLiteral("porthole.*.info=false\nporthole.*.debug=false"));
    else
        QLoggingCategory::setFilterRules(QStringLiteral("porthole.*.debug=true"));
    const QStringList positional = m_parser.positionalArguments();
    if (positional.isEmpty())
        return usage(QStringLiteral("no command given"));
    const QString command = positional.first();
    if (!kCommandNames.contains(command))
        return usage(QStringLiteral("unknown command '%1'").arg(command));
    QString error;
    int status = Ok;
    if (!checkCommandOptions(command, &error))
        return usage(error);
    if (command == u"serve-demo")
        return runServeDemo();
    if (command == u"screenshot" || command == u"watch" || command == u"probe") {
        if (positional.size() != 2)
            return usage(QStringLiteral("'%1' wants one console URL").arg(command));
        // With --demo the console may be a demo VM's ID: the live desktop behind it.
        const auto id = m_parser.isSet(QStringLiteral("demo")) ? parseId(positional[1]) : std::nullopt;
        const auto url = id ? demoConsole(*id, &error, &status) : ConsoleUrl::parse(positional[1], &error);
        if (!url && !id)
            return usage(error);
        if (!url) {
            m_err << "porthole-cli: " << error << '\n';
            return status;
        }
        if (command == u"probe")
            return runProbe(*url);
        return command == u"watch" ? runWatch(*url) : runScreenshot(*url);
    }

    const auto settings = resolveSettings(&error, &status);
    if (!settings) {
        m_err << "porthole-cli: " << error << '\n';
        return status;
    }
    m_client = std::make_unique<OneClient>(*settings);
    if (!m_client->prepareTls(&error))
        return usage(error);
    connect(m_client.get(), &OneClient::tlsWarning, this, [this](const QString &warning) {
        m_err << "porthole-cli: warning: " << warning << '\n';
        m_err.flush();
    });
    if (settings->insecure)
        m_err << "porthole-cli: warning: --insecure: server certificates are not verified\n";

    const QStringList rest = positional.mid(1);
    const bool takesId = command == u"vm" || command == u"token" || command == u"revoke";
    if (!takesId && !rest.isEmpty())
        return usage(QStringLiteral("'%1' takes no arguments, got '%2'").arg(command, rest.join(u' ')));
    if (command == u"version")
        runVersion();
    else if (command == u"whoami")
        runWhoami();
    else if (command == u"login")
        runLogin();
    else if (command == u"logout")
        whenDone(m_client->revokeToken(), [this](const QVariant &) {
            if (!m_parser.isSet(QStringLiteral("json")))
                m_out << "revoked\n";
        });
    else if (command == u"vms")
        return runVms();
    else if (command == u"vm")
        return runVm(rest);
    else if (command == u"token")
        return runToken(rest);
    else if (command == u"revoke") {
        if (rest.size() != 1 || rest.first().isEmpty())
            return usage(QStringLiteral("'revoke' wants one console token, e.g. porthole-cli revoke TOKEN"));
        // A console gateway's method: the token ends, and with --close-on-revoke its sessions.
        whenDone(m_client->revokeConsoleToken(rest.first()), [this](const QVariant &) {
            if (!m_parser.isSet(QStringLiteral("json")))
                m_out << "revoked\n";
        });
    }
    return -1;
}

std::optional<OneSettings> CliApplication::resolveSettings(QString *error, int *status)
{
    *status = Usage;
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString home = QDir::homePath();
    OneSettings settings;

    if (m_parser.isSet(QStringLiteral("demo"))) {
        if (m_parser.isSet(QStringLiteral("endpoint")) || m_parser.isSet(QStringLiteral("user"))) {
            *error = QStringLiteral("--demo brings its own endpoint and user; drop --endpoint and --user");
            return std::nullopt;
        }
        if (!startDemo(error, status))
            return std::nullopt;
        settings.endpoint = m_demo->endpoint();
        settings.vnctokenEndpoint = m_demo->endpoint();
        settings.user = m_demo->server()->demoUser();
        settings.secret = m_demo->server()->demoPassword();
    } else {
        settings.endpoint = OneSettings::resolveEndpoint(m_parser.value(QStringLiteral("endpoint")), environment, home);
        if (!settings.endpoint.isValid()
            || (settings.endpoint.scheme() != u"http" && settings.endpoint.scheme() != u"https")) {
            *error = QStringLiteral("the endpoint \"%1\" is not an http:// or https:// URL")
                         .arg(settings.endpoint.toDisplayString());
            return std::nullopt;
        }
        const bool fromStdin = m_parser.isSet(QStringLiteral("password-stdin"));
        const bool fromFile = m_parser.isSet(QStringLiteral("password-file"));
        if (m_parser.isSet(QStringLiteral("user"))) {
            if (fromStdin == fromFile) {
                *error = QStringLiteral("--user needs exactly one of --password-stdin or --password-file");
                return std::nullopt;
            }
            settings.user = m_parser.value(QStringLiteral("user"));
            if (fromStdin) {
                settings.secret = readStdinLine();
            } else {
                QFile file(m_parser.value(QStringLiteral("password-file")));
                if (!file.open(QIODevice::ReadOnly)) {
                    *error
                        = QStringLiteral("cannot read --password-file %1: %2").arg(file.fileName(), file.errorString());
                    return std::nullopt;
                }
                settings.secret = QString::fromUtf8(file.readLine()).trimmed();
            }
            if (settings.secret.isEmpty()) {
                *error = QStringLiteral("the password for user %1 is empty").arg(settings.user);
                return std::nullopt;
            }
        } else if (fromStdin || fromFile) {
            *error = QStringLiteral("--password-stdin and --password-file need --user");
            return std::nullopt;
        } else {
            const auto credentials = OneSettings::credentialsFromAuthFile(environment, home, error);
            if (!credentials)
                return std::nullopt;
            settings.user = credentials->user;
            settings.secret = credentials->secret;
        }
        if (m_parser.isSet(QStringLiteral("vnctoken-endpoint"))) {
            settings.vnctokenEndpoint = QUrl(m_parser.value(QStringLiteral("vnctoken-endpoint")), QUrl::StrictMode);
            if (!settings.vnctokenEndpoint.isValid() || settings.vnctokenEndpoint.host().isEmpty()) {
                *error = QStringLiteral("--vnctoken-endpoint \"%1\" is not a URL")
                             .arg(m_parser.value(QStringLiteral("vnctoken-endpoint")));
                return std::nullopt;
            }
        }
    }

    settings.caFile = m_parser.value(QStringLiteral("ca-file"));
    settings.insecure = m_parser.isSet(QStringLiteral("insecure"));
    if (!pinOption(&settings.pin, error) || !secondsOption(QStringLiteral("timeout"), &settings.timeoutMs, error))
        return std::nullopt;
    *status = Ok;
    return settings;
}

bool CliApplication::startDemo(QString *error, int *status)
{
    m_demo = std::make_unique<DemoEnvironment>();
    if (!m_demo->start()) {
        *error = QStringLiteral("could not start the demo cloud: %1").arg(m_demo->errorString());
        *status = Network;
        return false;
    }
    return true;
}

// The demo desktops are in this process and plain RFB on 127.0.0.1, so a demo
// console is reached straight over TCP (vnc://); no token proxy is started. The
// addon's tokens (porthole-cli --demo token) name the same 127.0.0.1:PORT targets.
std::optional<ConsoleUrl> CliApplication::demoConsole(int vmId, QString *error, int *status)
{
    if (!startDemo(error, status))
        return std::nullopt;
    std::optional<ConsoleUrl> url = ConsoleUrl::parse(m_demo->consoleUrl(vmId), error);
    if (!url) {
        QStringList live;
        for (int id : m_demo->consoleVmIds())
            live << QString::number(id);
        *error = QStringLiteral("demo VM %1 has no live console; the demo's VNC consoles are VMs %2")
                     .arg(vmId)
                     .arg(live.join(QStringLiteral(", ")));
        *status = NotFound;
        return std::nullopt;
    }
    const QString password = m_demo->cloud()->vm(vmId)->graphicsPasswd;
    if (!password.isEmpty())
        url->setPassword(password);
    return url;
}

void CliApplication::whenDone(OneCall *call, std::function<void(const QVariant &)> print)
{
    connect(call, &OneCall::finished, this, [this, call, print = std::move(print)] {
        if (!call->succeeded()) {
            finish(fail(call->error()));
            return;
        }
        print(call->result());
        finish(Ok);
    });
}

void CliApplication::printJson(const QJsonValue &value)
{
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << document.toJson(QJsonDocument::Indented);
}

void CliApplication::runVersion()
{
    whenDone(m_client->version(), [this](const QVariant &result) {
        if (m_parser.isSet(QStringLiteral("json")))
            printJson(QJsonObject {{QStringLiteral("version"), result.toString()}});
        else
            m_out << result.toString() << '\n';
    });
}

void CliApplication::runWhoami()
{
    whenDone(m_client->whoami(), [this](const QVariant &result) {
        const auto user = result.value<UserInfo>();
        if (m_parser.isSet(QStringLiteral("json"))) {
            printJson(QJsonObject {{QStringLiteral("id"), user.id}, {QStringLiteral("name"), user.name},
                {QStringLiteral("gid"), user.gid}, {QStringLiteral("group"), user.group}});
            return;
        }
        m_out << TextTable::keyValues(
            {{QStringLiteral("ID"), QString::number(user.id)}, {QStringLiteral("NAME"), user.name},
                {QStringLiteral("GROUP"), QStringLiteral("%1 (%2)").arg(user.group).arg(user.gid)}});
    });
}

void CliApplication::runLogin()
{
    int ttl = 36000; // oneuser token-create's default
    if (m_parser.isSet(QStringLiteral("ttl"))) {
        bool ok = false;
        ttl = m_parser.value(QStringLiteral("ttl")).toInt(&ok);
        if (!ok || ttl < -1) {
            finish(usage(QStringLiteral("--ttl wants seconds (-1: no expiry), got \"%1\"")
                             .arg(m_parser.value(QStringLiteral("ttl")))));
            return;
        }
    }
    const QString user = m_client->settings().user;
    whenDone(m_client->login(ttl), [this, user, ttl](const QVariant &result) {
        if (m_parser.isSet(QStringLiteral("json")))
            printJson(QJsonObject {{QStringLiteral("user"), user}, {QStringLiteral("token"), result.toString()},
                {QStringLiteral("ttl"), ttl}});
        else
            m_out << user << ':' << result.toString() << '\n'; // ready for ONE_AUTH
    });
}

int CliApplication::runVms()
{
    OneClient::VmQuery query;
    const QString filter = m_parser.value(QStringLiteral("filter"));
    if (filter.isEmpty() || filter == u"all")
        query.filter = -2;
    else if (filter == u"mine")
        query.filter = -3;
    else if (filter == u"group")
        query.filter = -4;
    else if (const auto uid = parseId(filter))
        query.filter = *uid;
    else
        return usage(QStringLiteral("--filter wants all, mine, group or a user ID, got \"%1\"").arg(filter));

    query.extended = m_parser.isSet(QStringLiteral("extended"));
    const QString state = m_parser.value(QStringLiteral("state"));
    if (state.isEmpty() || state == u"active") {
        query.state = -1;
    } else if (state == u"any") {
        query.state = -2;
    } else if (const auto code = VmStates::stateFromName(state)) {
        query.state = *code;
    } else {
        return usage(QStringLiteral("--state wants any, active or a VM state name such as RUNNING's ACTIVE, "
                                    "POWEROFF or PENDING; got \"%1\"")
                         .arg(state));
    }

    OneCall *call = m_client->vms(query);
    whenDone(call, [this](const QVariant &result) {
        const auto vms = result.value<QList<VirtualMachine>>();
        if (m_parser.isSet(QStringLiteral("json"))) {
            // One object per line, written as we go: a QJsonArray of a large pool costs
            // several times the memory of the pool itself.
            m_out << '[';
            for (qsizetype i = 0; i < vms.size(); ++i)
                m_out << (i ? ",\n " : "\n ") << QJsonDocument(vms[i].toJson()).toJson(QJsonDocument::Compact);
            m_out << "\n]\n";
            return;
        }
        TextTable table;
        table.addColumn(QStringLiteral("ID"), TextTable::Align::Right);
        for (const char *header : {"NAME", "OWNER", "GROUP", "STAT", "HOST", "CONSOLE", "IP"})
            table.addColumn(QString::fromLatin1(header));
        for (const VirtualMachine &vm : vms) {
            const QString console = !vm.graphics ? QStringLiteral("-")
                : vm.consolePossible()           ? vm.graphics->type.toUpper()
                                                 : vm.graphics->type.toUpper() + QStringLiteral(" (off)");
            table.addRow({QString::number(vm.id), vm.name, vm.owner, vm.group, vm.displayState(), orDash(vm.host),
                console, orDash(vm.ips.join(u','))});
        }
        m_out << table.render();
    });
    return -1;
}

int CliApplication::runVm(const QStringList &arguments)
{
    const auto id = arguments.size() == 1 ? parseId(arguments.first()) : std::nullopt;
    if (!id)
        return usage(QStringLiteral("'vm' wants one VM ID, e.g. porthole-cli vm 42"));
    whenDone(m_client->vm(*id), [this](const QVariant &result) {
        const auto vm = result.value<VirtualMachine>();
        if (m_parser.isSet(QStringLiteral("json"))) {
            printJson(vm.toJson());
            return;
        }
        m_out << TextTable::keyValues({
            {QStringLiteral("ID"), QString::number(vm.id)},
            {QStringLiteral("NAME"), vm.name},
            {QStringLiteral("OWNER"), vm.owner},
            {QStringLiteral("GROUP"), vm.group},
            {QStringLiteral("STATE"), vm.stateName()},
            {QStringLiteral("LCM_STATE"), vm.lcmStateName()},
            {QStringLiteral("HOST"), orDash(vm.host)},
            {QStringLiteral("GRAPHICS"), graphicsSummary(vm)},
            {QStringLiteral("IP"), orDash(vm.ips.join(QStringLiteral(", ")))},
            {QStringLiteral("MEMORY"), QStringLiteral("%1 MiB").arg(vm.memoryMiB)},
            {QStringLiteral("CPU"), QStringLiteral("%1 (%2 VCPU)").arg(vm.cpu).arg(std::max(vm.vcpu, 1))},
            {QStringLiteral("CONSOLE"),
                vm.consolePossible() ? QStringLiteral("possible") : QStringLiteral("not possible")},
        });
    });
    return -1;
}

int CliApplication::runToken(const QStringList &arguments)
{
    const auto id = arguments.size() == 1 ? parseId(arguments.first()) : std::nullopt;
    if (!id)
        return usage(QStringLiteral("'token' wants one VM ID, e.g. porthole-cli token 42"));
    const QString methodName = m_parser.value(QStringLiteral("method"));
    OneClient::TokenMethod method = OneClient::TokenMethod::VncToken;
    if (methodName == u"vnctokenonly")
        method = OneClient::TokenMethod::VncTokenOnly;
    else if (methodName == u"vnc")
        method = OneClient::TokenMethod::Vnc;
    else if (!methodName.isEmpty() && methodName != u"vnctoken")
        return usage(QStringLiteral("--method wants vnctoken, vnctokenonly or vnc, got \"%1\"").arg(methodName));

    QUrl proxy;
    if (m_parser.isSet(QStringLiteral("proxy-url"))) {
        proxy = QUrl(m_parser.value(QStringLiteral("proxy-url")), QUrl::StrictMode);
        if (!proxy.isValid() || proxy.host().isEmpty())
            return usage(
                QStringLiteral("--proxy-url \"%1\" is not a URL").arg(m_parser.value(QStringLiteral("proxy-url"))));
    }
    whenDone(m_client->consoleToken(*id, method), [this, proxy](const QVariant &result) {
        const auto token = result.value<VncToken>();
        QString url;
        if (!proxy.isEmpty()) {
            QUrl console = proxy;
            QUrlQuery query(console);
            query.removeAllQueryItems(QStringLiteral("token"));
            query.addQueryItem(QStringLiteral("token"), QString::fromLatin1(QUrl::toPercentEncoding(token.token)));
            console.setQuery(query);
            url = console.toString(QUrl::FullyEncoded);
        }
        if (m_parser.isSet(QStringLiteral("json"))) {
            printJson(token.toJson(url));
            return;
        }
        QList<std::pair<QString, QString>> rows {
            {QStringLiteral("VM"), QString::number(token.vmId)},
            {QStringLiteral("TOKEN"), token.token},
            {QStringLiteral("HOST"), orDash(token.host)},
            {QStringLiteral("PORT"), token.port > 0 ? QString::number(token.port) : QStringLiteral("-")},
            {QStringLiteral("TYPE"), orDash(token.type)},
            {QStringLiteral("PASSWORD"), token.password.isEmpty() ? QStringLiteral("none") : QStringLiteral("set")},
        };
        if (!url.isEmpty())
            rows.append({QStringLiteral("URL"), url});
        m_out << TextTable::keyValues(rows);
    });
    return -1;
}

int CliApplication::runServeDemo()
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;
    if (m_parser.isSet(QStringLiteral("listen"))) {
        const QString listen = m_parser.value(QStringLiteral("listen"));
        const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const uint value = colon < 0 ? 0 : listen.mid(colon + 1).toUInt(&ok);
        if (colon <= 0 || !ok || value > 65535)
            return usage(QStringLiteral("--listen wants HOST:PORT, got \"%1\"").arg(listen));
        host = listen.left(colon);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        port = quint16(value);
    }
    const QHostAddress address(host == u"localhost" ? QStringLiteral("127.0.0.1") : host);
    if (address.isNull())
        return usage(QStringLiteral("--listen wants an IP address, got \"%1\"").arg(host));
    m_demo = std::make_unique<DemoEnvironment>();
    if (m_parser.isSet(QStringLiteral("vms"))) {
        bool ok = false;
        const int extra = m_parser.value(QStringLiteral("vms")).toInt(&ok);
        if (!ok || extra < 0 || extra > 1000000)
            return usage(
                QStringLiteral("--vms wants a number of VMs, got \"%1\"").arg(m_parser.value(QStringLiteral("vms"))));
        m_demo->cloud()->setExtraVms(extra);
    }
    if (!m_demo->start(address, port)) {
        m_err << "porthole-cli: the demo cloud cannot listen on " << host << ':' << port << ": "
              << m_demo->errorString() << '\n';
        return Network;
    }
    const QString endpoint = m_demo->endpoint().toString();
    const DemoCloudServer *server = m_demo->server();
    QJsonObject consoles; // VM ID → its live desktop
    for (int id : m_demo->consoleVmIds())
        consoles.insert(QString::number(id), m_demo->consoleUrl(id));
    if (m_parser.isSet(QStringLiteral("json"))) {
        m_out << QJsonDocument(
            QJsonObject {{QStringLiteral("endpoint"), endpoint}, {QStringLiteral("user"), server->demoUser()},
                {QStringLiteral("password"), server->demoPassword()}, {QStringLiteral("consoles"), consoles}})
                     .toJson(QJsonDocument::Compact)
              << '\n';
    } else {
        m_out << "Porthole demo cloud (OpenNebula " << m_demo->cloud()->version() << " API) at " << endpoint << '\n'
              << "  user " << server->demoUser() << ", password " << server->demoPassword() << '\n'
              << "  try: echo " << server->demoPassword() << " | porthole-cli --endpoint " << endpoint << " --user "
              << server->demoUser() << " --password-stdin vms\n";
        for (auto it = consoles.begin(); it != consoles.end(); ++it)
            m_out << "  VM " << it.key() << " console: " << it.value().toString() << '\n';
        m_out << "Press Ctrl+C to stop.\n";
    }
    m_out.flush();
    auto *signals = new UnixSignalWatcher({SIGINT, SIGTERM}, this);
    connect(signals, &UnixSignalWatcher::received, this, [this] { finish(Ok); });
    return -1;
}

bool CliApplication::consoleOptions(RfbSession::Options *options, QString *error)
{
    if (m_parser.isSet(QStringLiteral("password-stdin")))
        options->password = readStdinLine();
    options->wssCaFile = m_parser.value(QStringLiteral("ca-file"));
    for (const auto &[name, level] : {std::pair {QStringLiteral("quality"), &options->jpegQuality},
             std::pair {QStringLiteral("compression"), &options->compressLevel}}) {
        bool ok = true;
        if (m_parser.isSet(name) && ((*level = m_parser.value(name).toInt(&ok)) < 0 || *level > 9 || !ok)) {
            *error = QStringLiteral("--%1 wants a level from 0 to 9, got \"%2\"").arg(name, m_parser.value(name));
            return false;
        }
    }
    if (m_parser.isSet(QStringLiteral("encodings")))
        options->encodings = m_parser.value(QStringLiteral("encodings")).replace(u',', u' ').simplified().toLatin1();
    return pinOption(&options->wssPin, error)
        && secondsOption(QStringLiteral("timeout"), &options->connectTimeoutMs, error);
}

bool CliApplication::secondsOption(const QString &name, int *milliseconds, QString *error) const
{
    if (!m_parser.isSet(name))
        return true; // the caller's default stays
    bool ok = false;
    const double seconds = m_parser.value(name).toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 86400) {
        *error = QStringLiteral("--%1 wants a number of seconds, got \"%2\"").arg(name, m_parser.value(name));
        return false;
    }
    *milliseconds = int(seconds * 1000);
    return true;
}

bool CliApplication::pinOption(CertificatePin *pin, QString *error) const
{
    if (!m_parser.isSet(QStringLiteral("pin-sha256")))
        return true;
    const std::optional<CertificatePin> parsed = CertificatePin::parse(m_parser.value(QStringLiteral("pin-sha256")));
    if (!parsed) {
        *error = QStringLiteral("--pin-sha256 wants 64 hex digits (colons allowed), got \"%1\"")
                     .arg(m_parser.value(QStringLiteral("pin-sha256")));
        return false;
    }
    *pin = *parsed;
    return true;
}

int CliApplication::runScreenshot(const ConsoleUrl &url)
{
    const QString output = m_parser.value(QStringLiteral("output"));
    if (output.isEmpty())
        return usage(QStringLiteral("'screenshot' wants -o FILE.png"));
    RfbSession::Options options;
    QString error;
    if (!consoleOptions(&options, &error))
        return usage(error);
    auto *job = new ScreenshotJob(url, options, output, options.connectTimeoutMs, this);
    connect(job, &ScreenshotJob::finished, this, [this, job, output](ConsoleError failure, const QString &message) {
        if (failure != ConsoleError::None) {
            m_err << "porthole-cli: " << message << '\n';
            finish(consoleExitCode(failure));
            return;
        }
        const QImage image = job->image();
        if (m_parser.isSet(QStringLiteral("json"))) {
            printJson(QJsonObject {{QStringLiteral("file"), output}, {QStringLiteral("width"), image.width()},
                {QStringLiteral("height"), image.height()}, {QStringLiteral("first_frame_ms"), job->firstFrameMs()}});
        } else {
            m_out << output << ": " << image.width() << 'x' << image.height() << ", first complete frame after "
                  << job->firstFrameMs() << " ms\n";
        }
        finish(Ok);
    });
    job->start();
    return -1;
}

int CliApplication::runWatch(const ConsoleUrl &url)
{
    RfbSession::Options options;
    QString error;
    if (!consoleOptions(&options, &error))
        return usage(error);
    int durationMs = 0; // until interrupted
    if (!secondsOption(QStringLiteral("duration"), &durationMs, &error))
        return usage(error);
    auto *job = new WatchJob(url, options, durationMs, this);
    connect(job, &WatchJob::sampled, this, [this](const WatchJob::Sample &sample) {
        m_out << WatchJob::sampleLine(sample) << '\n';
        m_out.flush();
    });
    connect(job, &WatchJob::finished, this, [this, job](ConsoleError failure, const QString &message) {
        if (failure != ConsoleError::None && failure != ConsoleError::ConnectionLost) {
            m_err << "porthole-cli: " << message << '\n';
            finish(consoleExitCode(failure));
            return;
        }
        m_out << WatchJob::summaryText(job->summary()) << '\n';
        if (failure == ConsoleError::ConnectionLost)
            m_err << "porthole-cli: " << message << '\n';
        finish(consoleExitCode(failure));
    });
    // Ctrl+C ends the watch with its summary rather than killing it.
    auto *signals = new UnixSignalWatcher({SIGINT, SIGTERM}, this);
    connect(signals, &UnixSignalWatcher::received, job, &WatchJob::stop);
    job->start();
    return -1;
}

int CliApplication::runProbe(const ConsoleUrl &url)
{
    RfbSession::Options sessionOptions;
    QString error;
    if (!consoleOptions(&sessionOptions, &error))
        return usage(error);
    ConsoleProbe::Options options;
    options.password = sessionOptions.password;
    options.caFile = sessionOptions.wssCaFile;
    options.pin = sessionOptions.wssPin;
    if (m_parser.isSet(QStringLiteral("timeout")))
        options.stepTimeoutMs = sessionOptions.connectTimeoutMs;
    auto *probe = new ConsoleProbe(this);
    connect(probe, &ConsoleProbe::finished, this, [this](const ProbeReport &report) {
        if (m_parser.isSet(QStringLiteral("json")))
            printJson(report.toJson());
        else
            m_out << report.toText();
        finish(report.exitCode());
    });
    probe->start(url, options);
    return -1;
}

} // namespace Porthole
