// SPDX-License-Identifier: GPL-2.0-or-later
#include "base/SecretFile.h"

#include <QFile>

#include <sys/stat.h>

namespace Porthole {

std::optional<QString> SecretFile::firstLine(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    struct stat st
    {
    };
    // The opened file's own mode: no gap between the check and the read.
    if (::fstat(file.handle(), &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & (S_IRWXG | S_IRWXO))) {
        *error = QStringLiteral("%1 holds a secret but other users may read it (mode %2): run chmod 600 %1")
                     .arg(path, QString::number(st.st_mode & 07777, 8).rightJustified(4, u'0'));
        return std::nullopt;
    }
    return QString::fromUtf8(file.readLine()).trimmed();
}

} // namespace Porthole
