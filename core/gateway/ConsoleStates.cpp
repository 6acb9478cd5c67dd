// SPDX-License-Identifier: GPL-2.0-or-later
#include "gateway/ConsoleStates.h"

#include "cloud/VmStates.h"

namespace Porthole {

const QList<int> &ConsoleStates::lcmStates()
{
    static const QList<int> kStates {3, 4, 12, 13, 16, 17, 18, 24, 25, 26, 27, 28, 29, 57, 58, 62, 69};
    return kStates;
}

bool ConsoleStates::allowsConsole(int state, int lcmState)
{
    return state == VmStates::Active && lcmStates().contains(lcmState);
}

} // namespace Porthole
