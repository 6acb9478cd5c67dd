// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace Porthole {

// The power actions of one.vm.action that Porthole offers.
enum class VmAction
{
    Resume,
    Reboot,
    RebootHard,
    Poweroff,
    PoweroffHard,
    Suspend,
    Stop,
    Undeploy,
    UndeployHard,
    Hold,
    Release,
    Terminate,
    TerminateHard,
};

// Whether oned would accept an action now, and its words when not.
struct VmActionCheck
{
    bool allowed = false;
    // oned's message without the "[one.vm.action] " prefix, e.g. 'Error performing action
    // "poweroff": This action is not available for state HOLD'; empty when allowed.
    QString reason;
};

// Where a queued action stands, judged from the VM's state (for --wait and the GUI's pending marks).
enum class VmActionProgress
{
    Pending, // still on its way
    Settled, // the VM reached the state the action leads to
    Failed, // the VM went to a *_FAILURE state
};

// oned 7.4's state rules for the power actions, as data. The checks are those of
// DispatchManager::terminate/undeploy/poweroff/hold/release/stop/suspend/resume/reboot in
// OpenNebula/one src/dm/DispatchManagerActions.cc (release-7.4.0), which
// VirtualMachineAPI::action (src/rm/api/VirtualMachineAPI.cc) calls after the MANAGE
// authorization and the lock check; the snapshot checks are DispatchManager::snapshot_create/
// revert/delete of the same file. The reference captures in
// tests/fixtures/opennebula-live-7.4 (oned 7.4.0) agree with every cell (VmActionsTest).
class VmActions
{
public:
    static QList<VmAction> all();
    // oned's action string: "reboot-hard", "poweroff", "terminate-hard" ...
    static QString name(VmAction action);
    // Exact, case-sensitive names, as oned takes them.
    static std::optional<VmAction> fromName(QStringView name);

    // The -hard variants: the guest is not asked.
    static bool isHard(VmAction action);
    // Loses the VM or its running guest's state: terminate*, undeploy*, and every -hard one.
    static bool needsConfirmation(VmAction action);

    // vm->state_str(): the LCM state's name when ACTIVE, the VM state's otherwise.
    static QString stateString(int state, int lcm);

    // DispatchManager's check; the reason is the text oned answers (vmId names the VM in
    // terminate's own message).
    static VmActionCheck check(VmAction action, int vmId, int state, int lcm);

    // The VM lock (LOCK/LOCKED) refuses MANAGE operations at levels 1 (USE) and 2 (MANAGE);
    // 3 (ADMIN) only refuses ADMIN ones. oned answers 512 "User [uid] : VM is locked. [id]."
    static bool lockBlocksManage(int lockLevel);

    // one.vm.snapshotcreate and snapshotrevert: RUNNING only; snapshotdelete too, unless the
    // hypervisor keeps snapshots over a poweroff (KEEP_SNAPSHOTS, not visible to a client).
    static VmActionCheck checkSnapshotCreate(int vmId, int state, int lcm);
    static VmActionCheck checkSnapshotRevert(int vmId, int snapshotId, int state, int lcm);
    static VmActionCheck checkSnapshotDelete(int vmId, int snapshotId, int state, int lcm);

    // Where the action leads (ACTIVE/RUNNING for resume and reboot, POWEROFF for poweroff ...) and
    // whether (state, lcm) is there yet. A VM that went back to where it started (a soft action the
    // guest ignored) is for the caller to notice: VmActionFollower does.
    static VmActionProgress progress(VmAction action, int state, int lcm);
    // "POWEROFF", "RUNNING", "DONE": what progress() waits for, for messages.
    static QString targetName(VmAction action);
};

} // namespace Porthole
