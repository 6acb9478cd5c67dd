// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QSslCertificate>
#include <QString>

namespace Porthole {

// Extra certificate authorities a person names with --ca-file or in a profile: one
// reader for the cloud client, the consoles and the probe, so a file that one of them
// accepts is accepted by all.
class CaFile
{
public:
    // Every certificate in path: PEM (one or more, a bundle) or DER (one). Empty, with
    // *error saying why ("cannot read …", "holds no certificate …"), otherwise.
    static QList<QSslCertificate> load(const QString &path, QString *error);
};

} // namespace Porthole
