// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/app/ThemeIcon.h"

#include <QFile>

namespace Porthole {

namespace {
QString fallbackPath(const QString &name)
{
    return QStringLiteral(":/icons/actions/%1.svg").arg(name);
}
} // namespace

QIcon ThemeIcon::named(const QString &name)
{
    return QIcon::fromTheme(name, QIcon(fallbackPath(name)));
}

bool ThemeIcon::hasFallback(const QString &name)
{
    return QFile::exists(fallbackPath(name));
}

} // namespace Porthole
