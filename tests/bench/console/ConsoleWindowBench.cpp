// SPDX-License-Identifier: GPL-2.0-or-later
// console_window_bench URL [--one-to-one]: the console window alone, as `porthole --connect
// URL` will show it, for the viewer harness's `custom` kind under Xvfb.
#include "console/ConsoleView.h"
#include "console/ConsoleWindow.h"

#include <QAction>
#include <QApplication>
#include <QScreen>
#include <QTimer>

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
    // Without a window manager "maximized" means nothing: take the whole screen.
    window.setGeometry(window.screen()->availableGeometry());
    window.show();
    // Paints per second on stderr: the harness counts frames consumed, this says how
    // many the window actually drew.
    struct PaintCounter : QObject
    {
        int paints = 0;
        bool eventFilter(QObject *, QEvent *event) override
        {
            paints += event->type() == QEvent::Paint;
            return false;
        }
    } counter;
    window.view()->installEventFilter(&counter);
    QTimer report;
    QObject::connect(&report, &QTimer::timeout, [&] {
        std::fprintf(stderr, "paints/s %d  view %dx%d  window %dx%d\n", counter.paints, window.view()->width(),
                     window.view()->height(), window.width(), window.height());
        counter.paints = 0;
    });
    report.start(1000);
    return app.exec();
}
