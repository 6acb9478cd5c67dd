// SPDX-License-Identifier: GPL-2.0-or-later
#include "base/CertificateInfo.h"

#include <QCryptographicHash>

namespace Porthole {

QByteArray CertificateInfo::sha256(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256);
}

QString CertificateInfo::fingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(sha256(certificate).toHex(':').toUpper());
}

QJsonObject CertificateInfo::toJson(const QSslCertificate &certificate)
{
    return QJsonObject {{QStringLiteral("subject"), certificate.subjectDisplayName()},
        {QStringLiteral("issuer"), certificate.issuerDisplayName()},
        {QStringLiteral("not_before"), certificate.effectiveDate().toString(Qt::ISODate)},
        {QStringLiteral("not_after"), certificate.expiryDate().toString(Qt::ISODate)},
        {QStringLiteral("sha256"), fingerprint(certificate)}};
}

QString CertificateInfo::describe(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return QStringLiteral("no certificate");
    return QStringLiteral("subject %1, issuer %2, valid %3 to %4, SHA-256 %5")
        .arg(certificate.subjectDisplayName(), certificate.issuerDisplayName(),
            certificate.effectiveDate().toString(Qt::ISODate), certificate.expiryDate().toString(Qt::ISODate),
            fingerprint(certificate));
}

} // namespace Porthole
