// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/ReconnectBackoff.h"

#include <gtest/gtest.h>

using Porthole::ReconnectBackoff;

TEST(ReconnectBackoff, DoublesUpToTheCap)
{
    ReconnectBackoff backoff;
    std::vector<int> delays;
    for (int i = 0; i < 8; ++i)
        delays.push_back(backoff.nextDelayMs());
    EXPECT_EQ(delays, (std::vector<int> {1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000}));
    EXPECT_EQ(backoff.attempts(), 8);
}

TEST(ReconnectBackoff, ShortSessionsKeepBackingOffLongOnesReset)
{
    ReconnectBackoff backoff;
    backoff.nextDelayMs();
    backoff.nextDelayMs();
    backoff.sessionLasted(5000);
    EXPECT_EQ(backoff.nextDelayMs(), 4000);
    backoff.sessionLasted(60000);
    EXPECT_EQ(backoff.nextDelayMs(), 1000);
    EXPECT_EQ(backoff.attempts(), 1);
}

TEST(ReconnectBackoff, OddBoundsAreSane)
{
    ReconnectBackoff backoff(0, -5);
    EXPECT_EQ(backoff.nextDelayMs(), 1);
    EXPECT_EQ(backoff.nextDelayMs(), 1);
    ReconnectBackoff custom(300, 1000);
    EXPECT_EQ(custom.nextDelayMs(), 300);
    EXPECT_EQ(custom.nextDelayMs(), 600);
    EXPECT_EQ(custom.nextDelayMs(), 1000);
}
