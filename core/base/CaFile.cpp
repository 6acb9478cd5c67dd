// SPDX-License-Identifier: GPL-2.0-or-later
#include "base/CaFile.h"

#include <QFile>

namespace Porthole {

QList<QSslCertificate> CaFile::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot read CA file %1: %2").arg(path, file.errorString());
        return {};
    }
    // CA files are small; anything far larger is not one.
    const QByteArray bytes = file.read(16 << 20);
    QList<QSslCertificate> certificates = QSslCertificate::fromData(bytes, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromData(bytes, QSsl::Der);
    certificates.removeIf([](const QSslCertificate &c) { return c.isNull(); });
    if (certificates.isEmpty() && error)
        *error = QStringLiteral("CA file %1 holds no certificate (PEM or DER expected)").arg(path);
    return certificates;
}

} // namespace Porthole
