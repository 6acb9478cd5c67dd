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

// A session's secret may be a password: no character of it is shown (issue 13 D2).
TEST(Redact, SessionKeepsTheUserAndNoCharacterOfTheSecret)
{
    EXPECT_EQ(redactSession(u"oneadmin:password"), QStringLiteral("oneadmin:…"));
    EXPECT_EQ(redactSession(u"alice:pw"), QStringLiteral("alice:…"));
    EXPECT_EQ(redactSession(u"alice:"), QStringLiteral("alice:"));
    EXPECT_EQ(redactSession(u"nocolonsecret"), QStringLiteral("…"));
}
