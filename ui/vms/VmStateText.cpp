// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/vms/VmStateText.h"

#include "cloud/VmStates.h"

#include <QCoreApplication>

namespace Porthole {

namespace {

struct Word
{
    const char *name; // oned's name, or the prefix of a family of LCM states
    const char *text;
};

// VM STATE names (include/VirtualMachine.h), as words.
constexpr Word kStates[] = {
    {"INIT", QT_TRANSLATE_NOOP("Porthole::VmStateText", "init")},
    {"PENDING", QT_TRANSLATE_NOOP("Porthole::VmStateText", "pending")},
    {"HOLD", QT_TRANSLATE_NOOP("Porthole::VmStateText", "hold")},
    {"STOPPED", QT_TRANSLATE_NOOP("Porthole::VmStateText", "stopped")},
    {"SUSPENDED", QT_TRANSLATE_NOOP("Porthole::VmStateText", "suspended")},
    {"DONE", QT_TRANSLATE_NOOP("Porthole::VmStateText", "done")},
    {"FAILED", QT_TRANSLATE_NOOP("Porthole::VmStateText", "failed")},
    {"POWEROFF", QT_TRANSLATE_NOOP("Porthole::VmStateText", "poweroff")},
    {"UNDEPLOYED", QT_TRANSLATE_NOOP("Porthole::VmStateText", "undeployed")},
    {"CLONING", QT_TRANSLATE_NOOP("Porthole::VmStateText", "cloning")},
    {"CLONING_FAILURE", QT_TRANSLATE_NOOP("Porthole::VmStateText", "cloning failure")},
};

// LCM states of an ACTIVE VM: exact names first, then families by prefix.
constexpr Word kLcmExact[] = {
    {"RUNNING", QT_TRANSLATE_NOOP("Porthole::VmStateText", "running")},
    {"UNKNOWN", QT_TRANSLATE_NOOP("Porthole::VmStateText", "unknown")},
    {"LCM_INIT", QT_TRANSLATE_NOOP("Porthole::VmStateText", "init")},
};
constexpr Word kLcmFamilies[] = {
    {"BOOT", QT_TRANSLATE_NOOP("Porthole::VmStateText", "booting")},
    {"SHUTDOWN", QT_TRANSLATE_NOOP("Porthole::VmStateText", "shutting down")},
    {"MIGRATE", QT_TRANSLATE_NOOP("Porthole::VmStateText", "migrating")},
    {"PROLOG", QT_TRANSLATE_NOOP("Porthole::VmStateText", "preparing")},
    {"EPILOG", QT_TRANSLATE_NOOP("Porthole::VmStateText", "cleaning up")},
    {"CLEANUP", QT_TRANSLATE_NOOP("Porthole::VmStateText", "cleaning up")},
    {"SAVE", QT_TRANSLATE_NOOP("Porthole::VmStateText", "saving")},
    {"HOTPLUG", QT_TRANSLATE_NOOP("Porthole::VmStateText", "hot-plugging")},
    {"DISK_SNAPSHOT", QT_TRANSLATE_NOOP("Porthole::VmStateText", "disk snapshot")},
    {"DISK_RESIZE", QT_TRANSLATE_NOOP("Porthole::VmStateText", "resizing disk")},
    {"BACKUP", QT_TRANSLATE_NOOP("Porthole::VmStateText", "backing up")},
    {"RESTORE", QT_TRANSLATE_NOOP("Porthole::VmStateText", "restoring")},
};

QString translated(const char *text)
{
    return QCoreApplication::translate("Porthole::VmStateText", text);
}

} // namespace

QString VmStateText::label(const VirtualMachine &vm)
{
    return label(vm.state, vm.lcmState);
}

QString VmStateText::label(int state, int lcm)
{
    if (state != VmStates::Active) {
        const QString name = VmStates::stateName(state);
        for (const Word &w : kStates) {
            if (name == QLatin1String(w.name))
                return translated(w.text);
        }
        return name.toLower();
    }
    const QString name = VmStates::lcmStateName(lcm);
    for (const Word &w : kLcmExact) {
        if (name == QLatin1String(w.name))
            return translated(w.text);
    }
    for (const Word &w : kLcmFamilies) {
        if (name.startsWith(QLatin1String(w.name)))
            return translated(w.text);
    }
    return name.toLower(); // a state this table has no word for: oned's own
}

} // namespace Porthole
