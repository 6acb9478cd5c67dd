// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QTabWidget>

namespace Porthole {

class ConsoleWindow;

// Tabs of ConsoleWindows, shared by MainWindow (after its VM list tab) and
// ConsoleTabWindow: adding, finding by key and focusing, replacing (a console
// reopened with a password), closing (asking first for a connected one) and the
// tab titles, which show the console's state. Tabs that are no console are left alone.
class ConsoleTabs : public QTabWidget
{
    Q_OBJECT
public:
    explicit ConsoleTabs(QWidget *parent = nullptr);
    ~ConsoleTabs() override;

    // Adds console as the current tab. key names what it shows (e.g. a VM), for focusConsole().
    int addConsole(ConsoleWindow *console, const QString &title, const QString &key = QString());
    // Makes the console tab with this key current; false when there is none.
    bool focusConsole(const QString &key);
    int indexOfKey(const QString &key) const;
    ConsoleWindow *console(int index) const;
    QList<ConsoleWindow *> consoles() const;
    // Consoles whose session is connected.
    int connectedCount() const;
    // The title given to addConsole() (or the desktop name), without the state.
    static QString title(const ConsoleWindow *console);
    static QString key(const ConsoleWindow *console);
    // Puts replacement where old is (same place, title and key) and deletes old later.
    void replaceConsole(ConsoleWindow *old, ConsoleWindow *replacement);
    // Takes the console out of its tab without deleting it.
    ConsoleWindow *takeConsole(int index);
    // Closes and deletes a console tab; asks first when it is connected and
    // confirmCloseLive is on. False when nothing was closed.
    bool closeConsole(int index);
    void setConfirmCloseLive(bool confirm) { m_confirmCloseLive = confirm; }
    bool confirmCloseLive() const { return m_confirmCloseLive; }
    // The title follows the desktop name the server sends (ConsoleTabWindow).
    void setFollowDesktopName(bool follow) { m_followDesktopName = follow; }

Q_SIGNALS:
    // A console tab was closed by closeConsole(); count() tells what is left.
    void consoleClosed();

private:
    void updateTab(ConsoleWindow *console);

    bool m_confirmCloseLive = true;
    bool m_followDesktopName = false;
};

} // namespace Porthole
