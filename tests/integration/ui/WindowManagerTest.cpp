// SPDX-License-Identifier: GPL-2.0-or-later
// Console windows on a real X server (Xvfb) with a real window manager (openbox): what the
// window manager is told (_NET_WM_STATE_FULLSCREEN) and where it puts the frames. main()
// starts both before the QApplication exists, so the tests run on the xcb platform; the
// keys come through the X server (xdotool, XTEST), the properties are read with xprop.
#include "ConsolePeers.h"
#include "TsanVisibleFork.h"
#include "cloud/OneClient.h"
#include "demo/DemoCloud.h"
#include "demo/DemoCloudServer.h"
#include "demo/DemoDesktop.h"
#include "proxy/LocalTokenProxy.h"
#include "ui/app/MainWindow.h"
#include "ui/app/Translations.h"
#include "ui/console/ConsoleTabWindow.h"
#include "ui/console/ConsoleTabs.h"
#include "ui/console/ConsoleView.h"
#include "ui/console/ConsoleWindow.h"
#include "ui/console/FullScreenBar.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QScreen>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <string>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

using namespace Porthole;

namespace {

constexpr int kWaitMs = 30000;
const QSize kScreen(1280, 800);

// Why the X session could not be started; every test fails with it.
std::string &sessionError()
{
    static std::string error;
    return error;
}

// A child in its own process group, killed as a group, and killed with this process when
// it dies without cleaning up (a crashed test must not leave an X server holding ctest's pipe).
pid_t spawn(const std::vector<std::string> &args, int keepFd = -1)
{
    std::vector<char *> argv;
    for (const auto &a : args)
        argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    const pid_t parent = ::getpid();
    const pid_t pid = ::fork();
    if (pid != 0)
        return pid;
    ::setpgid(0, 0);
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent)
        ::_exit(127);
    const int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(null, 2);
    for (int fd = 3; fd < 1024; ++fd) {
        if (fd != keepFd)
            ::close(fd);
    }
    ::execvp(argv[0], argv.data());
    ::_exit(127);
}

void stop(pid_t pid)
{
    if (pid <= 0)
        return;
    ::kill(-pid, SIGTERM);
    int status = 0;
    ::waitpid(pid, &status, 0);
}

// Xvfb on a display it picks itself (-displayfd), then openbox, which is ready when it has
// set _NET_SUPPORTING_WM_CHECK on the root window.
struct XSession
{
    pid_t xvfb = -1;
    pid_t wm = -1;

    bool start(std::string *error)
    {
        int fds[2];
        if (::pipe(fds) != 0)
            return *error = "pipe failed", false;
        xvfb = spawn(
            {"Xvfb", "-displayfd", std::to_string(fds[1]), "-screen", "0",
                std::to_string(kScreen.width()) + "x" + std::to_string(kScreen.height()) + "x24", "-nolisten", "tcp"},
            fds[1]);
        ::close(fds[1]);
        if (xvfb < 0)
            return ::close(fds[0]), *error = "Xvfb could not be started (package xvfb)", false;
        std::string display;
        pollfd p {fds[0], POLLIN, 0};
        char c = 0;
        while (::poll(&p, 1, 20000) == 1 && ::read(fds[0], &c, 1) == 1 && c != '\n')
            display += c;
        ::close(fds[0]);
        if (display.empty())
            return *error = "Xvfb did not report its display", false;
        ::setenv("DISPLAY", (":" + display).c_str(), 1);
        wm = spawn({"openbox", "--sm-disable"});
        if (wm < 0)
            return *error = "openbox could not be started (package openbox)", false;
        // Ready when xprop finds the window manager's check window (each try is one round trip).
        for (int i = 0; i < 300; ++i) {
            int out[2];
            if (::pipe(out) != 0)
                break;
            posix_spawn_file_actions_t files;
            posix_spawn_file_actions_init(&files);
            posix_spawn_file_actions_adddup2(&files, out[1], 1);
            posix_spawn_file_actions_addclose(&files, out[0]);
            char a0[] = "xprop", a1[] = "-root", a2[] = "_NET_SUPPORTING_WM_CHECK";
            char *argv[] = {a0, a1, a2, nullptr};
            pid_t pid = -1;
            const bool ran = posix_spawnp(&pid, "xprop", &files, nullptr, argv, environ) == 0;
            posix_spawn_file_actions_destroy(&files);
            ::close(out[1]);
            std::string text;
            char buffer[256];
            ssize_t n = 0;
            while (ran && (n = ::read(out[0], buffer, sizeof buffer)) > 0)
                text.append(buffer, size_t(n));
            ::close(out[0]);
            int status = 0;
            if (ran)
                ::waitpid(pid, &status, 0);
            if (text.find("window id") != std::string::npos)
                return true;
            ::usleep(100 * 1000);
        }
        return *error = "openbox did not come up", false;
    }

    void stopAll()
    {
        stop(wm);
        stop(xvfb);
        wm = xvfb = -1;
    }

    ~XSession() { stopAll(); }
};

QString run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    process.waitForFinished(10000);
    return QString::fromLocal8Bit(process.readAllStandardOutput());
}

QString windowId(const QWidget *window)
{
    return QStringLiteral("0x%1").arg(window->winId(), 0, 16);
}

bool wmFullScreen(const QWidget *window)
{
    return run(u"xprop"_qs, {u"-id"_qs, windowId(window), u"_NET_WM_STATE"_qs})
        .contains(u"_NET_WM_STATE_FULLSCREEN"_qs);
}

// The window manager's frame around the window, in root coordinates: the client's place
// (xwininfo) grown by _NET_FRAME_EXTENTS (left, right, top, bottom).
QRect wmFrame(const QWidget *window)
{
    const QString info = run(u"xwininfo"_qs, {u"-id"_qs, windowId(window)});
    const auto number = [&](const QString &label) {
        const QRegularExpression re(QRegularExpression::escape(label) + u":\\s*(-?\\d+)"_qs);
        return re.match(info).captured(1).toInt();
    };
    QRect client(number(u"Absolute upper-left X"_qs), number(u"Absolute upper-left Y"_qs), number(u"Width"_qs),
        number(u"Height"_qs));
    const QString extents = run(u"xprop"_qs, {u"-id"_qs, windowId(window), u"_NET_FRAME_EXTENTS"_qs});
    const QRegularExpressionMatch m
        = QRegularExpression(u"=\\s*(\\d+),\\s*(\\d+),\\s*(\\d+),\\s*(\\d+)"_qs).match(extents);
    if (!m.hasMatch())
        return client;
    return client.adjusted(
        -m.captured(1).toInt(), -m.captured(3).toInt(), m.captured(2).toInt(), m.captured(4).toInt());
}

// Keys through the X server to the focused window, as a keyboard would type them.
void xkey(const QString &keys)
{
    run(u"xdotool"_qs, {u"key"_qs, u"--delay"_qs, u"20"_qs, keys});
}

bool activate(QWidget *window)
{
    window->activateWindow();
    window->raise();
    return QTest::qWaitForWindowActive(window, kWaitMs);
}

class WindowManagerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(sessionError().empty()) << sessionError();
        ASSERT_EQ(QGuiApplication::platformName(), u"xcb"_qs);
        QString error;
        ASSERT_TRUE(m_desktop.start(&error, QSize(320, 240))) << error.toStdString();
    }

    ConsoleUrl url() const { return ConsoleUrl::vnc(u"127.0.0.1"_qs, m_desktop.port()); }

    static bool waitConnected(ConsoleWindow *console)
    {
        if (console->session()->state() == RfbSession::State::Connected)
            return true;
        QSignalSpy connected(console->session(), &RfbSession::connected);
        return connected.wait(kWaitMs);
    }

    // Keysyms the demo desktop was sent (presses only).
    QList<quint32> keysPressed() const
    {
        QList<quint32> out;
        for (const auto &e : m_desktop.inputEvents()) {
            if (e.kind == DemoDesktop::InputEvent::Kind::Key && e.down)
                out << e.keysym;
        }
        return out;
    }

    DemoDesktop m_desktop {u"wm-test"_qs};
};

} // namespace

// porthole --connect: the console is a tab of a ConsoleTabWindow; F11 puts it full screen
// alone, and F11 again back into its tab.
TEST_F(WindowManagerTest, F11PutsATabsConsoleFullScreenAndBack)
{
    ConsoleTabWindow tabs;
    tabs.show();
    ConsoleWindow *console = tabs.addConsole(url(), {});
    ASSERT_TRUE(waitConnected(console)) << console->session()->errorText().toStdString();
    ASSERT_TRUE(activate(&tabs));
    ASSERT_TRUE(console->view()->hasFocus());
    xkey(u"ctrl+alt"_qs); // the release chord: the keyboard is Porthole's (X keeps the order)
    xkey(u"F11"_qs);
    ASSERT_TRUE(QTest::qWaitFor([&] { return console->view()->window() != &tabs; }, kWaitMs));
    QWidget *full = console->view()->window();
    EXPECT_TRUE(QTest::qWaitFor([&] { return wmFullScreen(full); }, kWaitMs)) << "the window manager was told";
    EXPECT_FALSE(wmFullScreen(&tabs));
    EXPECT_TRUE(QTest::qWaitFor([&] { return full->geometry() == QRect(QPoint(0, 0), kScreen); }, kWaitMs))
        << "it covers the screen";

    ASSERT_TRUE(activate(full));
    xkey(u"F11"_qs);
    ASSERT_TRUE(QTest::qWaitFor([&] { return console->view()->window() == &tabs; }, kWaitMs));
    EXPECT_FALSE(wmFullScreen(&tabs));
    EXPECT_EQ(console->session()->state(), RfbSession::State::Connected);
    EXPECT_FALSE(keysPressed().contains(0xffc8u)) << "F11 never reached the VM";
}

// A console in a window of its own (detached, "Open in new window"): the window itself.
TEST_F(WindowManagerTest, F11PutsAConsoleWindowFullScreenAndBack)
{
    ConsoleWindow console(url(), {});
    console.show();
    ASSERT_TRUE(waitConnected(&console)) << console.session()->errorText().toStdString();
    ASSERT_TRUE(activate(&console));
    xkey(u"ctrl+alt"_qs);
    xkey(u"F11"_qs);
    EXPECT_TRUE(QTest::qWaitFor([&] { return wmFullScreen(&console); }, kWaitMs));
    xkey(u"F11"_qs);
    EXPECT_TRUE(QTest::qWaitFor([&] { return !wmFullScreen(&console); }, kWaitMs));
}

// The keys come through the X server: captured, Ctrl+Q is typed into the VM; after the
// release chord it quits (closes) the porthole --connect window, and the VM gets no second q.
TEST_F(WindowManagerTest, AfterTheReleaseChordCtrlQReachesTheApplication)
{
    ConsoleTabWindow tabs;
    tabs.show();
    ConsoleWindow *console = tabs.addConsole(url(), {});
    ASSERT_TRUE(waitConnected(console)) << console->session()->errorText().toStdString();
    ASSERT_TRUE(activate(&tabs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return console->view()->hasFocus(); }, kWaitMs));
    xkey(u"ctrl+q"_qs);
    ASSERT_TRUE(QTest::qWaitFor([&] { return keysPressed().contains(u'q'); }, kWaitMs)) << "the VM got Ctrl+Q";
    EXPECT_TRUE(tabs.isVisible());
    xkey(u"ctrl+alt"_qs);
    xkey(u"ctrl+q"_qs);
    EXPECT_TRUE(QTest::qWaitFor([&] { return !tabs.isVisible(); }, kWaitMs)) << "Ctrl+Q closed the window";
    console->session()->sendKey(u'x', true);
    console->session()->sendKey(u'x', false);
    ASSERT_TRUE(QTest::qWaitFor([&] { return keysPressed().contains(u'x'); }, kWaitMs));
    EXPECT_EQ(keysPressed().count(u'q'), 1);
}

// The demo desktop's blue sky fills a good part of rect (root coordinates) in image: the
// window manager shows the console's picture there.
bool showsDemoDesktop(const QImage &image, const QRect &rect)
{
    qint64 sky = 0;
    qint64 samples = 0;
    for (int y = rect.top(); y < rect.bottom(); y += 4) {
        for (int x = rect.left(); x < rect.right(); x += 4) {
            const QColor c(image.pixel(x, y));
            sky += c.blue() > 60 && c.blue() > c.red() + 30;
            ++samples;
        }
    }
    return samples > 0 && sky > samples / 4;
}

int colourCount(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 8) {
        for (int x = 0; x < image.width(); x += 8)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

// Waits until the window manager has framed the window, then gives the frame.
QRect framed(QWidget *window)
{
    if (!QTest::qWaitForWindowExposed(window, kWaitMs))
        return {};
    const bool decorated = QTest::qWaitFor(
        [&] {
            return run(u"xprop"_qs, {u"-id"_qs, windowId(window), u"_NET_FRAME_EXTENTS"_qs}).contains(u'=');
        },
        kWaitMs);
    EXPECT_TRUE(decorated) << "the window manager framed the window";
    return wmFrame(window);
}

// The main window opens consoles in windows of their own: "Open in new window" and a
// detached tab. Their frames (title bar included) are on the screen, and they fit it.
TEST_F(WindowManagerTest, ConsoleWindowsOpenFullyOnTheScreen)
{
    DemoCloudServer server;
    ASSERT_TRUE(server.listen());
    LocalTokenProxy proxy;
    QString error;
    ASSERT_TRUE(proxy.start(&error)) << error.toStdString();
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"porthole.conf"_qs), QSettings::IniFormat);
    settings.setValue(u"confirmCloseLive"_qs, false);
    ConnectionProfile profile;
    profile.name = u"Demo"_qs;
    profile.endpoint = server.endpoint();
    profile.user = DemoCloud::demoUser();
    profile.consoleAccess = ConnectionProfile::ConsoleAccess::LocalProxy;
    MainWindow main(
        std::make_unique<OneClient>(profile.toOneSettings(DemoCloud::demoPassword())), profile, &proxy, &settings);
    main.show();
    const QRect screen = main.screen()->availableGeometry();
    const QRect mainFrame = framed(&main);
    EXPECT_TRUE(screen.contains(mainFrame)) << "main window " << mainFrame.x() << "," << mainFrame.y() << " "
                                            << mainFrame.width() << "x" << mainFrame.height();

    qRegisterMetaType<ConsoleWindow *>();
    QSignalSpy opened(&main, &MainWindow::consoleOpened);
    main.openConsoleUrl(url(), u"new window"_qs, true);
    ASSERT_EQ(opened.count(), 1);
    auto *newWindow = opened.takeFirst().first().value<ConsoleWindow *>();
    const QRect newFrame = framed(newWindow);
    EXPECT_TRUE(screen.contains(newFrame))
        << "new window " << newFrame.x() << "," << newFrame.y() << " " << newFrame.width() << "x" << newFrame.height();

    main.openConsoleUrl(url(), u"tab"_qs, false);
    ASSERT_EQ(opened.count(), 1);
    auto *detached = opened.takeFirst().first().value<ConsoleWindow *>();
    ASSERT_TRUE(waitConnected(detached));
    main.detachTab(main.tabs()->indexOf(detached));
    const QRect detachedFrame = framed(detached);
    EXPECT_TRUE(screen.contains(detachedFrame)) << "detached window " << detachedFrame.x() << "," << detachedFrame.y()
                                                << " " << detachedFrame.width() << "x" << detachedFrame.height();
    newWindow->close();
    detached->close();
}

// porthole --connect: the console tab window fits the screen too.
TEST_F(WindowManagerTest, ConnectWindowOpensFullyOnTheScreen)
{
    ConsoleTabWindow tabs;
    tabs.addConsole(url(), {});
    tabs.show();
    const QRect screen = tabs.screen()->availableGeometry();
    const QRect frame = framed(&tabs);
    EXPECT_TRUE(screen.contains(frame)) << frame.x() << "," << frame.y() << " " << frame.width() << "x"
                                        << frame.height();
}

// The main window with a console tab, and that console full screen with its overlay
// toolbar, in German and French, as the window manager shows them (the root window is
// grabbed). The pictures are checked for content; PORTHOLE_SCREENSHOT_DIR keeps them.
TEST_F(WindowManagerTest, ScreenshotsInGermanAndFrench)
{
    for (const QString &language : {u"de"_qs, u"fr"_qs}) {
        const Translations translations {QLocale(language)};
        DemoCloudServer server;
        ASSERT_TRUE(server.listen());
        ASSERT_TRUE(server.cloud()->setConsoleTarget(0, u"127.0.0.1"_qs, m_desktop.port()));
        LocalTokenProxy proxy;
        QString error;
        ASSERT_TRUE(proxy.start(&error)) << error.toStdString();
        QTemporaryDir dir;
        QSettings settings(dir.filePath(u"porthole.conf"_qs), QSettings::IniFormat);
        settings.setValue(u"confirmCloseLive"_qs, false);
        ConnectionProfile profile;
        profile.name = u"Demo"_qs;
        profile.endpoint = server.endpoint();
        profile.user = DemoCloud::demoUser();
        profile.consoleAccess = ConnectionProfile::ConsoleAccess::LocalProxy;
        MainWindow main(
            std::make_unique<OneClient>(profile.toOneSettings(DemoCloud::demoPassword())), profile, &proxy, &settings);
        main.show();
        QSignalSpy loaded(&main, &MainWindow::refreshFinished);
        ASSERT_TRUE(loaded.wait(kWaitMs));
        main.selectVm(0);
        QSignalSpy opened(&main, &MainWindow::consoleOpened);
        main.openCurrentConsole();
        ASSERT_TRUE(opened.count() > 0 || opened.wait(kWaitMs)) << main.lastError().toStdString();
        ConsoleWindow *console = main.tabs()->console(1);
        ASSERT_NE(console, nullptr);
        QSignalSpy full(console->session(), &RfbSession::firstFullFrame);
        ASSERT_TRUE(console->session()->framesReceived() > 0 || full.wait(kWaitMs));
        ASSERT_TRUE(activate(&main));
        framed(&main);
        QImage mainShot;
        const QRect viewOnScreen(console->view()->mapToGlobal(QPoint(0, 0)), console->view()->size());
        EXPECT_TRUE(QTest::qWaitFor(
            [&] { return showsDemoDesktop(mainShot = main.screen()->grabWindow(0).toImage(), viewOnScreen); }, kWaitMs))
            << "the console tab shows the demo desktop";

        console->setFullScreen(true);
        QWidget *fullWindow = console->fullScreenWindow();
        ASSERT_TRUE(QTest::qWaitFor([&] { return wmFullScreen(fullWindow); }, kWaitMs));
        ASSERT_TRUE(QTest::qWaitFor([&] { return fullWindow->geometry() == QRect(QPoint(0, 0), kScreen); }, kWaitMs));
        console->fullScreenBar()->reveal(60000);
        ASSERT_TRUE(QTest::qWaitForWindowExposed(fullWindow, kWaitMs));
        QImage fullShot;
        EXPECT_TRUE(QTest::qWaitFor(
            [&] {
                fullShot = main.screen()->grabWindow(0).toImage();
                return colourCount(fullShot) > 20 && showsDemoDesktop(fullShot, QRect(QPoint(0, 0), kScreen));
            },
            kWaitMs))
            << "the full-screen picture looks blank";
        EXPECT_EQ(fullShot.size(), kScreen);
        // The overlay bar says who has the keyboard, in the user's language.
        EXPECT_TRUE(console->fullScreenBar()->isVisible());
        EXPECT_NE(console->fullScreenBar()->keyboardText(), QString());
        const QString keep = qEnvironmentVariable("PORTHOLE_SCREENSHOT_DIR");
        if (!keep.isEmpty()) {
            mainShot.save(u"%1/main-window-%2.png"_qs.arg(keep, language));
            fullShot.save(u"%1/full-screen-console-%2.png"_qs.arg(keep, language));
        }
        console->setFullScreen(false);
    }
}

// At twice the scale (QT_SCALE_FACTOR=2: a 1280x800 screen is 640x400 logical pixels), the
// main window's saved size is logical: it comes back as the same logical size, fitted to
// the screen with its frame, never doubled into device pixels. Run by its own ctest entry.
TEST(WindowManagerHiDpi, MainWindowSizeIsLogicalAndFitsTheScreen)
{
    ASSERT_TRUE(sessionError().empty()) << sessionError();
    ASSERT_EQ(qApp->devicePixelRatio(), 2.0) << "run with QT_SCALE_FACTOR=2";
    DemoCloudServer server;
    ASSERT_TRUE(server.listen());
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"porthole.conf"_qs), QSettings::IniFormat);
    settings.setValue(u"mainWindow/size"_qs, QSize(560, 330));
    ConnectionProfile profile;
    profile.name = u"Demo"_qs;
    profile.endpoint = server.endpoint();
    profile.user = DemoCloud::demoUser();
    profile.consoleAccess = ConnectionProfile::ConsoleAccess::Direct;
    {
        MainWindow main(
            std::make_unique<OneClient>(profile.toOneSettings(DemoCloud::demoPassword())), profile, nullptr, &settings);
        main.show();
        const QRect screen = main.screen()->availableGeometry();
        EXPECT_EQ(screen.size(), QSize(640, 400));
        EXPECT_EQ(main.size(), QSize(560, 330)) << "logical pixels, as saved";
        const QRect frame = framed(&main);
        // xwininfo reports device pixels.
        const QRect logicalFrame(frame.topLeft() / 2, frame.size() / 2);
        EXPECT_TRUE(QRect(QPoint(0, 0), screen.size()).contains(logicalFrame))
            << logicalFrame.x() << "," << logicalFrame.y() << " " << logicalFrame.width() << "x"
            << logicalFrame.height();
        main.resize(600, 360);
        main.close();
    }
    settings.sync();
    EXPECT_EQ(settings.value(u"mainWindow/size"_qs).toSize(), QSize(600, 360));
}

int main(int argc, char **argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    PortholeTest::makeProcessStartVisibleToTsan(); // before Xvfb and openbox start
    XSession session;
    // Test discovery only lists the tests: no X server for that.
    if (::testing::GTEST_FLAG(list_tests)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    } else {
        // A loaded machine (or a display number taken between Xvfb's choice and its bind)
        // can fail one start; the reason of the last try is every test's failure.
        bool started = false;
        for (int attempt = 0; attempt < 3 && !started; ++attempt) {
            sessionError().clear();
            started = session.start(&sessionError());
            if (!started)
                session.stopAll();
        }
        qputenv("QT_QPA_PLATFORM", started ? "xcb" : "offscreen");
    }
    QApplication app(argc, argv);
    return RUN_ALL_TESTS();
}
