// SPDX-License-Identifier: GPL-2.0-or-later
#include "profiles/ConsoleTokenCache.h"

#include "proxy/LocalTokenProxy.h"

#include <gtest/gtest.h>

using namespace Porthole;

namespace {
const TokenTarget kNode {QStringLiteral("node-1"), 5907};
} // namespace

TEST(ConsoleTokenCache, AVmKeepsItsTokenWhileItIsGood)
{
    LocalTokenProxy proxy; // minting needs no listening proxy
    ConsoleTokenCache cache(&proxy);
    const QString first = cache.tokenFor(7, kNode);
    ASSERT_FALSE(first.isEmpty());
    EXPECT_EQ(cache.tokenFor(7, kNode), first);
    EXPECT_EQ(cache.tokenFor(7, kNode), first);
    EXPECT_EQ(proxy.minted().size(), 1) << "three requests, one token";

    // Another VM, or the same VM somewhere else, is another target: another token.
    const QString other = cache.tokenFor(8, kNode);
    EXPECT_NE(other, first);
    const QString moved = cache.tokenFor(7, TokenTarget {QStringLiteral("node-2"), 5907});
    EXPECT_NE(moved, first);
    EXPECT_EQ(cache.tokenFor(8, kNode), other);
    EXPECT_EQ(proxy.minted().size(), 3);
}

TEST(ConsoleTokenCache, ATokenAboutToExpireIsReplaced)
{
    LocalTokenProxy proxy;
    ConsoleTokenCache cache(&proxy);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString first = cache.tokenFor(7, kNode, now);
    const QDateTime expires = proxy.findMinted(first)->expiresAt;
    const qint64 margin = ConsoleTokenCache::kMinSecondsLeft;
    EXPECT_EQ(cache.tokenFor(7, kNode, expires.addSecs(-margin - 60)), first);
    const QString fresh = cache.tokenFor(7, kNode, expires.addSecs(-margin + 60));
    EXPECT_NE(fresh, first) << "less than the margin left";
    EXPECT_EQ(cache.tokenFor(7, kNode, now), fresh);
}

TEST(ConsoleTokenCache, ARevokedOrRefusedTokenIsNeverHandedOutAgain)
{
    LocalTokenProxy proxy;
    ConsoleTokenCache cache(&proxy);
    const QString first = cache.tokenFor(7, kNode);
    proxy.revoke(first); // the proxy panel's Revoke
    EXPECT_FALSE(proxy.findMinted(first));
    const QString second = cache.tokenFor(7, kNode);
    EXPECT_NE(second, first);

    // Refused by the proxy while it still lists it (a console said so): gone all the same.
    cache.forget(second);
    const QString third = cache.tokenFor(7, kNode);
    EXPECT_NE(third, second);
    EXPECT_NE(third, first);
    EXPECT_EQ(cache.tokenFor(7, kNode), third);

    // Forgetting a token no VM holds changes nothing.
    cache.forget(QStringLiteral("not-a-token"));
    EXPECT_EQ(cache.tokenFor(7, kNode), third);
}

TEST(ConsoleTokenCache, WithoutAProxyThereIsNoToken)
{
    auto proxy = std::make_unique<LocalTokenProxy>();
    ConsoleTokenCache cache(proxy.get());
    EXPECT_FALSE(cache.tokenFor(7, kNode).isEmpty());
    proxy.reset();
    EXPECT_TRUE(cache.tokenFor(7, kNode).isEmpty());
}
