// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Porthole {

// One thing wrong with a token source, located precisely enough to fix it.
struct TokenProblem
{
    QString file; // empty for sources without files (Redis)
    int line = 0; // 0: the whole file
    QString message;

    // "tokens.txt:12: target port 'x' is not a number from 1 to 65535"
    QString toString() const
    {
        if (file.isEmpty())
            return message;
        if (line <= 0)
            return file + QStringLiteral(": ") + message;
        return file + QLatin1Char(':') + QString::number(line) + QStringLiteral(": ") + message;
    }
};

} // namespace Porthole
