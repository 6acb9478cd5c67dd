// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tokens/TokenProblem.h"
#include "tokens/TokenTarget.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Porthole {

// websockify's token-file grammar: "token: host:port" per line, '#' comments, blank
// lines, CRLF, and Sunstone's files without a final newline. Every line that is not
// understood becomes a TokenProblem with its line number; none is skipped silently.
class TokenFileParser
{
public:
    struct Entry
    {
        QString token;
        TokenTarget target;
        int line = 0;
        // Set when the token was recognisable but its target was not: a lookup of this
        // token then reports the line instead of pretending the token does not exist.
        QString error;
    };

    struct Result
    {
        QList<Entry> entries;
        QList<TokenProblem> problems;
    };

    static Result parse(const QByteArray &content, const QString &fileName);
};

} // namespace Porthole
