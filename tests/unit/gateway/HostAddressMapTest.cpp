// SPDX-License-Identifier: GPL-2.0-or-later
#include "gateway/HostAddressMap.h"

#include <gtest/gtest.h>

using namespace Porthole;

TEST(HostAddressMap, MapsNamesCaseInsensitivelyAndPassesOthersThrough)
{
    HostAddressMap map;
    QString error;
    ASSERT_TRUE(map.add(QStringLiteral("node1=10.0.0.5"), &error)) << qPrintable(error);
    ASSERT_TRUE(map.add(QStringLiteral("Node2=[fd00::5]"), &error)) << qPrintable(error);
    ASSERT_TRUE(map.add(QStringLiteral("node3 = kvm3.internal"), &error)) << qPrintable(error);
    EXPECT_EQ(map.addressOf(QStringLiteral("NODE1")), QStringLiteral("10.0.0.5"));
    EXPECT_EQ(map.addressOf(QStringLiteral("node2")), QStringLiteral("fd00::5"));
    EXPECT_EQ(map.addressOf(QStringLiteral("node3")), QStringLiteral("kvm3.internal"));
    EXPECT_EQ(map.addressOf(QStringLiteral("other")), QStringLiteral("other"));
}

TEST(HostAddressMap, RefusesMalformedMappings)
{
    HostAddressMap map;
    for (const char *bad : {"node1", "=10.0.0.1", "node1=", "node1=10.0.0.1:5900", "node1=a b", "node1=/etc"}) {
        QString error;
        EXPECT_FALSE(map.add(QString::fromLatin1(bad), &error)) << bad;
        EXPECT_TRUE(error.contains(QStringLiteral("--host-address"))) << qPrintable(error);
    }
    EXPECT_TRUE(map.isEmpty());
}
