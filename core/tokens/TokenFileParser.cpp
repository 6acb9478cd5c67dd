// SPDX-License-Identifier: GPL-2.0-or-later
#include "tokens/TokenFileParser.h"

#include "base/Redact.h"

#include <algorithm>

namespace Porthole {

static qsizetype separatorIndex(QStringView line)
{
    // websockify splits at ": "; a token never contains whitespace, so the first colon
    // followed by a blank ends it (targets contain colons without blanks).
    for (qsizetype i = 0; i + 1 < line.size(); ++i) {
        if (line[i] == QLatin1Char(':') && (line[i + 1] == QLatin1Char(' ') || line[i + 1] == QLatin1Char('\t')))
            return i;
    }
    return -1;
}

TokenFileParser::Result TokenFileParser::parse(const QByteArray &content, const QString &fileName)
{
    Result result;
    QByteArrayView data(content);
    if (data.startsWith("\xEF\xBB\xBF"))
        data = data.sliced(3);
    int lineNumber = 0;
    qsizetype pos = 0;
    while (pos < data.size()) {
        qsizetype end = data.indexOf('\n', pos);
        if (end < 0)
            end = data.size();
        const QString line = QString::fromUtf8(data.sliced(pos, end - pos)).trimmed();
        pos = end + 1;
        ++lineNumber;
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;

        auto problem = [&](const QString &message) {
            result.problems.append(TokenProblem {fileName, lineNumber, message});
        };
        const qsizetype sep = separatorIndex(line);
        if (sep < 0) {
            problem(QStringLiteral("expected 'token: host:port' (a colon and a blank after the token)"));
            continue;
        }
        const QString token = line.left(sep).trimmed();
        if (token.isEmpty()) {
            problem(QStringLiteral("empty token before ':'"));
            continue;
        }
        if (token.contains(QLatin1Char(' ')) || token.contains(QLatin1Char('\t'))) {
            problem(QStringLiteral("token '%1' contains a blank").arg(redact(token)));
            continue;
        }
        // A token travels in a URL and is compared byte for byte: a form feed, NUL, a no-break
        // space or a broken UTF-8 sequence in one is a damaged file, not a token.
        const auto odd = std::find_if(token.cbegin(), token.cend(), [](QChar c) { return c < u'!' || c > u'~'; });
        if (odd != token.cend()) {
            problem(QStringLiteral("token '%1' contains U+%2, which is no visible ASCII character")
                        .arg(redact(token))
                        .arg(odd->unicode(), 4, 16, QLatin1Char('0')));
            continue;
        }
        Entry entry;
        entry.token = token;
        entry.line = lineNumber;
        entry.target = TokenTarget::parse(QStringView(line).mid(sep + 1), &entry.error);
        if (!entry.error.isEmpty())
            problem(entry.error);
        result.entries.append(entry);
    }
    return result;
}

} // namespace Porthole
