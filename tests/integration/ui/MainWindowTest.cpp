// SPDX-License-Identifier: GPL-2.0-or-later
// MainWindow on the offscreen platform, signed in to the in-process demo cloud.
// Demo VM 0 is pointed at a real TigerVNC Xvnc so a console tab can show frames.
#include "ui/app/MainWindow.h"

#include "ConsolePeers.h"
#include "DemoMainWindow.h"
#include "TestSupport.h"
#include "XvfbPeer.h"
#include "cloud/OneClient.h"
#include "cloud/VmStates.h"
#include "console/ExternalViewer.h"
#include "demo/DemoCloud.h"
#include "demo/DemoCloudServer.h"
#include "demo/DemoDesktop.h"
#include "profiles/ProfileStore.h"
#include "proxy/LocalTokenProxy.h"
#include "ui/app/DesktopApp.h"
#include "ui/app/Preferences.h"
#include "ui/console/ConsoleTabWindow.h"
#include "ui/console/ConsoleTabs.h"
#include "ui/console/ConsoleView.h"
#include "ui/console/ConsoleWindow.h"
#include "ui/dialogs/SignInDialog.h"
#include "ui/dialogs/TokenInspectorDialog.h"
#include "ui/vms/VmFilterProxyModel.h"
#include "ui/vms/VmTableModel.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProcess>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

#include <algorithm>

using namespace Porthole;
using namespace PortholeTest;

namespace {

constexpr int kWaitMs = 60000;

class MainWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_server.listen());
        QString error;
        ASSERT_TRUE(m_localProxy.start(&error)) << error.toStdString();
        m_settingsPath = m_dir.filePath(u"porthole.conf"_qs);
        m_settings = std::make_unique<QSettings>(m_settingsPath, QSettings::IniFormat);
        m_settings->setValue(u"confirmCloseLive"_qs, false);
    }

    std::unique_ptr<MainWindow> makeWindow(ConnectionProfile::ConsoleAccess access, const QString &name = u"Demo"_qs)
    {
        return demoMainWindow(m_server.endpoint(), &m_localProxy, m_settings.get(), access, name);
    }

    // VM 0's console on a demo desktop of its own (its name is in the picture).
    void serveVm0(DemoDesktop &desktop)
    {
        QString error;
        ASSERT_TRUE(desktop.start(&error, QSize(320, 240))) << error.toStdString();
        ASSERT_TRUE(m_server.cloud()->setConsoleTarget(0, u"127.0.0.1"_qs, desktop.port()));
    }

    // VM 0's open console once it is connected; nullptr, with the failure told, if it is not.
    static ConsoleWindow *connectedConsoleOfVm0(MainWindow &window)
    {
        ConsoleWindow *console = window.consoleOfVm(0);
        if (!console) {
            ADD_FAILURE() << "VM 0 has no console";
            return nullptr;
        }
        const bool connected
            = QTest::qWaitFor([&] { return console->session()->state() == RfbSession::State::Connected; }, kWaitMs);
        EXPECT_TRUE(connected) << console->session()->errorText().toStdString();
        return connected ? console : nullptr;
    }

    // A window of the profile named so, with VM 0's console open, closed: the layout is saved.
    void closeWithVm0Open(const QString &profileName)
    {
        auto window = makeWindow(ConnectionProfile::ConsoleAccess::LocalProxy, profileName);
        ASSERT_TRUE(waitForLoad(*window));
        window->selectVm(0);
        QSignalSpy opened(window.get(), &MainWindow::consoleOpened);
        window->openCurrentConsole();
        ASSERT_TRUE(opened.count() > 0 || opened.wait(kWaitMs)) << window->lastError().toStdString();
        window->close();
    }

    // A new window of the profile once it has reopened what the last one saved.
    std::unique_ptr<MainWindow> reopenedWindow(const QString &profileName)
    {
        auto window = makeWindow(ConnectionProfile::ConsoleAccess::LocalProxy, profileName);
        QSignalSpy opened(window.get(), &MainWindow::consoleOpened);
        EXPECT_TRUE(waitForLoad(*window));
        EXPECT_TRUE(opened.count() > 0 || opened.wait(kWaitMs)) << "no console was reopened";
        return window;
    }

    static bool waitForLoad(MainWindow &window)
    {
        QSignalSpy done(&window, &MainWindow::refreshFinished);
        return done.wait(kWaitMs) && done.first().first().toBool();
    }

    static QList<int> visibleIds(MainWindow &window)
    {
        QList<int> ids;
        for (int r = 0; r < window.filterModel()->rowCount(); ++r)
            ids << window.filterModel()->index(r, 0).data(VmTableModel::VmIdRole).toInt();
        return ids;
    }

    QTemporaryDir m_dir;
    QString m_settingsPath;
    DemoCloudServer m_server;
    LocalTokenProxy m_localProxy;
    std::unique_ptr<QSettings> m_settings;
};

} // namespace

TEST_F(MainWindowTest, ListFillsAndFilters)
{
    auto window = makeWindow(ConnectionProfile::ConsoleAccess::LocalProxy);
    ASSERT_TRUE(waitForLoad(*window)) << window->lastError().toStdString();
    EXPECT_EQ(window->model()->rowCount(), m_server.cloud()->vmCount() - 1) << "all but the DONE VM";
    EXPECT_EQ(visibleIds(*window).first(), 0); // sorted by ID

    auto *filter = window->findChild<QLineEdit *>(u"filter"_qs);
    ASSERT_NE(filter, nullptr);
    filter->setText(u"web"_qs);
    EXPECT_EQ(visibleIds(*window), QList<int> {0});
    filter->setText(u"alice"_qs); // owner
    EXPECT_EQ(visibleIds(*window), QList<int> {9});
    filter->setText(u"192.168.50.11"_qs); // second IP of a VM
    EXPECT_EQ(visibleIds(*window), QList<int> {1});
    filter->clear();

    auto *state = window->findChild<QComboBox *>(u"stateFilter"_qs);
    state->setCurrentIndex(state->findData(int(VmStates::Poweroff)));
    EXPECT_EQ(visibleIds(*window), QList<int> {5});
    state->setCurrentIndex(0);
    EXPECT_EQ(window->filterModel()->rowCount(), window->model()->rowCount());
}

// A filter that leaves nothing says so over the table, the status line counts the VMs
// shown, Esc in the filter clears it.
TEST_F(MainWindowTest, FilterSaysWhenNothingMatchesAndEscClearsIt)
{
    auto window = makeWindow(ConnectionProfile::ConsoleAccess::LocalProxy);
    ASSERT_TRUE(waitForLoad(*window));
    const int all = window->model()->rowCount();
    auto *filter = window->findChild<QLineEdit *>(u"filter"_qs);
    auto *status = window->findChild<QLabel *>(u"status"_qs);
    ASSERT_NE(filter, nullptr);
    ASSERT_NE(status, nullptr);
    filter->setText(u"web"_qs);
    EXPECT_TRUE(status->text().startsWith(u"1 of %1 VM"_qs.arg(all))) << status->text().toStdString();

    filter->setText(u"no-such-vm-anywhere"_qs);
    EXPECT_EQ(window->filterModel()->rowCount(), 0);
    auto *noMatch = window->findChild<QLabel *>(u"noMatch"_qs);
    ASSERT_NE(noMatch, nullptr) << "a placeholder over the empty table";
    EXPECT_TRUE(noMatch->isVisible());
    EXPECT_TRUE(status->text().startsWith(u"0 of %1"_qs.arg(all))) << status->text().toStdString();

    filter->setFocus();
    QTest::keyClick(filter, Qt::Key_Escape);
    EXPECT_TRUE(filter->text().isEmpty()) << "Esc cleared the filter";
    EXPECT_EQ(window->filterModel()->rowCount(), all);
    EXPECT_FALSE(noMatch->isVisible());
    EXPECT_TRUE(status->text().startsWith(u"%1 VM"_qs.arg(all))) << status->text().toStdString();

    // Tab leaves the table instead of walking its cells.
    QApplication::setActiveWindow(window.get());
    window->table()->setFocus();
    ASSERT_TRUE(QTest::qWaitFor([&] { return window->table()->hasFocus(); }, kWaitMs));
    QTest::keyClick(window->table(), Qt::Key_Tab);
    EXPECT_FALSE(window->table()->hasFocus()) << "Tab stayed in the table";

    // Enter in a filter that leaves one VM opens its console.
    DemoDesktop desktop(u"web-1"_qs);
    ASSERT_NO_FATAL_FAILURE(serveVm0(desktop));
    filter->setText(u"web"_qs);
    QSignalSpy opened(window.get(), &MainWindow::consoleOpened);
    QTest::keyClick(filter, Qt::Key_Return);
    ASSERT_TRUE(opened.count() > 0 || opened.wait(kWaitMs)) << window->lastError().toStdString();
    EXPECT_EQ(ConsoleTabs::key(window->tabs()->console(1)), u"vm:0"_qs);
}

// Help -> Keyboard shortcuts lists every shortcut of the window's actions (it is built
// from them, so it cannot drift) and the console's release chord.
TEST_F(MainWindowTest, KeyboardShortcutsAreListedFromTheActions)
{
    auto window = makeWindow(ConnectionProfile::ConsoleAccess::LocalProxy);
    ASSERT_TRUE(waitForLoad(*window));
    QAction *help = window->action(u"actionShortcuts"_qs);
    ASSERT_NE(help, nullptr);
    help->trigger();
    auto *dialog = window->findChild<QDialog *>(u"shortcutsDialog"_qs);
    ASSERT_NE(dialog, nullptr);
    auto *tree = dialog->findChild<QTreeWidget *>(u"shortcuts"_qs);
    ASSERT_NE(tree, nullptr);
    QStringList listed;
    for (QTreeWidgetItemIterator it(tree); *it; ++it)
        listed << (*it)->text(1);
    int checked = 0;
    for (const QAction *a : window->findChildren<QAction *>()) {
        if (a->shortcut().isEmpty() || a->text().isEmpty())
            continue;
        ++checked;
        const QString keys = a->shortcut().toString(QKeySequence::NativeText);
        EXPECT_TRUE(std::any_of(listed.cbegin(), listed.cend(), [&](const QString &l) { return l.contains(keys); }))
            << a->text().toStdString() << " " << keys.toStdString();
    }
    EXPECT_GE(checked, 5);
    EXPECT_TRUE(listed.contains(u"Ctrl+Alt"_qs)) << listed.join(u", "_qs).toStdString();
    EXPECT_TRUE(listed.contains(u"F11"_qs));
    dialog->close();
}

TEST_F(MainWindowTest, ActionsSayWhyTheyCannotWork)
{
    auto window = makeWindow(ConnectionProfile::ConsoleAccess::LocalProxy);
    ASSERT_TRUE(waitForLoad(*window));
    QAction *open = window->action(u"actionOpenConsole"_qs);
    ASSERT_NE(open, nullptr);

    window->selectVm(5); // powered off
    EXPECT_FALSE(open->isEnabled());
    EXPECT_TRUE(open->toolTip().contains(u"poweroff"_qs)) << open->toolTip().toStdString();
    window->selectVm(3); // SPICE
    EXPECT_FALSE(open->isEnabled());
    EXPECT_TRUE(open->toolTip().contains(u"SPICE"_qs)) << open->toolTip().toStdString();
    window->selectVm(4); // no graphics
    EXPECT_FALSE(window->action(u"actionTokenDetails"_qs)->isEnabled());
    EXPECT_TRUE(window->action(u"actionCopyId"_qs)->isEnabled());
    window->selectVm(0);
    EXPECT_TRUE(open->isEnabled());

    // Copy VM ID and Copy console URL reach the clipboard.
    window->action(u"actionCopyId"_qs)->trigger();
    EXPECT_EQ(QGuiApplication::clipboard()->text(), u"0"_qs);
    window->action(u"actionCopyUrl"_qs)->trigger();
    EXPECT_TRUE(
        QTest::qWaitFor([] { return QGuiApplication::clipboard()->text().startsWith(u"ws://127.0.0.1:"_qs); }, kWaitMs))
        << QGuiApplication::clipboard()->text().toStdString();
    EXPECT_TRUE(QGuiApplication::clipboard()->text().contains(u"token="_qs));

    // Demo VMs without a console server behind them say so rather than failing later.
    window->resolver()->setDemoVmsWithoutConsole({1});
    window->selectVm(1);
    EXPECT_FALSE(open->isEnabled());
    EXPECT_TRUE(open->toolTip().contains(u"no console server"_qs)) << open->toolTip().toStdString();
}

TEST_F(MainWindowTest, RefreshKeepsTheSelection)
{
    auto window = makeWindow(ConnectionProfile::ConsoleAccess::LocalProxy);
    ASSERT_TRUE(waitForLoad(*window));
    window->selectVm(7);
    QSignalSpy started(window.get(), &MainWindow::refreshStarted);
    window->action(u"actionRefresh"_qs)->trigger();
    EXPECT_EQ(started.count(), 1);
    EXPECT_TRUE(window->isRefreshing());
    EXPECT_FALSE(window->action(u"actionRefresh"_qs)->isEnabled()); // shows it is under way
    window->refresh(); // a second one while the first runs is not started
    EXPECT_EQ(started.count(), 1);
    ASSERT_TRUE(waitForLoad(*window));
    ASSERT_TRUE(window->currentVm().has_value());
    EXPECT_EQ(window->currentVm()->id, 7);
    EXPECT_EQ(window->table()->selectionModel()->selectedRows().size(), 1);
}

TEST_F(MainWindowTest, ConsoleTabShowsTheVmDesktopThroughTheLocalProxy)
{
    XvncServer xvnc;
    ASSERT_TRUE(xvnc.start(u"320x240"_qs)) << xvnc.log().toStdString();
    ASSERT_TRUE(xvnc.setRootColour(u"#3366cc"_qs));
    ASSERT_TRUE(m_server.cloud()->setConsoleTarget(0, u"127.0.0.1"_qs, xvnc.port()));

    // Settings apply to consoles opened from now on.
    m_settings->setValue(u"console/scaling"_qs, u"one-to-one"_qs);
    m_settings->setValue(u"console/clipboardSync"_qs, false);
    m_settings->setValue(u"console/grabKeyboard"_qs, true);
    m_settings->setValue(u"console/jpegQuality"_qs, 4);
    m_settings->setValue(u"console/compressLevel"_qs, 9);
    auto window = makeWindow(ConnectionProfile::ConsoleAccess::LocalProxy);
    ASSERT_TRUE(waitForLoad(*window));
    window->selectVm(0);
    QSignalSpy opened(window.get(), &MainWindow::consoleOpened);
    QSignalSpy failed(window.get(), &MainWindow::consoleFailed);
    // Enter on the row opens the console, like a double-click.
    QTest::keyClick(window->table(), Qt::Key_Return);
    ASSERT_TRUE(opened.count() > 0 || opened.wait(kWaitMs)) << window->lastError().toStdString();
    auto *console = qobject_cast<ConsoleWindow *>(window->tabs()->widget(1));
    ASSERT_NE(console, nullptr);
    EXPECT_EQ(window->tabs()->count(), 2);
    EXPECT_EQ(window->tabs()->currentWidget(), console);
    EXPECT_TRUE(console->action(u"actionOneToOne"_qs)->isChecked());
    EXPECT_FALSE(console->action(u"actionClipboardSync"_qs)->isChecked());
    ASSERT_NE(console->action(u"actionGrabKeyboard"_qs), nullptr);
    EXPECT_TRUE(console->action(u"actionGrabKeyboard"_qs)->isChecked());
    EXPECT_TRUE(console->view()->keyboardGrab());
    EXPECT_EQ(console->options().jpegQuality, 4);
    EXPECT_EQ(console->options().compressLevel, 9);
    EXPECT_EQ(ConsoleTabs::key(console), u"vm:0"_qs);

    // Opening the same VM again brings its tab to the front instead of a second one.
    window->tabs()->setCurrentIndex(0);
    window->openCurrentConsole();
    EXPECT_EQ(window->tabs()->count(), 2);
    EXPECT_EQ(window->tabs()->currentWidget(), console);

    QSignalSpy full(console->session(), &RfbSession::firstFullFrame);
    ASSERT_TRUE(full.count() > 0 || full.wait(kWaitMs)) << console->session()->errorText().toStdString();
    const QImage frame = console->session()->frame();
    ASSERT_EQ(frame.size(), QSize(320, 240));
    EXPECT_EQ(QColor(frame.pixel(160, 120)), QColor(u"#3366cc"_qs));

    // Detach to a window and back into a tab.
    window->detachTab(1);
    EXPECT_EQ(window->tabs()->count(), 1);
    EXPECT_TRUE(console->isWindow());
    window->attachWindow(console);
    EXPECT_EQ(window->tabs()->count(), 2);
    EXPECT_FALSE(console->isWindow());
    EXPECT_EQ(console->session()->state(), RfbSession::State::Connected);

    EXPECT_TRUE(window->closeTab(1));
    EXPECT_EQ(window->tabs()->count(), 1);
    EXPECT_EQ(failed.count(), 0);
}

TEST_F(MainWindowTest, DirectAndTokenAccessNeedWhatTheProfileLacks)
{
    // console token access without a proxy URL: a clear error, no call to a made-up proxy
    auto window = makeWindow(ConnectionProfile::ConsoleAccess::VncToken);
    ASSERT_TRUE(waitForLoad(*window));
    window->selectVm(0);
    QSignalSpy failed(window.get(), &MainWindow::consoleFailed);
    EXPECT_FALSE(window->action(u"actionOpenConsole"_qs)->isEnabled());
    EXPECT_TRUE(window->action(u"actionOpenConsole"_qs)->toolTip().contains(u"console proxy URL"_qs));
    window->openCurrentConsole(); // Enter still tries, and says why it cannot
    ASSERT_TRUE(failed.wait(kWaitMs));
    EXPECT_TRUE(failed.first().first().toString().contains(u"console proxy URL"_qs));
    EXPECT_FALSE(window->action(u"actionCopyNoVnc"_qs)->isEnabled());
}

TEST_F(MainWindowTest, SettingsFileNeverHoldsTheSecret)
{
    {
        auto window = makeWindow(ConnectionProfile::ConsoleAccess::LocalProxy);
        ASSERT_TRUE(waitForLoad(*window));
        window->close(); // saves geometry and layout
    }
    m_settings->sync();
    QFile f(m_settingsPath);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray conf = f.readAll();
    EXPECT_TRUE(conf.contains("mainWindow")) << conf.constData();
    EXPECT_FALSE(conf.contains(DemoCloud::demoPassword().toUtf8())) << conf.constData();
    EXPECT_FALSE(conf.contains("token=")) << conf.constData();
}

// The window's size is kept in logical pixels (not saveGeometry()'s bytes, which come back
// in device pixels on HiDPI screens) and comes back fitted to the screen; no position is kept.
TEST_F(MainWindowTest, WindowSizeIsSavedInLogicalPixels)
{
    {
        auto window = makeWindow(ConnectionProfile::ConsoleAccess::LocalProxy);
        ASSERT_TRUE(waitForLoad(*window));
        window->resize(700, 450);
        window->close();
    }
    m_settings->sync();
    EXPECT_EQ(m_settings->value(u"mainWindow/size"_qs).toSize(), QSize(700, 450));
    EXPECT_FALSE(m_settings->contains(u"mainWindow/geometry"_qs));
    auto window = makeWindow(ConnectionProfile::ConsoleAccess::LocalProxy);
    EXPECT_EQ(window->size(), QSize(700, 450));
    // A size from a larger screen is fitted to this one.
    window->close();
    m_settings->setValue(u"mainWindow/size"_qs, QSize(5000, 4000));
    auto large = makeWindow(ConnectionProfile::ConsoleAccess::LocalProxy);
    const QSize room = large->screen()->availableGeometry().size();
    EXPECT_LE(large->width(), room.width());
    EXPECT_LE(large->height(), room.height());
}

TEST_F(MainWindowTest, TokenDetailsProbeTheConsoleStepByStep)
{
    XvncServer xvnc;
    ASSERT_TRUE(xvnc.start(u"320x240"_qs)) << xvnc.log().toStdString();
    ASSERT_TRUE(m_server.cloud()->setConsoleTarget(0, u"127.0.0.1"_qs, xvnc.port()));
    auto window = makeWindow(ConnectionProfile::ConsoleAccess::LocalProxy);
    ASSERT_TRUE(waitForLoad(*window));
    window->selectVm(0);
    window->action(u"actionTokenDetails"_qs)->trigger();
    TokenInspectorDialog *dialog = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return (dialog = window->findChild<TokenInspectorDialog *>(u"tokenDetails"_qs)); }, kWaitMs));
    QSignalSpy done(dialog, &TokenInspectorDialog::probeFinished);
    ASSERT_TRUE(done.count() > 0 || done.wait(kWaitMs));
    const ProbeReport report = dialog->report();
    EXPECT_TRUE(report.ok()) << report.toText().toStdString();
    QStringList names;
    for (const auto &step : report.steps)
        names << step.name;
    EXPECT_TRUE(names.contains(u"upgrade"_qs)) << names.join(u' ').toStdString();
    EXPECT_TRUE(names.contains(u"rfb-version"_qs)) << names.join(u' ').toStdString();
    EXPECT_TRUE(dialog->resultText().contains(u"can be opened"_qs)) << dialog->resultText().toStdString();
    EXPECT_EQ(dialog->findChild<QTreeWidget *>(u"steps"_qs)->topLevelItemCount(), report.steps.size());
}

// addon-vnctoken keeps one token per VM and replaces it on every request (issue 13, D5): a
// console whose token was replaced asks for a fresh one instead of repeating the dead URL, and
// Token details probe the open console's token instead of replacing it.
TEST_F(MainWindowTest, AConsoleWhoseTokenWasReplacedReconnectsWithAFreshOne)
{
    DemoDesktop desktop(u"fresh-token"_qs);
    ASSERT_NO_FATAL_FAILURE(serveVm0(desktop));
    auto window = makeWindow(ConnectionProfile::ConsoleAccess::LocalProxy);
    ASSERT_TRUE(waitForLoad(*window));
    window->selectVm(0);
    QSignalSpy opened(window.get(), &MainWindow::consoleOpened);
    window->action(u"actionOpenConsole"_qs)->trigger();
    ASSERT_TRUE(opened.count() > 0 || opened.wait(kWaitMs)) << window->lastError().toStdString();
    ConsoleWindow *console = connectedConsoleOfVm0(*window);
    ASSERT_NE(console, nullptr);
    const QString first = console->url().token();
    ASSERT_FALSE(first.isEmpty());

    // Token details of a VM with an open console probe that console's own token.
    window->action(u"actionTokenDetails"_qs)->trigger();
    TokenInspectorDialog *dialog = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return (dialog = window->findChild<TokenInspectorDialog *>(u"tokenDetails"_qs)); }, kWaitMs));
    QSignalSpy probed(dialog, &TokenInspectorDialog::probeFinished);
    ASSERT_TRUE(probed.count() > 0 || probed.wait(kWaitMs));
    EXPECT_TRUE(dialog->report().ok()) << dialog->report().toText().toStdString();
    EXPECT_EQ(m_localProxy.minted().size(), 1) << "no second token was made";
    EXPECT_EQ(console->url().token(), first);
    dialog->close();

    // The token is replaced behind the console's back; the next connect is refused, and the
    // console gets a fresh token by itself and is back.
    m_localProxy.revoke(first);
    QSignalSpy refused(console->session(), &RfbSession::errorOccurred);
    console->connectNow();
    ASSERT_TRUE(refused.wait(kWaitMs));
    EXPECT_EQ(refused.at(0).at(0).value<ConsoleError>(), ConsoleError::TokenRefused);
    ASSERT_TRUE(QTest::qWaitFor([&] { return console->session()->state() == RfbSession::State::Connected; }, kWaitMs))
        << console->overlayText().toStdString();
    EXPECT_NE(console->url().token(), first);
    EXPECT_EQ(refused.size(), 1);
}

// Issue 14: each Copy console URL, Token details or external viewer minted another hour-long
// token (six after a few minutes). One VM now keeps one token while it is good; a refused one
// is replaced, and the replacement is what the next copy hands out.
TEST_F(MainWindowTest, RepeatedRequestsForOneVmShareItsToken)
{
    DemoDesktop desktop(u"one-token"_qs);
    ASSERT_NO_FATAL_FAILURE(serveVm0(desktop));
    auto window = makeWindow(ConnectionProfile::ConsoleAccess::LocalProxy);
    ASSERT_TRUE(waitForLoad(*window));
    window->selectVm(0);
    const auto copyUrl = [&] {
        QGuiApplication::clipboard()->clear();
        window->action(u"actionCopyUrl"_qs)->trigger();
        EXPECT_TRUE(
            QTest::qWaitFor([&] { return QGuiApplication::clipboard()->text().contains(u"token="_qs); }, kWaitMs))
            << window->lastError().toStdString();
        const std::optional<ConsoleUrl> url = ConsoleUrl::parse(QGuiApplication::clipboard()->text());
        return url ? url->token() : QString();
    };
    const QString first = copyUrl();
    ASSERT_FALSE(first.isEmpty());
    EXPECT_EQ(copyUrl(), first);
    EXPECT_EQ(copyUrl(), first);
    EXPECT_EQ(m_localProxy.minted().size(), 1) << "three copies, one token";

    // The console tab takes the same token.
    QSignalSpy opened(window.get(), &MainWindow::consoleOpened);
    window->action(u"actionOpenConsole"_qs)->trigger();
    ASSERT_TRUE(opened.count() > 0 || opened.wait(kWaitMs)) << window->lastError().toStdString();
    ConsoleWindow *console = connectedConsoleOfVm0(*window);
    ASSERT_NE(console, nullptr);
    EXPECT_EQ(console->url().token(), first);
    EXPECT_EQ(m_localProxy.minted().size(), 1);

    // Revoked in the proxy panel: the console's next connect is refused and it gets a fresh
    // token, which the next copy hands out too; the revoked one never comes back.
    m_localProxy.revoke(first);
    QSignalSpy refused(console->session(), &RfbSession::errorOccurred);
    console->connectNow();
    ASSERT_TRUE(refused.wait(kWaitMs));
    EXPECT_EQ(refused.at(0).at(0).value<ConsoleError>(), ConsoleError::TokenRefused);
    ASSERT_TRUE(QTest::qWaitFor([&] { return console->session()->state() == RfbSession::State::Connected; }, kWaitMs))
        << console->overlayText().toStdString();
    const QString fresh = console->url().token();
    EXPECT_NE(fresh, first);
    EXPECT_EQ(copyUrl(), fresh);
    EXPECT_EQ(m_localProxy.minted().size(), 1);
}

// D11: File → Sign out / switch profile closes the session's window and its consoles and
// shows the sign-in dialog; signing in there opens a new VM list, without quitting.
TEST_F(MainWindowTest, SignOutReturnsToTheSignInDialogAndSignsInAgain)
{
    ConnectionProfile stored;
    stored.name = u"Demo"_qs;
    stored.endpoint = m_server.endpoint();
    stored.user = DemoCloud::demoUser();
    ProfileStore(m_settings.get()).save({stored});
    DesktopApp app(m_settings.get());
    QString error;
    ASSERT_TRUE(app.startDemo(&error)) << error.toStdString();
    QPointer<MainWindow> first = app.mainWindow();
    ASSERT_FALSE(first.isNull());
    QAction *signOut = first->action(u"actionSignOut"_qs);
    ASSERT_NE(signOut, nullptr);
    EXPECT_FALSE(signOut->shortcut().isEmpty());

    QSignalSpy shown(&app, &DesktopApp::mainWindowShown);
    signOut->trigger();
    ASSERT_TRUE(QTest::qWaitFor([&] { return first.isNull(); }, kWaitMs)) << "the old VM list is gone";
    SignInDialog *dialog = nullptr;
    for (QWidget *w : QApplication::topLevelWidgets()) {
        if (w->objectName() == u"signInDialog"_qs && w->isVisible())
            dialog = qobject_cast<SignInDialog *>(w);
    }
    ASSERT_NE(dialog, nullptr);
    auto *secret = dialog->findChild<QLineEdit *>(u"secret"_qs);
    ASSERT_NE(secret, nullptr);
    secret->setText(DemoCloud::demoPassword());
    dialog->signIn();
    ASSERT_TRUE(shown.wait(kWaitMs)) << dialog->errorText().toStdString();
    ASSERT_NE(app.mainWindow(), nullptr);
    EXPECT_EQ(app.mainWindow()->profile().endpoint, m_server.endpoint());
    EXPECT_TRUE(app.mainWindow()->isVisible());
}

TEST_F(MainWindowTest, TokenInspectorExplainsAnUnknownToken)
{
    TokenInspectorDialog dialog;
    dialog.setProxyUrl(QUrl(u"ws://127.0.0.1:%1/websockify"_qs.arg(m_localProxy.port())));
    dialog.setInput(u"no-such-token"_qs); // a bare token goes behind the proxy URL
    dialog.show();
    QSignalSpy done(&dialog, &TokenInspectorDialog::probeFinished);
    dialog.run();
    ASSERT_TRUE(done.wait(kWaitMs));
    EXPECT_FALSE(dialog.report().ok());
    EXPECT_TRUE(dialog.resultText().contains(u"What it means"_qs)) << dialog.resultText().toStdString();
    EXPECT_FALSE(dialog.report().meaning.isEmpty());
}

TEST_F(MainWindowTest, OpenConsolesComeBackAfterARestart)
{
    DemoDesktop desktop(u"web-1"_qs);
    ASSERT_NO_FATAL_FAILURE(serveVm0(desktop));
    ASSERT_NO_FATAL_FAILURE(closeWithVm0Open(u"Demo"_qs)); // remembers VM 0's tab, not its URL
    m_settings->sync();
    QFile f(m_settingsPath);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    EXPECT_FALSE(f.readAll().contains("token")) << "console URLs (with tokens) must not be saved";

    auto window = reopenedWindow(u"Demo"_qs);
    EXPECT_EQ(window->tabs()->count(), 2);
    EXPECT_TRUE(window->tabs()->tabText(1).contains(u"(0)"_qs)) << window->tabs()->tabText(1).toStdString();
}

// The list of open consoles belongs to the profile, not to its (translated) name: the
// demo's "Demo cloud" is "Démo" in French, and switching language must not forget them.
TEST_F(MainWindowTest, OpenConsolesComeBackUnderAnotherProfileName)
{
    DemoDesktop desktop(u"web-1"_qs);
    ASSERT_NO_FATAL_FAILURE(serveVm0(desktop));
    ASSERT_NO_FATAL_FAILURE(closeWithVm0Open(u"Demo cloud"_qs));
    EXPECT_EQ(reopenedWindow(u"Démo"_qs)->tabs()->count(), 2);
}

// One console per VM: opening it again, in a tab or a new window, brings the open one to
// the front (a tab, or its own window when detached), and the layout saves it once.
TEST_F(MainWindowTest, OneConsolePerVmWhereverItIsShown)
{
    DemoDesktop desktop(u"web-1"_qs);
    ASSERT_NO_FATAL_FAILURE(serveVm0(desktop));
    auto window = makeWindow(ConnectionProfile::ConsoleAccess::LocalProxy);
    ASSERT_TRUE(waitForLoad(*window));
    window->selectVm(0);
    QSignalSpy opened(window.get(), &MainWindow::consoleOpened);
    window->openCurrentConsole();
    window->openCurrentConsole(); // a second click while the first is being resolved
    ASSERT_TRUE(opened.count() > 0 || opened.wait(kWaitMs)) << window->lastError().toStdString();
    ASSERT_EQ(window->tabs()->count(), 2);
    auto *console = window->tabs()->console(1);
    ASSERT_NE(console, nullptr);

    window->tabs()->setCurrentIndex(0);
    window->openCurrentConsole(true); // "Open in new window"
    EXPECT_EQ(window->tabs()->currentWidget(), console) << "the tab came to the front";
    EXPECT_EQ(window->tabs()->count(), 2);

    window->detachTab(1);
    ASSERT_TRUE(console->isWindow());
    window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    window->openCurrentConsole();
    EXPECT_TRUE(QTest::qWaitFor([&] { return QApplication::activeWindow() == console; }, kWaitMs))
        << "its window came to the front";
    EXPECT_EQ(window->tabs()->count(), 1) << "no tab for a VM whose console has a window";
    EXPECT_EQ(opened.count(), 1) << "one session, however it was asked for";

    window->close();
    m_settings->sync();
    QStringList keys;
    for (const QString &key : m_settings->allKeys()) {
        if (key.startsWith(u"mainWindow/openConsoles/"_qs))
            keys << key;
    }
    ASSERT_EQ(keys.size(), 1) << keys.join(u' ').toStdString();
    EXPECT_EQ(m_settings->value(keys.first()).toList(), QVariantList {0}) << "saved once";
    console->close();
}

// Titles say "VM name (ID) · state — Porthole": the main window names the console in front, a
// console's own window names its VM, and no title carries (a part of) the token.
TEST_F(MainWindowTest, TitlesNameTheVm)
{
    DemoDesktop desktop(u"web-1"_qs);
    ASSERT_NO_FATAL_FAILURE(serveVm0(desktop));
    auto window = makeWindow(ConnectionProfile::ConsoleAccess::LocalProxy);
    ASSERT_TRUE(waitForLoad(*window));
    EXPECT_EQ(window->windowTitle(), u"Demo — Porthole"_qs);
    window->selectVm(0);
    const QString name = window->currentVm()->name;
    const QString wanted = u"%1 (0) · running — Porthole"_qs.arg(name);
    qRegisterMetaType<ConsoleWindow *>();
    QSignalSpy opened(window.get(), &MainWindow::consoleOpened);
    window->openCurrentConsole();
    ASSERT_TRUE(opened.count() > 0 || opened.wait(kWaitMs)) << window->lastError().toStdString();
    auto *console = window->tabs()->console(1);
    ASSERT_NE(console, nullptr);
    QSignalSpy named(console->session(), &RfbSession::desktopNameChanged);
    ASSERT_TRUE(console->session()->state() == RfbSession::State::Connected || named.wait(kWaitMs));
    EXPECT_EQ(window->windowTitle(), wanted);
    EXPECT_EQ(console->windowTitle(), wanted);
    EXPECT_TRUE(window->tabs()->tabText(1).startsWith(u"%1 (0)"_qs.arg(name)))
        << window->tabs()->tabText(1).toStdString();
    window->tabs()->setCurrentIndex(0);
    EXPECT_EQ(window->windowTitle(), u"Demo — Porthole"_qs);
    window->detachTab(1);
    EXPECT_EQ(console->windowTitle(), wanted);
    EXPECT_FALSE(console->windowTitle().contains(u"token"_qs));
    console->close();

    // "Open in new window": the same title, never the URL with its token prefix.
    window->openConsoleUrl(ConsoleUrl::vnc(u"127.0.0.1"_qs, desktop.port()), u"by URL"_qs, true);
    ASSERT_EQ(opened.count(), 2);
    auto *byUrl = opened.last().first().value<ConsoleWindow *>();
    ASSERT_NE(byUrl, nullptr);
    EXPECT_EQ(byUrl->windowTitle(), u"by URL — Porthole"_qs);
    byUrl->close();
}

TEST_F(MainWindowTest, AsksForAMissingVncPasswordAndReopensInTheSameTab)
{
    DemoDesktop desktop(u"locked"_qs, u"pw-9"_qs);
    QString error;
    ASSERT_TRUE(desktop.start(&error, QSize(320, 240))) << error.toStdString();
    auto window = makeWindow(ConnectionProfile::ConsoleAccess::LocalProxy);
    ASSERT_TRUE(waitForLoad(*window));
    window->openConsoleUrl(ConsoleUrl::vnc(u"127.0.0.1"_qs, desktop.port()), u"locked"_qs);
    ASSERT_EQ(window->tabs()->count(), 2);
    auto *first = window->tabs()->widget(1);

    QInputDialog *prompt = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return (prompt = window->findChild<QInputDialog *>(u"vncPasswordPrompt"_qs)); }, kWaitMs));
    EXPECT_TRUE(prompt->labelText().contains(u"locked"_qs)) << prompt->labelText().toStdString();
    prompt->setTextValue(u"pw-9"_qs);
    prompt->accept();

    EXPECT_EQ(window->tabs()->count(), 2);
    auto *console = qobject_cast<ConsoleWindow *>(window->tabs()->widget(1));
    ASSERT_NE(console, nullptr);
    EXPECT_NE(console, first);
    QSignalSpy full(console->session(), &RfbSession::firstFullFrame);
    ASSERT_TRUE(console->session()->framesReceived() > 0 || full.wait(kWaitMs))
        << console->session()->errorText().toStdString();
}

// porthole --connect: the console tab window and its consoles follow the user's Settings too.
TEST_F(MainWindowTest, ConnectConsoleGetsThePreferences)
{
    qputenv(
        "PORTHOLE_INSTANCE", QStringLiteral("porthole-prefs-test-%1").arg(QCoreApplication::applicationPid()).toUtf8());
    auto desktop = std::make_unique<DemoDesktop>(u"connect"_qs);
    QString error;
    ASSERT_TRUE(desktop->start(&error, QSize(320, 240))) << error.toStdString();
    Preferences wanted = Preferences::load(*m_settings);
    wanted.jpegQuality = 1;
    wanted.compressLevel = 7;
    wanted.encodings = "zrle raw";
    wanted.clipboardSync = false;
    wanted.grabKeyboard = true;
    wanted.reconnect = false;
    wanted.confirmCloseLive = false;
    wanted.save(*m_settings);

    DesktopApp app(m_settings.get());
    ASSERT_TRUE(app.startConsole(QStringLiteral("vnc://127.0.0.1:%1").arg(desktop->port()), std::nullopt, &error))
        << error.toStdString();
    ASSERT_NE(app.consoleTabs(), nullptr);
    EXPECT_EQ(app.consoleTabs()->preferences(), wanted);
    EXPECT_FALSE(app.consoleTabs()->tabs()->confirmCloseLive());
    ConsoleWindow *console = app.consoleTabs()->tabs()->console(0);
    ASSERT_NE(console, nullptr);
    EXPECT_EQ(console->options().jpegQuality, 1);
    EXPECT_EQ(console->options().compressLevel, 7);
    EXPECT_EQ(console->options().encodings, QByteArray("zrle raw"));
    EXPECT_FALSE(console->action(u"actionClipboardSync"_qs)->isChecked());
    EXPECT_TRUE(console->action(u"actionGrabKeyboard"_qs)->isChecked());
    QSignalSpy full(console->session(), &RfbSession::firstFullFrame);
    ASSERT_TRUE(console->session()->framesReceived() > 0 || full.wait(kWaitMs))
        << console->session()->errorText().toStdString();

    // Without reconnecting, a dropped console stays down.
    QSignalSpy failed(console->session(), &RfbSession::errorOccurred);
    desktop.reset();
    ASSERT_TRUE(failed.wait(kWaitMs));
    EXPECT_FALSE(console->reconnectPending());
    qunsetenv("PORTHOLE_INSTANCE");
}

TEST(ConsoleTabs, AddsFocusesReplacesAndClosesConsoles)
{
    ConsoleTabs tabs;
    tabs.setConfirmCloseLive(false);
    auto *list = new QWidget;
    tabs.addTab(list, u"list"_qs);
    // Nothing listens on port 1: the consoles fail and wait to reconnect.
    const ConsoleUrl nowhere = ConsoleUrl::vnc(u"127.0.0.1"_qs, 1);
    auto *a = new ConsoleWindow(nowhere, {});
    auto *b = new ConsoleWindow(nowhere, {});
    EXPECT_EQ(tabs.addConsole(a, u"A"_qs, u"vm:1"_qs), 1);
    EXPECT_EQ(tabs.addConsole(b, u"B"_qs, u"vm:2"_qs), 2);
    EXPECT_EQ(tabs.currentWidget(), b);
    EXPECT_EQ(tabs.consoles(), (QList<ConsoleWindow *> {a, b}));
    EXPECT_EQ(tabs.console(0), nullptr) << "a tab that is no console";
    EXPECT_FALSE(tabs.closeConsole(0));
    EXPECT_EQ(tabs.count(), 3);

    EXPECT_TRUE(tabs.focusConsole(u"vm:1"_qs));
    EXPECT_EQ(tabs.currentWidget(), a);
    EXPECT_FALSE(tabs.focusConsole(u"vm:3"_qs));
    EXPECT_EQ(tabs.indexOfKey(u"vm:2"_qs), 2);
    EXPECT_EQ(tabs.connectedCount(), 0);

    // The tab title carries the state; title() does not.
    QSignalSpy failed(a->session(), &RfbSession::errorOccurred);
    ASSERT_TRUE(failed.count() > 0 || failed.wait(kWaitMs));
    EXPECT_EQ(ConsoleTabs::title(a), u"A"_qs);
    EXPECT_NE(tabs.tabText(1), u"A"_qs);
    EXPECT_TRUE(tabs.tabText(1).startsWith(u"A"_qs)) << tabs.tabText(1).toStdString();

    // A replacement takes the old one's place, title and key.
    auto *a2 = new ConsoleWindow(nowhere, {});
    QPointer<ConsoleWindow> old = a;
    tabs.replaceConsole(a, a2);
    EXPECT_EQ(tabs.indexOf(a2), 1);
    EXPECT_EQ(tabs.count(), 3);
    EXPECT_EQ(ConsoleTabs::title(a2), u"A"_qs);
    EXPECT_EQ(ConsoleTabs::key(a2), u"vm:1"_qs);
    EXPECT_EQ(tabs.currentWidget(), a2);
    ASSERT_TRUE(QTest::qWaitFor([&] { return old.isNull(); }, kWaitMs)) << "the old console is deleted";

    // Taking a console out leaves it alive; closing one deletes it.
    EXPECT_EQ(tabs.takeConsole(2), b);
    EXPECT_EQ(tabs.count(), 2);
    QPointer<ConsoleWindow> closing = a2;
    QSignalSpy closed(&tabs, &ConsoleTabs::consoleClosed);
    EXPECT_TRUE(tabs.closeConsole(1));
    EXPECT_EQ(closed.count(), 1);
    EXPECT_EQ(tabs.count(), 1);
    ASSERT_TRUE(QTest::qWaitFor([&] { return closing.isNull(); }, kWaitMs));
    delete b;
}

// remote-viewer (virt-viewer) on Xvfb: a SPICE VM from QEMU's SPICE server (no disk) through a .vv file,
// and a VNC VM (a real Xvnc) behind the local token proxy through a forward on 127.0.0.1.
namespace {
// remote-viewer's display; Porthole itself stays on the offscreen platform.
void startRemoteViewerDisplay(XvfbPeer &x)
{
    if (ExternalViewer::program(ExternalViewer::Protocol::Spice).isEmpty())
        GTEST_FAIL() << ExternalViewer::installHint(ExternalViewer::Protocol::Spice).toStdString();
    ASSERT_TRUE(x.start());
    qputenv("DISPLAY", x.display().toLatin1());
}
} // namespace

TEST_F(MainWindowTest, ASpiceVmOpensInRemoteViewer)
{
    XvfbPeer x;
    ASSERT_NO_FATAL_FAILURE(startRemoteViewerDisplay(x));
    const quint16 port = freePort();
    QProcess qemu;
    qemu.setProcessChannelMode(QProcess::MergedChannels);
    qemu.start(u"qemu-system-x86_64"_qs,
        {u"-S"_qs, u"-nodefaults"_qs, u"-m"_qs, u"64"_qs, u"-vga"_qs, u"qxl"_qs, u"-display"_qs, u"none"_qs,
            u"-spice"_qs, u"port=%1,addr=127.0.0.1,disable-ticketing=on"_qs.arg(port), u"-net"_qs, u"none"_qs});
    ASSERT_TRUE(qemu.waitForStarted(20000));
    ASSERT_TRUE(waitForPort(port, 30000)) << qemu.readAll().constData();
    // Demo VM 3 is SPICE only; its console is this QEMU.
    ASSERT_TRUE(m_server.cloud()->setConsoleTarget(3, u"127.0.0.1"_qs, port));

    auto window = makeWindow(ConnectionProfile::ConsoleAccess::Direct);
    ASSERT_TRUE(waitForLoad(*window)) << window->lastError().toStdString();
    window->selectVm(3);
    QAction *open = window->action(u"actionOpenRemoteViewer"_qs);
    ASSERT_NE(open, nullptr);
    EXPECT_TRUE(open->isEnabled()) << open->toolTip().toStdString();
    // Porthole's own viewer declines it, and says where to go instead.
    EXPECT_FALSE(window->action(u"actionOpenConsole"_qs)->isEnabled());
    EXPECT_TRUE(window->action(u"actionOpenConsole"_qs)->toolTip().contains(u"remote-viewer"));
    open->trigger();
    // The window title comes from the .vv file: remote-viewer read it and connected.
    EXPECT_TRUE(x.waitForWindow(u"spice-desktop (3)"_qs)) << x.windowTree().toStdString();

    // A VNC VM has no SPICE console to hand over.
    window->selectVm(0);
    EXPECT_FALSE(open->isEnabled());
    qemu.kill();
    qemu.waitForFinished(10000);
}

TEST_F(MainWindowTest, AVncConsoleBehindTheLocalProxyIsForwardedForTheViewerItStarts)
{
    XvfbPeer x;
    ASSERT_NO_FATAL_FAILURE(startRemoteViewerDisplay(x));
    XvncServer xvnc;
    ASSERT_TRUE(xvnc.start(u"320x240"_qs)) << xvnc.log().toStdString();
    ASSERT_TRUE(m_server.cloud()->setConsoleTarget(0, u"127.0.0.1"_qs, xvnc.port()));

    auto window = makeWindow(ConnectionProfile::ConsoleAccess::LocalProxy);
    ASSERT_TRUE(waitForLoad(*window)) << window->lastError().toStdString();
    window->selectVm(0);
    QAction *open = window->action(u"actionOpenExternalViewer"_qs);
    ASSERT_NE(open, nullptr);
    ASSERT_TRUE(open->isEnabled()) << open->toolTip().toStdString();
    open->trigger();
    ExternalViewer *viewer = nullptr;
    ASSERT_TRUE(QTest::qWaitFor([&] { return (viewer = window->findChild<ExternalViewer *>()) != nullptr; }, kWaitMs))
        << window->lastError().toStdString();
    const quint16 forwarded = viewer->forwardedPort();
    ASSERT_GT(forwarded, 0);
    // remote-viewer names its window after the file's title once the VNC session is up.
    EXPECT_TRUE(x.waitForWindow(u"web-1 (0)"_qs)) << x.windowTree().toStdString();

    // Closing the window list ends the viewer and the forward with it.
    QPointer<ExternalViewer> guard(viewer);
    window.reset();
    EXPECT_TRUE(guard.isNull());
    EXPECT_TRUE(waitForPortClosed(forwarded, 10000));
}

// The current tab's close button is the theme's (or the bundled) icon, not Fusion's red box.
TEST(ConsoleTabs, TheCloseButtonIsNoRedBox)
{
    ConsoleTabs tabs;
    tabs.setConfirmCloseLive(false);
    tabs.addTab(new QWidget, u"list"_qs);
    auto *console = new ConsoleWindow(ConsoleUrl::vnc(u"127.0.0.1"_qs, 1), {});
    tabs.addConsole(console, u"A"_qs, u"vm:1"_qs);
    tabs.resize(400, 200);
    tabs.show();
    QCoreApplication::processEvents();
    QWidget *close = tabs.tabBar()->tabButton(tabs.currentIndex(), QTabBar::RightSide);
    ASSERT_NE(close, nullptr);
    const QImage image = close->grab().toImage();
    int red = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.red() > 150 && c.green() < 110 && c.blue() < 110)
                ++red;
        }
    }
    EXPECT_EQ(red, 0) << "red pixels in the current tab's close button";
}
