// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QStringList>

namespace Porthole {

class CliSession;
class OneError;
struct Failure;

// `porthole-cli vm SUBCOMMAND`, next to `vm ID` (CloudCommands::vm): the administration commands
//   vm action ID ACTION [--wait]     one.vm.action, then (with --wait) until the VM settles
//   vm details ID                    disks, NICs, history, snapshots, lock, template
//   vm monitoring ID                 one.vm.monitoring's records
//   vm snapshots ID                  the system snapshots
//   vm snapshot-create ID NAME, vm snapshot-revert ID SNAP, vm snapshot-delete ID SNAP
// oned's refusals (wrong state, a lock, no MANAGE right) exit 3 with oned's words; an unknown
// VM exits 4.
class VmCommands
{
public:
    // The runners of CommandTable's "vm SUBCOMMAND" rows; arguments follow the subcommand.
    static int action(CliSession &session, const QStringList &arguments);
    static int details(CliSession &session, const QStringList &arguments);
    static int monitoring(CliSession &session, const QStringList &arguments);
    static int snapshots(CliSession &session, const QStringList &arguments);
    static int snapshotCreate(CliSession &session, const QStringList &arguments);
    static int snapshotRevert(CliSession &session, const QStringList &arguments);
    static int snapshotDelete(CliSession &session, const QStringList &arguments);

private:
    static int snapshotChange(CliSession &session, const QStringList &arguments, bool revert);
    // A refused action is "refused" (3), not "another oned error" (6).
    static Failure failureOf(const OneError &error);
};

} // namespace Porthole
