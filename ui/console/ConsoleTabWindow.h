// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tokens/ConsoleUrl.h"
#include "console/RfbSession.h"

#include <QMainWindow>

class QTabWidget;

namespace Porthole {

class ConsoleWindow;

// Consoles opened by URL (porthole --connect), one tab each, without a cloud
// session: later `porthole --connect` calls add tabs here. Closes with its last tab.
class ConsoleTabWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit ConsoleTabWindow(QWidget *parent = nullptr);

    ConsoleWindow *addConsole(const ConsoleUrl &url, const RfbSession::Options &options);
    QTabWidget *tabs() const { return m_tabs; }

private:
    void fitToDesktop(ConsoleWindow *console);

    QTabWidget *m_tabs;
    bool m_sized = false; // the window was fitted to its first desktop (once)
};

} // namespace Porthole
