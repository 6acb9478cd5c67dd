// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "demo/DemoVm.h"

#include <QString>

#include <vector>

class QXmlStreamWriter;

namespace Porthole {

// Writes demo VMs in oned 6.10's document shapes: the short body of
// one.vmpool.info (VirtualMachine::to_xml_short: GRAPHICS children and the
// history HOSTNAME as CDATA, no PERMISSIONS) and the full body of one.vm.info
// and one.vmpool.infoextended (PERMISSIONS, the whole TEMPLATE as CDATA, the
// history with its times). Element order follows the recorded oned payloads.
class DemoVmXml
{
public:
    static void writeShort(QXmlStreamWriter &writer, const DemoVm &vm);
    static void writeFull(QXmlStreamWriter &writer, const DemoVm &vm);

    static QString fullDocument(const DemoVm &vm);
    static QString poolDocument(const std::vector<const DemoVm *> &vms, bool extended);
};

} // namespace Porthole
