// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "console/RfbSession.h"
#include "tokens/ConsoleUrl.h"
#include "ui/app/Preferences.h"
#include "ui/console/ConsoleTabs.h"

#include <QMainWindow>

namespace Porthole {

class ConsoleWindow;

// Consoles opened by URL (porthole --connect), one tab each, without a cloud
// session: later `porthole --connect` calls add tabs here. Closes with its last tab.
class ConsoleTabWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit ConsoleTabWindow(const Preferences &preferences = Preferences(), QWidget *parent = nullptr);

    // options as given (DesktopApp puts the picture preferences in); the console
    // starts with the preferred scaling, clipboard sharing, keyboard grab and reconnect.
    ConsoleWindow *addConsole(const ConsoleUrl &url, const RfbSession::Options &options);
    ConsoleTabs *tabs() const { return m_tabs; }
    const Preferences &preferences() const { return m_preferences; }
    // For the consoles added from now on (the user may change Settings in between).
    void setPreferences(const Preferences &preferences);

private:
    void fitToDesktop(ConsoleWindow *console);
    void updateTitle();

    Preferences m_preferences;
    ConsoleTabs *m_tabs;
    bool m_sized = false; // the window was fitted to its first desktop (once)
};

} // namespace Porthole
