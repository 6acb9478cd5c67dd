// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/VirtualMachine.h"
#include "console/ReconnectBackoff.h"
#include "console/RfbSession.h"
#include "tokens/ConsoleUrl.h"

#include <QElapsedTimer>
#include <QMainWindow>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <optional>

class QAction;
class QLabel;
class QMenu;
class QPushButton;
class QScrollArea;
class QToolBar;

namespace Porthole {

class ConsoleView;
class FullScreenBar;
class TypeTextJob;

// One console in a window: the view, a toolbar (scaling, view-only, Send Keys, type
// clipboard, clipboard sync, screenshot, full screen, reconnect), a status overlay with
// the last failure and a capped reconnect back-off, and live statistics.
class ConsoleWindow : public QMainWindow
{
    Q_OBJECT
public:
    ConsoleWindow(const ConsoleUrl &url, const RfbSession::Options &options, QWidget *parent = nullptr);
    ~ConsoleWindow() override;

    RfbSession *session() { return &m_session; }
    ConsoleView *view() { return m_view; }
    // What the session was opened with (picture settings, CA files, password).
    const RfbSession::Options &options() const { return m_options; }
    // Text of the status overlay (empty when hidden).
    QString overlayText() const;
    bool reconnectPending() const { return m_reconnectTimer.isActive(); }
    QAction *action(const QString &objectName) const;
    // Where Screenshot… proposes to save: the pictures folder, "VM name (ID)-date-time.png".
    QString screenshotSuggestion() const;

    // Where a console that came from a token gets a fresh one. addon-vnctoken and Sunstone keep
    // one token per VM and replace it on every request by anyone, so a token the proxy refuses
    // after it once worked has usually been replaced: asking again beats repeating a dead URL.
    // The source calls back once (an empty URL with a sentence on failure), or never if the
    // window is gone.
    using FreshUrlCallback = std::function<void(const std::optional<ConsoleUrl> &url, const QString &error)>;
    using FreshUrlSource = std::function<void(ConsoleWindow *window, FreshUrlCallback callback)>;
    void setFreshUrlSource(FreshUrlSource source) { m_freshUrlSource = std::move(source); }
    // The URL the console opens now (it changes when a fresh token replaces a refused one).
    const ConsoleUrl &url() const { return m_url; }

    void connectNow();
    // The Reconnect action: like connectNow(), but after a refused token it asks for a fresh one.
    void reconnect();
    void cancelReconnect();

    // Full screen wherever the console is shown: a window of its own goes full screen
    // itself (toolbar and status bar hidden); a console in a tab goes full screen alone,
    // in a window made for it, and comes back to its tab (KRDC's way).
    void setFullScreen(bool on);
    bool isConsoleFullScreen() const { return m_fullScreen; }
    // The window that shows the picture full screen (null when not full screen).
    QWidget *fullScreenWindow() const;
    FullScreenBar *fullScreenBar() const { return m_fullScreenBar; }
    // Who has the keyboard and how to change that (the status line and the overlay toolbar).
    QString keyboardStatusText() const;

    // The VM this console shows, as the list's refresh or a followed power action last saw it:
    // its name, ID and state go in the title and the status bar. While oned says the VM has no
    // console (powered off, suspended, undeployed, being deployed), the console stops retrying
    // and says why over the last picture; once the VM runs again it reconnects at once.
    void setVm(const VirtualMachine &vm);
    const std::optional<VirtualMachine> &vm() const { return m_vm; }
    bool waitingForVm() const { return m_waitingForVm; }
    // A power action was asked for the VM ("reboot"): a drop in the next minutes is expected,
    // is said to be the action's, and is retried at the first back-off step, so the console
    // shows the new boot as soon as the guest's display is back.
    void noteVmAction(const QString &action);
    // Puts a menu (the VM's power actions) on the toolbar and the full-screen bar.
    void addToolMenu(QMenu *menu);

Q_SIGNALS:
    void fullScreenChanged(bool on);

protected:
    bool event(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onStateChanged(RfbSession::State state);
    void onError(ConsoleError error, const QString &text);
    void fetchFreshUrl(const QString &why);
    void showOverlay(const QString &text, bool withCancel);
    void updateStats();
    void updateTitle();
    void updateKeyboardStatus();
    void updateVmStatus();
    QString vmAwayText() const;
    bool vmActionUnderWay() const;
    void setOneToOne(bool oneToOne);
    void saveScreenshot();
    void typeClipboard();
    void onLocalClipboardChanged();
    void sendPendingClipboard();

    ConsoleUrl m_url;
    RfbSession::Options m_options;
    RfbSession m_session;
    ConsoleView *m_view = nullptr;
    QScrollArea *m_scroll = nullptr;
    QLabel *m_overlay = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QLabel *m_stats = nullptr;
    QLabel *m_keyboardStatus = nullptr;
    QLabel *m_vmStatus = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_fullScreenAction = nullptr;
    FullScreenBar *m_fullScreenBar = nullptr;
    QWidget *m_fullScreenWindow = nullptr; // for a console in a tab, while full screen
    bool m_fullScreen = false;
    Qt::WindowStates m_stateBeforeFullScreen;
    QAction *m_clipboardSync = nullptr;
    ReconnectBackoff m_backoff;
    FreshUrlSource m_freshUrlSource;
    ConsoleError m_lastError = ConsoleError::None;
    bool m_freshTokenTried = false; // since the last session that got through
    quint64 m_freshRequest = 0; // answers to older requests are dropped
    QTimer m_reconnectTimer;
    QTimer m_countdown;
    QTimer m_statsTimer;
    QElapsedTimer m_upSince;
    qint64 m_lastFrames = 0;
    qint64 m_lastBytes = 0;
    QPointer<TypeTextJob> m_typing;
    bool m_applyingServerClipboard = false;
    bool m_clipboardPending = false; // changed since this console last had the keyboard
    std::optional<VirtualMachine> m_vm;
    bool m_waitingForVm = false; // the VM has no console now; reconnect when it does
    QString m_vmAction; // the power action last asked for, while it may drop the console
    QElapsedTimer m_vmActionSince;
    bool m_vmActionDropped = false; // the console dropped since the action was asked for
};

} // namespace Porthole
