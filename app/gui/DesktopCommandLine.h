// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

#include <optional>

class QCoreApplication;

namespace Porthole {

// porthole [--demo] [[--connect] URL [--via ssh://user@jump] [--password-stdin]]. --help and --version
// only print, so they are answered before any window system is needed.
class DesktopCommandLine
{
public:
    // True when the arguments only ask for text (--help, --version).
    static bool printsOnly(int argc, char **argv);

    // Parses, or prints help/version/errors and exits the process (QCommandLineParser).
    void process(const QCoreApplication &app);

    bool demo = false;
    QString connectUrl; // --connect URL, or a bare URL as the .desktop file's "porthole %u" passes
    std::optional<QString> password; // --password-stdin
    // Hidden, for the Xvfb test and the startup measurement (StartupScreenshot).
    QString screenshotFile;
    QString consoleScreenshotFile;
};

} // namespace Porthole
