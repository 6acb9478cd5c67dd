// SPDX-License-Identifier: GPL-2.0-or-later
#include "base/BuildInfo.h"

namespace Porthole {

QString buildDescription(const QStringList &libraries)
{
    QStringList parts {QStringLiteral("Qt ") + QString::fromLatin1(qVersion())};
    parts += libraries;
    return QStringLiteral("Porthole %1 (%2)").arg(QStringLiteral(PORTHOLE_VERSION), parts.join(QStringLiteral(", ")));
}

} // namespace Porthole
