// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QSslCertificate>
#include <QString>

namespace Porthole {

// How a certificate is named to a person deciding whether to trust it.
class CertificateInfo
{
public:
    // "subject CN=one.example, issuer CN=Example CA, valid 2026-01-01 to 2027-01-01,
    //  SHA-256 AB:CD:…"
    static QString describe(const QSslCertificate &certificate);
    static QString fingerprint(const QSslCertificate &certificate); // colon-separated SHA-256 hex
    static QByteArray sha256(const QSslCertificate &certificate);
    // {"subject", "issuer", "not_before", "not_after", "sha256"}
    static QJsonObject toJson(const QSslCertificate &certificate);
};

} // namespace Porthole
