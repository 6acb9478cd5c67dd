// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>
#include <QString>

namespace Porthole {

class DesktopApp;
class MainWindow;

// porthole --screenshot FILE [--console-screenshot FILE], for the Xvfb test and the
// startup measurement: once the VM list is loaded, saves the main window, optionally
// opens the first VM's console and saves it at its first frame, prints the timings
// (from process start, and from "open console" to the first frame) and quits. With
// PORTHOLE_SCREENSHOT_FULL_SCREEN=1 in the environment the console is shown full screen and the
// whole screen is saved.
class StartupScreenshot : public QObject
{
    Q_OBJECT
public:
    StartupScreenshot(DesktopApp *desktop, QString file, QString consoleFile, QObject *parent = nullptr);

    // Milliseconds since the kernel started this process (Linux; -1 elsewhere), so the
    // figure includes loading the libraries, not only the time since main().
    static qint64 msSinceProcessStart();

private:
    void onMainWindowShown(MainWindow *window);
    void watchConsole(MainWindow *window);

    QString m_file;
    QString m_consoleFile;
};

} // namespace Porthole
