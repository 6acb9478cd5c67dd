// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/OneCall.h"
#include "cloud/VmActions.h"
#include "console/ExternalViewer.h"
#include "console/RfbSession.h"
#include "profiles/ConnectionProfile.h"
#include "profiles/ConsoleResolver.h"
#include "ui/app/Preferences.h"
#include "ui/console/ConsoleTabs.h"

#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QSettings;
class QTableView;
class QToolBar;

namespace Porthole {

class ConsoleWindow;
class LocalTokenProxy;
class VmActionQueue;
class VmDetailsPanel;
class VmPowerMenu;
class OneClient;
class VmFilterProxyModel;
class VmTableModel;

// The VM list of one signed-in cloud, with consoles in (detachable) tabs.
// Refreshing is asynchronous, one call at a time, and merges into the model in
// place so selection and scroll position stay where they are.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(std::unique_ptr<OneClient> client, const ConnectionProfile &profile, LocalTokenProxy *localProxy,
        QSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    VmTableModel *model() const { return m_model; }
    VmFilterProxyModel *filterModel() const { return m_filter; }
    QTableView *table() const { return m_table; }
    ConsoleTabs *tabs() const { return m_tabs; }
    ConsoleResolver *resolver() const { return m_resolver; }
    bool isRefreshing() const { return m_refreshCall != nullptr; }
    QAction *action(const QString &objectName) const;
    // Seconds between automatic refreshes; 0 turns them off.
    void setRefreshInterval(int seconds);
    int refreshInterval() const { return m_refreshIntervalS; }
    // Asks before closing a console that is connected (off in tests and by the user).
    void setConfirmCloseLive(bool confirm);
    // What the user set in Settings (read at start and after the dialog); every console gets them.
    const Preferences &preferences() const { return m_preferences; }
    void setPreferences(const Preferences &preferences);
    // The VM whose row is current, if any.
    std::optional<VirtualMachine> currentVm() const;
    // The selected VMs (several with Ctrl or Shift), in table order.
    QList<VirtualMachine> selectedVms() const;
    VmPowerMenu *powerMenu() const { return m_power; }
    VmActionQueue *actionQueue() const { return m_actionQueue; }
    VmDetailsPanel *detailsPanel() const { return m_details; }
    // The result of the last power action as shown (status line for one VM, a list for several).
    QString lastPowerResult() const { return m_lastPowerResult; }
    // The console of a VM wherever it is shown (a tab or a window of its own), or null.
    ConsoleWindow *consoleOfVm(int vmId) const;
    // What the settings keep per profile (open consoles) are keyed by this, never by the
    // profile's name, which the demo translates: user@endpoint unless set (the demo sets "demo").
    QString profileId() const;
    const ConnectionProfile &profile() const { return m_profile; }
    void setProfileId(const QString &id) { m_profileId = id; }
    void selectVm(int vmId);
    QString lastError() const { return m_lastError; }
    // The title while the VM list is in front (a console in front names the console).
    void setBaseTitle(const QString &title);

public Q_SLOTS:
    void refresh();
    void openCurrentConsole(bool newWindow = false);
    void openVmConsole(const Porthole::VirtualMachine &vm, bool newWindow = false);
    void openConsoleUrl(const ConsoleUrl &url, const QString &title, bool newWindow = false);
    void openUrlPrompt();
    void detachTab(int index);
    void attachWindow(ConsoleWindow *window);
    bool closeTab(int index);

Q_SIGNALS:
    void refreshStarted();
    void refreshFinished(bool ok);
    void consoleOpened(Porthole::ConsoleWindow *window);
    void consoleFailed(const QString &message);
    // File → Sign out / switch profile: whoever made this window closes it and signs in anew.
    void signOutRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildUi();
    void updateTitle();
    void updateShownCount();
    void showShortcuts();
    void buildActions();
    void buildPowerActions(QMenu *menuBarMenu, QToolBar *bar);
    void updateActions();
    void onRefreshFinished();
    void copyConsoleUrl(bool noVnc);
    void showTokenDetails();
    void showTokenInspector(const VirtualMachine &vm, const ConsoleResolver::Resolution &r);
    void copyVmId();
    void openInRemoteViewer();
    void openInExternalViewer();
    void reportFailure(const QString &message);
    QUrl noVncPage() const;
    QString noVncUnavailableReason() const;
    void restoreLayout();
    void saveLayout();
    QString openTabsKey() const;
    bool focusConsoleOfVm(int vmId);
    // Power actions from the list or a console: consoles of those VMs expect the drop.
    void runPowerAction(VmAction action, const QList<VirtualMachine> &vms);
    // A VM as last seen goes to its console (title, status, waiting while it is off).
    void updateConsoleVm(const VirtualMachine &vm);
    // The consoles of this session: its tabs, then the windows of their own.
    QList<ConsoleWindow *> allConsoles() const;
    ConsoleWindow *openConsole(const ConsoleUrl &url, const QString &title, bool newWindow, int vmId);
    RfbSession::Options consoleOptions(const ConsoleUrl &url) const;
    static QString vmTitle(const VirtualMachine &vm);
    void startExternalViewer(const ConsoleUrl &url, ExternalViewer::Protocol protocol, const QString &title);

    std::unique_ptr<OneClient> m_client;
    ConnectionProfile m_profile;
    QPointer<LocalTokenProxy> m_localProxy;
    QSettings *m_settings;
    ConsoleResolver *m_resolver = nullptr;
    VmTableModel *m_model = nullptr;
    VmFilterProxyModel *m_filter = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_filterEdit = nullptr;
    QComboBox *m_stateBox = nullptr;
    ConsoleTabs *m_tabs = nullptr;
    QLabel *m_statusLabel = nullptr;
    QProgressBar *m_refreshBar = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_openWindowAction = nullptr;
    QAction *m_copyUrlAction = nullptr;
    QAction *m_copyNoVncAction = nullptr;
    QAction *m_tokenAction = nullptr;
    QAction *m_copyIdAction = nullptr;
    QAction *m_remoteViewerAction = nullptr;
    QAction *m_externalViewerAction = nullptr;
    QAction *m_openUrlAction = nullptr;
    QPointer<OneCall> m_refreshCall;
    QTimer m_refreshTimer;
    int m_refreshIntervalS = 30;
    Preferences m_preferences;
    bool m_restoredTabs = false;
    QString m_profileId;
    QString m_baseTitle;
    QLabel *m_noMatch = nullptr;
    QString m_updatedAt; // time of the last good refresh, for the status line
    // Consoles in windows of their own (new window, detached), which the tabs do not list.
    QList<QPointer<ConsoleWindow>> m_windows;
    QSet<int> m_resolving; // VMs whose console URL is being resolved
    QString m_lastError;
    VmPowerMenu *m_power = nullptr;
    VmActionQueue *m_actionQueue = nullptr;
    VmDetailsPanel *m_details = nullptr;
    QString m_lastPowerResult;
};

} // namespace Porthole
