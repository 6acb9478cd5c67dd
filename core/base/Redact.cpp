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
    const qsizetype colon = session.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return redact(session);
    return session.left(colon + 1).toString() + redact(session.mid(colon + 1));
}

} // namespace Porthole
