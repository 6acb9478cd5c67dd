// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/app/StartupScreenshot.h"

#include "ui/app/DesktopApp.h"
#include "ui/app/MainWindow.h"
#include "ui/console/ConsoleWindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPixmap>
#include <QScreen>
#include <QTimer>

#include <cstdio>

#ifdef Q_OS_LINUX
#include <unistd.h>
#endif

namespace Porthole {

StartupScreenshot::StartupScreenshot(DesktopApp *desktop, QString file, QString consoleFile, QObject *parent)
    : QObject(parent)
    , m_file(std::move(file))
    , m_consoleFile(std::move(consoleFile))
{
    connect(desktop, &DesktopApp::mainWindowShown, this, &StartupScreenshot::onMainWindowShown);
}

qint64 StartupScreenshot::msSinceProcessStart()
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

void StartupScreenshot::onMainWindowShown(MainWindow *window)
{
    std::fprintf(stderr, "porthole: main window shown %lld ms after process start\n",
        static_cast<long long>(msSinceProcessStart()));
    watchConsole(window);
    connect(window, &MainWindow::refreshFinished, this, [this, window](bool ok) {
        std::fprintf(stderr, "porthole: VM list loaded (%s) %lld ms after process start\n", ok ? "ok" : "failed",
            static_cast<long long>(msSinceProcessStart()));
        // QHeaderView lays out stretched columns on a timer of its own; a moment
        // later the picture is what a user sees.
        QTimer::singleShot(200, window, [this, window] {
            const bool saved = window->grab().save(m_file);
            std::fprintf(stderr, "porthole: screenshot %s %s\n", qUtf8Printable(m_file), saved ? "saved" : "FAILED");
            if (m_consoleFile.isEmpty() || !saved) {
                QApplication::exit(saved ? 0 : 1);
                return;
            }
            window->openCurrentConsole(false); // the first row: VM 0, running with VNC
        });
    });
}

void StartupScreenshot::watchConsole(MainWindow *window)
{
    connect(window, &MainWindow::consoleOpened, this, [this, window](ConsoleWindow *console) {
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        connect(console->session(), &RfbSession::firstFullFrame, console, [this, window, console, clock] {
            std::fprintf(stderr, "porthole: first full frame %lld ms after the console was opened\n",
                static_cast<long long>(clock->elapsed()));
            // Let the view paint the frame, then take what the screen shows (the view
            // paints changed regions only, so grab() would re-render from its own
            // bookkeeping rather than show the screen).
            // PORTHOLE_SCREENSHOT_FULL_SCREEN=1: the console full screen, the whole screen saved
            // (with the overlay toolbar it reveals), for the screenshots of a full-screen console.
            const bool fullScreen = qEnvironmentVariableIntValue("PORTHOLE_SCREENSHOT_FULL_SCREEN") == 1;
            if (fullScreen)
                console->setFullScreen(true);
            QTimer::singleShot(fullScreen ? 1000 : 300, console, [this, window, console, fullScreen] {
                if (fullScreen) {
                    const QPixmap all = console->fullScreenWindow()->screen()->grabWindow(0);
                    const bool saved = !all.isNull() && all.save(m_consoleFile);
                    std::fprintf(stderr, "porthole: console screenshot %s %s\n", qUtf8Printable(m_consoleFile),
                        saved ? "saved" : "FAILED");
                    QApplication::exit(saved ? 0 : 1);
                    return;
                }
                const QPixmap screen = window->screen()->grabWindow(window->winId());
                const qreal dpr = screen.devicePixelRatio();
                const QRect area(console->mapTo(window, QPoint(0, 0)), console->size());
                const QRect pixels(area.topLeft() * dpr, area.size() * dpr);
                const bool saved = !screen.isNull() && screen.copy(pixels).save(m_consoleFile);
                std::fprintf(stderr, "porthole: console screenshot %s %s\n", qUtf8Printable(m_consoleFile),
                    saved ? "saved" : "FAILED");
                QApplication::exit(saved ? 0 : 1);
            });
        });
        connect(console->session(), &RfbSession::errorOccurred, console, [](ConsoleError, const QString &text) {
            std::fprintf(stderr, "porthole: console failed: %s\n", qUtf8Printable(text));
            QApplication::exit(1);
        });
    });
    connect(window, &MainWindow::consoleFailed, this, [](const QString &text) {
        std::fprintf(stderr, "porthole: console failed: %s\n", qUtf8Printable(text));
        QApplication::exit(1);
    });
}

} // namespace Porthole
