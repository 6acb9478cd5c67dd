// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/app/Translations.h"

#include "base/Logging.h"
#include "ui/app/Preferences.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace Porthole {

void Translations::install(const QSettings &settings)
{
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    // English needs no file.
    const QString language = Preferences::load(settings).language;
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return;
    // Owned by the application: they live as long as the strings they translate.
    auto *own = new QTranslator(QCoreApplication::instance());
    if (own->load(locale, QStringLiteral("porthole"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    else
        qCInfo(lcUi) << "no Porthole translation for" << locale.name();
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

} // namespace Porthole
