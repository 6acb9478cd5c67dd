// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/VmStates.h"

#include <gtest/gtest.h>

using Porthole::VmStates;

TEST(VmStates, VmStateNamesMatchOned)
{
    EXPECT_EQ(VmStates::stateCount(), 12);
    EXPECT_EQ(VmStates::stateName(0), u"INIT");
    EXPECT_EQ(VmStates::stateName(1), u"PENDING");
    EXPECT_EQ(VmStates::stateName(2), u"HOLD");
    EXPECT_EQ(VmStates::stateName(3), u"ACTIVE");
    EXPECT_EQ(VmStates::stateName(6), u"DONE");
    EXPECT_EQ(VmStates::stateName(7), u"FAILED");
    EXPECT_EQ(VmStates::stateName(8), u"POWEROFF");
    EXPECT_EQ(VmStates::stateName(9), u"UNDEPLOYED");
    EXPECT_EQ(VmStates::stateName(11), u"CLONING_FAILURE");
    EXPECT_EQ(VmStates::stateName(12), u"STATE_12");
    EXPECT_EQ(VmStates::stateName(-1), u"STATE_-1");
}

TEST(VmStates, LcmStateNamesMatchOned)
{
    EXPECT_EQ(VmStates::lcmStateCount(), 72);
    EXPECT_EQ(VmStates::lcmStateName(0), u"LCM_INIT");
    EXPECT_EQ(VmStates::lcmStateName(3), u"RUNNING");
    EXPECT_EQ(VmStates::lcmStateName(13), u"CANCEL");
    EXPECT_EQ(VmStates::lcmStateName(14), u"FAILURE");
    EXPECT_EQ(VmStates::lcmStateName(15), u"CLEANUP_RESUBMIT");
    EXPECT_EQ(VmStates::lcmStateName(18), u"SHUTDOWN_POWEROFF");
    EXPECT_EQ(VmStates::lcmStateName(25), u"HOTPLUG_NIC");
    EXPECT_EQ(VmStates::lcmStateName(36), u"BOOT_FAILURE");
    EXPECT_EQ(VmStates::lcmStateName(58), u"DISK_SNAPSHOT_REVERT");
    EXPECT_EQ(VmStates::lcmStateName(62), u"DISK_RESIZE");
    EXPECT_EQ(VmStates::lcmStateName(68), u"HOTPLUG_SAVEAS_STOPPED");
    EXPECT_EQ(VmStates::lcmStateName(69), u"BACKUP");
    EXPECT_EQ(VmStates::lcmStateName(70), u"BACKUP_POWEROFF");
    EXPECT_EQ(VmStates::lcmStateName(71), u"RESTORE");
    EXPECT_EQ(VmStates::lcmStateName(72), u"LCM_72");
    EXPECT_EQ(VmStates::lcmStateName(99), u"LCM_99");
}

TEST(VmStates, DisplayStateIsOnevmListShortForm)
{
    EXPECT_EQ(VmStates::displayState(3, 3), u"runn");
    EXPECT_EQ(VmStates::displayState(1, 0), u"pend");
    EXPECT_EQ(VmStates::displayState(2, 0), u"hold");
    EXPECT_EQ(VmStates::displayState(8, 0), u"poff");
    EXPECT_EQ(VmStates::displayState(6, 0), u"done");
    EXPECT_EQ(VmStates::displayState(7, 0), u"fail");
    EXPECT_EQ(VmStates::displayState(9, 0), u"unde");
    EXPECT_EQ(VmStates::displayState(3, 36), u"fail");
    EXPECT_EQ(VmStates::displayState(3, 18), u"shut");
    EXPECT_EQ(VmStates::displayState(3, 62), u"drsz");
    EXPECT_EQ(VmStates::displayState(3, 69), u"back");
    EXPECT_EQ(VmStates::displayState(3, 71), u"rest");
    EXPECT_EQ(VmStates::displayState(3, 0), u"init");
    // LCM state only matters when ACTIVE
    EXPECT_EQ(VmStates::displayState(8, 3), u"poff");
    EXPECT_EQ(VmStates::displayState(3, 99), u"LCM_99");
    EXPECT_EQ(VmStates::displayState(42, 3), u"STATE_42");
}

TEST(VmStates, StateFromName)
{
    EXPECT_EQ(VmStates::stateFromName(u"POWEROFF"), 8);
    EXPECT_EQ(VmStates::stateFromName(u"poweroff"), 8);
    EXPECT_EQ(VmStates::stateFromName(u" Pending "), 1);
    EXPECT_EQ(VmStates::stateFromName(u"cloning_failure"), 11);
    EXPECT_EQ(VmStates::stateFromName(u"poff"), 8);
    EXPECT_EQ(VmStates::stateFromName(u"actv"), 3);
    EXPECT_EQ(VmStates::stateFromName(u"3"), 3);
    EXPECT_EQ(VmStates::stateFromName(u"fail"), std::nullopt); // FAILED or CLONING_FAILURE?
    EXPECT_EQ(VmStates::stateFromName(u"RUNNING"), std::nullopt); // an LCM state, not a filter
    EXPECT_EQ(VmStates::stateFromName(u"12"), std::nullopt);
    EXPECT_EQ(VmStates::stateFromName(u""), std::nullopt);
    EXPECT_EQ(VmStates::stateFromName(u"bogus"), std::nullopt);
}

TEST(VmStates, ConsolePossibleFollowsSunstoneVncStates)
{
    for (int lcm : {3, 4, 12, 16, 17, 18, 24, 25, 26, 27, 28, 29, 57, 62, 69})
        EXPECT_TRUE(VmStates::consolePossible(3, lcm)) << lcm;
    for (int lcm : {0, 1, 2, 5, 11, 14, 15, 19, 36, 58, 70, 71, 99, -1})
        EXPECT_FALSE(VmStates::consolePossible(3, lcm)) << lcm;
    EXPECT_FALSE(VmStates::consolePossible(8, 3)); // POWEROFF
    EXPECT_FALSE(VmStates::consolePossible(2, 3));
    EXPECT_FALSE(VmStates::consolePossible(1, 0));
}
