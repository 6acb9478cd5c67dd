// SPDX-License-Identifier: GPL-2.0-or-later
#include "ssh/SshTarget.h"

#include "ssh/SshError.h"
#include "tokens/ConsoleUrl.h"

#include <gtest/gtest.h>

using namespace Porthole;

TEST(SshTarget, ParsesWhatPeopleWrite)
{
    const auto full = SshTarget::parse(QStringLiteral("ssh://oneadmin@frontend.example.net:2222"));
    ASSERT_TRUE(full);
    EXPECT_EQ(full->user(), u"oneadmin");
    EXPECT_EQ(full->host(), u"frontend.example.net");
    EXPECT_EQ(full->port(), 2222);
    EXPECT_EQ(full->toString(), u"ssh://oneadmin@frontend.example.net:2222");
    // Without scheme, user or port: ~/.ssh/config may fill them in, so they stay unset.
    const auto bare = SshTarget::parse(QStringLiteral("bastion"));
    ASSERT_TRUE(bare);
    EXPECT_EQ(bare->user(), QString());
    EXPECT_EQ(bare->port(), 0);
    EXPECT_EQ(bare->toString(), u"ssh://bastion");
    EXPECT_EQ(SshTarget::parse(QStringLiteral("ssh://[fd00::1]:22"))->toString(), u"ssh://[fd00::1]:22");
}

TEST(SshTarget, RefusesPasswordsAndOtherSchemes)
{
    QString error;
    EXPECT_FALSE(SshTarget::parse(QStringLiteral("ssh://alice:hunter2@frontend"), &error));
    EXPECT_TRUE(error.contains(u"password does not belong in the URL")) << error.toStdString();
    EXPECT_FALSE(error.contains(u"hunter2")) << error.toStdString();
    EXPECT_FALSE(SshTarget::parse(QStringLiteral("http://frontend"), &error));
    EXPECT_FALSE(SshTarget::parse(QStringLiteral("ssh://frontend/path"), &error));
    EXPECT_FALSE(SshTarget::parse(QString(), &error));
}

TEST(SshTarget, ErrorIdsAreStable)
{
    EXPECT_EQ(sshErrorId(SshError::HostKeyChanged), u"host-key-changed");
    EXPECT_EQ(sshErrorId(SshError::HostKeyUnknown), u"host-key-unknown");
    EXPECT_EQ(sshErrorId(SshError::ConnectionLost), u"ssh-connection-lost");
}

TEST(ConsoleUrlVia, TheJumpHostTravelsInTheVncUrl)
{
    const auto url = ConsoleUrl::parse(QStringLiteral("vnc://node-7:5907?via=ssh://oneadmin@frontend:2222"));
    ASSERT_TRUE(url);
    EXPECT_EQ(url->host(), u"node-7");
    EXPECT_EQ(url->port(), 5907);
    EXPECT_EQ(url->via(), u"ssh://oneadmin@frontend:2222");
    EXPECT_EQ(url->displayString(), u"vnc://node-7:5907 via ssh://oneadmin@frontend:2222");
    const auto again = ConsoleUrl::parse(url->connectUrl().toString());
    ASSERT_TRUE(again);
    EXPECT_EQ(*again, *url);
    EXPECT_EQ(ConsoleUrl::parse(QStringLiteral("vnc://node-7:5907"))->via(), QString());
}
