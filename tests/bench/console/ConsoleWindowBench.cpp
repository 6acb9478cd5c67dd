// SPDX-License-Identifier: GPL-2.0-or-later
// console_window_bench URL [--one-to-one]: the console window alone, as `porthole --connect
// URL` will show it, for the viewer harness's `custom` kind under Xvfb.
#include "console/ConsoleWindow.h"

#include <QAction>
#include <QApplication>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: console_window_bench URL [--one-to-one]\n");
        return 2;
    }
    QString error;
    const auto url = Porthole::ConsoleUrl::parse(args.at(1), &error);
    if (!url) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    Porthole::RfbSession::Options options;
    if (qEnvironmentVariableIsSet("PORTHOLE_PASSWORD"))
        options.password = qEnvironmentVariable("PORTHOLE_PASSWORD");
    Porthole::ConsoleWindow window(*url, options);
    if (args.contains(QStringLiteral("--one-to-one")))
        window.action(QStringLiteral("actionOneToOne"))->setChecked(true);
    window.showMaximized();
    return app.exec();
}
