// SPDX-License-Identifier: GPL-2.0-or-later
#include "profiles/HostOverrides.h"

#include "cloud/VmStates.h"
#include "profiles/ConsoleResolver.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QSignalSpy>

using namespace Porthole;

namespace {

VirtualMachine runningOn(const QString &host)
{
    VirtualMachine vm;
    vm.id = 9;
    vm.state = VmStates::Active;
    vm.lcmState = VmStates::Running;
    vm.host = host;
    vm.graphics = VmGraphics {QStringLiteral("VNC"), QStringLiteral("0.0.0.0"), 5909, {}};
    return vm;
}

// Runs resolve() to its (always later) callback.
ConsoleResolver::Resolution resolve(const ConnectionProfile &profile, const VirtualMachine &vm)
{
    ConsoleResolver resolver(nullptr, nullptr);
    resolver.setProfile(profile);
    std::optional<ConsoleResolver::Resolution> result;
    QObject context;
    resolver.resolve(vm, &context, [&](const ConsoleResolver::Resolution &r) { result = r; });
    while (!result)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return *result;
}

} // namespace

TEST(HostOverrides, MappedNamesFirstCaseInsensitiveThenTheDefaultDomain)
{
    const HostOverrides overrides(
        {QStringLiteral("node-7=10.0.0.7"), QStringLiteral("v6=[fd00::7]")}, QStringLiteral(".dc1.example.net"));
    EXPECT_EQ(overrides.addressOf(QStringLiteral("node-7")), u"10.0.0.7");
    EXPECT_EQ(overrides.addressOf(QStringLiteral("NODE-7")), u"10.0.0.7");
    EXPECT_EQ(overrides.addressOf(QStringLiteral("v6")), u"fd00::7");
    EXPECT_EQ(overrides.addressOf(QStringLiteral("node-8")), u"node-8.dc1.example.net");
    // Full names and addresses are dialled as they are.
    EXPECT_EQ(overrides.addressOf(QStringLiteral("node-9.other.org")), u"node-9.other.org");
    EXPECT_EQ(overrides.addressOf(QStringLiteral("192.0.2.4")), u"192.0.2.4");
    EXPECT_EQ(overrides.addressOf(QStringLiteral("fd00::9")), u"fd00::9");
    EXPECT_EQ(HostOverrides().addressOf(QStringLiteral("node-8")), u"node-8");
}

TEST(HostOverrides, ParsesAListAndNamesTheBadEntry)
{
    QStringList mappings;
    QString error;
    ASSERT_TRUE(
        HostOverrides::parse(QStringLiteral(" node-7=10.0.0.7, node-8=n8.example.net;x=y "), &mappings, &error));
    EXPECT_EQ(mappings,
        (QStringList {
            QStringLiteral("node-7=10.0.0.7"), QStringLiteral("node-8=n8.example.net"), QStringLiteral("x=y")}));
    EXPECT_FALSE(HostOverrides::parse(QStringLiteral("a=b, node-9"), &mappings, &error));
    EXPECT_EQ(error, u"'node-9' is not HOSTNAME=ADDRESS");
    EXPECT_FALSE(HostOverrides::parse(QStringLiteral("=10.0.0.1"), &mappings, &error));
}

TEST(HostOverrides, DirectConsolesDialTheOverriddenAddress)
{
    ConnectionProfile profile;
    profile.consoleAccess = ConnectionProfile::ConsoleAccess::Direct;
    profile.hostAddresses = {QStringLiteral("node-7=10.0.0.7")};
    profile.defaultDomain = QStringLiteral("dc1.example.net");
    const auto mapped = resolve(profile, runningOn(QStringLiteral("node-7")));
    ASSERT_TRUE(mapped.url) << mapped.error.toStdString();
    EXPECT_EQ(mapped.url->host(), u"10.0.0.7");
    EXPECT_EQ(mapped.url->port(), 5909);
    EXPECT_TRUE(mapped.url->via().isEmpty());
    EXPECT_EQ(resolve(profile, runningOn(QStringLiteral("node-8"))).url->host(), u"node-8.dc1.example.net");
}

TEST(HostOverrides, SshJumpConsolesGoThroughTheOnedHostByDefault)
{
    ConnectionProfile profile;
    profile.endpoint = QUrl(QStringLiteral("https://frontend.example.net:2633/RPC2"));
    profile.consoleAccess = ConnectionProfile::ConsoleAccess::SshJump;
    profile.hostAddresses = {QStringLiteral("node-7=10.0.0.7")};
    EXPECT_EQ(profile.effectiveSshJumpHost(), u"ssh://frontend.example.net");
    const auto viaOned = resolve(profile, runningOn(QStringLiteral("node-7")));
    ASSERT_TRUE(viaOned.url) << viaOned.error.toStdString();
    EXPECT_EQ(viaOned.url->host(), u"10.0.0.7");
    EXPECT_EQ(viaOned.url->via(), u"ssh://frontend.example.net");
    EXPECT_EQ(viaOned.url->displayString(), u"vnc://10.0.0.7:5909 via ssh://frontend.example.net");
    // The URL carries the jump host, as --connect hands it on.
    EXPECT_EQ(ConsoleUrl::parse(viaOned.url->connectUrl().toString())->via(), u"ssh://frontend.example.net");

    profile.sshJumpHost = QStringLiteral("ssh://ops@bastion:2222");
    EXPECT_EQ(resolve(profile, runningOn(QStringLiteral("node-7"))).url->via(), u"ssh://ops@bastion:2222");
    EXPECT_EQ(ConnectionProfile::accessFromKey(ConnectionProfile::accessKey(profile.consoleAccess)),
        ConnectionProfile::ConsoleAccess::SshJump);
}
