// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QLocale>
#include <QObject>
#include <QTranslator>

class QSettings;

namespace Porthole {

// Porthole's and Qt's translations for one language, in use while this object lives: Porthole's
// catalogue, Qt's own (standard buttons, key names) unless the language is English, and the
// language as the default locale (dates, numbers, month names). Undone on destruction.
class Translations : public QObject
{
    Q_OBJECT

public:
    explicit Translations(const QLocale &locale, QObject *parent = nullptr);
    ~Translations() override;

    bool hasQtCatalogue() const { return !m_qt.isEmpty(); }

    // The language Settings names (the system locale when it names none), for the life of the
    // application. Before the command line is parsed, so `porthole --help` speaks the GUI's
    // language, and once per process: the language only changes at the next start.
    static void install(const QSettings &settings);

private:
    QLocale m_previousDefault;
    QTranslator m_own;
    QTranslator m_qt;
};

} // namespace Porthole
