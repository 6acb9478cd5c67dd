// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/cli/CliApplication.h"

#include "app/cli/CommandTable.h"
#include "base/SecretFile.h"
#include "demo/DemoCloudServer.h"
#include "demo/DemoEnvironment.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>

namespace Porthole {

CliApplication::CliApplication() = default;

CliApplication::CliApplication(QIODevice *out, QIODevice *err)
    : m_session(out, err)
{ }

CliApplication::~CliApplication() = default;

int CliApplication::start(const QStringList &arguments)
{
    QCommandLineParser &parser = m_session.parser();
    CommandTable::addTo(parser);
    if (!parser.parse(arguments))
        return m_session.usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        m_session.out() << parser.helpText() << '\n' << CommandTable::commandsHelp();
        m_session.out().flush();
        return exitCode(ExitStatus::Ok);
    }
    if (parser.isSet(QStringLiteral("version"))) {
        m_session.out() << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        m_session.out().flush();
        return exitCode(ExitStatus::Ok);
    }
    // Progress logs are for --verbose; warnings always show.
    if (!parser.isSet(QStringLiteral("verbose")))
        QLoggingCategory::setFilterRules(QStringLiteral("porthole.*.info=false\nporthole.*.debug=false"));
    else
        QLoggingCategory::setFilterRules(QStringLiteral("porthole.*.debug=true"));
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return m_session.usage(QStringLiteral("no command given"));
    // Two-word commands first ("vm action"), then one-word ones ("vm").
    const CliCommand *command
        = positional.size() > 1 ? CommandTable::command(positional[0] + u' ' + positional[1]) : nullptr;
    const qsizetype words = command ? 2 : 1;
    if (!command)
        command = CommandTable::command(positional.first());
    if (!command)
        return m_session.usage(QStringLiteral("unknown command '%1'").arg(positional.first()));
    const QString optionError
        = CommandTable::optionError(command->name, [&parser](const QString &name) { return parser.isSet(name); });
    if (!optionError.isEmpty())
        return m_session.usage(optionError);
    const QStringList rest = positional.mid(words);
    if (command->needs == CliCommand::Needs::Nothing)
        return command->run(m_session, rest);

    Failure failure;
    const auto settings = resolveSettings(&failure);
    if (!settings)
        return m_session.fail(failure);
    auto client = std::make_unique<OneClient>(*settings);
    QString error;
    if (!client->prepareTls(&error))
        return m_session.usage(error);
    connect(client.get(), &OneClient::tlsWarning, this, [this](const QString &warning) {
        m_session.err() << "porthole-cli: warning: " << warning << '\n';
        m_session.err().flush();
    });
    if (settings->insecure)
        m_session.err() << "porthole-cli: warning: --insecure: server certificates are not verified\n";
    m_session.setClient(std::move(client));
    if (command->arguments.isEmpty() && !rest.isEmpty())
        return m_session.usage(QStringLiteral("'%1' takes no arguments, got '%2'").arg(command->name, rest.join(u' ')));
    return command->run(m_session, rest);
}

std::optional<OneSettings> CliApplication::resolveSettings(Failure *failure)
{
    *failure = Failure {QStringLiteral("usage"), QString(), ExitStatus::Usage};
    QString *error = &failure->sentence;
    const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    const QString home = QDir::homePath();
    const QCommandLineParser &parser = m_session.parser();
    OneSettings settings;

    if (parser.isSet(QStringLiteral("demo"))) {
        if (parser.isSet(QStringLiteral("endpoint")) || parser.isSet(QStringLiteral("user"))) {
            *error = QStringLiteral("--demo brings its own endpoint and user; drop --endpoint and --user");
            return std::nullopt;
        }
        if (!m_session.startDemo(failure))
            return std::nullopt;
        const DemoEnvironment *demo = m_session.demo();
        settings.endpoint = demo->endpoint();
        settings.vnctokenEndpoint = demo->endpoint();
        settings.user = demo->server()->demoUser();
        settings.secret = demo->server()->demoPassword();
    } else {
        settings.endpoint = OneSettings::resolveEndpoint(parser.value(QStringLiteral("endpoint")), environment, home);
        if (!settings.endpoint.isValid()
            || (settings.endpoint.scheme() != u"http" && settings.endpoint.scheme() != u"https")) {
            *error = QStringLiteral("the endpoint \"%1\" is not an http:// or https:// URL")
                         .arg(settings.endpoint.toDisplayString());
            return std::nullopt;
        }
        const bool fromStdin = parser.isSet(QStringLiteral("password-stdin"));
        const bool fromFile = parser.isSet(QStringLiteral("password-file"));
        if (parser.isSet(QStringLiteral("user"))) {
            if (fromStdin == fromFile) {
                *error = QStringLiteral("--user needs exactly one of --password-stdin or --password-file");
                return std::nullopt;
            }
            settings.user = parser.value(QStringLiteral("user"));
            if (fromStdin) {
                settings.secret = CliSession::readStdinLine();
            } else {
                QString unreadable;
                const std::optional<QString> line
                    = SecretFile::firstLine(parser.value(QStringLiteral("password-file")), &unreadable);
                if (!line) {
                    *error = QStringLiteral("--password-file: %1").arg(unreadable);
                    return std::nullopt;
                }
                settings.secret = *line;
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
    }
    // With --demo too: the demo's addon answers at its endpoint, and a test may point elsewhere.
    if (parser.isSet(QStringLiteral("vnctoken-endpoint"))) {
        settings.vnctokenEndpoint = QUrl(parser.value(QStringLiteral("vnctoken-endpoint")), QUrl::StrictMode);
        if (!settings.vnctokenEndpoint.isValid() || settings.vnctokenEndpoint.host().isEmpty()) {
            *error = QStringLiteral("--vnctoken-endpoint \"%1\" is not a URL")
                         .arg(parser.value(QStringLiteral("vnctoken-endpoint")));
            return std::nullopt;
        }
    }

    settings.caFile = parser.value(QStringLiteral("ca-file"));
    settings.insecure = parser.isSet(QStringLiteral("insecure"));
    if (!m_session.pinOption(&settings.pin, error)
        || !m_session.secondsOption(QStringLiteral("timeout"), &settings.timeoutMs, error))
        return std::nullopt;
    return settings;
}

} // namespace Porthole
