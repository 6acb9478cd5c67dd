// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/gui/DesktopCommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QUrl>

#include <cstring>

namespace Porthole {

bool DesktopCommandLine::printsOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"-h", "--help", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

void DesktopCommandLine::process(const QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Porthole: VM consoles for OpenNebula clouds."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"),
        QCoreApplication::translate("main", "Start the built-in demo cloud and sign in to it."));
    const QCommandLineOption connect(QStringLiteral("connect"),
        QCoreApplication::translate("main", "Open one console URL (ws[s]://…, noVNC or vnc://)."),
        QStringLiteral("url"));
    const QCommandLineOption via(QStringLiteral("via"),
        QCoreApplication::translate(
            "main", "Reach the vnc:// URL through this SSH jump host (ssh://user@host[:port])."),
        QStringLiteral("ssh-url"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
        QCoreApplication::translate("main", "Read the VNC password from standard input."));
    QCommandLineOption screenshot(
        QStringLiteral("screenshot"), QStringLiteral("Save the loaded main window and quit."), QStringLiteral("file"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption consoleShot(
        QStringLiteral("console-screenshot"), QStringLiteral("Save the first console too."), QStringLiteral("file"));
    consoleShot.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({demoOption, connect, via, passwordStdin, screenshot, consoleShot});
    parser.addPositionalArgument(QStringLiteral("url"),
        QCoreApplication::translate("main", "A console URL to open, as with --connect."), QStringLiteral("[url]"));
    parser.process(app);

    demo = parser.isSet(demoOption);
    connectUrl = parser.value(connect);
    if (connectUrl.isEmpty() && !parser.positionalArguments().isEmpty())
        connectUrl = parser.positionalArguments().constFirst();
    // The jump host travels inside the URL (vnc://h:p?via=…), so a hand-off to a running
    // instance carries it too (vnc:// URLs only read it).
    if (parser.isSet(via) && !connectUrl.isEmpty())
        connectUrl += (connectUrl.contains(u'?') ? u'&' : u'?') + QStringLiteral("via=")
            + QString::fromLatin1(QUrl::toPercentEncoding(parser.value(via)));
    if (parser.isSet(passwordStdin)) {
        QTextStream in(stdin);
        password = in.readLine();
    }
    screenshotFile = parser.value(screenshot);
    consoleScreenshotFile = parser.value(consoleShot);
}

} // namespace Porthole
