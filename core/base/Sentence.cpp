// SPDX-License-Identifier: GPL-2.0-or-later
#include "base/Sentence.h"

#include <QStringList>

namespace Porthole {

namespace {
bool typedAsItIs(QStringView word)
{
    static const QStringList kCommands = {QStringLiteral("onevm"), QStringLiteral("oned"), QStringLiteral("sudo"),
        QStringLiteral("apt"), QStringLiteral("ssh"), QStringLiteral("websockify"), QStringLiteral("remote-viewer")};
    for (QChar c : word) {
        if (!c.isLetter() || c.isUpper())
            return true; // ws://, porthole-cli, ONE_AUTH, noVNC, 127.0.0.1
    }
    return kCommands.contains(word.toString());
}
} // namespace

QString asSentence(const QString &text)
{
    QStringList lines = text.split(u'\n');
    for (QString &line : lines) {
        qsizetype end = 0;
        while (end < line.size() && !line.at(end).isSpace() && line.at(end) != u',' && line.at(end) != u';')
            ++end;
        if (end > 0 && line.at(0).isLower() && !typedAsItIs(QStringView(line).left(end)))
            line[0] = line.at(0).toUpper();
    }
    return lines.join(u'\n');
}

} // namespace Porthole
