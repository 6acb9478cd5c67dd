// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace Porthole {

class ConsoleWindow;

// Asks for the VNC password when a console's server wants one that was not
// given (or refused the one given) — a VM whose GRAPHICS the user may not see,
// or a pasted URL without one. The answer goes to onPassword, which reopens
// the console with it; the prompt never blocks (QInputDialog::open()).
class VncPasswordPrompt : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const QString &password)>;
    static void watch(ConsoleWindow *console, const QString &title, QWidget *dialogParent, Callback onPassword);

private:
    VncPasswordPrompt(ConsoleWindow *console, const QString &title, QWidget *dialogParent, Callback onPassword);

    QPointer<QWidget> m_dialogParent;
    QString m_title;
    Callback m_onPassword;
    bool m_asking = false;
};

} // namespace Porthole
