// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

class QSettings;

namespace Porthole {

// Porthole's and Qt's translations for the language Settings names (the system locale when it
// names none). Installed before the command line is parsed, so `porthole --help` speaks the
// GUI's language, and once per process: the language only changes at the next start.
class Translations
{
public:
    static void install(const QSettings &settings);
};

} // namespace Porthole
