// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/app/Translations.h"

#include "base/Logging.h"
#include "ui/app/Preferences.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>

namespace Porthole {

Translations::Translations(const QLocale &language, QObject *parent)
    : QObject(parent)
{
    QLocale locale = language;
    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    // English has a catalogue too, of its plural forms only ("1 VM", "2 VMs"); Qt's own strings
    // are English already.
    if (locale.language() == QLocale::C)
        locale = QLocale(QLocale::English);
    // Dates, numbers and month names in the language chosen in Settings, not the system's.
    QLocale::setDefault(locale);
    if (m_own.load(locale, QStringLiteral("porthole"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&m_own);
    else
        qCInfo(lcUi) << "no Porthole translation for" << locale.name();
    if (english)
        return;
    if (m_qt.load(
            locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    else
        qCInfo(lcUi) << "Qt's own buttons stay English: no qtbase catalogue for" << locale.name()
                     << "(Debian: qt6-translations-l10n)";
}

// The translators take themselves out of the application as they are destroyed.
Translations::~Translations()
{
    QLocale::setDefault(m_previousDefault);
}

void Translations::install(const QSettings &settings)
{
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    const QString language = Preferences::load(settings).language;
    // Owned by the application: the translators live as long as the strings they translate.
    new Translations(language.isEmpty() ? QLocale::system() : QLocale(language), QCoreApplication::instance());
}

} // namespace Porthole
