// SPDX-License-Identifier: GPL-2.0-or-later
#include "gateway/ConsoleStates.h"

#include "cloud/VmStates.h"

#include <gtest/gtest.h>

using namespace Porthole;

TEST(ConsoleStates, FireEdgeSevenVncStates)
{
    // FireEdge 7's [VM_ACTIONS.VNC] list, by name through the OCA's table.
    const QStringList expected {QStringLiteral("RUNNING"), QStringLiteral("MIGRATE"), QStringLiteral("SHUTDOWN"),
        QStringLiteral("CANCEL"), QStringLiteral("UNKNOWN"), QStringLiteral("HOTPLUG"),
        QStringLiteral("SHUTDOWN_POWEROFF"), QStringLiteral("HOTPLUG_SNAPSHOT"), QStringLiteral("HOTPLUG_NIC"),
        QStringLiteral("HOTPLUG_SAVEAS"), QStringLiteral("HOTPLUG_SAVEAS_POWEROFF"),
        QStringLiteral("HOTPLUG_SAVEAS_SUSPENDED"), QStringLiteral("SHUTDOWN_UNDEPLOY"),
        QStringLiteral("DISK_SNAPSHOT"), QStringLiteral("DISK_SNAPSHOT_REVERT"), QStringLiteral("DISK_RESIZE"),
        QStringLiteral("BACKUP")};
    QStringList names;
    for (int lcm : ConsoleStates::lcmStates())
        names << VmStates::lcmStateName(lcm);
    EXPECT_EQ(names, expected);
    int allowed = 0;
    for (int lcm = 0; lcm < VmStates::lcmStateCount(); ++lcm) {
        if (ConsoleStates::allowsConsole(VmStates::Active, lcm))
            ++allowed;
    }
    EXPECT_EQ(allowed, 17);
}

TEST(ConsoleStates, OnlyActiveVmsAndNotBootOrPoweroff)
{
    EXPECT_TRUE(ConsoleStates::allowsConsole(VmStates::Active, VmStates::Running));
    EXPECT_FALSE(ConsoleStates::allowsConsole(VmStates::Active, 2)); // BOOT
    EXPECT_FALSE(ConsoleStates::allowsConsole(VmStates::Active, 70)); // BACKUP_POWEROFF
    EXPECT_FALSE(ConsoleStates::allowsConsole(VmStates::Poweroff, VmStates::LcmInit));
    EXPECT_FALSE(ConsoleStates::allowsConsole(VmStates::Suspended, VmStates::Running));
    EXPECT_FALSE(ConsoleStates::allowsConsole(VmStates::Pending, VmStates::Running));
}
