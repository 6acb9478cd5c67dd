// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/dialogs/PowerConfirmDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace Porthole {

QString PowerConfirmDialog::label(VmAction action)
{
    switch (action) {
    case VmAction::Resume:
        return tr("&Resume");
    case VmAction::Reboot:
        return tr("Re&boot");
    case VmAction::RebootHard:
        return tr("Reset (hard re&boot)");
    case VmAction::Poweroff:
        return tr("&Power off");
    case VmAction::PoweroffHard:
        return tr("Power off (&hard)");
    case VmAction::Suspend:
        return tr("&Suspend");
    case VmAction::Stop:
        return tr("Sto&p");
    case VmAction::Undeploy:
        return tr("&Undeploy");
    case VmAction::UndeployHard:
        return tr("Undeploy (har&d)");
    case VmAction::Hold:
        return tr("H&old");
    case VmAction::Release:
        return tr("Re&lease");
    case VmAction::Terminate:
        return tr("&Terminate…");
    case VmAction::TerminateHard:
        return tr("Terminate (hard)…");
    }
    return QString();
}

QString PowerConfirmDialog::plainLabel(VmAction action)
{
    return label(action).remove(u'&').remove(u'…');
}

PowerConfirmDialog::PowerConfirmDialog(VmAction action, const QList<VirtualMachine> &vms, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("powerConfirmDialog"));
    const QString what = plainLabel(action);
    setWindowTitle(tr("%1 — Porthole").arg(what));
    auto *layout = new QVBoxLayout(this);
    QStringList names;
    for (const VirtualMachine &vm : vms)
        names << tr("%1 (ID %2, %3)").arg(vm.name.toHtmlEscaped()).arg(vm.id).arg(vm.longStateName());
    QString consequence;
    switch (action) {
    case VmAction::Terminate:
    case VmAction::TerminateHard:
        consequence = tr("The VM and its disks are deleted. This cannot be undone.");
        break;
    case VmAction::RebootHard:
    case VmAction::PoweroffHard:
    case VmAction::UndeployHard:
        consequence = tr("The guest is not asked first: unsaved work in it is lost.");
        break;
    case VmAction::Undeploy:
        consequence = tr("The VM leaves its host; its disks go back to the datastore.");
        break;
    default:
        break;
    }
    auto *text = new QLabel(tr("%1 %n VM(s)?", nullptr, int(vms.size())).arg(what) + QStringLiteral("<ul><li>")
        + names.join(QStringLiteral("</li><li>")) + QStringLiteral("</li></ul>") + consequence);
    text->setObjectName(QStringLiteral("powerConfirmText"));
    text->setTextFormat(Qt::RichText);
    text->setWordWrap(true);
    layout->addWidget(text);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(label(action).remove(u'…'));
    m_buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    if (action == VmAction::Terminate || action == VmAction::TerminateHard) {
        m_expected = vms.size() == 1 ? vms.first().name : QString::number(vms.size());
        auto *ask = new QLabel(vms.size() == 1 ? tr("Type the VM's name, %1, to &confirm:").arg(m_expected)
                                               : tr("Type the number of VMs, %1, to &confirm:").arg(m_expected));
        ask->setTextFormat(Qt::PlainText);
        m_edit = new QLineEdit;
        m_edit->setObjectName(QStringLiteral("powerConfirmName"));
        ask->setBuddy(m_edit);
        layout->addWidget(ask);
        layout->addWidget(m_edit);
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
        connect(m_edit, &QLineEdit::textChanged, this,
            [this](const QString &typed) { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(typed == m_expected); });
    }
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

} // namespace Porthole
