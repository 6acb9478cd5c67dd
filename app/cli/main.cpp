// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/cli/CliApplication.h"
#include "base/ArgvScrubber.h"
#include "base/BuildInfo.h"
#include "console/RfbSession.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <algorithm>
#include <cstdio>
#include <memory>

int main(int argc, char **argv)
{
    // Console URLs carry tokens and passwords: out of ps before anything else happens.
    Porthole::ArgvScrubber scrubbed(argc, argv);
    if (scrubbed.scrubbedPassword())
        std::fputs("porthole-cli: warning: a password on the command line can be seen by other users until the "
                   "program starts; give it with --password-stdin instead\n",
            stderr);
    // The demo's live desktops paint text, which needs a QGuiApplication; the
    // CLI shows no window, so offscreen, and only when the demo is asked for.
    const bool demo = std::any_of(argv + 1, argv + argc,
        [](const char *argument) { return qstrcmp(argument, "--demo") == 0 || qstrcmp(argument, "serve-demo") == 0; });
    if (demo)
        qputenv("QT_QPA_PLATFORM", "offscreen");
    const std::unique_ptr<QCoreApplication> app = demo
        ? std::make_unique<QGuiApplication>(scrubbed.argc(), scrubbed.argv())
        : std::make_unique<QCoreApplication>(scrubbed.argc(), scrubbed.argv());
    QCoreApplication::setApplicationName(QStringLiteral("porthole-cli"));
    QCoreApplication::setApplicationVersion(Porthole::versionDescription({Porthole::RfbSession::libraryVersion()}));

    Porthole::CliApplication cli;
    const int status = cli.start(QCoreApplication::arguments());
    return status >= 0 ? status : QCoreApplication::exec();
}
