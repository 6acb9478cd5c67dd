// SPDX-License-Identifier: GPL-2.0-or-later
#include "BuildInfo.h"

#include <rfb/rfbconfig.h>

namespace Porthole {

QString buildDescription()
{
    return QStringLiteral("Porthole %1 (Qt %2, libvncclient %3)")
        .arg(QStringLiteral(PORTHOLE_VERSION), QString::fromLatin1(qVersion()),
             QStringLiteral(LIBVNCSERVER_VERSION));
}

} // namespace Porthole
