// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/VmActions.h"

#include "cloud/VmStates.h"

#include <array>

namespace Porthole {
namespace {

// LCM states, include/VirtualMachine.h.
constexpr int kShutdown = 12;
constexpr int kShutdownPoweroff = 18;
constexpr int kShutdownUndeploy = 29;

struct Entry
{
    VmAction action;
    const char *name;
};

constexpr std::array<Entry, 13> kNames {{
    {VmAction::Resume, "resume"},
    {VmAction::Reboot, "reboot"},
    {VmAction::RebootHard, "reboot-hard"},
    {VmAction::Poweroff, "poweroff"},
    {VmAction::PoweroffHard, "poweroff-hard"},
    {VmAction::Suspend, "suspend"},
    {VmAction::Stop, "stop"},
    {VmAction::Undeploy, "undeploy"},
    {VmAction::UndeployHard, "undeploy-hard"},
    {VmAction::Hold, "hold"},
    {VmAction::Release, "release"},
    {VmAction::Terminate, "terminate"},
    {VmAction::TerminateHard, "terminate-hard"},
}};

// The ACTIVE states DispatchManager::terminate hands to trigger_delete (the *_FAILURE ones).
bool isFailureLcm(int lcm)
{
    switch (lcm) {
    case 36: // BOOT_FAILURE
    case 37: // BOOT_MIGRATE_FAILURE
    case 38: // PROLOG_MIGRATE_FAILURE
    case 39: // PROLOG_FAILURE
    case 40: // EPILOG_FAILURE
    case 41: // EPILOG_STOP_FAILURE
    case 42: // EPILOG_UNDEPLOY_FAILURE
    case 44: // PROLOG_MIGRATE_POWEROFF_FAILURE
    case 46: // PROLOG_MIGRATE_SUSPEND_FAILURE
    case 47: // BOOT_UNDEPLOY_FAILURE
    case 48: // BOOT_STOPPED_FAILURE
    case 49: // PROLOG_RESUME_FAILURE
    case 50: // PROLOG_UNDEPLOY_FAILURE
    case 61: // PROLOG_MIGRATE_UNKNOWN_FAILURE
        return true;
    default:
        return false;
    }
}

bool active(int state, int lcm, int wanted)
{
    return state == VmStates::Active && lcm == wanted;
}

bool runningOrUnknown(int state, int lcm)
{
    return active(state, lcm, VmStates::Running) || active(state, lcm, VmStates::Unknown);
}

bool allowed(VmAction action, int state, int lcm)
{
    switch (action) {
    case VmAction::Terminate:
    case VmAction::TerminateHard:
        // The switch over the VM state: every state but ACTIVE is accepted (DONE does nothing;
        // FAILED has no case and falls out with rc 0 too).
        if (state != VmStates::Active)
            return true;
        if (runningOrUnknown(state, lcm) || isFailureLcm(lcm))
            return true;
        // Only the hard variant overrides a (probably frozen) SHUTDOWN.
        return action == VmAction::TerminateHard && lcm == kShutdown;
    case VmAction::Undeploy:
        return state == VmStates::Poweroff || runningOrUnknown(state, lcm);
    case VmAction::UndeployHard:
        return state == VmStates::Poweroff || runningOrUnknown(state, lcm) || active(state, lcm, kShutdownUndeploy);
    case VmAction::Poweroff:
        return runningOrUnknown(state, lcm);
    case VmAction::PoweroffHard:
        return runningOrUnknown(state, lcm) || active(state, lcm, kShutdownPoweroff);
    case VmAction::Hold:
        return state == VmStates::Pending;
    case VmAction::Release:
        return state == VmStates::Hold;
    case VmAction::Stop:
        return state == VmStates::Suspended || active(state, lcm, VmStates::Running);
    case VmAction::Suspend:
    case VmAction::Reboot:
    case VmAction::RebootHard:
        return active(state, lcm, VmStates::Running);
    case VmAction::Resume:
        return state == VmStates::Stopped || state == VmStates::Undeployed || state == VmStates::Suspended
            || state == VmStates::Poweroff || active(state, lcm, VmStates::Unknown);
    }
    return false;
}

VmActionCheck refusedUnlessRunning(int state, int lcm, const QString &what)
{
    if (active(state, lcm, VmStates::Running))
        return {true, QString()};
    return {false, QStringLiteral("%1, wrong state %2.").arg(what, VmActions::stateString(state, lcm))};
}

} // namespace

QList<VmAction> VmActions::all()
{
    QList<VmAction> out;
    for (const Entry &e : kNames)
        out << e.action;
    return out;
}

QString VmActions::name(VmAction action)
{
    for (const Entry &e : kNames) {
        if (e.action == action)
            return QString::fromLatin1(e.name);
    }
    return QString();
}

std::optional<VmAction> VmActions::fromName(QStringView name)
{
    for (const Entry &e : kNames) {
        if (name == QLatin1StringView(e.name))
            return e.action;
    }
    return std::nullopt;
}

bool VmActions::isHard(VmAction action)
{
    return action == VmAction::RebootHard || action == VmAction::PoweroffHard || action == VmAction::UndeployHard
        || action == VmAction::TerminateHard;
}

bool VmActions::needsConfirmation(VmAction action)
{
    return isHard(action) || action == VmAction::Terminate || action == VmAction::Undeploy;
}

QString VmActions::stateString(int state, int lcm)
{
    return state == VmStates::Active ? VmStates::lcmStateName(lcm) : VmStates::stateName(state);
}

VmActionCheck VmActions::check(VmAction action, int vmId, int state, int lcm)
{
    if (allowed(action, state, lcm))
        return {true, QString()};
    // terminate says it in its own words; every other action through VirtualMachineAPI::action's
    // "Error performing action" and the DispatchManager's "not available" sentence.
    const QString detail = action == VmAction::Terminate || action == VmAction::TerminateHard
        ? QStringLiteral("Could not terminate VM %1, wrong state %2.").arg(vmId).arg(stateString(state, lcm))
        : QStringLiteral("This action is not available for state %1").arg(stateString(state, lcm));
    return {false, QStringLiteral("Error performing action \"%1\": %2").arg(name(action), detail)};
}

bool VmActions::lockBlocksManage(int lockLevel)
{
    return lockLevel == 1 || lockLevel == 2 || lockLevel == 4;
}

VmActionCheck VmActions::checkSnapshotCreate(int vmId, int state, int lcm)
{
    return refusedUnlessRunning(state, lcm, QStringLiteral("Could not create a new snapshot for VM %1").arg(vmId));
}

VmActionCheck VmActions::checkSnapshotRevert(int vmId, int snapshotId, int state, int lcm)
{
    return refusedUnlessRunning(
        state, lcm, QStringLiteral("Could not revert VM %1 to snapshot %2").arg(vmId).arg(snapshotId));
}

VmActionCheck VmActions::checkSnapshotDelete(int vmId, int snapshotId, int state, int lcm)
{
    return refusedUnlessRunning(
        state, lcm, QStringLiteral("Could not delete snapshot %1 for VM %2").arg(snapshotId).arg(vmId));
}

QString VmActions::targetName(VmAction action)
{
    switch (action) {
    case VmAction::Resume:
    case VmAction::Reboot:
    case VmAction::RebootHard:
        return QStringLiteral("RUNNING");
    case VmAction::Poweroff:
    case VmAction::PoweroffHard:
        return QStringLiteral("POWEROFF");
    case VmAction::Suspend:
        return QStringLiteral("SUSPENDED");
    case VmAction::Stop:
        return QStringLiteral("STOPPED");
    case VmAction::Undeploy:
    case VmAction::UndeployHard:
        return QStringLiteral("UNDEPLOYED");
    case VmAction::Hold:
        return QStringLiteral("HOLD");
    case VmAction::Release:
        return QStringLiteral("PENDING");
    case VmAction::Terminate:
    case VmAction::TerminateHard:
        return QStringLiteral("DONE");
    }
    return QString();
}

VmActionProgress VmActions::progress(VmAction action, int state, int lcm)
{
    if (state == VmStates::Failed || state == VmStates::CloningFailure
        || (state == VmStates::Active && isFailureLcm(lcm)))
        return VmActionProgress::Failed;
    const bool running = active(state, lcm, VmStates::Running);
    const auto reached
        = [&](int wanted) { return state == wanted ? VmActionProgress::Settled : VmActionProgress::Pending; };
    switch (action) {
    case VmAction::Resume:
        return running ? VmActionProgress::Settled : VmActionProgress::Pending;
    case VmAction::Reboot:
    case VmAction::RebootHard:
        // oned keeps the VM RUNNING through a reboot (the driver reboots the guest); the demo
        // passes through BOOT on the way.
        return running ? VmActionProgress::Settled : VmActionProgress::Pending;
    case VmAction::Poweroff:
    case VmAction::PoweroffHard:
        return reached(VmStates::Poweroff);
    case VmAction::Suspend:
        return reached(VmStates::Suspended);
    case VmAction::Stop:
        return reached(VmStates::Stopped);
    case VmAction::Undeploy:
    case VmAction::UndeployHard:
        return reached(VmStates::Undeployed);
    case VmAction::Hold:
        return reached(VmStates::Hold);
    case VmAction::Release:
        // Released to PENDING; the scheduler may deploy it at once.
        return state != VmStates::Hold ? VmActionProgress::Settled : VmActionProgress::Pending;
    case VmAction::Terminate:
    case VmAction::TerminateHard:
        return reached(VmStates::Done);
    }
    return VmActionProgress::Pending;
}

} // namespace Porthole
