// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "base/CertificatePin.h"

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QUrl>

#include <optional>

namespace Porthole {

// Where and as whom to talk to oned, and how far to trust its certificate.
struct OneSettings
{
    QUrl endpoint;
    QString user;
    QString secret; // a password or a login token: oned accepts either after the first colon
    QUrl vnctokenEndpoint; // empty: the oned host, port 2644, path /RPC2 (addon-vnctoken's default)
    QString caFile;
    CertificatePin pin; // trust exactly this certificate
    bool insecure = false;
    int timeoutMs = 30000; // silence longer than this ends a call
    int pageSize = 500; // VMs per one.vmpool.info page

    QString session() const { return user + QLatin1Char(':') + secret; }
    QUrl effectiveVnctokenEndpoint() const;

    // The rules of OpenNebula's own CLI: the explicit endpoint, then $ONE_XMLRPC,
    // then ~/.one/one_endpoint, then http://localhost:2633/RPC2.
    static QUrl resolveEndpoint(const QString &explicitEndpoint, const QProcessEnvironment &environment,
        const QString &homeDir, QString *source = nullptr);

    // "user:secret" from $ONE_AUTH (a file name), else ~/.one/one_auth. oned splits
    // at the first colon, so secrets may contain colons. Errors say which file failed.
    struct Credentials
    {
        QString user;
        QString secret;
        QString source;
    };
    static std::optional<Credentials> credentialsFromAuthFile(
        const QProcessEnvironment &environment, const QString &homeDir, QString *error);
    static std::optional<Credentials> parseAuthLine(const QString &line, const QString &source, QString *error);
};

} // namespace Porthole
