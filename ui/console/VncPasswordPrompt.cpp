// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/console/VncPasswordPrompt.h"

#include "console/ConsoleError.h"
#include "console/RfbSession.h"
#include "ui/console/ConsoleWindow.h"

#include <QInputDialog>
#include <QLineEdit>

namespace Porthole {

void VncPasswordPrompt::watch(ConsoleWindow *console, const QString &title, QWidget *dialogParent, Callback onPassword)
{
    new VncPasswordPrompt(console, title, dialogParent, std::move(onPassword)); // owned by the console
}

VncPasswordPrompt::VncPasswordPrompt(
    ConsoleWindow *console, const QString &title, QWidget *dialogParent, Callback onPassword)
    : QObject(console)
    , m_dialogParent(dialogParent)
    , m_title(title)
    , m_onPassword(std::move(onPassword))
{
    connect(
        console->session(), &RfbSession::errorOccurred, this, [this, console](ConsoleError error, const QString &text) {
            if ((error != ConsoleError::PasswordRequired && error != ConsoleError::WrongPassword) || m_asking)
                return;
            m_asking = true;
            // Retrying with the same (missing or wrong) password cannot help.
            console->cancelReconnect();
            auto *ask = new QInputDialog(m_dialogParent ? m_dialogParent.data() : console);
            ask->setObjectName(QStringLiteral("vncPasswordPrompt"));
            ask->setAttribute(Qt::WA_DeleteOnClose);
            ask->setWindowTitle(tr("VNC password"));
            ask->setLabelText(tr("%1\n\nVNC password for %2:").arg(text, m_title));
            ask->setTextEchoMode(QLineEdit::Password);
            connect(ask, &QInputDialog::textValueSelected, this,
                [this](const QString &password) { m_onPassword(password); });
            connect(ask, &QDialog::finished, this, [this] { m_asking = false; });
            ask->open();
        });
}

} // namespace Porthole
