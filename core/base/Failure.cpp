// SPDX-License-Identifier: GPL-2.0-or-later
#include "base/Failure.h"

namespace Porthole {

QJsonObject Failure::toJson() const
{
    return QJsonObject {{QStringLiteral("error"), id}, {QStringLiteral("message"), sentence},
        {QStringLiteral("exit_code"), exitCode(status)}};
}

} // namespace Porthole
