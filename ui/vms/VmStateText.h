// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/VirtualMachine.h"

#include <QString>

namespace Porthole {

// A VM's state as the list, the details and a console's title show it, in the user's language:
// in English oned's own word in lower case ("running", "poweroff"), as operators know it from
// `onevm` and Sunstone; translated where a catalogue says so. LCM states that are steps of a
// longer action (BOOT_POWEROFF, SHUTDOWN_UNDEPLOY...) read as the step ("booting", "shutting
// down"). Tooltips keep oned's exact names and codes.
class VmStateText
{
public:
    static QString label(const VirtualMachine &vm);
    static QString label(int state, int lcm);
};

} // namespace Porthole
