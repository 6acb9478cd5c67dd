// SPDX-License-Identifier: GPL-2.0-or-later
#include "ConsoleTabWindow.h"

#include "console/ConsoleView.h"
#include "console/ConsoleWindow.h"

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
    console->view()->setFocus();
    return console;
}

} // namespace Porthole
