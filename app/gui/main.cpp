// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/gui/DesktopCommandLine.h"
#include "base/ArgvScrubber.h"
#include "base/BuildInfo.h"
#include "console/RfbSession.h"
#include "ui/app/DesktopApp.h"
#include "ui/app/StartupScreenshot.h"

#include <QApplication>

#include <cstdio>

namespace {

void nameApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("porthole"));
    QCoreApplication::setApplicationVersion(Porthole::buildDescription({Porthole::RfbSession::libraryVersion()}));
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
        commandLine.process(app); // prints and exits
        return 0;
    }
    QApplication app(argc, argv);
    nameApplication();
    QGuiApplication::setDesktopFileName(QStringLiteral("porthole"));
    commandLine.process(app);

    Porthole::DesktopApp desktop;
    QString error;
    if (!commandLine.connectUrl.isEmpty()) {
        bool forwarded = false;
        if (!desktop.startConsole(commandLine.connectUrl, commandLine.password, &error, &forwarded)) {
            std::fprintf(stderr, "porthole: %s\n", qUtf8Printable(error));
            return 2;
        }
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
        if (!desktop.startDemo(&error)) {
            std::fprintf(stderr, "porthole: %s\n", qUtf8Printable(error));
            return 1;
        }
    } else if (!desktop.startSignIn()) {
        return 0;
    }
    return QApplication::exec();
}
