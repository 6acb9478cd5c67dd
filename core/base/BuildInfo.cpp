// SPDX-License-Identifier: GPL-2.0-or-later
#include "base/BuildInfo.h"

namespace Porthole {

QString versionDescription(const QStringList &libraries)
{
    QStringList parts {QStringLiteral("Qt ") + QString::fromLatin1(qVersion())};
    parts += libraries;
    return QStringLiteral("%1 (%2)").arg(QStringLiteral(PORTHOLE_VERSION), parts.join(QStringLiteral(", ")));
}

QString buildDescription(const QStringList &libraries)
{
    return QStringLiteral("Porthole ") + versionDescription(libraries);
}

} // namespace Porthole
