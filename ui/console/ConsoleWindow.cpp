// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/console/ConsoleWindow.h"

#include "base/PrintableText.h"
#include "base/Sentence.h"
#include "cloud/VmStates.h"
#include "console/GrabChord.h"
#include "console/TypeTextJob.h"
#include "ui/app/ThemeIcon.h"
#include "ui/console/ConsoleView.h"
#include "ui/console/FullScreenBar.h"
#include "ui/console/WindowPlacement.h"
#include "ui/vms/VmStateText.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QStandardPaths>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace Porthole {

namespace {

// Failures a retry cannot fix: asking again would only repeat them.
bool worthRetrying(ConsoleError error)
{
    switch (error) {
    case ConsoleError::ProxyUnreachable:
    case ConsoleError::ServerUnreachable:
    case ConsoleError::TargetDown:
    case ConsoleError::ConnectionLost:
    case ConsoleError::Timeout:
    case ConsoleError::JumpHostUnreachable:
    case ConsoleError::JumpHostLost:
        return true;
    default:
        return false;
    }
}

// An icon for every action; the ones people look for by name keep their text beside it, the
// rest show the icon with the name as tooltip, so the bar fits a console tab in any language.
void decorate(QAction *action, const char *icon, QAction::Priority priority = QAction::LowPriority)
{
    action->setIcon(ThemeIcon::named(QLatin1String(icon)));
    action->setPriority(priority);
}

struct ComboEntry
{
    const char *label;
    KeyMapper::Combo combo;
};

} // namespace

ConsoleWindow::ConsoleWindow(const ConsoleUrl &url, const RfbSession::Options &options, QWidget *parent)
    : QMainWindow(parent)
    , m_url(url)
    , m_options(options)
{
    m_view = new ConsoleView(&m_session);
    m_scroll = new QScrollArea;
    m_scroll->setWidget(m_view);
    m_scroll->setWidgetResizable(true);
    m_scroll->setAlignment(Qt::AlignCenter);
    m_scroll->setFrameShape(QFrame::NoFrame);
    // Black around the picture in 1:1 as in fit, where the view paints it: one look for "no desktop here".
    QPalette around = m_scroll->viewport()->palette();
    around.setColor(QPalette::Window, Qt::black);
    m_scroll->viewport()->setPalette(around);
    m_scroll->viewport()->setAutoFillBackground(true);
    setCentralWidget(m_scroll);

    // The overlay floats over the view: state, last failure, reconnect countdown.
    m_overlay = new QLabel(m_scroll->viewport());
    m_overlay->setObjectName(QStringLiteral("consoleOverlay"));
    m_overlay->setWordWrap(true);
    m_overlay->setAlignment(Qt::AlignCenter);
    m_overlay->setStyleSheet(QStringLiteral("QLabel { background: rgba(0,0,0,180); color: white; padding: 12px; "
                                            "border-radius: 6px; }"));
    m_cancelButton = new QPushButton(tr("Cancel reconnect"), m_scroll->viewport());
    m_cancelButton->hide();
    connect(m_cancelButton, &QPushButton::clicked, this, &ConsoleWindow::cancelReconnect);

    QToolBar *bar = addToolBar(tr("Console"));
    m_toolBar = bar;
    bar->setObjectName(QStringLiteral("consoleToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    QAction *oneToOne = bar->addAction(tr("1:1"));
    oneToOne->setObjectName(QStringLiteral("actionOneToOne"));
    oneToOne->setCheckable(true);
    oneToOne->setToolTip(tr("Show the remote desktop pixel for pixel, with scroll bars; off: fit to the window"));
    decorate(oneToOne, "zoom-original");
    connect(oneToOne, &QAction::toggled, this, &ConsoleWindow::setOneToOne);
    QAction *remoteResize = bar->addAction(tr("Resize remote"));
    remoteResize->setObjectName(QStringLiteral("actionRemoteResize"));
    remoteResize->setCheckable(true);
    remoteResize->setEnabled(false);
    decorate(remoteResize, "zoom-fit-best");
    remoteResize->setToolTip(tr("Not available: the server has not offered to change its desktop size"));
    connect(remoteResize, &QAction::toggled, this, [this, oneToOne](bool on) {
        if (on)
            oneToOne->setChecked(false);
        m_view->setScaleMode(on
                ? ConsoleView::ScaleMode::Remote
                : (oneToOne->isChecked() ? ConsoleView::ScaleMode::OneToOne : ConsoleView::ScaleMode::Fit));
        m_scroll->setWidgetResizable(m_view->scaleMode() != ConsoleView::ScaleMode::OneToOne);
    });
    connect(oneToOne, &QAction::toggled, remoteResize, [remoteResize](bool on) {
        if (on)
            remoteResize->setChecked(false);
    });
    // Remote resize that the server refuses (or cannot do) falls back to fit, and says so.
    connect(m_view, &ConsoleView::remoteResizeFailed, this, [this, remoteResize](const QString &why) {
        remoteResize->setChecked(false);
        statusBar()->showMessage(why, 15000);
    });
    connect(&m_session, &RfbSession::capabilitiesChanged, remoteResize, [this, remoteResize] {
        const bool can = m_session.supportsRemoteResize();
        remoteResize->setEnabled(can);
        remoteResize->setToolTip(can ? tr("Ask the server to match its desktop to this window")
                                     : tr("Not available: the server has not offered to change its desktop size"));
    });
    QAction *viewOnly = bar->addAction(tr("View only"));
    viewOnly->setObjectName(QStringLiteral("actionViewOnly"));
    viewOnly->setCheckable(true);
    decorate(viewOnly, "view-only");
    connect(viewOnly, &QAction::toggled, m_view, &ConsoleView::setViewOnly);
    QAction *grab = bar->addAction(tr("Grab keyboard"));
    grab->setObjectName(QStringLiteral("actionGrabKeyboard"));
    grab->setCheckable(true);
    decorate(grab, "input-keyboard");
    grab->setToolTip(
        tr("Send every key to the VM, Alt+Tab and the Windows key included; %1 lets go").arg(GrabChord::text()));
    connect(grab, &QAction::toggled, m_view, &ConsoleView::setKeyboardGrab);
    connect(m_view, &ConsoleView::keyboardGrabChanged, grab, &QAction::setChecked);

    auto *keysMenu = new QMenu(tr("Send keys"), this);
    static const ComboEntry combos[] = {
        {QT_TR_NOOP("Ctrl+Alt+Del"), KeyMapper::Combo::CtrlAltDelete},
        {QT_TR_NOOP("Ctrl+Alt+Backspace"), KeyMapper::Combo::CtrlAltBackspace},
        {QT_TR_NOOP("Print Screen"), KeyMapper::Combo::PrintScreen},
        {QT_TR_NOOP("SysRq"), KeyMapper::Combo::SysRq},
        {QT_TR_NOOP("Alt+Tab"), KeyMapper::Combo::AltTab},
        {QT_TR_NOOP("Escape"), KeyMapper::Combo::Escape},
        {QT_TR_NOOP("Windows key"), KeyMapper::Combo::Windows},
    };
    for (const auto &entry : combos) {
        const KeyMapper::Combo combo = entry.combo;
        keysMenu->addAction(tr(entry.label), m_view, [this, combo] { m_view->sendCombo(combo); });
    }
    QMenu *fkeys = keysMenu->addMenu(tr("Ctrl+Alt+F1…F12"));
    for (int n = 0; n < 12; ++n) {
        const auto combo = KeyMapper::Combo(int(KeyMapper::Combo::CtrlAltF1) + n);
        fkeys->addAction(tr("Ctrl+Alt+F%1").arg(n + 1), m_view, [this, combo] { m_view->sendCombo(combo); });
    }
    QAction *sendKeys = keysMenu->menuAction();
    sendKeys->setObjectName(QStringLiteral("actionSendKeys"));
    decorate(sendKeys, "preferences-desktop-keyboard");
    bar->addAction(sendKeys);
    if (auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(sendKeys)))
        button->setPopupMode(QToolButton::InstantPopup);

    QAction *type = bar->addAction(tr("Type clipboard"));
    type->setObjectName(QStringLiteral("actionTypeClipboard"));
    decorate(type, "edit-paste");
    type->setToolTip(tr("Type the local clipboard as keystrokes (for password prompts without a clipboard)"));
    connect(type, &QAction::triggered, this, &ConsoleWindow::typeClipboard);
    m_clipboardSync = bar->addAction(tr("Clipboard sync"));
    m_clipboardSync->setObjectName(QStringLiteral("actionClipboardSync"));
    m_clipboardSync->setCheckable(true);
    m_clipboardSync->setChecked(true);
    decorate(m_clipboardSync, "edit-copy");
    m_clipboardSync->setToolTip(tr("Share the clipboard both ways (Latin-1 only with this VNC library)"));
    QAction *shot = bar->addAction(tr("Screenshot…"));
    shot->setObjectName(QStringLiteral("actionScreenshot"));
    decorate(shot, "camera-photo");
    connect(shot, &QAction::triggered, this, &ConsoleWindow::saveScreenshot);
    m_fullScreenAction = bar->addAction(tr("Full screen"));
    m_fullScreenAction->setObjectName(QStringLiteral("actionFullScreen"));
    m_fullScreenAction->setCheckable(true);
    decorate(m_fullScreenAction, "view-fullscreen", QAction::NormalPriority);
    m_fullScreenAction->setShortcut(QKeySequence(Qt::Key_F11));
    connect(m_fullScreenAction, &QAction::toggled, this, &ConsoleWindow::setFullScreen);
    // F11 also works while the toolbar is hidden (full screen).
    addAction(m_fullScreenAction);
    QAction *reconnect = bar->addAction(tr("Reconnect"));
    reconnect->setObjectName(QStringLiteral("actionReconnect"));
    decorate(reconnect, "view-refresh", QAction::NormalPriority);
    connect(reconnect, &QAction::triggered, this, &ConsoleWindow::reconnect);

    // Over the picture in full screen; it moves with the scroll area into a full-screen window.
    m_fullScreenBar = new FullScreenBar(m_scroll);
    m_fullScreenBar->addActions({sendKeys, type, viewOnly, shot, reconnect, m_fullScreenAction});
    m_view->installEventFilter(this);

    m_keyboardStatus = new QLabel;
    m_keyboardStatus->setObjectName(QStringLiteral("keyboardStatus"));
    statusBar()->addWidget(m_keyboardStatus);
    connect(m_view, &ConsoleView::keyboardCaptureChanged, this, &ConsoleWindow::updateKeyboardStatus);
    updateKeyboardStatus();
    m_vmStatus = new QLabel;
    m_vmStatus->setObjectName(QStringLiteral("vmStatus"));
    m_vmStatus->hide();
    statusBar()->addPermanentWidget(m_vmStatus);
    m_stats = new QLabel;
    statusBar()->addPermanentWidget(m_stats);

    connect(&m_session, &RfbSession::stateChanged, this, &ConsoleWindow::onStateChanged);
    connect(&m_session, &RfbSession::errorOccurred, this, &ConsoleWindow::onError);
    connect(&m_session, &RfbSession::desktopNameChanged, this, &ConsoleWindow::updateTitle);
    connect(&m_session, &RfbSession::bell, this, [] { QApplication::beep(); });
    // The desktop size is first known at connect; later it changes by DesktopSize.
    const auto followDesktopSize = [this] {
        m_view->updateGeometry();
        if (m_view->scaleMode() == ConsoleView::ScaleMode::OneToOne)
            m_view->resize(m_view->sizeHint());
    };
    connect(&m_session, &RfbSession::connected, this, followDesktopSize);
    connect(&m_session, &RfbSession::desktopResized, this, followDesktopSize);
    connect(&m_session, &RfbSession::serverClipboard, this, [this](const QString &text) {
        if (!m_clipboardSync->isChecked())
            return;
        m_applyingServerClipboard = true;
        QGuiApplication::clipboard()->setText(text);
        m_applyingServerClipboard = false;
    });
    connect(QGuiApplication::clipboard(), &QClipboard::dataChanged, this, &ConsoleWindow::onLocalClipboardChanged);
    connect(&m_session, &RfbSession::capabilitiesChanged, this, [this] {
        m_view->setToolTip(m_session.supportsExtendedKeys()
                ? tr("Keys are sent by physical position (QEMU extended key events)")
                : tr("Keys are sent as symbols: the server does not take physical key codes"));
    });

    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &ConsoleWindow::connectNow);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, [this] {
        const int left = (m_reconnectTimer.remainingTime() + 999) / 1000;
        showOverlay(asSentence(m_session.errorText()) + u'\n' + tr("Reconnecting in %n s…", nullptr, left), true);
    });
    m_statsTimer.setInterval(1000);
    connect(&m_statsTimer, &QTimer::timeout, this, &ConsoleWindow::updateStats);
    m_statsTimer.start();

    updateTitle();
    // The size a window of its own starts with; whoever shows it fits it to its screen.
    resize(WindowPlacement::fitted(QSize(1024, 768), QGuiApplication::primaryScreen()));
    connectNow();
}

ConsoleWindow::~ConsoleWindow()
{
    if (m_fullScreenWindow)
        m_fullScreenWindow->removeEventFilter(this);
    m_session.disconnect(this);
    m_session.close();
}

QAction *ConsoleWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

QWidget *ConsoleWindow::fullScreenWindow() const
{
    if (!m_fullScreen)
        return nullptr;
    return m_fullScreenWindow ? m_fullScreenWindow : const_cast<ConsoleWindow *>(this);
}

void ConsoleWindow::setFullScreen(bool on)
{
    if (on == m_fullScreen)
        return;
    m_fullScreen = on;
    const QSignalBlocker blocker(m_fullScreenAction);
    m_fullScreenAction->setChecked(on);
    m_fullScreenAction->setText(on ? tr("Leave full screen") : tr("Full screen"));
    if (on) {
        // Full screen on the screen the console is on now (several monitors).
        QScreen *here = window()->screen();
        if (isWindow()) {
            m_stateBeforeFullScreen = windowState();
            m_toolBar->hide();
            statusBar()->hide();
            showFullScreen();
        } else {
            m_fullScreenWindow = new QWidget(this, Qt::Window);
            m_fullScreenWindow->setObjectName(QStringLiteral("consoleFullScreenWindow"));
            m_fullScreenWindow->setWindowTitle(windowTitle());
            m_fullScreenWindow->setWindowIcon(window()->windowIcon());
            // F11 and the other actions work in that window too.
            m_fullScreenWindow->addActions(actions());
            m_fullScreenWindow->addAction(m_fullScreenAction);
            m_fullScreenWindow->installEventFilter(this);
            auto *layout = new QVBoxLayout(m_fullScreenWindow);
            layout->setContentsMargins(0, 0, 0, 0);
            auto *placeholder = new QLabel(tr("This console is shown full screen."));
            placeholder->setObjectName(QStringLiteral("fullScreenPlaceholder"));
            placeholder->setAlignment(Qt::AlignCenter);
            takeCentralWidget();
            setCentralWidget(placeholder);
            layout->addWidget(m_scroll);
            if (here)
                m_fullScreenWindow->setGeometry(here->geometry());
            m_fullScreenWindow->showFullScreen();
            m_fullScreenWindow->activateWindow();
        }
        m_fullScreenBar->setActive(true);
        m_fullScreenBar->reveal();
    } else {
        m_fullScreenBar->setActive(false);
        if (m_fullScreenWindow) {
            QWidget *fullScreenWindow = m_fullScreenWindow;
            m_fullScreenWindow = nullptr;
            fullScreenWindow->removeEventFilter(this);
            fullScreenWindow->layout()->removeWidget(m_scroll);
            delete takeCentralWidget();
            setCentralWidget(m_scroll);
            fullScreenWindow->hide();
            fullScreenWindow->deleteLater();
            window()->activateWindow();
        } else {
            m_toolBar->show();
            statusBar()->show();
            setWindowState(m_stateBeforeFullScreen & ~Qt::WindowFullScreen);
        }
    }
    m_view->setFocus();
    Q_EMIT fullScreenChanged(on);
}

bool ConsoleWindow::event(QEvent *event)
{
    // The tabs and the main window name the console through this property.
    if (event->type() == QEvent::DynamicPropertyChange
        && static_cast<QDynamicPropertyChangeEvent *>(event)->propertyName() == "portholeTitle")
        updateTitle();
    return QMainWindow::event(event);
}

bool ConsoleWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::FocusIn)
        sendPendingClipboard();
    if (watched == m_view && event->type() == QEvent::MouseMove)
        m_fullScreenBar->pointerMoved(m_view->mapTo(m_scroll, static_cast<QMouseEvent *>(event)->position().toPoint()));
    if (watched == m_fullScreenWindow && event->type() == QEvent::Close) {
        // Closing the full-screen window (the window manager's close) brings the console back.
        event->ignore();
        QTimer::singleShot(0, this, [this] { setFullScreen(false); });
        return true;
    }
    return QMainWindow::eventFilter(watched, event);
}

QString ConsoleWindow::overlayText() const
{
    return m_overlay->isVisible() || !m_overlay->isHidden() ? m_overlay->text() : QString();
}

void ConsoleWindow::connectNow()
{
    ++m_freshRequest; // connecting now supersedes a fresh token still on its way
    m_reconnectTimer.stop();
    m_countdown.stop();
    showOverlay(tr("Connecting to %1…").arg(m_url.displayString()), false);
    m_session.open(m_url, m_options);
}

void ConsoleWindow::reconnect()
{
    if (m_lastError == ConsoleError::TokenRefused && m_freshUrlSource)
        fetchFreshUrl(m_session.errorText());
    else
        connectNow();
}

void ConsoleWindow::fetchFreshUrl(const QString &why)
{
    m_reconnectTimer.stop();
    m_countdown.stop();
    m_freshTokenTried = true;
    const quint64 request = ++m_freshRequest;
    showOverlay(why + u'\n' + tr("Asking for a fresh console token…"), false);
    m_freshUrlSource(this, [this, request](const std::optional<ConsoleUrl> &url, const QString &error) {
        if (request != m_freshRequest)
            return;
        if (!url) {
            showOverlay(tr("No fresh console token: %1").arg(error), false);
            return;
        }
        m_url = *url;
        // The same VM's password, unless the fresh answer brings one.
        if (url->password())
            m_options.password = url->password();
        connectNow();
    });
}

void ConsoleWindow::cancelReconnect()
{
    ++m_freshRequest; // a fresh token still on its way no longer reconnects
    m_reconnectTimer.stop();
    m_countdown.stop();
    showOverlay(
        asSentence(m_session.errorText()) + u'\n' + tr("Reconnect cancelled. Use Reconnect to try again."), false);
}

void ConsoleWindow::onStateChanged(RfbSession::State state)
{
    switch (state) {
    case RfbSession::State::Handshaking:
        showOverlay(tr("Connected to the proxy; VNC handshake…"), false);
        break;
    case RfbSession::State::Connected:
        m_overlay->hide();
        m_cancelButton->hide();
        m_upSince.start();
        m_lastError = ConsoleError::None;
        m_freshTokenTried = false;
        m_waitingForVm = false;
        if (m_vmActionDropped) {
            m_vmAction.clear(); // back after the action's drop
            m_vmActionDropped = false;
        }
        m_lastFrames = 0;
        m_lastBytes = 0;
        m_view->setFocus();
        break;
    default:
        break;
    }
}

void ConsoleWindow::onError(ConsoleError error, const QString &text)
{
    if (m_upSince.isValid())
        m_backoff.sessionLasted(int(qMin<qint64>(m_upSince.elapsed(), INT_MAX)));
    m_upSince.invalidate();
    m_lastError = error;
    // Once per refusal streak: a fresh token the proxy refuses too is a real refusal.
    if (error == ConsoleError::TokenRefused && m_freshUrlSource && !m_freshTokenTried) {
        fetchFreshUrl(text);
        return;
    }
    if (m_waitingForVm) {
        showOverlay(vmAwayText(), false); // retried when the VM runs again, not before
        return;
    }
    QString said = asSentence(text);
    if (vmActionUnderWay()) {
        // The drop is the action's (a reboot): come back as soon as the guest does.
        m_backoff.reset();
        m_vmActionDropped = true;
        said = tr("%1: %2 under way.").arg(property("portholeTitle").toString(), m_vmAction);
    } else if (!worthRetrying(error)) {
        showOverlay(said, false);
        return;
    }
    m_reconnectTimer.start(m_backoff.nextDelayMs());
    m_countdown.start();
    const int left = (m_reconnectTimer.remainingTime() + 999) / 1000;
    showOverlay(said + u'\n' + tr("Reconnecting in %n s…", nullptr, left), true);
}

void ConsoleWindow::setVm(const VirtualMachine &vm)
{
    m_vm = vm;
    const bool away = !VmStates::consolePossible(vm.state, vm.lcmState);
    if (away) {
        m_waitingForVm = true;
        // No point knocking while the VM is off; a drop still under way is told when it comes.
        if (m_session.state() != RfbSession::State::Connected) {
            ++m_freshRequest;
            m_reconnectTimer.stop();
            m_countdown.stop();
            showOverlay(vmAwayText(), false);
        }
    } else if (m_waitingForVm) {
        m_waitingForVm = false;
        m_backoff.reset();
        if (m_session.state() != RfbSession::State::Connected && m_session.state() != RfbSession::State::Connecting
            && m_session.state() != RfbSession::State::Handshaking)
            connectNow();
    }
    updateVmStatus();
    updateTitle();
}

void ConsoleWindow::noteVmAction(const QString &action)
{
    m_vmAction = action;
    m_vmActionDropped = false;
    m_vmActionSince.start();
}

bool ConsoleWindow::vmActionUnderWay() const
{
    constexpr qint64 kActionDropMs = 180000; // a slow guest's reboot, and then some
    return !m_vmAction.isEmpty() && m_vmActionSince.isValid() && m_vmActionSince.elapsed() < kActionDropMs;
}

QString ConsoleWindow::vmAwayText() const
{
    if (!m_vm)
        return QString();
    return tr("%1 is %2: it has no console now.\nThe console reconnects by itself when the VM runs again.")
        .arg(property("portholeTitle").toString(), VmStateText::label(*m_vm));
}

void ConsoleWindow::updateVmStatus()
{
    if (!m_vm) {
        m_vmStatus->hide();
        return;
    }
    const QString state = VmStateText::label(*m_vm);
    const QString title = property("portholeTitle").toString();
    m_vmStatus->setText(m_vm->host.isEmpty() ? tr("%1: %2").arg(title, state)
                                             : tr("%1: %2 on %3").arg(title, state, printableText(m_vm->host)));
    m_vmStatus->show();
}

void ConsoleWindow::addToolMenu(QMenu *menu)
{
    QAction *action = menu->menuAction();
    decorate(action, "system-shutdown", QAction::NormalPriority);
    m_toolBar->insertAction(m_fullScreenAction, action);
    if (auto *button = qobject_cast<QToolButton *>(m_toolBar->widgetForAction(action)))
        button->setPopupMode(QToolButton::InstantPopup);
    m_fullScreenBar->addActions({action});
}

void ConsoleWindow::showOverlay(const QString &text, bool withCancel)
{
    m_overlay->setText(text);
    const QSize area = m_scroll->viewport()->size();
    const int w = qMin(area.width() - 40, 560);
    m_overlay->setFixedWidth(qMax(200, w));
    m_overlay->adjustSize();
    m_overlay->move((area.width() - m_overlay->width()) / 2, (area.height() - m_overlay->height()) / 2);
    m_overlay->show();
    m_overlay->raise();
    m_cancelButton->setVisible(withCancel);
    if (withCancel) {
        m_cancelButton->adjustSize();
        m_cancelButton->move((area.width() - m_cancelButton->width()) / 2, m_overlay->geometry().bottom() + 8);
        m_cancelButton->raise();
    }
}

void ConsoleWindow::updateStats()
{
    if (m_session.state() != RfbSession::State::Connected) {
        m_stats->clear();
        return;
    }
    const qint64 frames = m_session.framesReceived();
    const qint64 bytes = m_session.bytesReceived();
    const qint64 rtt = m_session.roundTripMs();
    m_stats->setText(tr("%1 fps  %2 MiB/s  %3×%4%5")
                         .arg(frames - m_lastFrames)
                         .arg(double(bytes - m_lastBytes) / (1024.0 * 1024.0), 0, 'f', 2)
                         .arg(m_session.desktopSize().width())
                         .arg(m_session.desktopSize().height())
                         .arg(rtt >= 0 ? tr("  RTT %1 ms").arg(rtt) : QString()));
    m_lastFrames = frames;
    m_lastBytes = bytes;
}

QString ConsoleWindow::keyboardStatusText() const
{
    const QString chord = m_view->releaseChord().displayText();
    return m_view->keyboardCaptured()
        ? tr("Keys go to the VM; %1 gives them to Porthole").arg(chord)
        : tr("Keys go to Porthole; click the console or press %1 to type into the VM").arg(chord);
}

void ConsoleWindow::updateKeyboardStatus()
{
    const QString text = keyboardStatusText();
    m_keyboardStatus->setText(text);
    m_fullScreenBar->setKeyboardText(text);
    m_fullScreenAction->setToolTip(m_view->keyboardCaptured()
            ? tr("Full screen (F11 once %1 has given the keyboard to Porthole)")
                  .arg(m_view->releaseChord().displayText())
            : tr("Full screen (F11)"));
}

void ConsoleWindow::updateTitle()
{
    // "VM name (ID) — Porthole": the title it was opened with, else what the server calls its
    // desktop, else the host. Never the URL, which carries (part of) the token.
    QString what = property("portholeTitle").toString();
    if (what.isEmpty())
        what = m_session.desktopName();
    if (what.isEmpty())
        what = m_url.host();
    if (m_vm)
        what = tr("%1 · %2").arg(what, VmStateText::label(*m_vm));
    setWindowTitle(tr("%1 — Porthole").arg(what));
    if (m_fullScreenWindow)
        m_fullScreenWindow->setWindowTitle(windowTitle());
}

void ConsoleWindow::setOneToOne(bool oneToOne)
{
    m_view->setScaleMode(oneToOne ? ConsoleView::ScaleMode::OneToOne : ConsoleView::ScaleMode::Fit);
    // 1:1 gets scroll bars; Fit follows the window.
    m_scroll->setWidgetResizable(!oneToOne);
    if (oneToOne)
        m_view->resize(m_view->sizeHint());
}

QString ConsoleWindow::screenshotSuggestion() const
{
    // In the user's pictures folder, named after the VM and the time, never the process's
    // working directory (the desktop launcher's is /).
    QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = QDir::homePath();
    QString name = property("portholeTitle").toString();
    if (name.isEmpty())
        name = m_session.desktopName().isEmpty() ? QStringLiteral("console") : m_session.desktopName();
    name.replace(QRegularExpression(QStringLiteral("[^\\w.()-]+")), QStringLiteral("-"));
    return QDir(dir).filePath(QStringLiteral("%1-%2.png")
                                  .arg(name, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
}

void ConsoleWindow::saveScreenshot()
{
    const QImage image = m_session.frame();
    if (image.isNull())
        return;
    const QString file
        = QFileDialog::getSaveFileName(this, tr("Save screenshot"), screenshotSuggestion(), tr("PNG images (*.png)"));
    if (file.isEmpty())
        return;
    if (!image.save(file, "png"))
        statusBar()->showMessage(tr("Could not write %1").arg(file), 5000);
}

void ConsoleWindow::typeClipboard()
{
    if (m_typing) {
        m_typing->cancel();
        return;
    }
    const QString text = QGuiApplication::clipboard()->text();
    if (m_session.state() != RfbSession::State::Connected) {
        statusBar()->showMessage(tr("Not connected: nothing was typed"), 5000);
        return;
    }
    if (text.isEmpty()) {
        statusBar()->showMessage(tr("The clipboard holds no text to type"), 5000);
        return;
    }
    m_typing = new TypeTextJob(&m_session, text, 15, this);
    connect(m_typing, &TypeTextJob::progress, this, [this](int sent, int total) {
        statusBar()->showMessage(
            tr("Typing clipboard: %1 of %2 keys (click Type clipboard again to stop)").arg(sent).arg(total));
    });
    connect(m_typing, &TypeTextJob::finished, this, [this](bool cancelled) {
        statusBar()->showMessage(cancelled ? tr("Typing cancelled") : tr("Clipboard typed"), 3000);
        m_typing->deleteLater();
    });
    m_typing->start();
}

void ConsoleWindow::onLocalClipboardChanged()
{
    if (m_applyingServerClipboard)
        return;
    // Only the console the user works in gets the clipboard, when it gets the keyboard: a
    // password copied in another application must not reach every open VM (TigerVNC's rule).
    m_clipboardPending = true;
    if (m_view->hasFocus() && m_view->window()->isActiveWindow())
        sendPendingClipboard();
}

void ConsoleWindow::sendPendingClipboard()
{
    if (!m_clipboardPending || !m_clipboardSync->isChecked() || m_session.state() != RfbSession::State::Connected)
        return;
    m_clipboardPending = false;
    const QString text = QGuiApplication::clipboard()->text();
    if (text.isEmpty())
        return;
    if (!m_session.sendClipboard(text))
        statusBar()->showMessage(
            tr("Some characters were sent as '?': this VNC library's clipboard is Latin-1 only"), 8000);
}

} // namespace Porthole
