// SPDX-License-Identifier: GPL-2.0-or-later
#include "base/Sentence.h"

#include <gtest/gtest.h>

using namespace Porthole;

TEST(Sentence, EachLineStartsWithACapitalUnlessItStartsWithANameTypedAsItIs)
{
    EXPECT_EQ(asSentence(u"the proxy refused the token"_qs), u"The proxy refused the token"_qs);
    EXPECT_EQ(asSentence(u"the VNC server is down\nreconnecting in 3 s"_qs),
        u"The VNC server is down\nReconnecting in 3 s"_qs);
    EXPECT_EQ(asSentence(u"porthole-cli probe says so"_qs), u"porthole-cli probe says so"_qs);
    EXPECT_EQ(asSentence(u"ws://127.0.0.1:1/ did not answer"_qs), u"ws://127.0.0.1:1/ did not answer"_qs);
    EXPECT_EQ(asSentence(u"noVNC needs a proxy"_qs), u"noVNC needs a proxy"_qs);
    EXPECT_EQ(asSentence(u"onevm unlock 7 first"_qs), u"onevm unlock 7 first"_qs);
    EXPECT_EQ(asSentence(u"Already a sentence."_qs), u"Already a sentence."_qs);
    EXPECT_EQ(asSentence(u"été"_qs), u"Été"_qs);
    EXPECT_EQ(asSentence(QString()), QString());
}
