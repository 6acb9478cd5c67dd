// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/VirtualMachine.h"
#include "cloud/VmActions.h"

#include <QList>
#include <QObject>

#include <functional>
#include <map>

class QAction;
class QMenu;
class QWidget;

namespace Porthole {

// The power actions for the VMs in hand (the selection, or a console's VM), as QActions for
// menus and toolbars. Each is enabled only where oned accepts it (VmActions::check, and a lock
// that refuses MANAGE), with oned's reason as the tooltip otherwise; with several VMs, it is
// enabled when any of them accepts it and the tooltip names the others. Triggering asks first
// where PowerConfirmDialog should, then emits requested() with the VMs that accept it.
class VmPowerMenu : public QObject
{
    Q_OBJECT
public:
    // Returns true to go ahead; the default shows a PowerConfirmDialog over parent.
    using Confirm = std::function<bool(VmAction action, const QList<VirtualMachine> &vms)>;

    explicit VmPowerMenu(QWidget *parent);

    QMenu *menu() const { return m_menu; }
    QAction *action(VmAction action) const { return m_actions.at(action); }
    void setVms(const QList<VirtualMachine> &vms);
    const QList<VirtualMachine> &vms() const { return m_vms; }
    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }

    // Whether to ask: hard and destructive actions, and any action on more than one VM.
    static bool asks(VmAction action, int vmCount);
    // Why the VM cannot take the action now ("" when it can).
    static QString whyNot(VmAction action, const VirtualMachine &vm);

Q_SIGNALS:
    void requested(Porthole::VmAction action, const QList<Porthole::VirtualMachine> &vms);

private:
    void trigger(VmAction action);

    QWidget *m_parent;
    QMenu *m_menu;
    std::map<VmAction, QAction *> m_actions;
    QList<VirtualMachine> m_vms;
    Confirm m_confirm;
};

} // namespace Porthole
