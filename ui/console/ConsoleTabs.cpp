// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/console/ConsoleTabs.h"

#include "ui/console/ConsoleView.h"
#include "ui/console/ConsoleWindow.h"

#include <QMessageBox>
#include <QTabBar>

namespace Porthole {

namespace {
const char kTitle[] = "portholeTitle";
const char kKey[] = "portholeConsoleKey";
} // namespace

ConsoleTabs::ConsoleTabs(QWidget *parent)
    : QTabWidget(parent)
{
    setTabsClosable(true);
    setMovable(true);
    setDocumentMode(true);
    // The theme's close icon (or the bundled one) on every tab, not Fusion's red box on the
    // current tab; it lights up only under the pointer.
    tabBar()->setStyleSheet(
        QStringLiteral("QTabBar::close-button { image: url(:/icons/actions/window-close.svg); }"
                       "QTabBar::close-button:hover { background: palette(midlight); border-radius: 2px; }"));
    connect(this, &QTabWidget::tabCloseRequested, this, &ConsoleTabs::closeConsole);
}

ConsoleTabs::~ConsoleTabs()
{
    // The consoles close (and change state) as QWidget deletes them, after this part is gone.
    for (ConsoleWindow *c : findChildren<ConsoleWindow *>())
        disconnect(c->session(), nullptr, this, nullptr);
}

int ConsoleTabs::addConsole(ConsoleWindow *console, const QString &title, const QString &key)
{
    console->setProperty(kTitle, title);
    if (!key.isEmpty())
        console->setProperty(kKey, key);
    if (!console->property("portholeTabsWatched").toBool()) {
        console->setProperty("portholeTabsWatched", true);
        connect(console->session(), &RfbSession::stateChanged, this, [this, console] { updateTab(console); });
        connect(console->session(), &RfbSession::desktopNameChanged, this, [this, console](const QString &name) {
            if (m_followDesktopName && !name.isEmpty()) {
                console->setProperty(kTitle, name);
                setTabToolTip(indexOf(console), console->windowTitle());
                updateTab(console);
            }
        });
    }
    const int index = addTab(console, title);
    setTabToolTip(index, console->windowTitle());
    updateTab(console);
    setCurrentIndex(index);
    console->view()->setFocus();
    return index;
}

int ConsoleTabs::indexOfKey(const QString &key) const
{
    for (int i = 0; i < count(); ++i) {
        if (const ConsoleWindow *c = console(i); c && !key.isEmpty() && ConsoleTabs::key(c) == key)
            return i;
    }
    return -1;
}

bool ConsoleTabs::focusConsole(const QString &key)
{
    const int index = indexOfKey(key);
    if (index < 0)
        return false;
    setCurrentIndex(index);
    console(index)->view()->setFocus();
    return true;
}

ConsoleWindow *ConsoleTabs::console(int index) const
{
    return qobject_cast<ConsoleWindow *>(widget(index));
}

QList<ConsoleWindow *> ConsoleTabs::consoles() const
{
    QList<ConsoleWindow *> out;
    for (int i = 0; i < count(); ++i) {
        if (ConsoleWindow *c = console(i))
            out << c;
    }
    return out;
}

int ConsoleTabs::connectedCount() const
{
    int live = 0;
    for (ConsoleWindow *c : consoles()) {
        if (c->session()->state() == RfbSession::State::Connected)
            ++live;
    }
    return live;
}

QString ConsoleTabs::title(const ConsoleWindow *console)
{
    return console->property(kTitle).toString();
}

QString ConsoleTabs::key(const ConsoleWindow *console)
{
    return console->property(kKey).toString();
}

void ConsoleTabs::replaceConsole(ConsoleWindow *old, ConsoleWindow *replacement)
{
    const int index = indexOf(old);
    if (index >= 0) {
        if (key(replacement).isEmpty())
            replacement->setProperty(kKey, key(old));
        if (indexOf(replacement) < 0)
            addConsole(replacement, title(old));
        removeTab(index);
        tabBar()->moveTab(indexOf(replacement), index);
        setCurrentIndex(index);
    }
    old->deleteLater();
}

ConsoleWindow *ConsoleTabs::takeConsole(int index)
{
    ConsoleWindow *c = console(index);
    if (c)
        removeTab(index);
    return c;
}

bool ConsoleTabs::closeConsole(int index)
{
    ConsoleWindow *c = console(index);
    if (!c)
        return false;
    if (m_confirmCloseLive && c->session()->state() == RfbSession::State::Connected) {
        // The title holds a VM name, which anyone who may name a VM writes: never rich text.
        QMessageBox box(QMessageBox::Question, tr("Close console"),
            tr("The console of %1 is connected. Close it?").arg(title(c)), QMessageBox::Yes | QMessageBox::No, this);
        box.setTextFormat(Qt::PlainText);
        if (box.exec() != QMessageBox::Yes)
            return false;
    }
    removeTab(index);
    c->deleteLater();
    Q_EMIT consoleClosed();
    return true;
}

void ConsoleTabs::updateTab(ConsoleWindow *console)
{
    const int index = indexOf(console);
    if (index < 0)
        return;
    // The state shows in the tab while the console is not (yet) connected.
    QString text = title(console);
    switch (console->session()->state()) {
    case RfbSession::State::Connecting:
    case RfbSession::State::Handshaking:
        text = tr("%1 (connecting)").arg(text);
        break;
    case RfbSession::State::Closed:
    case RfbSession::State::Failed:
        text = tr("%1 (disconnected)").arg(text);
        break;
    case RfbSession::State::Idle:
    case RfbSession::State::Connected:
        break;
    }
    setTabText(index, text);
}

} // namespace Porthole
