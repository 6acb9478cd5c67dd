// SPDX-License-Identifier: GPL-2.0-or-later
#include "BuildInfo.h"
#include "DesktopApp.h"
#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

#ifdef Q_OS_LINUX
#include <unistd.h>
#endif

namespace {

// Milliseconds since the kernel started this process (Linux), so the startup
// time includes loading the libraries, not only the time since main().
qint64 msSinceProcessStart()
{
#ifdef Q_OS_LINUX
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (stat.open(QIODevice::ReadOnly) && uptime.open(QIODevice::ReadOnly)) {
        const QByteArray s = stat.readAll();
        // Field 22 (starttime, clock ticks since boot) counts from after the ")" ending field 2.
        const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
        const double boot = uptime.readAll().split(' ').value(0).toDouble();
        if (fields.size() > 19)
            return qint64(boot * 1000.0 - fields.at(19).toDouble() * 1000.0 / double(sysconf(_SC_CLK_TCK)));
    }
#endif
    return -1;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("porthole"));
    QApplication::setApplicationVersion(Porthole::buildDescription());
    QApplication::setOrganizationName(QStringLiteral("Porthole"));
    QApplication::setDesktopFileName(QStringLiteral("porthole"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Porthole: VM consoles for OpenNebula clouds."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  QApplication::translate("main", "Start the built-in demo cloud and sign in to it."));
    const QCommandLineOption connect(QStringLiteral("connect"),
                                     QApplication::translate("main", "Open one console URL (ws[s]://…, noVNC or vnc://)."),
                                     QStringLiteral("url"));
    const QCommandLineOption passwordStdin(QStringLiteral("password-stdin"),
                                           QApplication::translate("main", "Read the VNC password from standard input."));
    // For the screenshot test and the startup measurement: once the VM list is
    // loaded, save the main window to FILE, print the time since process start, quit.
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Save the loaded main window and quit."),
                                  QStringLiteral("file"));
    screenshot.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({demo, connect, passwordStdin, screenshot});
    parser.process(app);

    Porthole::DesktopApp desktop;
    QString error;
    if (parser.isSet(connect)) {
        std::optional<QString> password;
        if (parser.isSet(passwordStdin)) {
            QTextStream in(stdin);
            password = in.readLine();
        }
        if (!desktop.startConsole(parser.value(connect), password, &error)) {
            std::fprintf(stderr, "porthole: %s\n", qUtf8Printable(error));
            return 2;
        }
        return app.exec();
    }

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        QObject::connect(&desktop, &Porthole::DesktopApp::mainWindowShown, &app, [file](Porthole::MainWindow *w) {
            std::fprintf(stderr, "porthole: main window shown %lld ms after process start\n",
                         static_cast<long long>(msSinceProcessStart()));
            QObject::connect(w, &Porthole::MainWindow::refreshFinished, w, [w, file](bool ok) {
                std::fprintf(stderr, "porthole: VM list loaded (%s) %lld ms after process start\n", ok ? "ok" : "failed",
                             static_cast<long long>(msSinceProcessStart()));
                // QHeaderView lays out stretched columns on a timer of its own; a
                // moment later the picture is what a user sees.
                QTimer::singleShot(200, w, [w, file] {
                    const bool saved = w->grab().save(file);
                    std::fprintf(stderr, "porthole: screenshot %s %s\n", qUtf8Printable(file), saved ? "saved" : "FAILED");
                    QApplication::exit(saved ? 0 : 1);
                });
            });
        });
    }

    if (parser.isSet(demo)) {
        if (!desktop.startDemo(&error)) {
            std::fprintf(stderr, "porthole: %s\n", qUtf8Printable(error));
            return 1;
        }
    } else if (!desktop.startSignIn()) {
        return 0;
    }
    return app.exec();
}
