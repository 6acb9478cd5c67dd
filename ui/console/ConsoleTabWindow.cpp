// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/console/ConsoleTabWindow.h"

#include "ui/console/ConsoleTabs.h"
#include "ui/console/ConsoleView.h"
#include "ui/console/ConsoleWindow.h"
#include "ui/console/VncPasswordPrompt.h"
#include "ui/console/WindowPlacement.h"

#include <QAction>
#include <QScreen>

namespace Porthole {

ConsoleTabWindow::ConsoleTabWindow(const Preferences &preferences, QWidget *parent)
    : QMainWindow(parent)
    , m_tabs(new ConsoleTabs)
{
    setObjectName(QStringLiteral("ConsoleTabWindow"));
    setWindowTitle(tr("Consoles — Porthole"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/porthole.svg")));
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setFollowDesktopName(true);
    setCentralWidget(m_tabs);
    // The window is named after the console in front.
    connect(m_tabs, &QTabWidget::currentChanged, this, &ConsoleTabWindow::updateTitle);
    connect(m_tabs, &ConsoleTabs::consoleClosed, this, [this] {
        if (m_tabs->count() == 0)
            close();
    });
    // The one shortcut of this window; it reaches it once the release chord has given the
    // keyboard back to Porthole.
    auto *quit = new QAction(tr("&Quit"), this);
    quit->setObjectName(QStringLiteral("actionQuit"));
    // Ctrl+Q everywhere, also where the platform's standard Quit key is none (Windows, offscreen).
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    connect(quit, &QAction::triggered, this, &QWidget::close);
    addAction(quit);
    setPreferences(preferences);
    WindowPlacement::prepare(this, QSize(1040, 820));
}

void ConsoleTabWindow::updateTitle()
{
    const ConsoleWindow *current = m_tabs->console(m_tabs->currentIndex());
    setWindowTitle(current ? current->windowTitle() : tr("Consoles — Porthole"));
}

void ConsoleTabWindow::setPreferences(const Preferences &preferences)
{
    m_preferences = preferences;
    m_tabs->setConfirmCloseLive(preferences.confirmCloseLive);
}

ConsoleWindow *ConsoleTabWindow::addConsole(const ConsoleUrl &url, const RfbSession::Options &options)
{
    auto *console = new ConsoleWindow(url, options);
    m_preferences.applyTo(console);
    // The tab follows the desktop name once the server sends it, and the window its title.
    connect(console, &QWidget::windowTitleChanged, this, &ConsoleTabWindow::updateTitle);
    m_tabs->addConsole(console, url.host());
    if (!m_sized) {
        // Like a native viewer: the first desktop opens pixel for pixel when it fits the screen.
        connect(
            console->session(), &RfbSession::connected, this, [this, console] { fitToDesktop(console); },
            Qt::SingleShotConnection);
    }
    VncPasswordPrompt::watch(
        console, url.displayString(), this, [this, console, url, options](const QString &password) {
            RfbSession::Options withPassword = options;
            withPassword.password = password;
            m_tabs->replaceConsole(console, addConsole(url, withPassword));
        });
    return console;
}

void ConsoleTabWindow::fitToDesktop(ConsoleWindow *console)
{
    if (m_sized || m_tabs->count() != 1 || !console->view()->parentWidget())
        return;
    m_sized = true;
    const QSizeF desktop = QSizeF(console->session()->desktopSize()) / devicePixelRatioF();
    // Everything around the picture (toolbars, tab bar, status bar) stays as it is.
    const QSize chrome = size() - console->view()->parentWidget()->size();
    const QSize wanted = desktop.toSize() + chrome;
    const QScreen *here = screen();
    // frameGeometry() adds the window manager's decorations to geometry().
    const QSize decorations = frameGeometry().size() - geometry().size();
    if (!here || desktop.isEmpty() || wanted.width() + decorations.width() > here->availableGeometry().width()
        || wanted.height() + decorations.height() > here->availableGeometry().height())
        return; // too large: it stays fitted to the window
    if (QAction *oneToOne = console->action(QStringLiteral("actionOneToOne")))
        oneToOne->setChecked(true);
    resize(wanted);
}

} // namespace Porthole
