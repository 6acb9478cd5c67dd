// SPDX-License-Identifier: GPL-2.0-or-later
#include "base/CertificatePin.h"

#include <QCryptographicHash>
#include <QSslCertificate>

namespace Porthole {

std::optional<CertificatePin> CertificatePin::parse(QStringView text)
{
    QStringView rest = text.trimmed();
    if (rest.startsWith(u"sha256/", Qt::CaseInsensitive))
        rest = rest.mid(7);
    QByteArray hex;
    for (const QChar c : rest) {
        if (c == u':' || c == u' ')
            continue;
        if (!std::isxdigit(static_cast<unsigned char>(c.toLatin1())) || c.unicode() > 0x7f)
            return std::nullopt;
        hex.append(c.toLatin1());
    }
    if (hex.size() != 64)
        return std::nullopt;
    return CertificatePin(QByteArray::fromHex(hex));
}

CertificatePin CertificatePin::of(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return {};
    return CertificatePin(certificate.digest(QCryptographicHash::Sha256));
}

bool CertificatePin::matches(const QSslCertificate &certificate) const
{
    return !isNull() && !certificate.isNull() && certificate.digest(QCryptographicHash::Sha256) == m_digest;
}

QString CertificatePin::toString() const
{
    return QString::fromLatin1(m_digest.toHex(':').toUpper());
}

} // namespace Porthole
