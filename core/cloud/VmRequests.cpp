// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/VmRequests.h"

namespace Porthole {

OneRequest VmRequests::action(int vmId, VmAction action)
{
    // The action string comes first: oned's order, not the other calls'.
    return {QStringLiteral("one.vm.action"), {VmActions::name(action), vmId}};
}

OneRequest VmRequests::monitoring(int vmId)
{
    return {QStringLiteral("one.vm.monitoring"), {vmId}};
}

OneRequest VmRequests::snapshotCreate(int vmId, const QString &name)
{
    return {QStringLiteral("one.vm.snapshotcreate"), {vmId, name}};
}

OneRequest VmRequests::snapshotRevert(int vmId, int snapshotId)
{
    return {QStringLiteral("one.vm.snapshotrevert"), {vmId, snapshotId}};
}

OneRequest VmRequests::snapshotDelete(int vmId, int snapshotId)
{
    return {QStringLiteral("one.vm.snapshotdelete"), {vmId, snapshotId}};
}

OneRequest VmRequests::info(int vmId)
{
    return {QStringLiteral("one.vm.info"), {vmId, false}};
}

} // namespace Porthole
