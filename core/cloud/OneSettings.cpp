// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/OneSettings.h"

#include "base/SecretFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace Porthole {
namespace {

constexpr int kVnctokenPort = 2644;

std::optional<QString> firstLineOf(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::nullopt;
    return QString::fromUtf8(file.readLine()).trimmed();
}

} // namespace

QUrl OneSettings::effectiveVnctokenEndpoint() const
{
    if (vnctokenEndpoint.isValid() && !vnctokenEndpoint.isEmpty())
        return vnctokenEndpoint;
    QUrl url = endpoint;
    url.setPort(kVnctokenPort);
    url.setPath(QStringLiteral("/RPC2"));
    return url;
}

QUrl OneSettings::resolveEndpoint(
    const QString &explicitEndpoint, const QProcessEnvironment &environment, const QString &homeDir, QString *source)
{
    auto chosen = [&](const QString &text, const QString &from) {
        if (source)
            *source = from;
        return QUrl::fromUserInput(text.trimmed());
    };
    if (!explicitEndpoint.isEmpty())
        return chosen(explicitEndpoint, QStringLiteral("--endpoint"));
    const QString fromEnvironment = environment.value(QStringLiteral("ONE_XMLRPC"));
    if (!fromEnvironment.isEmpty())
        return chosen(fromEnvironment, QStringLiteral("$ONE_XMLRPC"));
    const QString endpointFile = QDir(homeDir).filePath(QStringLiteral(".one/one_endpoint"));
    if (auto line = firstLineOf(endpointFile); line && !line->isEmpty())
        return chosen(*line, endpointFile);
    return chosen(QStringLiteral("http://localhost:2633/RPC2"), QStringLiteral("the default"));
}

std::optional<OneSettings::Credentials> OneSettings::parseAuthLine(
    const QString &line, const QString &source, QString *error)
{
    const qsizetype colon = line.indexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == line.size() - 1) {
        if (error)
            *error = QStringLiteral("%1 does not hold \"user:password\" or \"user:token\"").arg(source);
        return std::nullopt;
    }
    return Credentials {line.left(colon), line.mid(colon + 1), source};
}

std::optional<OneSettings::Credentials> OneSettings::credentialsFromAuthFile(
    const QProcessEnvironment &environment, const QString &homeDir, QString *error)
{
    const QString fromEnvironment = environment.value(QStringLiteral("ONE_AUTH"));
    const QString path
        = fromEnvironment.isEmpty() ? QDir(homeDir).filePath(QStringLiteral(".one/one_auth")) : fromEnvironment;
    if (!QFileInfo::exists(path)) {
        if (error) {
            *error = QStringLiteral("no credentials: give --user with --password-stdin or --password-file, "
                                    "or put \"user:password\" in %1%2")
                         .arg(path, fromEnvironment.isEmpty() ? QString() : QStringLiteral(" ($ONE_AUTH)"));
        }
        return std::nullopt;
    }
    QString unreadable;
    const std::optional<QString> line = SecretFile::firstLine(path, &unreadable);
    if (!line) {
        if (error)
            *error = unreadable;
        return std::nullopt;
    }
    return parseAuthLine(*line, path, error);
}

} // namespace Porthole
