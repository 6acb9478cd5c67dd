// SPDX-License-Identifier: GPL-2.0-or-later
// VM administration in the VM list, on the offscreen platform against the in-process demo cloud
// (which applies oned 7.4's action rules): power actions for one and several VMs, the guard of
// destructive ones, the details panel and its monitoring graphs.
#include "DemoMainWindow.h"
#include "cloud/OneClient.h"
#include "cloud/VmStates.h"
#include "demo/DemoCloud.h"
#include "demo/DemoCloudServer.h"
#include "demo/DemoDesktop.h"
#include "demo/DemoEnvironment.h"
#include "demo/DemoVm.h"
#include "proxy/LocalTokenProxy.h"
#include "ui/app/MainWindow.h"
#include "ui/console/ConsoleTabs.h"
#include "ui/console/ConsoleWindow.h"
#include "ui/dialogs/PowerConfirmDialog.h"
#include "ui/vms/VmActionQueue.h"
#include "ui/vms/VmDetailsPanel.h"
#include "ui/vms/VmFilterProxyModel.h"
#include "ui/vms/VmMonitoringCharts.h"
#include "ui/vms/VmPowerMenu.h"
#include "ui/vms/VmTableModel.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

using namespace Porthole;

namespace {

constexpr int kWaitMs = 60000;

class VmAdminWindowTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_server.listen());
        m_server.cloud()->setStepMs(20); // actions settle in a few steps
        m_settings = std::make_unique<QSettings>(m_dir.filePath(u"porthole.conf"_qs), QSettings::IniFormat);
        m_window = PortholeTest::demoMainWindow(m_server.endpoint(), &m_localProxy, m_settings.get());
        QSignalSpy done(m_window.get(), &MainWindow::refreshFinished);
        ASSERT_TRUE(done.wait(kWaitMs));
        m_window->actionQueue()->setPollInterval(50);
    }

    int stateOf(int vmId) const
    {
        const int row = m_window->model()->rowOfVm(vmId);
        return row < 0 ? -1 : m_window->model()->vmAt(row)->state;
    }

    void selectVms(const QList<int> &ids)
    {
        QTableView *table = m_window->table();
        table->clearSelection();
        for (int id : ids) {
            const QModelIndex index
                = m_window->filterModel()->mapFromSource(m_window->model()->index(m_window->model()->rowOfVm(id), 0));
            table->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
        table->selectionModel()->setCurrentIndex(m_window->filterModel()->mapFromSource(m_window->model()->index(
                                                     m_window->model()->rowOfVm(ids.first()), 0)),
            QItemSelectionModel::NoUpdate);
    }

    QTemporaryDir m_dir;
    DemoCloudServer m_server;
    LocalTokenProxy m_localProxy;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

} // namespace

TEST_F(VmAdminWindowTest, PowerActionsAreOfferedWhereOnedTakesThemAndFollowedToTheirEnd)
{
    selectVms({0}); // web-1, RUNNING
    VmPowerMenu *power = m_window->powerMenu();
    ASSERT_NE(power, nullptr);
    EXPECT_TRUE(power->action(VmAction::Poweroff)->isEnabled());
    EXPECT_FALSE(power->action(VmAction::Resume)->isEnabled()) << "a running VM cannot be resumed";
    EXPECT_FALSE(power->action(VmAction::Resume)->toolTip().isEmpty()) << "greyed with the reason";

    QList<VmAction> asked;
    power->setConfirm([&](VmAction action, const QList<VirtualMachine> &) {
        asked << action;
        return true;
    });
    QSignalSpy finished(m_window->actionQueue(), &VmActionQueue::batchFinished);
    power->action(VmAction::PoweroffHard)->trigger();
    ASSERT_TRUE(finished.wait(kWaitMs));
    EXPECT_EQ(asked, QList<VmAction> {VmAction::PoweroffHard}) << "a hard action asks first";
    const auto results = finished.first().at(1).value<QList<VmActionQueue::Result>>();
    ASSERT_EQ(results.size(), 1);
    EXPECT_TRUE(results.first().ok) << results.first().message.toStdString();
    EXPECT_TRUE(QTest::qWaitFor([&] { return stateOf(0) == VmStates::Poweroff; }, kWaitMs)) << stateOf(0);

    // Powered off: now Resume is offered and Power off is not.
    selectVms({0});
    EXPECT_TRUE(power->action(VmAction::Resume)->isEnabled());
    EXPECT_FALSE(power->action(VmAction::Poweroff)->isEnabled());
}

TEST_F(VmAdminWindowTest, SeveralVmsTakeOneConfirmationAndGetAResultEach)
{
    selectVms({0, 1});
    QList<int> confirmedFor;
    m_window->powerMenu()->setConfirm([&](VmAction, const QList<VirtualMachine> &vms) {
        for (const VirtualMachine &vm : vms)
            confirmedFor << vm.id;
        return true;
    });
    QSignalSpy finished(m_window->actionQueue(), &VmActionQueue::batchFinished);
    m_window->powerMenu()->action(VmAction::Reboot)->trigger();
    ASSERT_TRUE(finished.wait(kWaitMs));
    EXPECT_EQ(confirmedFor, (QList<int> {0, 1})) << "one confirmation listing both";
    const auto results = finished.first().at(1).value<QList<VmActionQueue::Result>>();
    EXPECT_EQ(results.size(), 2);
    EXPECT_EQ(m_window->lastPowerResult().count(u'\n'), 1) << m_window->lastPowerResult().toStdString();
}

TEST_F(VmAdminWindowTest, TerminateAsksForTheVmsName)
{
    const VirtualMachine *vm = m_window->model()->vmAt(m_window->model()->rowOfVm(0));
    ASSERT_NE(vm, nullptr);
    PowerConfirmDialog dialog(VmAction::Terminate, {*vm});
    EXPECT_EQ(dialog.expectedText(), vm->name);
    QPushButton *ok = dialog.buttons()->button(QDialogButtonBox::Ok);
    ASSERT_NE(ok, nullptr);
    EXPECT_FALSE(ok->isEnabled());
    dialog.confirmEdit()->setText(vm->name.left(2));
    EXPECT_FALSE(ok->isEnabled());
    dialog.confirmEdit()->setText(vm->name);
    EXPECT_TRUE(ok->isEnabled());
}

TEST_F(VmAdminWindowTest, DetailsAndGraphsFollowTheCurrentVm)
{
    VmDetailsPanel *details = m_window->detailsPanel();
    ASSERT_NE(details, nullptr);
    QSignalSpy loaded(details, &VmDetailsPanel::detailsLoaded);
    QSignalSpy monitored(details, &VmDetailsPanel::monitoringLoaded);
    m_window->selectVm(1);
    ASSERT_TRUE(loaded.count() > 0 || loaded.wait(kWaitMs));
    EXPECT_EQ(details->vmId(), 1);
    EXPECT_TRUE(details->overviewText().contains(u"IPs: 10.0.0.11, 192.168.50.11"))
        << details->overviewText().toStdString();
    EXPECT_TRUE(details->overviewText().contains(u"Lock: not locked")) << details->overviewText().toStdString();
    EXPECT_FALSE(details->templateView()->toPlainText().isEmpty());
    EXPECT_TRUE(details->templateView()->isReadOnly());
    ASSERT_TRUE(monitored.count() > 0 || monitored.wait(kWaitMs));
    const QList<int> points = details->charts()->pointCounts();
    ASSERT_FALSE(points.isEmpty());
    EXPECT_GT(*std::max_element(points.begin(), points.end()), 1) << "the recorded window, not one sample";
}

TEST_F(VmAdminWindowTest, SnapshotsAreCreatedListedAndRefusedWithOnedsWords)
{
    VmDetailsPanel *details = m_window->detailsPanel();
    QSignalSpy loaded(details, &VmDetailsPanel::detailsLoaded);
    m_window->selectVm(1);
    ASSERT_TRUE(loaded.count() > 0 || loaded.wait(kWaitMs));
    const int before = details->snapshotTable()->rowCount();
    details->setAskName([] { return std::optional<QString>(u"before-upgrade"_qs); });
    QSignalSpy done(details, &VmDetailsPanel::snapshotDone);
    loaded.clear();
    details->createSnapshot();
    ASSERT_TRUE(done.wait(kWaitMs));
    EXPECT_EQ(done.first().first().toString(), QString());
    ASSERT_TRUE(loaded.count() > 0 || loaded.wait(kWaitMs)) << "the list is read again";
    EXPECT_EQ(details->snapshotTable()->rowCount(), before + 1);

    // A VM that is not running cannot be snapshotted: oned's refusal is shown, nothing is lost.
    selectVms({0});
    m_window->powerMenu()->setConfirm([](VmAction, const QList<VirtualMachine> &) { return true; });
    QSignalSpy finished(m_window->actionQueue(), &VmActionQueue::batchFinished);
    m_window->powerMenu()->action(VmAction::PoweroffHard)->trigger();
    ASSERT_TRUE(finished.wait(kWaitMs));
    loaded.clear();
    m_window->selectVm(2);
    m_window->selectVm(0);
    ASSERT_TRUE(loaded.count() > 0 || loaded.wait(kWaitMs));
    done.clear();
    details->createSnapshot();
    ASSERT_TRUE(done.wait(kWaitMs));
    EXPECT_FALSE(done.first().first().toString().isEmpty());
}

namespace {

// The console tab of a demo VM with a live desktop (DemoEnvironment, as `porthole --demo` runs it).
class VmConsoleAdminTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_demo.cloud()->setStepMs(20);
        ASSERT_TRUE(m_demo.start()) << m_demo.errorString().toStdString();
        ASSERT_FALSE(m_demo.consoleVmIds().isEmpty());
        m_vmId = m_demo.consoleVmIds().first();
        QString error;
        ASSERT_TRUE(m_localProxy.start(&error)) << error.toStdString();
        m_settings = std::make_unique<QSettings>(m_dir.filePath(u"porthole.conf"_qs), QSettings::IniFormat);
        m_settings->setValue(u"confirmCloseLive"_qs, false);
        m_window = PortholeTest::demoMainWindow(m_demo.endpoint(), &m_localProxy, m_settings.get());
        QSignalSpy done(m_window.get(), &MainWindow::refreshFinished);
        ASSERT_TRUE(done.wait(kWaitMs));
        m_window->actionQueue()->setPollInterval(50);

        qRegisterMetaType<ConsoleWindow *>();
        QSignalSpy opened(m_window.get(), &MainWindow::consoleOpened);
        m_window->selectVm(m_vmId);
        m_window->openCurrentConsole();
        ASSERT_TRUE(opened.count() > 0 || opened.wait(kWaitMs)) << m_window->lastError().toStdString();
        m_console = m_window->tabs()->console(m_window->tabs()->currentIndex());
        ASSERT_NE(m_console, nullptr);
        QSignalSpy full(m_console->session(), &RfbSession::firstFullFrame);
        ASSERT_TRUE(full.wait(kWaitMs)) << m_console->session()->errorText().toStdString();
        m_power = m_console->findChild<VmPowerMenu *>();
        ASSERT_NE(m_power, nullptr);
        m_power->setConfirm([](VmAction, const QList<VirtualMachine> &) { return true; });
    }

    bool connected() const { return m_console->session()->state() == RfbSession::State::Connected; }

    DemoEnvironment m_demo;
    int m_vmId = -1;
    QTemporaryDir m_dir;
    LocalTokenProxy m_localProxy;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    ConsoleWindow *m_console = nullptr;
    VmPowerMenu *m_power = nullptr;
};

} // namespace

TEST_F(VmConsoleAdminTest, TheConsoleNamesItsVmAndOffersItsPowerActions)
{
    const QString name = m_demo.cloud()->vm(m_vmId)->name;
    EXPECT_EQ(m_console->windowTitle(), u"%1 (%2) · running — Porthole"_qs.arg(name).arg(m_vmId));
    auto *status = m_console->findChild<QLabel *>(u"vmStatus"_qs);
    ASSERT_NE(status, nullptr);
    EXPECT_TRUE(status->text().startsWith(u"%1 (%2): running"_qs.arg(name).arg(m_vmId)))
        << status->text().toStdString();
    EXPECT_TRUE(m_power->action(VmAction::Reboot)->isEnabled());
    EXPECT_FALSE(m_power->action(VmAction::Resume)->isEnabled()) << "greyed: it runs";
    // On the console's own toolbar, not only in the main window.
    auto *bar = m_console->findChild<QToolBar *>(u"consoleToolBar"_qs);
    ASSERT_NE(bar, nullptr);
    EXPECT_TRUE(bar->actions().contains(m_power->menu()->menuAction()));
}

TEST_F(VmConsoleAdminTest, AConsoleSurvivesARebootOfItsVmAndShowsTheNewBoot)
{
    DemoDesktop *desktop = m_demo.desktop(m_vmId);
    ASSERT_NE(desktop, nullptr);
    const int boots = desktop->boots();
    QSignalSpy full(m_console->session(), &RfbSession::firstFullFrame);
    QSignalSpy finished(m_window->actionQueue(), &VmActionQueue::batchFinished);
    m_power->action(VmAction::Reboot)->trigger();
    ASSERT_TRUE(finished.wait(kWaitMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !connected(); }, kWaitMs)) << "the guest's display went away";
    EXPECT_TRUE(QTest::qWaitFor([&] { return m_console->overlayText().contains(u"reboot under way"); }, kWaitMs))
        << m_console->overlayText().toStdString();
    ASSERT_TRUE(full.wait(kWaitMs)) << m_console->overlayText().toStdString();
    EXPECT_TRUE(connected());
    EXPECT_EQ(desktop->boots(), boots + 1) << "the new boot is on screen";
    EXPECT_EQ(m_window->tabs()->count(), 2) << "the same tab, no second console";
}

TEST_F(VmConsoleAdminTest, APoweredOffVmsConsoleWaitsAndReconnectsWhenItIsResumed)
{
    QSignalSpy finished(m_window->actionQueue(), &VmActionQueue::batchFinished);
    m_power->action(VmAction::PoweroffHard)->trigger();
    ASSERT_TRUE(finished.wait(kWaitMs));
    ASSERT_TRUE(QTest::qWaitFor([&] { return m_console->waitingForVm() && !connected(); }, kWaitMs));
    EXPECT_TRUE(m_console->overlayText().contains(u"is poweroff: it has no console now"))
        << m_console->overlayText().toStdString();
    EXPECT_FALSE(m_console->reconnectPending()) << "no knocking while the VM is off";
    EXPECT_TRUE(m_console->windowTitle().contains(u"· poweroff"_qs)) << m_console->windowTitle().toStdString();
    EXPECT_TRUE(m_power->action(VmAction::Resume)->isEnabled());

    QSignalSpy full(m_console->session(), &RfbSession::firstFullFrame);
    finished.clear();
    m_power->action(VmAction::Resume)->trigger();
    ASSERT_TRUE(finished.wait(kWaitMs));
    ASSERT_TRUE(full.count() > 0 || full.wait(kWaitMs)) << m_console->overlayText().toStdString();
    EXPECT_FALSE(m_console->waitingForVm());
    EXPECT_TRUE(m_console->windowTitle().contains(u"· running"_qs)) << m_console->windowTitle().toStdString();
}
