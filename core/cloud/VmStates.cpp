// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/VmStates.h"

#include <QLatin1StringView>

#include <algorithm>
#include <array>
#include <iterator>

namespace Porthole {

namespace {

struct Name
{
    const char *longName;
    const char *shortName; // nullptr: the OCA has no short form
};

// Index = oned code. Source: OpenNebula/one src/oca/ruby/opennebula/virtual_machine.rb
// (VM_STATE / SHORT_VM_STATES).
constexpr std::array<Name, 12> kStates {{
    {"INIT", "init"},
    {"PENDING", "pend"},
    {"HOLD", "hold"},
    {"ACTIVE", "actv"},
    {"STOPPED", "stop"},
    {"SUSPENDED", "susp"},
    {"DONE", "done"},
    {"FAILED", "fail"},
    {"POWEROFF", "poff"},
    {"UNDEPLOYED", "unde"},
    {"CLONING", "clon"},
    {"CLONING_FAILURE", "fail"},
}};

// Index = oned code (LCM_STATE / SHORT_LCM_STATES of the same file). CANCEL (13),
// FAILURE (14) and DISK_SNAPSHOT_REVERT (58) are legacy codes oned no longer
// produces; they keep their slot so later codes line up.
constexpr std::array<Name, 72> kLcmStates {{
    {"LCM_INIT", nullptr},
    {"PROLOG", "prol"},
    {"BOOT", "boot"},
    {"RUNNING", "runn"},
    {"MIGRATE", "migr"},
    {"SAVE_STOP", "save"},
    {"SAVE_SUSPEND", "save"},
    {"SAVE_MIGRATE", "save"},
    {"PROLOG_MIGRATE", "migr"},
    {"PROLOG_RESUME", "prol"},
    {"EPILOG_STOP", "epil"},
    {"EPILOG", "epil"},
    {"SHUTDOWN", "shut"},
    {"CANCEL", "shut"},
    {"FAILURE", "fail"},
    {"CLEANUP_RESUBMIT", "clea"},
    {"UNKNOWN", "unkn"},
    {"HOTPLUG", "hotp"},
    {"SHUTDOWN_POWEROFF", "shut"},
    {"BOOT_UNKNOWN", "boot"},
    {"BOOT_POWEROFF", "boot"},
    {"BOOT_SUSPENDED", "boot"},
    {"BOOT_STOPPED", "boot"},
    {"CLEANUP_DELETE", "clea"},
    {"HOTPLUG_SNAPSHOT", "snap"},
    {"HOTPLUG_NIC", "hotp"},
    {"HOTPLUG_SAVEAS", "hotp"},
    {"HOTPLUG_SAVEAS_POWEROFF", "hotp"},
    {"HOTPLUG_SAVEAS_SUSPENDED", "hotp"},
    {"SHUTDOWN_UNDEPLOY", "shut"},
    {"EPILOG_UNDEPLOY", "epil"},
    {"PROLOG_UNDEPLOY", "prol"},
    {"BOOT_UNDEPLOY", "boot"},
    {"HOTPLUG_PROLOG_POWEROFF", "hotp"},
    {"HOTPLUG_EPILOG_POWEROFF", "hotp"},
    {"BOOT_MIGRATE", "boot"},
    {"BOOT_FAILURE", "fail"},
    {"BOOT_MIGRATE_FAILURE", "fail"},
    {"PROLOG_MIGRATE_FAILURE", "fail"},
    {"PROLOG_FAILURE", "fail"},
    {"EPILOG_FAILURE", "fail"},
    {"EPILOG_STOP_FAILURE", "fail"},
    {"EPILOG_UNDEPLOY_FAILURE", "fail"},
    {"PROLOG_MIGRATE_POWEROFF", "migr"},
    {"PROLOG_MIGRATE_POWEROFF_FAILURE", "fail"},
    {"PROLOG_MIGRATE_SUSPEND", "migr"},
    {"PROLOG_MIGRATE_SUSPEND_FAILURE", "fail"},
    {"BOOT_UNDEPLOY_FAILURE", "fail"},
    {"BOOT_STOPPED_FAILURE", "fail"},
    {"PROLOG_RESUME_FAILURE", "fail"},
    {"PROLOG_UNDEPLOY_FAILURE", "fail"},
    {"DISK_SNAPSHOT_POWEROFF", "snap"},
    {"DISK_SNAPSHOT_REVERT_POWEROFF", "snap"},
    {"DISK_SNAPSHOT_DELETE_POWEROFF", "snap"},
    {"DISK_SNAPSHOT_SUSPENDED", "snap"},
    {"DISK_SNAPSHOT_REVERT_SUSPENDED", "snap"},
    {"DISK_SNAPSHOT_DELETE_SUSPENDED", "snap"},
    {"DISK_SNAPSHOT", "snap"},
    {"DISK_SNAPSHOT_REVERT", "snap"}, // missing from SHORT_LCM_STATES; Sunstone says SNAPSHOT
    {"DISK_SNAPSHOT_DELETE", "snap"},
    {"PROLOG_MIGRATE_UNKNOWN", "migr"},
    {"PROLOG_MIGRATE_UNKNOWN_FAILURE", "fail"},
    {"DISK_RESIZE", "drsz"},
    {"DISK_RESIZE_POWEROFF", "drsz"},
    {"DISK_RESIZE_UNDEPLOYED", "drsz"},
    {"HOTPLUG_NIC_POWEROFF", "hotp"},
    {"HOTPLUG_RESIZE", "hotp"},
    {"HOTPLUG_SAVEAS_UNDEPLOYED", "hotp"},
    {"HOTPLUG_SAVEAS_STOPPED", "hotp"},
    {"BACKUP", "back"},
    {"BACKUP_POWEROFF", "back"},
    {"RESTORE", "rest"},
}};

// Sunstone's VNC_STATES (OpenNebula/one src/sunstone/public/app/opennebula/vm.js,
// 6.10): RUNNING, MIGRATE, SHUTDOWN, CANCEL, UNKNOWN, HOTPLUG, SHUTDOWN_POWEROFF,
// HOTPLUG_SNAPSHOT, HOTPLUG_NIC, HOTPLUG_SAVEAS, HOTPLUG_SAVEAS_POWEROFF,
// HOTPLUG_SAVEAS_SUSPENDED, SHUTDOWN_UNDEPLOY, DISK_SNAPSHOT, DISK_SNAPSHOT_REVERT,
// DISK_RESIZE, BACKUP. In that file LCM_STATES.DISK_SNAPSHOT_REVERT is commented
// out (undefined), so 58 is not effectively allowed and is left out here.
// CANCEL (13) is kept: older Sunstone releases listed it by number and only old
// oned versions ever report it.
constexpr int kVncLcmStates[] = {3, 4, 12, 13, 16, 17, 18, 24, 25, 26, 27, 28, 29, 57, 62, 69};

QString latin1(const char *s)
{
    return QString::fromLatin1(s);
}

} // namespace

int VmStates::stateCount()
{
    return int(kStates.size());
}

int VmStates::lcmStateCount()
{
    return int(kLcmStates.size());
}

QString VmStates::stateName(int state)
{
    if (state >= 0 && state < stateCount())
        return latin1(kStates[size_t(state)].longName);
    return QStringLiteral("STATE_%1").arg(state);
}

QString VmStates::lcmStateName(int lcm)
{
    if (lcm >= 0 && lcm < lcmStateCount())
        return latin1(kLcmStates[size_t(lcm)].longName);
    return QStringLiteral("LCM_%1").arg(lcm);
}

QString VmStates::displayState(int state, int lcm)
{
    if (state < 0 || state >= stateCount())
        return stateName(state);
    if (state != Active)
        return latin1(kStates[size_t(state)].shortName);
    if (lcm < 0 || lcm >= lcmStateCount())
        return lcmStateName(lcm);
    if (const char *s = kLcmStates[size_t(lcm)].shortName)
        return latin1(s);
    return QStringLiteral("init"); // ACTIVE + LCM_INIT: transient, no OCA short form
}

std::optional<int> VmStates::stateFromName(QStringView name)
{
    const QStringView n = name.trimmed();
    if (n.isEmpty())
        return std::nullopt;
    for (int i = 0; i < stateCount(); ++i) {
        if (n.compare(QLatin1StringView(kStates[size_t(i)].longName), Qt::CaseInsensitive) == 0)
            return i;
    }
    // "fail" names both FAILED and CLONING_FAILURE, so it is not accepted.
    int match = -1;
    for (int i = 0; i < stateCount(); ++i) {
        if (n.compare(QLatin1StringView(kStates[size_t(i)].shortName), Qt::CaseInsensitive) == 0)
            match = (match == -1) ? i : -2;
    }
    if (match >= 0)
        return match;
    bool ok = false;
    const int code = n.toInt(&ok);
    if (ok && code >= 0 && code < stateCount())
        return code;
    return std::nullopt;
}

bool VmStates::consolePossible(int state, int lcm)
{
    if (state != Active)
        return false;
    return std::find(std::begin(kVncLcmStates), std::end(kVncLcmStates), lcm) != std::end(kVncLcmStates);
}

} // namespace Porthole
