// SPDX-License-Identifier: GPL-2.0-or-later
#include "BuildInfo.h"
#include "DesktopApp.h"
#include "MainWindow.h"
#include "console/ConsoleWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QPixmap>
#include <QScreen>
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
    // With --screenshot: also open the first VM's console and save it once its first frame is in.
    QCommandLineOption consoleShot(QStringLiteral("console-screenshot"), QStringLiteral("Save the first console too."),
                                   QStringLiteral("file"));
    consoleShot.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({demo, connect, passwordStdin, screenshot, consoleShot});
    // The .desktop file's "porthole %u": a vnc:// link (or any console URL) given
    // bare means --connect; launched from the menu there is none.
    parser.addPositionalArgument(QStringLiteral("url"),
                                 QApplication::translate("main", "A console URL to open, as with --connect."),
                                 QStringLiteral("[url]"));
    parser.process(app);
    QString connectUrl = parser.value(connect);
    if (connectUrl.isEmpty() && !parser.positionalArguments().isEmpty())
        connectUrl = parser.positionalArguments().constFirst();

    Porthole::DesktopApp desktop;
    QString error;
    if (!connectUrl.isEmpty()) {
        std::optional<QString> password;
        if (parser.isSet(passwordStdin)) {
            QTextStream in(stdin);
            password = in.readLine();
        }
        bool forwarded = false;
        if (!desktop.startConsole(connectUrl, password, &error, &forwarded)) {
            std::fprintf(stderr, "porthole: %s\n", qUtf8Printable(error));
            return 2;
        }
        if (forwarded) {
            std::fprintf(stderr, "porthole: opened in the running Porthole\n");
            return 0;
        }
        return app.exec();
    }

    if (parser.isSet(screenshot)) {
        const QString file = parser.value(screenshot);
        const QString consoleFile = parser.value(consoleShot);
        QObject::connect(&desktop, &Porthole::DesktopApp::mainWindowShown, &app, [file, consoleFile](Porthole::MainWindow *w) {
            std::fprintf(stderr, "porthole: main window shown %lld ms after process start\n",
                         static_cast<long long>(msSinceProcessStart()));
            auto saveMain = [w, file] {
                const bool saved = w->grab().save(file);
                std::fprintf(stderr, "porthole: screenshot %s %s\n", qUtf8Printable(file), saved ? "saved" : "FAILED");
                return saved;
            };
            QObject::connect(w, &Porthole::MainWindow::consoleOpened, w, [w, consoleFile](Porthole::ConsoleWindow *console) {
                auto *clock = new QElapsedTimer;
                clock->start();
                QObject::connect(console->session(), &Porthole::RfbSession::firstFullFrame, console, [=] {
                    std::fprintf(stderr, "porthole: first full frame %lld ms after the console was opened\n",
                                 static_cast<long long>(clock->elapsed()));
                    delete clock;
                    // Let the view paint the frame, then take what the screen shows
                    // (the view paints changed regions only, so grab() would re-render
                    // from its own bookkeeping rather than show the screen).
                    QTimer::singleShot(300, console, [=] {
                        const QPixmap screen = w->screen()->grabWindow(w->winId());
                        const qreal dpr = screen.devicePixelRatio();
                        const QRect area(console->mapTo(w, QPoint(0, 0)), console->size());
                        const QRect pixels(area.topLeft() * dpr, area.size() * dpr);
                        const bool saved = !screen.isNull() && screen.copy(pixels).save(consoleFile);
                        std::fprintf(stderr, "porthole: console screenshot %s %s\n", qUtf8Printable(consoleFile),
                                     saved ? "saved" : "FAILED");
                        QApplication::exit(saved ? 0 : 1);
                    });
                });
                QObject::connect(console->session(), &Porthole::RfbSession::errorOccurred, console,
                                 [](Porthole::ConsoleError, const QString &text) {
                                     std::fprintf(stderr, "porthole: console failed: %s\n", qUtf8Printable(text));
                                     QApplication::exit(1);
                                 });
            });
            QObject::connect(w, &Porthole::MainWindow::consoleFailed, w, [](const QString &text) {
                std::fprintf(stderr, "porthole: console failed: %s\n", qUtf8Printable(text));
                QApplication::exit(1);
            });
            QObject::connect(w, &Porthole::MainWindow::refreshFinished, w, [w, saveMain, consoleFile](bool ok) {
                std::fprintf(stderr, "porthole: VM list loaded (%s) %lld ms after process start\n", ok ? "ok" : "failed",
                             static_cast<long long>(msSinceProcessStart()));
                // QHeaderView lays out stretched columns on a timer of its own; a
                // moment later the picture is what a user sees.
                QTimer::singleShot(200, w, [w, saveMain, consoleFile] {
                    const bool saved = saveMain(); // the VM list, before a console tab covers it
                    if (consoleFile.isEmpty() || !saved) {
                        QApplication::exit(saved ? 0 : 1);
                        return;
                    }
                    w->openCurrentConsole(false); // the first row: VM 0, running with VNC
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
