// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/vms/VmPowerMenu.h"

#include "ui/app/ThemeIcon.h"
#include "ui/dialogs/PowerConfirmDialog.h"

#include <QAction>
#include <QMenu>

namespace Porthole {

namespace {
// The actions on the main window's toolbar have icons; the rest live in menus.
const char *iconName(VmAction action)
{
    switch (action) {
    case VmAction::Resume:
        return "media-playback-start";
    case VmAction::Reboot:
        return "system-reboot";
    case VmAction::Poweroff:
        return "system-shutdown";
    case VmAction::Terminate:
        return "edit-delete";
    default:
        return nullptr;
    }
}
} // namespace

VmPowerMenu::VmPowerMenu(QWidget *parent)
    : QObject(parent)
    , m_parent(parent)
    , m_menu(new QMenu(tr("&Power"), parent))
{
    m_menu->setObjectName(QStringLiteral("powerMenu"));
    m_menu->setToolTipsVisible(true);
    for (VmAction a : VmActions::all()) {
        // Soft ones first, then the hard and destructive ones below a line.
        if (a == VmAction::RebootHard || a == VmAction::Terminate)
            m_menu->addSeparator();
        auto *qa = m_menu->addAction(PowerConfirmDialog::label(a));
        qa->setObjectName(QStringLiteral("actionPower_") + VmActions::name(a));
        if (const char *icon = iconName(a))
            qa->setIcon(ThemeIcon::named(QLatin1String(icon)));
        qa->setEnabled(false);
        connect(qa, &QAction::triggered, this, [this, a] { trigger(a); });
        m_actions[a] = qa;
    }
    m_confirm = [this](VmAction action, const QList<VirtualMachine> &vms) {
        PowerConfirmDialog dialog(action, vms, m_parent);
        return dialog.exec() == QDialog::Accepted;
    };
}

bool VmPowerMenu::asks(VmAction action, int vmCount)
{
    return VmActions::needsConfirmation(action) || vmCount > 1;
}

QString VmPowerMenu::whyNot(VmAction action, const VirtualMachine &vm)
{
    if (VmActions::lockBlocksManage(vm.lockLevel))
        return tr("VM %1 is locked; unlock it first (onevm unlock %1).").arg(vm.id);
    return VmActions::check(action, vm.id, vm.state, vm.lcmState).reason;
}

void VmPowerMenu::setVms(const QList<VirtualMachine> &vms)
{
    m_vms = vms;
    for (const auto &[a, qa] : m_actions) {
        const QString label = PowerConfirmDialog::plainLabel(a);
        if (vms.isEmpty()) {
            qa->setEnabled(false);
            qa->setToolTip(tr("Select a VM first."));
            continue;
        }
        QStringList refused;
        int accepted = 0;
        for (const VirtualMachine &vm : vms) {
            const QString why = whyNot(a, vm);
            if (why.isEmpty())
                ++accepted;
            else
                refused << (vms.size() == 1 ? why : tr("%1: %2").arg(vm.name, why));
        }
        qa->setEnabled(accepted > 0);
        if (refused.isEmpty())
            qa->setToolTip(
                vms.size() == 1 ? label : tr("%1 the %n selected VM(s)", nullptr, int(vms.size())).arg(label));
        else if (accepted == 0)
            qa->setToolTip(refused.join(u'\n'));
        else
            qa->setToolTip(
                tr("%1 %2 of %3 VMs; not:\n%4").arg(label).arg(accepted).arg(vms.size()).arg(refused.join(u'\n')));
    }
}

void VmPowerMenu::trigger(VmAction action)
{
    QList<VirtualMachine> go;
    for (const VirtualMachine &vm : std::as_const(m_vms)) {
        if (whyNot(action, vm).isEmpty())
            go << vm;
    }
    if (go.isEmpty())
        return;
    if (asks(action, int(go.size())) && !m_confirm(action, go))
        return;
    Q_EMIT requested(action, go);
}

} // namespace Porthole
