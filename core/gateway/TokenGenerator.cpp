// SPDX-License-Identifier: GPL-2.0-or-later
#include "gateway/TokenGenerator.h"

#include <QByteArray>
#include <QRandomGenerator>

namespace Porthole {

QString TokenGenerator::generate()
{
    quint32 words[4];
    QRandomGenerator::system()->fillRange(words);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof words).toHex());
}

} // namespace Porthole
