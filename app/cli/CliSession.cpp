// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/cli/CliSession.h"

#include "app/cli/CliRemedies.h"
#include "base/PrintableText.h"
#include "demo/DemoEnvironment.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace Porthole {

CliSession::CliSession()
    : m_out(stdout)
    , m_err(stderr)
{ }

CliSession::CliSession(QIODevice *out, QIODevice *err)
    : m_out(out)
    , m_err(err)
{ }

CliSession::~CliSession() = default;

int CliSession::usage(const QString &message)
{
    m_err << "porthole-cli: " << message << "\nTry 'porthole-cli --help'.\n";
    m_err.flush();
    return exitCode(ExitStatus::Usage);
}

int CliSession::fail(const Failure &failure)
{
    Failure worded = failure;
    worded.sentence = CliRemedies::sentence(failure); // core's advice, with the flags that follow it
    if (json())
        m_err << QJsonDocument(worded.toJson()).toJson(QJsonDocument::Compact) << '\n';
    else
        m_err << "porthole-cli: " << printableText(worded.sentence) << '\n'; // it may quote oned
    m_err.flush();
    return exitCode(failure.status);
}

void CliSession::finish(int status)
{
    m_out.flush();
    m_err.flush();
    // Queued: QCoreApplication::exit() before exec() runs is lost, and the process would wait forever.
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [status] { QCoreApplication::exit(status); }, Qt::QueuedConnection);
}

void CliSession::whenDone(OneCall *call, std::function<void(const QVariant &)> print)
{
    connect(call, &OneCall::finished, this, [this, call, print = std::move(print)] {
        if (!call->succeeded()) {
            finish(fail(call->error().failure()));
            return;
        }
        print(call->result());
        finish(exitCode(ExitStatus::Ok));
    });
}

void CliSession::printJson(const QJsonValue &value)
{
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << document.toJson(QJsonDocument::Indented);
}

void CliSession::setClient(std::unique_ptr<OneClient> client)
{
    m_client = std::move(client);
}

DemoEnvironment *CliSession::demo()
{
    if (!m_demo)
        m_demo = std::make_unique<DemoEnvironment>();
    return m_demo.get();
}

bool CliSession::startDemo(Failure *failure)
{
    if (!demo()->start()) {
        *failure = Failure {QStringLiteral("demo-unavailable"),
            QStringLiteral("could not start the demo cloud: %1").arg(m_demo->errorString()), ExitStatus::Unreachable};
        return false;
    }
    return true;
}

bool CliSession::listenOption(QHostAddress *address, quint16 *port, QString *error) const
{
    if (!m_parser.isSet(QStringLiteral("listen")))
        return true;
    const QString listen = m_parser.value(QStringLiteral("listen"));
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    bool ok = false;
    const uint value = colon < 0 ? 0 : listen.mid(colon + 1).toUInt(&ok);
    QString host = listen.left(std::max<qsizetype>(colon, 0));
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    const QHostAddress parsed(host == u"localhost" ? QStringLiteral("127.0.0.1") : host);
    if (colon <= 0 || !ok || value > 65535 || parsed.isNull()) {
        *error = QStringLiteral("--listen wants IP:PORT, got \"%1\"").arg(listen);
        return false;
    }
    *address = parsed;
    *port = quint16(value);
    return true;
}

bool CliSession::secondsOption(const QString &name, int *milliseconds, QString *error) const
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

bool CliSession::pinOption(CertificatePin *pin, QString *error) const
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

std::optional<int> CliSession::parseId(const QString &text)
{
    bool ok = false;
    const int id = text.toInt(&ok);
    return ok && id >= 0 ? std::optional<int>(id) : std::nullopt;
}

QString CliSession::readStdinLine()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return QString();
    return QString::fromUtf8(in.readLine()).trimmed();
}

} // namespace Porthole
