// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/VirtualMachine.h"
#include "cloud/VmActions.h"

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;

namespace Porthole {

// Asks before a hard or destructive power action, or any action on several VMs: one
// confirmation that lists them. Terminating asks for the VM's name (for several VMs, their
// number), as cloud consoles do, so a slip of the mouse cannot delete a VM.
class PowerConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    PowerConfirmDialog(VmAction action, const QList<VirtualMachine> &vms, QWidget *parent = nullptr);

    // What the user has to type before OK is enabled; empty when nothing is asked.
    QString expectedText() const { return m_expected; }
    QLineEdit *confirmEdit() const { return m_edit; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    // The menu's label of an action: "Power &off", "Re&boot (hard)" ...
    static QString label(VmAction action);
    // The same as words in a sentence or a title: "Power off", "Reboot (hard)".
    static QString plainLabel(VmAction action);

private:
    QString m_expected;
    QLineEdit *m_edit = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace Porthole
