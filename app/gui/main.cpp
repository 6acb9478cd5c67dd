// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/gui/DesktopCommandLine.h"
#include "app/gui/DesktopIdentity.h"
#include "base/ArgvScrubber.h"
#include "base/BuildInfo.h"
#include "console/RfbSession.h"
#include "ui/app/DesktopApp.h"
#include "ui/app/StartupError.h"
#include "ui/app/StartupScreenshot.h"
#include "ui/app/Translations.h"

#include <QApplication>
#include <QSettings>

#include <cstdio>

namespace {

void nameApplication()
{
    QCoreApplication::setApplicationName(Porthole::DesktopIdentity::applicationName());
    QCoreApplication::setApplicationVersion(Porthole::versionDescription({Porthole::RfbSession::libraryVersion()}));
    QCoreApplication::setOrganizationName(QStringLiteral("Porthole"));
}

} // namespace

int main(int argc, char **argv)
{
    // Console URLs carry tokens and passwords: out of ps before anything else happens.
    Porthole::ArgvScrubber scrubbed(argc, argv);
    if (scrubbed.scrubbedPassword())
        std::fputs("porthole: warning: a password on the command line can be seen by other users until the "
                   "program starts; give it with --password-stdin instead\n",
            stderr);
    argc = scrubbed.argc();
    argv = scrubbed.argv();
    Porthole::DesktopCommandLine commandLine;
    if (Porthole::DesktopCommandLine::printsOnly(argc, argv)) {
        // Answered without a window system: `porthole --help` works over ssh too.
        QCoreApplication app(argc, argv);
        nameApplication();
        Porthole::Translations::install(QSettings());
        commandLine.process(app); // prints and exits
        return 0;
    }
    QApplication app(argc, argv);
    nameApplication();
    // The Wayland app id: shells match it to the installed .desktop file and its icon. X11's
    // WM_CLASS stays the application name, as the file's StartupWMClass says.
    QGuiApplication::setDesktopFileName(Porthole::DesktopIdentity::desktopFileName());
    // Before the command line: --help and its errors in the GUI's language.
    Porthole::Translations::install(QSettings());
    commandLine.process(app);

    Porthole::DesktopApp desktop;
    QString error;
    if (!commandLine.connectUrl.isEmpty()) {
        bool forwarded = false;
        if (!desktop.startConsole(commandLine.connectUrl, commandLine.password, &error, &forwarded))
            return Porthole::StartupError::report(error, 2, Porthole::StartupError::stderrIsTerminal());
        if (forwarded) {
            std::fprintf(stderr, "porthole: opened in the running Porthole\n");
            return 0;
        }
        return QApplication::exec();
    }
    std::unique_ptr<Porthole::StartupScreenshot> screenshot;
    if (!commandLine.screenshotFile.isEmpty())
        screenshot = std::make_unique<Porthole::StartupScreenshot>(
            &desktop, commandLine.screenshotFile, commandLine.consoleScreenshotFile);
    if (commandLine.demo) {
        if (!desktop.startDemo(&error))
            return Porthole::StartupError::report(error, 1, Porthole::StartupError::stderrIsTerminal());
    } else if (!desktop.startSignIn()) {
        return 0;
    }
    return QApplication::exec();
}
