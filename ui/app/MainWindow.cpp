// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/app/MainWindow.h"

#include "base/Logging.h"
#include "base/PrintableText.h"
#include "base/Redact.h"
#include "base/Sentence.h"
#include "cloud/OneClient.h"
#include "cloud/VmStates.h"
#include "console/GrabChord.h"
#include "console/ReleaseChord.h"
#include "proxy/LocalTokenProxy.h"
#include "ui/app/ThemeIcon.h"
#include "ui/console/ConsoleTabs.h"
#include "ui/console/ConsoleView.h"
#include "ui/console/ConsoleWindow.h"
#include "ui/console/VncPasswordPrompt.h"
#include "ui/console/WindowPlacement.h"
#include "ui/dialogs/AboutDialog.h"
#include "ui/dialogs/PowerConfirmDialog.h"
#include "ui/dialogs/ProxyPanel.h"
#include "ui/dialogs/RemedyFields.h"
#include "ui/dialogs/SettingsDialog.h"
#include "ui/dialogs/ShortcutsDialog.h"
#include "ui/dialogs/TokenInspectorDialog.h"
#include "ui/vms/VmActionQueue.h"
#include "ui/vms/VmDetailsPanel.h"
#include "ui/vms/VmFilterProxyModel.h"
#include "ui/vms/VmPowerMenu.h"
#include "ui/vms/VmTableModel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTabBar>
#include <QTableView>
#include <QTime>
#include <QToolBar>
#include <QVBoxLayout>

#include <functional>

// porthole_ui is a static library: its resources need an explicit start.
static void initResources()
{
    Q_INIT_RESOURCE(porthole);
}

namespace Porthole {

MainWindow::MainWindow(std::unique_ptr<OneClient> client, const ConnectionProfile &profile, LocalTokenProxy *localProxy,
    QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_client(std::move(client))
    , m_profile(profile)
    , m_localProxy(localProxy)
    , m_settings(settings)
{
    initResources();
    setObjectName(QStringLiteral("MainWindow"));
    m_baseTitle = tr("%1 — Porthole").arg(profile.name);
    setWindowTitle(m_baseTitle);
    setWindowIcon(QIcon(QStringLiteral(":/icons/porthole.svg")));
    m_resolver = new ConsoleResolver(m_client.get(), localProxy, this);
    m_resolver->setProfile(profile);
    m_model = new VmTableModel(this);
    m_filter = new VmFilterProxyModel(this);
    m_filter->setSourceModel(m_model);
    buildUi();
    buildActions();
    restoreLayout();

    connect(&m_refreshTimer, &QTimer::timeout, this, &MainWindow::refresh);
    setPreferences(Preferences::load(*m_settings));
    updateActions();
    // The first load starts once the window can paint, so it shows at once.
    QTimer::singleShot(0, this, &MainWindow::refresh);
}

MainWindow::~MainWindow()
{
    if (m_refreshCall)
        m_refreshCall->cancel();
}

void MainWindow::buildUi()
{
    m_tabs = new ConsoleTabs;
    m_tabs->setObjectName(QStringLiteral("tabs"));

    m_filterEdit = new QLineEdit;
    m_filterEdit->setObjectName(QStringLiteral("filter"));
    m_filterEdit->setPlaceholderText(tr("Filter by name, ID, owner or IP (Ctrl+F)"));
    m_filterEdit->setAccessibleName(tr("Filter virtual machines"));
    m_filterEdit->setClearButtonEnabled(true);
    m_filterEdit->setMinimumWidth(240);
    connect(m_filterEdit, &QLineEdit::textChanged, m_filter, &VmFilterProxyModel::setFilterText);
    // Esc clears the filter; Enter opens the console of the one VM it leaves.
    auto *clearFilter = new QAction(m_filterEdit);
    clearFilter->setShortcut(QKeySequence(Qt::Key_Escape));
    clearFilter->setShortcutContext(Qt::WidgetShortcut);
    connect(clearFilter, &QAction::triggered, m_filterEdit, &QLineEdit::clear);
    m_filterEdit->addAction(clearFilter);
    connect(m_filterEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_filter->rowCount() != 1)
            return;
        m_table->setCurrentIndex(m_filter->index(0, 0));
        m_table->selectRow(0);
        openCurrentConsole(false);
    });

    m_stateBox = new QComboBox;
    m_stateBox->setObjectName(QStringLiteral("stateFilter"));
    m_stateBox->setAccessibleName(tr("Show VMs in state"));
    m_stateBox->addItem(tr("All states"), VmFilterProxyModel::AnyState);
    m_stateBox->addItem(tr("Active"), int(VmStates::Active));
    m_stateBox->addItem(tr("Powered off"), int(VmStates::Poweroff));
    m_stateBox->addItem(tr("Pending"), int(VmStates::Pending));
    m_stateBox->addItem(tr("On hold"), int(VmStates::Hold));
    m_stateBox->addItem(tr("Stopped"), int(VmStates::Stopped));
    m_stateBox->addItem(tr("Suspended"), int(VmStates::Suspended));
    m_stateBox->addItem(tr("Undeployed"), int(VmStates::Undeployed));
    connect(m_stateBox, &QComboBox::currentIndexChanged, this,
        [this] { m_filter->setStateFilter(m_stateBox->currentData().toInt()); });

    auto *listPage = new QWidget;
    auto *layout = new QVBoxLayout(listPage);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("vmTable"));
    m_table->setAccessibleName(tr("Virtual machines"));
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(VmTableModel::Id, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several VMs at once for power actions; the current row still decides the console and details.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    // Tab leaves the list (to the details, the filter) instead of walking its cells.
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    // Every column keeps its width (a narrow list scrolls sideways instead of squeezing Name to
    // nothing); the last one takes what is left.
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    // The filter row sits above the table, so a long translated toolbar never hides it.
    auto *filterRow = new QHBoxLayout;
    filterRow->setContentsMargins(6, 6, 6, 0);
    filterRow->addWidget(m_filterEdit, 1);
    filterRow->addWidget(m_stateBox);
    layout->addLayout(filterRow);
    m_details = new VmDetailsPanel(m_client.get());
    auto *split = new QSplitter(Qt::Horizontal);
    split->setObjectName(QStringLiteral("vmSplit"));
    split->setChildrenCollapsible(true);
    split->addWidget(m_table);
    // Scrolled: the panel's tabs and graphs must not set the window's smallest size.
    auto *detailsScroll = new QScrollArea;
    detailsScroll->setObjectName(QStringLiteral("vmDetailsScroll"));
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setFrameShape(QFrame::NoFrame);
    detailsScroll->setWidget(m_details);
    split->addWidget(detailsScroll);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    // The list first: three fifths of the width to start with, whatever the panel's size hint.
    split->setSizes({3000, 2000});
    layout->addWidget(split);
    // Over the empty table when the filter leaves nothing: says so, and how to get the VMs back.
    m_noMatch = new QLabel(m_table->viewport());
    m_noMatch->setObjectName(QStringLiteral("noMatch"));
    m_noMatch->setAlignment(Qt::AlignCenter);
    m_noMatch->setWordWrap(true);
    m_noMatch->setEnabled(false); // drawn in the palette's disabled (grey) colour
    m_noMatch->hide();
    m_table->viewport()->installEventFilter(this);
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &MainWindow::updateShownCount);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &MainWindow::updateShownCount);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateShownCount);
    m_tabs->addTab(listPage, tr("Virtual machines"));
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    m_tabs->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    setCentralWidget(m_tabs);

    m_statusLabel = new QLabel;
    m_statusLabel->setObjectName(QStringLiteral("status"));
    statusBar()->addWidget(m_statusLabel, 1);
    m_refreshBar = new QProgressBar;
    m_refreshBar->setRange(0, 0);
    m_refreshBar->setMaximumWidth(120);
    m_refreshBar->setMaximumHeight(14);
    m_refreshBar->setTextVisible(false);
    m_refreshBar->setAccessibleName(tr("Refreshing"));
    m_refreshBar->hide();
    statusBar()->addPermanentWidget(m_refreshBar);

    // The title names the console in front: "VM name (ID) — Porthole".
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateTitle);
    // One status bar: a console tab brings its own (keyboard, VM state, statistics); the VM
    // list's comes back with the list.
    connect(m_tabs, &QTabWidget::currentChanged, this,
        [this](int index) { statusBar()->setVisible(m_tabs->console(index) == nullptr); });
    connect(m_table, &QTableView::activated, this, [this] { openCurrentConsole(false); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        const std::optional<VirtualMachine> vm = currentVm();
        m_details->showVm(vm ? vm->id : -1);
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions);
    m_tabs->tabBar()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tabs->tabBar(), &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const int index = m_tabs->tabBar()->tabAt(pos);
        if (index <= 0)
            return;
        QMenu menu;
        menu.addAction(tr("&Detach to a window"), this, [this, index] { detachTab(index); });
        menu.addAction(tr("&Close"), this, [this, index] { closeTab(index); });
        menu.exec(m_tabs->tabBar()->mapToGlobal(pos));
    });
}

void MainWindow::buildActions()
{
    auto make = [this](const QString &text, const QString &name, const QKeySequence &key = {}) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        return a;
    };
    m_refreshAction = make(tr("&Refresh"), QStringLiteral("actionRefresh"), QKeySequence::Refresh);
    m_refreshAction->setIcon(ThemeIcon::named(QStringLiteral("view-refresh")));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);
    m_openAction = make(tr("&Open console"), QStringLiteral("actionOpenConsole"));
    m_openAction->setIcon(ThemeIcon::named(QStringLiteral("utilities-terminal")));
    connect(m_openAction, &QAction::triggered, this, [this] { openCurrentConsole(false); });
    m_openWindowAction
        = make(tr("Open in new &window"), QStringLiteral("actionOpenWindow"), QKeySequence(tr("Ctrl+Shift+O")));
    m_openWindowAction->setIcon(ThemeIcon::named(QStringLiteral("window-new")));
    connect(m_openWindowAction, &QAction::triggered, this, [this] { openCurrentConsole(true); });
    m_copyUrlAction = make(tr("Copy console &URL"), QStringLiteral("actionCopyUrl"));
    m_copyUrlAction->setIcon(ThemeIcon::named(QStringLiteral("edit-copy")));
    connect(m_copyUrlAction, &QAction::triggered, this, [this] { copyConsoleUrl(false); });
    m_copyNoVncAction = make(tr("Copy &noVNC URL"), QStringLiteral("actionCopyNoVnc"));
    connect(m_copyNoVncAction, &QAction::triggered, this, [this] { copyConsoleUrl(true); });
    m_tokenAction = make(tr("&Token details…"), QStringLiteral("actionTokenDetails"));
    m_tokenAction->setIcon(ThemeIcon::named(QStringLiteral("dialog-information")));
    connect(m_tokenAction, &QAction::triggered, this, &MainWindow::showTokenDetails);
    m_copyIdAction = make(tr("Copy VM &ID"), QStringLiteral("actionCopyId"));
    connect(m_copyIdAction, &QAction::triggered, this, &MainWindow::copyVmId);
    m_remoteViewerAction = make(tr("Open in re&mote-viewer"), QStringLiteral("actionOpenRemoteViewer"));
    connect(m_remoteViewerAction, &QAction::triggered, this, &MainWindow::openInRemoteViewer);
    m_externalViewerAction = make(tr("Open in e&xternal viewer"), QStringLiteral("actionOpenExternalViewer"));
    connect(m_externalViewerAction, &QAction::triggered, this, &MainWindow::openInExternalViewer);
    m_openUrlAction = make(tr("Open console &URL…"), QStringLiteral("actionOpenUrl"), QKeySequence(tr("Ctrl+L")));
    connect(m_openUrlAction, &QAction::triggered, this, &MainWindow::openUrlPrompt);
    auto *focusFilter = make(tr("Filter"), QStringLiteral("actionFocusFilter"), QKeySequence::Find);
    connect(focusFilter, &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex(0);
        m_filterEdit->setFocus();
        m_filterEdit->selectAll();
    });
    addAction(focusFilter);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openUrlAction);
    auto *settingsAction = file->addAction(tr("&Settings…"), QKeySequence(tr("Ctrl+,")), this, [this] {
        auto *dialog = new SettingsDialog(m_settings, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog] { setPreferences(dialog->preferences()); });
        dialog->open();
    });
    settingsAction->setObjectName(QStringLiteral("actionSettings"));
    file->addSeparator();
    // Back to the sign-in dialog: another profile, or this one with its proxy URL or console
    // mode fixed, without quitting. The consoles of this session close with it.
    QAction *signOut = file->addAction(tr("Sign &out / switch profile…"), this, &MainWindow::signOutRequested);
    signOut->setObjectName(QStringLiteral("actionSignOut"));
    signOut->setShortcut(QKeySequence(tr("Ctrl+Shift+Q")));
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    QMenu *vm = menuBar()->addMenu(tr("&VM"));
    for (QAction *a : {m_openAction, m_openWindowAction, m_remoteViewerAction, m_externalViewerAction, m_copyUrlAction,
             m_copyNoVncAction, m_tokenAction, m_copyIdAction})
        vm->addAction(a);
    QMenu *view = menuBar()->addMenu(tr("Vie&w"));
    view->addAction(m_refreshAction);
    view->addAction(focusFilter);

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    QAction *inspector = tools->addAction(tr("Token &inspector…"), QKeySequence(tr("Ctrl+I")), this, [this] {
        auto *dialog = new TokenInspectorDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->setProxyUrl(m_profile.effectiveConsoleProxyUrl());
        dialog->show();
    });
    inspector->setObjectName(QStringLiteral("actionTokenInspector"));
    QAction *proxyPanel = tools->addAction(tr("Local token &proxy…"), this, [this] {
        if (!m_localProxy)
            return;
        auto *panel = new ProxyPanel(m_localProxy, this);
        panel->setObjectName(QStringLiteral("proxyPanel"));
        panel->setAttribute(Qt::WA_DeleteOnClose);
        panel->show();
    });
    proxyPanel->setObjectName(QStringLiteral("actionProxyPanel"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *shortcuts = help->addAction(tr("&Keyboard shortcuts…"), this, &MainWindow::showShortcuts);
    shortcuts->setObjectName(QStringLiteral("actionShortcuts"));
    help->addAction(tr("&About Porthole"), this, [this] {
        auto *about = new AboutDialog(this);
        about->setAttribute(Qt::WA_DeleteOnClose);
        about->open();
    });

    QToolBar *bar = addToolBar(tr("Virtual machines"));
    bar->setObjectName(QStringLiteral("vmToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_refreshAction);
    bar->addSeparator();
    bar->addAction(m_openAction);
    bar->addAction(m_openWindowAction);
    bar->addAction(m_copyUrlAction);
    bar->addAction(m_tokenAction);
    buildPowerActions(vm, bar);
    // Refresh and Open console keep their words; the rest show icons named by their tooltips,
    // so the bar fits the window in German and French too.
    for (QAction *a : bar->actions()) {
        if (a != m_refreshAction && a != m_openAction)
            a->setPriority(QAction::LowPriority);
    }

    connect(m_table, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_table->indexAt(pos);
        if (!index.isValid())
            return;
        // A right click inside the selection keeps it (several VMs); elsewhere it selects that row.
        if (!m_table->selectionModel()->isSelected(index))
            m_table->setCurrentIndex(index);
        QMenu menu;
        for (QAction *a : {m_openAction, m_openWindowAction, m_remoteViewerAction, m_externalViewerAction,
                 m_copyUrlAction, m_copyNoVncAction, m_tokenAction, m_copyIdAction})
            menu.addAction(a);
        menu.addSeparator();
        menu.addMenu(m_power->menu());
        menu.setToolTipsVisible(true);
        menu.exec(m_table->viewport()->mapToGlobal(pos));
    });
    vm->setToolTipsVisible(true);
}

void MainWindow::buildPowerActions(QMenu *vmMenu, QToolBar *bar)
{
    m_power = new VmPowerMenu(this);
    m_actionQueue = new VmActionQueue(m_client.get(), this);
    vmMenu->addSeparator();
    vmMenu->addMenu(m_power->menu());
    bar->addSeparator();
    for (VmAction a : {VmAction::Resume, VmAction::Reboot, VmAction::Poweroff, VmAction::Terminate})
        bar->addAction(m_power->action(a));
    m_power->menu()->menuAction()->setIcon(ThemeIcon::named(QStringLiteral("system-shutdown")));
    connect(m_power, &VmPowerMenu::requested, this, &MainWindow::runPowerAction);
    connect(m_actionQueue, &VmActionQueue::observed, m_model, &VmTableModel::updateVm);
    connect(m_actionQueue, &VmActionQueue::observed, this, &MainWindow::updateConsoleVm);
    connect(m_actionQueue, &VmActionQueue::pendingChanged, this,
        [this](int vmId) { m_model->setPending(vmId, m_actionQueue->pendingText(vmId)); });
    connect(m_actionQueue, &VmActionQueue::batchFinished, this,
        [this](VmAction action, const QList<VmActionQueue::Result> &results) {
            QStringList lines;
            for (const VmActionQueue::Result &r : results)
                lines << (r.ok ? tr("%1 (%2): %3").arg(r.vmName).arg(r.vmId).arg(r.message)
                               : tr("%1 (%2) refused: %3").arg(r.vmName).arg(r.vmId).arg(r.message));
            m_lastPowerResult = lines.join(u'\n');
            if (results.size() == 1) {
                m_statusLabel->setText(lines.first());
            } else {
                // One result per VM, without blocking the window.
                auto *box = new QMessageBox(QMessageBox::Information, tr("%1 — Porthole").arg(VmActions::name(action)),
                    m_lastPowerResult, QMessageBox::Ok, this);
                box->setObjectName(QStringLiteral("powerResults"));
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            }
            refresh();
        });
    connect(m_actionQueue, &VmActionQueue::vmFinished, this, [this](const VmActionQueue::Result &r) {
        if (!r.ok && m_actionQueue->pendingCount() == 0)
            m_lastError = r.message;
    });
}

void MainWindow::runPowerAction(VmAction action, const QList<VirtualMachine> &vms)
{
    const QString label = PowerConfirmDialog::plainLabel(action).toLower();
    for (const VirtualMachine &vm : vms) {
        if (ConsoleWindow *console = consoleOfVm(vm.id))
            console->noteVmAction(label);
    }
    m_actionQueue->run(action, vms);
}

void MainWindow::updateConsoleVm(const VirtualMachine &vm)
{
    ConsoleWindow *console = consoleOfVm(vm.id);
    if (!console)
        return;
    console->setVm(vm);
    if (auto *power = console->findChild<VmPowerMenu *>())
        power->setVms({vm});
}

QList<VirtualMachine> MainWindow::selectedVms() const
{
    QList<VirtualMachine> vms;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &row : rows)
        vms << row.data(VmTableModel::VmRole).value<VirtualMachine>();
    std::sort(vms.begin(), vms.end(), [](const auto &a, const auto &b) { return a.id < b.id; });
    if (vms.isEmpty()) {
        if (const std::optional<VirtualMachine> vm = currentVm())
            vms << *vm;
    }
    return vms;
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

std::optional<VirtualMachine> MainWindow::currentVm() const
{
    const QModelIndex index = m_table->currentIndex();
    if (!index.isValid())
        return std::nullopt;
    return index.data(VmTableModel::VmRole).value<VirtualMachine>();
}

void MainWindow::selectVm(int vmId)
{
    const int row = m_model->rowOfVm(vmId);
    if (row < 0)
        return;
    const QModelIndex index = m_filter->mapFromSource(m_model->index(row, 0));
    m_table->setCurrentIndex(index);
    m_table->selectRow(index.row());
}

QUrl MainWindow::noVncPage() const
{
    if (m_profile.usesTokens() && !m_profile.effectiveConsoleProxyUrl().isEmpty()) {
        QUrl page = m_profile.effectiveConsoleProxyUrl();
        page.setScheme(page.scheme() == QLatin1String("wss") ? QStringLiteral("https") : QStringLiteral("http"));
        page.setPath(QStringLiteral("/vnc.html"));
        page.setQuery(QString());
        return page;
    }
    if (m_profile.consoleAccess == ConnectionProfile::ConsoleAccess::LocalProxy && m_localProxy)
        return m_localProxy->noVncPage();
    return {};
}

QString MainWindow::noVncUnavailableReason() const
{
    if (m_profile.consoleAccess == ConnectionProfile::ConsoleAccess::Direct
        || m_profile.consoleAccess == ConnectionProfile::ConsoleAccess::SshJump)
        return tr("noVNC needs a WebSocket proxy; this profile reaches consoles over plain TCP.");
    if (noVncPage().isEmpty()) {
        if (m_profile.consoleAccess == ConnectionProfile::ConsoleAccess::LocalProxy)
            return tr(
                "The local proxy is not running, or noVNC is not installed for it to serve (Debian package novnc).");
        return tr("No console proxy is set for this profile.");
    }
    return {};
}

void MainWindow::updateActions()
{
    const std::optional<VirtualMachine> vm = currentVm();
    const QString why = vm ? m_resolver->whyNoConsole(*vm) : tr("Select a VM first.");
    for (QAction *a : {m_openAction, m_openWindowAction, m_copyUrlAction, m_tokenAction}) {
        a->setEnabled(why.isEmpty());
        a->setToolTip(why.isEmpty() ? a->text().remove(QLatin1Char('&')) : why);
    }
    const QString noVnc = why.isEmpty() ? noVncUnavailableReason() : why;
    m_copyNoVncAction->setEnabled(noVnc.isEmpty());
    m_copyNoVncAction->setToolTip(noVnc.isEmpty() ? tr("Copy a noVNC page URL that opens this console") : noVnc);
    m_externalViewerAction->setEnabled(why.isEmpty());
    m_externalViewerAction->setToolTip(
        why.isEmpty() ? tr("Show this console in a VNC viewer outside Porthole (remote-viewer or TigerVNC)") : why);
    QString noSpice = tr("Select a VM first.");
    if (vm && m_resolver->spiceUrl(*vm, &noSpice))
        noSpice.clear();
    m_remoteViewerAction->setEnabled(noSpice.isEmpty());
    m_remoteViewerAction->setToolTip(noSpice.isEmpty() ? tr("Open this SPICE console in remote-viewer") : noSpice);
    m_copyIdAction->setEnabled(vm.has_value());
    m_copyIdAction->setToolTip(vm ? tr("Copy %1 to the clipboard").arg(vm->id) : tr("Select a VM first."));
    if (m_power)
        m_power->setVms(selectedVms());
}

void MainWindow::updateShownCount()
{
    const int shown = m_filter->rowCount();
    const int all = m_model->rowCount();
    const bool filtered = !m_filter->filterText().isEmpty() || m_filter->stateFilter() != VmFilterProxyModel::AnyState;
    m_noMatch->setVisible(filtered && shown == 0 && all > 0);
    if (m_noMatch->isVisible()) {
        m_noMatch->setText(tr("No VM matches the filter. Press Esc in the filter to show all %n VM(s).", nullptr, all));
        m_noMatch->setGeometry(m_table->viewport()->rect().adjusted(12, 12, -12, -12));
    }
    if (m_updatedAt.isEmpty())
        return; // still loading: the status line says so
    m_statusLabel->setText(filtered ? tr("%1 of %n VM(s) shown, updated %2", nullptr, all).arg(shown).arg(m_updatedAt)
                                    : tr("%n VM(s), updated %1", nullptr, all).arg(m_updatedAt));
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize && m_noMatch->isVisible())
        m_noMatch->setGeometry(m_table->viewport()->rect().adjusted(12, 12, -12, -12));
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::showShortcuts()
{
    auto *dialog = new ShortcutsDialog(this);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // This window's actions: the menus' and the window's own (Ctrl+F).
    QList<QAction *> mine = actions();
    const std::function<void(const QList<QAction *> &)> collect = [&](const QList<QAction *> &list) {
        for (QAction *a : list) {
            mine << a;
            if (a->menu())
                collect(a->menu()->actions());
        }
    };
    collect(menuBar()->actions());
    dialog->addSection(tr("Main window"), mine);
    const QString console = tr("Console");
    const ReleaseChord chord = ReleaseChord::fromText(m_preferences.releaseChord).value_or(ReleaseChord());
    dialog->addLine(
        console, tr("Give the keyboard back to Porthole (press and release together)"), chord.displayText());
    dialog->addLine(console, tr("Grab or let go of the keyboard (Alt+Tab to the VM)"), GrabChord::text());
    // A console's own actions, from a console that is open (they are the same for all).
    ConsoleWindow *open = m_tabs->console(m_tabs->currentIndex());
    for (int i = 1; !open && i < m_tabs->count(); ++i)
        open = m_tabs->console(i);
    for (const QPointer<ConsoleWindow> &window : std::as_const(m_windows)) {
        if (!open && window)
            open = window;
    }
    if (open)
        dialog->addSection(console, open->findChildren<QAction *>());
    else
        dialog->addLine(console, tr("Full screen (once the keyboard is Porthole's)"),
            QKeySequence(Qt::Key_F11).toString(QKeySequence::NativeText));
    dialog->show();
}

void MainWindow::setBaseTitle(const QString &title)
{
    m_baseTitle = title;
    updateTitle();
}

void MainWindow::updateTitle()
{
    const ConsoleWindow *current = m_tabs->console(m_tabs->currentIndex());
    setWindowTitle(current ? current->windowTitle() : m_baseTitle);
}

void MainWindow::setRefreshInterval(int seconds)
{
    m_refreshIntervalS = qMax(0, seconds);
    if (m_refreshIntervalS > 0)
        m_refreshTimer.start(m_refreshIntervalS * 1000);
    else
        m_refreshTimer.stop();
}

void MainWindow::refresh()
{
    if (m_refreshCall || !m_client)
        return; // one at a time: a slow cloud must not pile up calls
    m_refreshCall = m_client->vms(OneClient::VmQuery {});
    connect(m_refreshCall, &OneCall::finished, this, &MainWindow::onRefreshFinished);
    connect(m_refreshCall, &OneCall::progress, this,
        [this](const QString &what) { m_statusLabel->setText(tr("Loading VMs… %1").arg(what)); });
    m_refreshBar->show();
    m_refreshAction->setEnabled(false);
    if (m_model->rowCount() == 0)
        m_statusLabel->setText(tr("Loading VMs from %1…").arg(m_profile.endpoint.host()));
    Q_EMIT refreshStarted();
}

void MainWindow::onRefreshFinished()
{
    OneCall *call = m_refreshCall;
    m_refreshCall = nullptr;
    m_refreshBar->hide();
    m_refreshAction->setEnabled(true);
    if (!call)
        return;
    if (!call->succeeded()) {
        m_lastError = RemedyFields::sentence(call->error().message(), call->error().remedies());
        m_statusLabel->setText(
            tr("Refresh failed at %1: %2").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")), m_lastError));
        Q_EMIT refreshFinished(false);
        return;
    }
    // The scroll position survives because rows change in place; the
    // scroll bar is put back anyway in case rows above it went away.
    const int scroll = m_table->verticalScrollBar()->value();
    m_model->setVms(call->resultAs<QList<VirtualMachine>>());
    m_table->verticalScrollBar()->setValue(scroll);
    m_details->refresh(); // details and graphs refresh with the list
    const QList<ConsoleWindow *> consoles = allConsoles();
    for (ConsoleWindow *console : consoles) {
        const QVariant vmId = console->property("portholeVmId");
        if (const int row = vmId.isValid() ? m_model->rowOfVm(vmId.toInt()) : -1; row >= 0)
            updateConsoleVm(*m_model->vmAt(row));
    }
    if (m_table->horizontalHeader()->sectionSize(VmTableModel::Id) < 10 || !m_table->property("sized").toBool()) {
        // Fit the columns to their contents once; a long VM name does not take the whole list.
        for (int c = 0; c < VmTableModel::ColumnCount; ++c)
            m_table->resizeColumnToContents(c);
        QHeaderView *header = m_table->horizontalHeader();
        header->resizeSection(VmTableModel::Name, qBound(120, header->sectionSize(VmTableModel::Name), 320));
        m_table->setProperty("sized", true);
    }
    // Widths saved by a session in another language may be too narrow for this one's headers.
    QHeaderView *header = m_table->horizontalHeader();
    for (int c = 0; c < VmTableModel::ColumnCount; ++c) {
        if (header->sectionSize(c) < header->sectionSizeHint(c))
            header->resizeSection(c, header->sectionSizeHint(c));
    }
    // The first load reopens the consoles that were open at the last quit.
    if (!m_restoredTabs) {
        m_restoredTabs = true;
        // Earlier versions keyed the list by the profile's name.
        const QString byName
            = QStringLiteral("mainWindow/openConsoles/") + QString::fromLatin1(m_profile.name.toUtf8().toHex());
        const QVariant saved = m_settings->value(openTabsKey(), m_settings->value(byName));
        m_settings->remove(byName);
        for (const QVariant &id : saved.toList()) {
            const int row = m_model->rowOfVm(id.toInt());
            if (row >= 0 && m_resolver->whyNoConsole(*m_model->vmAt(row)).isEmpty())
                openVmConsole(*m_model->vmAt(row), false);
        }
    }
    // The first load puts the cursor on the first row, so Enter and the
    // keyboard work at once.
    if (!m_table->currentIndex().isValid() && m_filter->rowCount() > 0) {
        m_table->setCurrentIndex(m_filter->index(0, 0));
        m_table->selectRow(0);
    }
    m_updatedAt = QTime::currentTime().toString(QStringLiteral("HH:mm:ss"));
    updateShownCount();
    updateActions();
    Q_EMIT refreshFinished(true);
}

void MainWindow::reportFailure(const QString &message)
{
    m_lastError = message;
    statusBar()->showMessage(asSentence(message), 15000);
    qCInfo(lcUi) << "console:" << message;
    Q_EMIT consoleFailed(message);
}

void MainWindow::openCurrentConsole(bool newWindow)
{
    if (const std::optional<VirtualMachine> vm = currentVm())
        openVmConsole(*vm, newWindow);
}

void MainWindow::setConfirmCloseLive(bool confirm)
{
    m_preferences.confirmCloseLive = confirm;
    m_tabs->setConfirmCloseLive(confirm);
}

void MainWindow::setPreferences(const Preferences &preferences)
{
    m_preferences = preferences;
    setRefreshInterval(preferences.refreshInterval);
    m_tabs->setConfirmCloseLive(preferences.confirmCloseLive);
}

static QString vmKey(int vmId)
{
    return QStringLiteral("vm:%1").arg(vmId);
}

ConsoleWindow *MainWindow::consoleOfVm(int vmId) const
{
    if (const int index = m_tabs->indexOfKey(vmKey(vmId)); index >= 0)
        return m_tabs->console(index);
    for (const QPointer<ConsoleWindow> &window : m_windows) {
        if (window && ConsoleTabs::key(window) == vmKey(vmId))
            return window;
    }
    return nullptr;
}

bool MainWindow::focusConsoleOfVm(int vmId)
{
    ConsoleWindow *console = consoleOfVm(vmId);
    if (!console)
        return false;
    if (m_tabs->indexOf(console) >= 0)
        m_tabs->focusConsole(vmKey(vmId));
    // The window that shows it: the main window, its own, or its full-screen one.
    QWidget *shown = console->fullScreenWindow() ? console->fullScreenWindow() : console->window();
    shown->show();
    shown->raise();
    shown->activateWindow();
    return true;
}

QString MainWindow::vmTitle(const VirtualMachine &vm)
{
    // Whoever may name a VM writes this: control characters are shown, not obeyed.
    return tr("%1 (%2)").arg(printableText(vm.name)).arg(vm.id);
}

void MainWindow::openVmConsole(const VirtualMachine &vm, bool newWindow)
{
    // One console per VM: an open one (tab or window) comes to the front instead.
    if (focusConsoleOfVm(vm.id) || m_resolving.contains(vm.id))
        return;
    const QString title = vmTitle(vm);
    const int vmId = vm.id;
    m_resolving.insert(vmId);
    m_resolver->resolve(vm, this, [this, title, newWindow, vmId](const ConsoleResolver::Resolution &r) {
        m_resolving.remove(vmId);
        if (!r.url)
            return reportFailure(RemedyFields::sentence(r.error, r.remedies));
        if (focusConsoleOfVm(vmId))
            return; // opened while this one was resolved
        openConsole(*r.url, title, newWindow, vmId);
    });
}

QString MainWindow::profileId() const
{
    return m_profileId.isEmpty() ? m_profile.credentialKey() : m_profileId;
}

QString MainWindow::openTabsKey() const
{
    // Per profile: VM IDs mean nothing on another cloud. URLs are not kept (they hold tokens).
    return QStringLiteral("mainWindow/openConsoles/") + QString::fromLatin1(profileId().toUtf8().toHex());
}

void MainWindow::openConsoleUrl(const ConsoleUrl &url, const QString &title, bool newWindow)
{
    openConsole(url, title, newWindow, -1);
}

RfbSession::Options MainWindow::consoleOptions(const ConsoleUrl &url) const
{
    RfbSession::Options options = m_preferences.applyTo(RfbSession::Options());
    options.password = url.password();
    if (url.encrypt())
        options.wssCaFile = m_profile.caFile;
    return options;
}

ConsoleWindow *MainWindow::openConsole(const ConsoleUrl &url, const QString &title, bool newWindow, int vmId)
{
    auto *window = new ConsoleWindow(url, consoleOptions(url));
    window->setProperty("portholeTitle", title);
    if (vmId >= 0) {
        // Which VM it shows: for the tab layout and for finding it again (one console per VM).
        window->setProperty("portholeVmId", vmId);
        window->setProperty("portholeConsoleKey", vmKey(vmId));
        window->setFreshUrlSource([this, vmId](ConsoleWindow *console, ConsoleWindow::FreshUrlCallback done) {
            // Asked when the console's token was refused: that token must not come back.
            m_resolver->tokenRefused(console->url().token());
            const int row = m_model->rowOfVm(vmId);
            if (row < 0)
                return done(std::nullopt, tr("VM %1 is no longer in the list.").arg(vmId));
            m_resolver->resolve(*m_model->vmAt(row), console, [done](const ConsoleResolver::Resolution &r) {
                done(r.url, RemedyFields::sentence(r.error, r.remedies));
            });
        });
        // The VM's power actions in its console, with the same guards as in the list.
        auto *power = new VmPowerMenu(window);
        window->addToolMenu(power->menu());
        connect(power, &VmPowerMenu::requested, this, &MainWindow::runPowerAction);
    }
    // Put back in a tab with Ctrl+Shift+D, or from the toolbar when detached.
    auto *attach = new QAction(tr("Attach to main window"), window);
    attach->setObjectName(QStringLiteral("actionAttach"));
    attach->setShortcut(QKeySequence(tr("Ctrl+Shift+D")));
    attach->setVisible(false);
    attach->setIcon(ThemeIcon::named(QStringLiteral("view-restore")));
    attach->setPriority(QAction::LowPriority);
    connect(attach, &QAction::triggered, this, [this, window] { attachWindow(window); });
    window->addAction(attach);
    if (auto *bar = window->findChild<QToolBar *>())
        bar->addAction(attach);
    m_preferences.applyTo(window);
    // A server that wants a password we lack: ask, then put a console with it in this one's place.
    VncPasswordPrompt::watch(window, title, this, [this, window, url, title, newWindow, vmId](const QString &password) {
        ConsoleUrl withPassword = url;
        withPassword.setPassword(password);
        const bool inTab = m_tabs->indexOf(window) >= 0;
        // The old one gives up its VM first, so the new one is not taken for a duplicate.
        window->setProperty("portholeConsoleKey", QVariant());
        ConsoleWindow *replacement = openConsole(withPassword, title, newWindow && !inTab, vmId);
        if (inTab)
            m_tabs->replaceConsole(window, replacement);
        else
            window->deleteLater();
        window->close();
    });
    if (newWindow) {
        WindowPlacement::prepare(window, window->size(), this);
        window->setAttribute(Qt::WA_DeleteOnClose);
        attach->setVisible(true);
        m_windows << window;
        window->show();
    } else {
        connect(window, &QWidget::windowTitleChanged, this, &MainWindow::updateTitle, Qt::UniqueConnection);
        m_tabs->addConsole(window, title);
    }
    // Its VM as the list has it, once the console can be found by it.
    if (const int row = vmId >= 0 ? m_model->rowOfVm(vmId) : -1; row >= 0)
        updateConsoleVm(*m_model->vmAt(row));
    Q_EMIT consoleOpened(window);
    return window;
}

void MainWindow::openUrlPrompt()
{
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Open console URL"),
        tr("A console URL: ws[s]://…?token=…, a noVNC page URL, Sunstone's ?socket= form, or vnc://host:port"),
        QLineEdit::Normal, QGuiApplication::clipboard()->text().trimmed().left(2000), &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    QString error;
    const std::optional<ConsoleUrl> url = ConsoleUrl::parse(text.trimmed(), &error);
    if (!url) {
        QMessageBox::warning(
            this, tr("Open console URL"), tr("This is not a console URL Porthole understands: %1").arg(error));
        return;
    }
    openConsoleUrl(*url, url->host(), false);
}

void MainWindow::detachTab(int index)
{
    // A full-screen console comes back to its tab first, then leaves it.
    if (ConsoleWindow *console = m_tabs->console(index))
        console->setFullScreen(false);
    ConsoleWindow *window = m_tabs->takeConsole(index);
    if (!window)
        return;
    window->setParent(nullptr, Qt::Window);
    // As large as it was in the tab, fitted to this screen, placed by the window manager.
    WindowPlacement::prepare(window, window->size(), this);
    window->setAttribute(Qt::WA_DeleteOnClose);
    if (QAction *attach = window->findChild<QAction *>(QStringLiteral("actionAttach")))
        attach->setVisible(true);
    m_windows << window;
    window->show();
}

void MainWindow::attachWindow(ConsoleWindow *window)
{
    if (!window || m_tabs->indexOf(window) >= 0)
        return;
    window->setFullScreen(false);
    m_windows.removeAll(window);
    window->setAttribute(Qt::WA_DeleteOnClose, false);
    if (QAction *attach = window->findChild<QAction *>(QStringLiteral("actionAttach")))
        attach->setVisible(false);
    connect(window, &QWidget::windowTitleChanged, this, &MainWindow::updateTitle, Qt::UniqueConnection);
    m_tabs->addConsole(window, ConsoleTabs::title(window));
    activateWindow();
}

bool MainWindow::closeTab(int index)
{
    return m_tabs->closeConsole(index);
}

void MainWindow::copyConsoleUrl(bool noVnc)
{
    const std::optional<VirtualMachine> vm = currentVm();
    if (!vm)
        return;
    m_resolver->resolve(*vm, this, [this, noVnc](const ConsoleResolver::Resolution &r) {
        if (!r.url)
            return reportFailure(RemedyFields::sentence(r.error, r.remedies));
        const QString text = noVnc ? r.url->noVncUrl(noVncPage()).toString() : r.url->connectUrl().toString();
        QGuiApplication::clipboard()->setText(text);
        statusBar()->showMessage(noVnc ? tr("noVNC URL copied: %1").arg(r.url->displayString())
                                       : tr("Console URL copied: %1").arg(r.url->displayString()),
            8000);
    });
}

void MainWindow::openInRemoteViewer()
{
    const std::optional<VirtualMachine> vm = currentVm();
    if (!vm)
        return;
    QString error;
    const std::optional<ConsoleUrl> url = m_resolver->spiceUrl(*vm, &error);
    if (!url)
        return reportFailure(error);
    startExternalViewer(*url, ExternalViewer::Protocol::Spice, vmTitle(*vm));
}

void MainWindow::openInExternalViewer()
{
    const std::optional<VirtualMachine> vm = currentVm();
    if (!vm)
        return;
    const QString title = vmTitle(*vm);
    m_resolver->resolve(*vm, this, [this, title](const ConsoleResolver::Resolution &r) {
        if (!r.url)
            return reportFailure(RemedyFields::sentence(r.error, r.remedies));
        startExternalViewer(*r.url, ExternalViewer::Protocol::Vnc, title);
    });
}

void MainWindow::startExternalViewer(const ConsoleUrl &url, ExternalViewer::Protocol protocol, const QString &title)
{
    auto *viewer = new ExternalViewer(this);
    viewer->setObjectName(QStringLiteral("externalViewer"));
    QString error;
    if (!viewer->open(url, consoleOptions(url), protocol, title, &error)) {
        delete viewer;
        return reportFailure(error);
    }
    if (viewer->forwardedPort() == 0) {
        // Detached: remote-viewer dials the console itself and lives on after Porthole.
        delete viewer;
        statusBar()->showMessage(tr("%1 opened in remote-viewer.").arg(title), 8000);
        return;
    }
    statusBar()->showMessage(
        tr("%1 opened in an external viewer through 127.0.0.1:%2.").arg(title).arg(viewer->forwardedPort()), 8000);
    connect(viewer, &ExternalViewer::finished, this, [this, viewer](const QString &text) {
        if (!text.isEmpty())
            reportFailure(text);
        viewer->deleteLater();
    });
}

void MainWindow::showTokenDetails()
{
    const std::optional<VirtualMachine> vm = currentVm();
    if (!vm)
        return;
    // addon-vnctoken keeps one token per VM and replaces it on every request: asking for one
    // now would cut the open console off at its next reconnect. Probe the console's own instead.
    if (const ConsoleWindow *open = consoleOfVm(vm->id); open && !open->url().token().isEmpty()) {
        ConsoleResolver::Resolution r;
        r.url = open->url();
        if (open->options().password)
            r.url->setPassword(*open->options().password);
        r.how = tr("the open console's token (left as it is)");
        return showTokenInspector(*vm, r);
    }
    m_resolver->resolve(*vm, this, [this, vm](const ConsoleResolver::Resolution &r) {
        if (!r.url)
            return reportFailure(RemedyFields::sentence(r.error, r.remedies));
        showTokenInspector(*vm, r);
    });
}

void MainWindow::showTokenInspector(const VirtualMachine &vm, const ConsoleResolver::Resolution &r)
{
    QStringList lines;
    lines << tr("VM: %1 (%2)").arg(vm.name).arg(vm.id);
    lines << tr("Reached by: %1").arg(r.how);
    lines << tr("Console URL: %1").arg(r.url->displayString());
    if (r.token) {
        lines << tr("Token: %1").arg(redact(r.token->token));
        lines << tr("VNC server: %1:%2 (%3)").arg(r.token->host).arg(r.token->port).arg(r.token->type);
    } else if (!r.url->token().isEmpty()) {
        lines << tr("Token: %1").arg(redact(r.url->token()));
        lines << tr("VNC server: %1:%2").arg(vm.host).arg(vm.graphics ? vm.graphics->port : -1);
    }
    lines << (r.url->password() ? tr("VNC password: set")
                                : tr("VNC password: none (asked for if the server wants one)"));
    // The details, then the probe of the very URL a console would open.
    auto *dialog = new TokenInspectorDialog(this);
    dialog->setObjectName(QStringLiteral("tokenDetails"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Token details"));
    dialog->setContext(lines.join(QLatin1Char('\n')));
    dialog->setInput(r.url->connectUrl().toString());
    if (r.url->password())
        dialog->setPassword(*r.url->password());
    dialog->show();
    dialog->run();
}

void MainWindow::copyVmId()
{
    if (const std::optional<VirtualMachine> vm = currentVm()) {
        QGuiApplication::clipboard()->setText(QString::number(vm->id));
        statusBar()->showMessage(tr("Copied VM ID %1").arg(vm->id), 4000);
    }
}

void MainWindow::restoreLayout()
{
    // The size in logical pixels (HiDPI-correct) and whether it was maximized; where the
    // window goes is the window manager's choice, so it never opens off-screen.
    const QSize saved = m_settings->value(QStringLiteral("mainWindow/size")).toSize();
    WindowPlacement::prepare(this, saved.isValid() ? saved : QSize(1000, 640));
    if (m_settings->value(QStringLiteral("mainWindow/maximized")).toBool())
        setWindowState(windowState() | Qt::WindowMaximized);
    restoreState(m_settings->value(QStringLiteral("mainWindow/state")).toByteArray());
    m_table->horizontalHeader()->restoreState(m_settings->value(QStringLiteral("mainWindow/columns")).toByteArray());
    if (m_settings->contains(QStringLiteral("mainWindow/columns")))
        m_table->setProperty("sized", true);
}

QList<ConsoleWindow *> MainWindow::allConsoles() const
{
    QList<ConsoleWindow *> consoles = m_tabs->consoles();
    for (const QPointer<ConsoleWindow> &window : std::as_const(m_windows)) {
        if (window)
            consoles << window;
    }
    return consoles;
}

void MainWindow::saveLayout()
{
    // Each VM once, tabs first, then the consoles in windows of their own (they come back as tabs).
    QVariantList open;
    const QList<ConsoleWindow *> consoles = allConsoles();
    for (const ConsoleWindow *console : consoles) {
        const QVariant id = console->property("portholeVmId");
        if (id.isValid() && !open.contains(id))
            open << id;
    }
    m_settings->setValue(openTabsKey(), open);
    m_settings->setValue(QStringLiteral("mainWindow/size"), (isMaximized() ? normalGeometry() : geometry()).size());
    m_settings->setValue(QStringLiteral("mainWindow/maximized"), isMaximized());
    // saveGeometry()'s bytes, restored in device pixels on HiDPI screens, are no longer kept.
    m_settings->remove(QStringLiteral("mainWindow/geometry"));
    m_settings->setValue(QStringLiteral("mainWindow/state"), saveState());
    m_settings->setValue(QStringLiteral("mainWindow/columns"), m_table->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // The consoles in windows of their own belong to this session too.
    int live = m_tabs->connectedCount();
    for (const QPointer<ConsoleWindow> &window : std::as_const(m_windows)) {
        if (window && window->session()->state() == RfbSession::State::Connected)
            ++live;
    }
    if (live > 0 && m_preferences.confirmCloseLive
        && QMessageBox::question(
               this, tr("Quit"), tr("%n console(s) are connected. Close them and quit?", nullptr, live))
            != QMessageBox::Yes) {
        event->ignore();
        return;
    }
    saveLayout();
    for (const QPointer<ConsoleWindow> &window : std::as_const(m_windows)) {
        if (window)
            window->close();
    }
    event->accept();
}

} // namespace Porthole
