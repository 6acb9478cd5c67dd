// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/VmActions.h"

#include <QString>
#include <QVariantList>

namespace Porthole {

// One oned call as data: the method and its parameters after the session. OneClient sends
// these; tests compare their encoding byte for byte (VmRequestsTest).
struct OneRequest
{
    QString method;
    QVariantList params;
};

// The VM administration calls, with oned 7.4's signatures (src/rm/xml-rpc/VirtualMachineXRPC.h):
//   one.vm.action(session, string action, int id)
//   one.vm.monitoring(session, int id)
//   one.vm.snapshotcreate(session, int id, string name)
//   one.vm.snapshotrevert(session, int id, int snapshot)
//   one.vm.snapshotdelete(session, int id, int snapshot)
//   one.vm.info(session, int id, bool decrypt)
class VmRequests
{
public:
    static OneRequest action(int vmId, VmAction action);
    static OneRequest monitoring(int vmId);
    static OneRequest snapshotCreate(int vmId, const QString &name);
    static OneRequest snapshotRevert(int vmId, int snapshotId);
    static OneRequest snapshotDelete(int vmId, int snapshotId);
    static OneRequest info(int vmId);
};

} // namespace Porthole
