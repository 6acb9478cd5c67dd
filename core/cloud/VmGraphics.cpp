// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/VmGraphics.h"

#include <QJsonValue>

namespace Porthole {

bool VmGraphics::isVnc() const
{
    // oned stores TYPE verbatim; "vnc" works as well as "VNC" for the hypervisor.
    return type.trimmed().compare(u"VNC", Qt::CaseInsensitive) == 0;
}

bool VmGraphics::isSpice() const
{
    return type.trimmed().compare(u"SPICE", Qt::CaseInsensitive) == 0;
}

QJsonObject VmGraphics::toJson() const
{
    return QJsonObject {
        {QStringLiteral("type"), type},
        {QStringLiteral("listen"), listen},
        {QStringLiteral("port"), hasPort() ? QJsonValue(port) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("password_set"), passwordSet()},
    };
}

} // namespace Porthole
