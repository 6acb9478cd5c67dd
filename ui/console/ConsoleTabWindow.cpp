// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/console/ConsoleTabWindow.h"

#include "ui/console/VncPasswordPrompt.h"
#include "ui/console/ConsoleView.h"
#include "ui/console/ConsoleWindow.h"

#include <QAction>
#include <QScreen>
#include <QTabBar>
#include <QTabWidget>

namespace Porthole {

ConsoleTabWindow::ConsoleTabWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_tabs(new QTabWidget)
{
    setObjectName(QStringLiteral("ConsoleTabWindow"));
    setWindowTitle(tr("Consoles — Porthole"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/porthole.svg")));
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        QWidget *console = m_tabs->widget(index);
        m_tabs->removeTab(index);
        console->deleteLater();
        if (m_tabs->count() == 0)
            close();
    });
    resize(1040, 820);
}

ConsoleWindow *ConsoleTabWindow::addConsole(const ConsoleUrl &url, const RfbSession::Options &options)
{
    auto *console = new ConsoleWindow(url, options);
    const int index = m_tabs->addTab(console, url.host());
    m_tabs->setTabToolTip(index, url.displayString());
    m_tabs->setCurrentIndex(index);
    // The tab follows the desktop name once the server sends it.
    connect(console->session(), &RfbSession::desktopNameChanged, this, [this, console](const QString &name) {
        const int i = m_tabs->indexOf(console);
        if (i >= 0 && !name.isEmpty())
            m_tabs->setTabText(i, name);
    });
    if (!m_sized) {
        // Like a native viewer: the first desktop opens pixel for pixel when it fits the screen.
        connect(console->session(), &RfbSession::connected, this, [this, console] { fitToDesktop(console); },
                Qt::SingleShotConnection);
    }
    VncPasswordPrompt::watch(console, url.displayString(), this, [this, console, url, options](const QString &password) {
        RfbSession::Options withPassword = options;
        withPassword.password = password;
        const int index = m_tabs->indexOf(console);
        addConsole(url, withPassword);
        if (index >= 0) {
            m_tabs->removeTab(index);
            m_tabs->tabBar()->moveTab(m_tabs->count() - 1, index);
            m_tabs->setCurrentIndex(index);
        }
        console->deleteLater();
    });
    console->view()->setFocus();
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
