// SPDX-License-Identifier: GPL-2.0-or-later
#include "base/Redact.h"

#include <gtest/gtest.h>

using Porthole::redact;
using Porthole::redactSession;

TEST(Redact, ShowsFirstFourCharactersOnly)
{
    EXPECT_EQ(redact(u"abcdef0123456789"), QStringLiteral("abcd…"));
}

TEST(Redact, HidesShortSecretsWhole)
{
    EXPECT_EQ(redact(u"abc"), QStringLiteral("…"));
    EXPECT_EQ(redact(u"abcd"), QStringLiteral("…"));
    EXPECT_EQ(redact(u""), QString());
}

TEST(Redact, SessionKeepsUserAndRedactsSecret)
{
    EXPECT_EQ(redactSession(u"oneadmin:password"), QStringLiteral("oneadmin:pass…"));
    EXPECT_EQ(redactSession(u"alice:pw"), QStringLiteral("alice:…"));
    EXPECT_EQ(redactSession(u"nocolonsecret"), QStringLiteral("noco…"));
}
