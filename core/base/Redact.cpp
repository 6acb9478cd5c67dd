// SPDX-License-Identifier: GPL-2.0-or-later
#include "base/Redact.h"

namespace Porthole {

QString redact(QStringView secret)
{
    constexpr qsizetype kShown = 4;
    if (secret.isEmpty())
        return QString();
    // Short secrets would be revealed whole by "first four", so show none of them.
    if (secret.size() <= kShown)
        return QStringLiteral("…");
    return secret.left(kShown).toString() + QStringLiteral("…");
}

QString redactSession(QStringView session)
{
    // The secret may be a password, of which no character is ever shown.
    const qsizetype colon = session.indexOf(QLatin1Char(':'));
    const QString hidden = session.size() > colon + 1 ? QStringLiteral("…") : QString();
    return (colon < 0 ? QString() : session.left(colon + 1).toString()) + hidden;
}

} // namespace Porthole
