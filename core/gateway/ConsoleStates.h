// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>

namespace Porthole {

// The VM states in which the console gateway hands out a VNC token: those in which
// FireEdge 7 offers the VNC action. Source: OpenNebula/one,
// src/fireedge/src/modules/constants/vm.js (commit 361430ab), KVM_VM_ACTIONS_BY_STATE and
// LXC_VM_ACTIONS_BY_STATE, [VM_ACTIONS.VNC]. All of them are LCM states of an ACTIVE VM;
// codes from include/VirtualMachine.h. addon-vnctoken accepted RUNNING only, which
// dropped the console of a VM being migrated, hot-plugged or backed up.
class ConsoleStates
{
public:
    // STATE ACTIVE (3) and one of lcmStates().
    static bool allowsConsole(int state, int lcmState);
    // RUNNING 3, MIGRATE 4, SHUTDOWN 12, CANCEL 13, UNKNOWN 16, HOTPLUG 17,
    // SHUTDOWN_POWEROFF 18, HOTPLUG_SNAPSHOT 24, HOTPLUG_NIC 25, HOTPLUG_SAVEAS 26,
    // HOTPLUG_SAVEAS_POWEROFF 27, HOTPLUG_SAVEAS_SUSPENDED 28, SHUTDOWN_UNDEPLOY 29,
    // DISK_SNAPSHOT 57, DISK_SNAPSHOT_REVERT 58, DISK_RESIZE 62, BACKUP 69.
    static const QList<int> &lcmStates();
};

} // namespace Porthole
