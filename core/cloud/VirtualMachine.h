// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/VmGraphics.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Porthole {

// One VM as oned describes it in a <VM> document (one.vm.info, or one element
// of one.vmpool.info / infoextended). Only what Porthole needs is kept; see
// VmPoolParser for where each field comes from. Fields missing from the
// document keep the defaults below.
struct VirtualMachine
{
    int id = -1;
    QString name;
    int uid = -1;
    int gid = -1;
    QString owner; // UNAME
    QString group; // GNAME
    int state = 0; // STATE (VmStates::State)
    int lcmState = 0; // LCM_STATE, meaningful when state is ACTIVE
    // HOSTNAME of the last HISTORY record: where the VM runs (or last ran).
    // Empty when the VM was never deployed.
    QString host;
    std::optional<VmGraphics> graphics;
    // NIC and NIC_ALIAS addresses (IP, IP6, IP6_GLOBAL, IP6_ULA) in document order.
    QStringList ips;
    qint64 memoryMiB = 0; // TEMPLATE/MEMORY
    double cpu = 0; // TEMPLATE/CPU
    int vcpu = 0; // TEMPLATE/VCPU; 0 when absent (oned then uses 1)
    // LOCK/LOCKED: 0 unlocked, 1 USE (and ALL, which oned stores as 1), 2 MANAGE, 3 ADMIN.
    int lockLevel = 0;

    QString stateName() const; // VmStates::stateName(state)
    QString lcmStateName() const; // VmStates::lcmStateName(lcmState)
    QString displayState() const; // as `onevm list` shows it: "runn", "poff"
    // The state name people expect: the LCM name when ACTIVE ("RUNNING"),
    // otherwise the VM state name ("POWEROFF").
    QString longStateName() const;

    // True when the state allows a console the way Sunstone decides it
    // (VmStates::consolePossible) and the VM has VNC graphics. A PORT is not
    // required here: oned assigns one at deploy, so an ACTIVE VM has it; the
    // token service reports a missing port on its own.
    bool consolePossible() const;

    // The `porthole-cli vms --json` object:
    // {"id", "name", "owner", "group", "state", "lcm_state", "state_name",
    //  "host" ("" when never deployed), "graphics" (VmGraphics::toJson() or null),
    //  "ips", "console"}. The VNC password is never included.
    QJsonObject toJson() const;

    friend bool operator==(const VirtualMachine &, const VirtualMachine &) = default;
};

} // namespace Porthole

Q_DECLARE_METATYPE(Porthole::VirtualMachine)
