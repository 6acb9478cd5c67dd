// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace Porthole {

// OpenNebula's VM STATE and LCM_STATE tables, the short forms `onevm list`
// prints, and the states in which Sunstone offers a VNC console.
//
// The codes are oned's (include/VirtualMachine.h); names and short forms follow
// the Ruby OCA (src/oca/ruby/opennebula/virtual_machine.rb, VM_STATE,
// LCM_STATE, SHORT_VM_STATES, SHORT_LCM_STATES) of OpenNebula 6.10/7.x, which
// is what the `onevm` CLI uses.
class VmStates
{
public:
    enum State
    {
        Init = 0,
        Pending = 1,
        Hold = 2,
        Active = 3,
        Stopped = 4,
        Suspended = 5,
        Done = 6,
        Failed = 7, // legacy, no longer produced by oned
        Poweroff = 8,
        Undeployed = 9,
        Cloning = 10,
        CloningFailure = 11,
    };

    enum LcmState
    {
        LcmInit = 0,
        Running = 3,
        Unknown = 16,
        Restore = 71,
    };

    static int stateCount(); // 12: codes 0..11
    static int lcmStateCount(); // 72: codes 0..71

    // "ACTIVE", "POWEROFF"...; unknown codes give "STATE_<n>".
    static QString stateName(int state);
    // "RUNNING", "HOTPLUG_NIC"...; unknown codes give "LCM_<n>".
    static QString lcmStateName(int lcm);

    // What `onevm list` shows in its STAT column: the short VM state, except
    // for ACTIVE where the short LCM state is shown ("runn", "pend", "poff").
    // Codes the OCA has no short form for fall back to stateName()/lcmStateName()
    // for unknown codes, "init" for ACTIVE/LCM_INIT and "snap" for the
    // deprecated DISK_SNAPSHOT_REVERT (Sunstone's label for it).
    static QString displayState(int state, int lcm);

    // For `--state NAME`: a VM STATE name (case-insensitive, "poweroff"), its
    // unambiguous short form ("poff") or a code "0".."11". Returns the code.
    static std::optional<int> stateFromName(QStringView name);

    // STATE ACTIVE with an LCM state in Sunstone's VNC_STATES list.
    static bool consolePossible(int state, int lcm);
};

} // namespace Porthole
