// SPDX-License-Identifier: GPL-2.0-or-later
#include "profiles/ConsoleResolver.h"

#include "cloud/OneClient.h"
#include "cloud/VmStates.h"
#include "proxy/LocalTokenProxy.h"

#include <gtest/gtest.h>

#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace Porthole;

namespace {

VirtualMachine runningVnc()
{
    VirtualMachine vm;
    vm.id = 7;
    vm.state = VmStates::Active;
    vm.lcmState = VmStates::Running;
    vm.host = QStringLiteral("node-1");
    vm.graphics = VmGraphics {QStringLiteral("VNC"), QStringLiteral("0.0.0.0"), 5907, {}};
    return vm;
}

std::unique_ptr<ConsoleResolver> resolverFor(ConnectionProfile::ConsoleAccess access, const QString &proxyUrl = {})
{
    ConnectionProfile profile;
    profile.consoleAccess = access;
    profile.consoleProxyUrl = QUrl(proxyUrl);
    auto resolver = std::make_unique<ConsoleResolver>(nullptr, nullptr);
    resolver->setProfile(profile);
    return resolver;
}

} // namespace

TEST(ConsoleResolverWhyNoConsole, ARunningVncVmCanBeTried)
{
    const VirtualMachine vm = runningVnc();
    EXPECT_EQ(resolverFor(ConnectionProfile::ConsoleAccess::Direct)->whyNoConsole(vm), QString());
    EXPECT_EQ(resolverFor(ConnectionProfile::ConsoleAccess::VncToken, QStringLiteral("wss://fe:29876/websockify"))
                  ->whyNoConsole(vm),
        QString());
}

TEST(ConsoleResolverWhyNoConsole, SaysWhatIsMissing)
{
    const auto direct = resolverFor(ConnectionProfile::ConsoleAccess::Direct);

    VirtualMachine none = runningVnc();
    none.graphics.reset();
    EXPECT_EQ(direct->whyNoConsole(none), u"VM 7 has no graphics console configured.");

    VirtualMachine spice = runningVnc();
    spice.graphics->type = QStringLiteral("spice");
    EXPECT_EQ(direct->whyNoConsole(spice), u"VM 7 has a SPICE console; open it in remote-viewer.");

    VirtualMachine off = runningVnc();
    off.state = VmStates::Poweroff;
    off.lcmState = 0;
    const QString why = direct->whyNoConsole(off);
    EXPECT_TRUE(why.startsWith(u"VM 7 is ")) << why.toStdString();
    EXPECT_TRUE(why.endsWith(u": a console needs it running.")) << why.toStdString();

    VirtualMachine pending = runningVnc();
    pending.host.clear();
    EXPECT_EQ(
        direct->whyNoConsole(pending), u"VM 7 has no host or VNC port yet; oned assigns them when it deploys the VM.");

    // Token access needs no host or port, but a console proxy URL.
    const auto token = resolverFor(ConnectionProfile::ConsoleAccess::VncToken, QStringLiteral("http://x"));
    EXPECT_TRUE(token->whyNoConsole(runningVnc()).startsWith(u"Set the console proxy URL"));
    EXPECT_EQ(
        resolverFor(ConnectionProfile::ConsoleAccess::VncToken, QStringLiteral("ws://fe:1/"))->whyNoConsole(pending),
        QString());
}

TEST(ConsoleResolverWhyNoConsole, DemoVmsWithoutAServerSaySo)
{
    auto direct = resolverFor(ConnectionProfile::ConsoleAccess::Direct);
    direct->setDemoVmsWithoutConsole({7});
    EXPECT_EQ(direct->whyNoConsole(runningVnc()), u"VM 7 is a demo VM with no console server behind it.");
}

TEST(ConsoleResolverGateway, TokensFromRpc2ConsolesAtWebsockify)
{
    ConnectionProfile profile;
    profile.consoleAccess = ConnectionProfile::ConsoleAccess::Gateway;
    profile.gatewayUrl = QUrl(QStringLiteral("https://frontend:29876"));
    profile.vnctokenEndpoint = QUrl(QStringLiteral("http://ignored:2644/RPC2"));
    EXPECT_EQ(profile.effectiveVnctokenEndpoint(), QUrl(QStringLiteral("https://frontend:29876/RPC2")));
    EXPECT_EQ(profile.effectiveConsoleProxyUrl(), QUrl(QStringLiteral("wss://frontend:29876/websockify")));
    EXPECT_EQ(profile.toOneSettings(QStringLiteral("pw")).vnctokenEndpoint, profile.effectiveVnctokenEndpoint());
    EXPECT_TRUE(profile.usesTokens());
    // Below nginx's prefix, and plain http.
    profile.gatewayUrl = QUrl(QStringLiteral("http://consoles.example.org/porthole/"));
    EXPECT_EQ(profile.effectiveVnctokenEndpoint(), QUrl(QStringLiteral("http://consoles.example.org/porthole/RPC2")));
    EXPECT_EQ(
        profile.effectiveConsoleProxyUrl(), QUrl(QStringLiteral("ws://consoles.example.org/porthole/websockify")));
    // The other modes keep their fields.
    profile.consoleAccess = ConnectionProfile::ConsoleAccess::VncToken;
    EXPECT_EQ(profile.effectiveVnctokenEndpoint(), QUrl(QStringLiteral("http://ignored:2644/RPC2")));
}

TEST(ConsoleResolverGateway, WithoutAGatewayUrlSaysSo)
{
    ConnectionProfile profile;
    profile.consoleAccess = ConnectionProfile::ConsoleAccess::Gateway;
    ConsoleResolver resolver(nullptr, nullptr);
    resolver.setProfile(profile);
    EXPECT_EQ(resolver.whyNoConsole(runningVnc()),
        u"Set the console gateway's URL (e.g. https://frontend:29876) in the profile.");
    profile.gatewayUrl = QUrl(QStringLiteral("https://frontend:29876"));
    resolver.setProfile(profile);
    EXPECT_EQ(resolver.whyNoConsole(runningVnc()), QString());
}

TEST(ConsoleResolverSpice, DialsTheHostThroughTheJumpHostWithThePassword)
{
    VirtualMachine spice = runningVnc();
    spice.graphics = VmGraphics {QStringLiteral("spice"), QStringLiteral("0.0.0.0"), 5903, QStringLiteral("pw")};
    ConnectionProfile profile;
    profile.consoleAccess = ConnectionProfile::ConsoleAccess::SshJump;
    profile.sshJumpHost = QStringLiteral("ssh://oneadmin@frontend");
    profile.defaultDomain = QStringLiteral("dc1.example.net");
    ConsoleResolver resolver(nullptr, nullptr);
    resolver.setProfile(profile);
    QString error;
    const std::optional<ConsoleUrl> url = resolver.spiceUrl(spice, &error);
    ASSERT_TRUE(url) << error.toStdString();
    EXPECT_EQ(url->host(), u"node-1.dc1.example.net");
    EXPECT_EQ(url->port(), 5903);
    EXPECT_EQ(url->via(), u"ssh://oneadmin@frontend");
    EXPECT_EQ(url->password(), std::optional<QString>(QStringLiteral("pw")));

    // A token proxy carries VNC only: SPICE goes to the host itself, as Sunstone sends it.
    profile.consoleAccess = ConnectionProfile::ConsoleAccess::VncToken;
    resolver.setProfile(profile);
    const std::optional<ConsoleUrl> direct = resolver.spiceUrl(spice, &error);
    ASSERT_TRUE(direct) << error.toStdString();
    EXPECT_FALSE(direct->isWebSocket());
    EXPECT_TRUE(direct->via().isEmpty());
}

TEST(ConsoleResolverSpice, SaysWhyThereIsNone)
{
    const auto direct = resolverFor(ConnectionProfile::ConsoleAccess::Direct);
    QString error;
    EXPECT_FALSE(direct->spiceUrl(runningVnc(), &error));
    EXPECT_EQ(error, u"VM 7 has no SPICE console.");
    VirtualMachine pending = runningVnc();
    pending.graphics->type = QStringLiteral("SPICE");
    pending.graphics->port = -1;
    EXPECT_FALSE(direct->spiceUrl(pending, &error));
    EXPECT_EQ(error, u"VM 7 has no host or SPICE port yet; oned assigns them when it deploys the VM.");
}

// Issue 14: every Copy console URL / Token details minted another hour-long token.
TEST(ConsoleResolverLocalProxy, AVmKeepsItsTokenUntilItIsRefused)
{
    LocalTokenProxy proxy;
    QString error;
    ASSERT_TRUE(proxy.start(&error)) << error.toStdString();
    ConnectionProfile profile;
    profile.consoleAccess = ConnectionProfile::ConsoleAccess::LocalProxy;
    ConsoleResolver resolver(nullptr, &proxy);
    resolver.setProfile(profile);
    const auto tokenOf = [&resolver](const VirtualMachine &vm) {
        QObject context;
        std::optional<ConsoleResolver::Resolution> out;
        resolver.resolve(vm, &context, [&out](const ConsoleResolver::Resolution &r) { out = r; });
        EXPECT_TRUE(QTest::qWaitFor([&out] { return out.has_value(); }));
        return out && out->url ? out->url->token() : QString();
    };
    const QString first = tokenOf(runningVnc());
    ASSERT_FALSE(first.isEmpty());
    EXPECT_EQ(tokenOf(runningVnc()), first);
    EXPECT_EQ(tokenOf(runningVnc()), first);
    EXPECT_EQ(proxy.minted().size(), 1);

    resolver.tokenRefused(first);
    const QString fresh = tokenOf(runningVnc());
    EXPECT_NE(fresh, first);
    EXPECT_EQ(proxy.minted().size(), 2);
}

// addon-vnctoken not listening: the sentence says what to check, the remedy which setting it is,
// for the desktop to name its field (not porthole-cli's --vnctoken-endpoint).
TEST(ConsoleResolverToken, AnUnreachableAddonNamesTheVnctokenEndpointAsTheRemedy)
{
    QTcpServer closed;
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost));
    const QUrl addon(QStringLiteral("http://127.0.0.1:%1/RPC2").arg(closed.serverPort()));
    closed.close();
    ConnectionProfile profile;
    profile.endpoint = addon;
    profile.user = QStringLiteral("oneadmin");
    profile.vnctokenEndpoint = addon;
    profile.consoleProxyUrl = QUrl(QStringLiteral("ws://127.0.0.1:29876/websockify"));
    OneClient client(profile.toOneSettings(QStringLiteral("pw")));
    ConsoleResolver resolver(&client, nullptr);
    resolver.setProfile(profile);
    std::optional<ConsoleResolver::Resolution> result;
    QObject context;
    resolver.resolve(runningVnc(), &context, [&](const ConsoleResolver::Resolution &r) { result = r; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return result.has_value(); }, 30000));
    EXPECT_FALSE(result->url);
    EXPECT_TRUE(result->error.contains(u"is the vnctoken endpoint right?")) << qPrintable(result->error);
    EXPECT_FALSE(result->error.contains(u"--")) << qPrintable(result->error);
    EXPECT_EQ(result->remedies, Remedies(Remedy::VnctokenEndpoint));
}
