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
    const QString language = Preferences::load(settings).language;
    QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    // English has a catalogue too, of its plural forms only ("1 VM", "2 VMs"); Qt's own strings
    // are English already.
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English);
    // Dates, numbers and month names in the language chosen in Settings, not the system's.
    QLocale::setDefault(locale);
    // Owned by the application: they live as long as the strings they translate.
    auto *own = new QTranslator(QCoreApplication::instance());
    if (own->load(locale, QStringLiteral("porthole"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    else
        qCInfo(lcUi) << "no Porthole translation for" << locale.name();
    if (english)
        return;
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        qCInfo(lcUi) << "Qt's own buttons stay English: no qtbase catalogue for" << locale.name()
                     << "(Debian: qt6-translations-l10n)";
}

} // namespace Porthole
