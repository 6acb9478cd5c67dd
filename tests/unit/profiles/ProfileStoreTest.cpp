// SPDX-License-Identifier: GPL-2.0-or-later
#include "profiles/ProfileStore.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

using namespace Porthole;

namespace {
ConnectionProfile sample()
{
    ConnectionProfile p;
    p.name = u"Production"_qs;
    p.endpoint = QUrl(u"https://one.example.com:2633/RPC2"_qs);
    p.user = u"alice"_qs;
    p.authentication = ConnectionProfile::Authentication::LoginToken;
    p.vnctokenEndpoint = QUrl(u"https://one.example.com:2644/RPC2"_qs);
    p.consoleProxyUrl = QUrl(u"wss://frontend:29876/websockify"_qs);
    p.consoleAccess = ConnectionProfile::ConsoleAccess::LocalProxy;
    p.caFile = u"/etc/ssl/one-ca.pem"_qs;
    p.pinSha256 = u"AB:CD"_qs;
    p.timeoutSeconds = 120;
    p.rememberSecret = true;
    p.sshJumpHost = u"ssh://ops@bastion:2222"_qs;
    p.hostAddresses = {u"node-7=10.0.0.7"_qs, u"node-8=[fd00::8]"_qs};
    p.defaultDomain = u"dc1.example.net"_qs;
    return p;
}
} // namespace

TEST(ProfileStore, RoundTripsEveryField)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"porthole.conf"_qs);
    {
        QSettings settings(path, QSettings::IniFormat);
        ProfileStore store(&settings);
        ConnectionProfile second = sample();
        second.name = u"Lab"_qs;
        second.consoleAccess = ConnectionProfile::ConsoleAccess::Direct;
        ConnectionProfile third = sample();
        third.name = u"Seven"_qs;
        third.consoleAccess = ConnectionProfile::ConsoleAccess::Gateway;
        third.gatewayUrl = QUrl(u"https://frontend:29876?token=never-kept"_qs);
        store.save({sample(), second, third});
        store.setLastUsed(u"Lab"_qs);
    }
    QSettings settings(path, QSettings::IniFormat);
    ProfileStore store(&settings);
    const QList<ConnectionProfile> loaded = store.load();
    ASSERT_EQ(loaded.size(), 3);
    EXPECT_EQ(loaded.at(0), sample());
    EXPECT_EQ(loaded.at(1).consoleAccess, ConnectionProfile::ConsoleAccess::Direct);
    EXPECT_EQ(loaded.at(2).consoleAccess, ConnectionProfile::ConsoleAccess::Gateway);
    EXPECT_EQ(loaded.at(2).gatewayUrl, QUrl(u"https://frontend:29876"_qs));
    EXPECT_EQ(store.lastUsed(), u"Lab"_qs);
}

// Profiles written before the timeout was settable get the old fixed 30 s; the call gets it in ms.
TEST(ProfileStore, TimeoutDefaultsToThirtySecondsAndReachesTheCall)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"porthole.conf"_qs), QSettings::IniFormat);
    settings.beginWriteArray(u"profiles"_qs, 1);
    settings.setArrayIndex(0);
    settings.setValue(u"name"_qs, u"Old"_qs);
    settings.setValue(u"endpoint"_qs, u"http://localhost:2633/RPC2"_qs);
    settings.endArray();
    ProfileStore store(&settings);
    const QList<ConnectionProfile> loaded = store.load();
    ASSERT_EQ(loaded.size(), 1);
    EXPECT_EQ(loaded.first().timeoutSeconds, 30);
    EXPECT_EQ(loaded.first().toOneSettings(QString()).timeoutMs, 30000);
    ConnectionProfile slow = sample();
    EXPECT_EQ(slow.toOneSettings(QString()).timeoutMs, 120000);
    slow.timeoutSeconds = 100000; // a hand-edited file: kept within the dialog's range
    EXPECT_EQ(slow.toOneSettings(QString()).timeoutMs, 600000);
}

TEST(ProfileStore, NeverWritesSecretsOrProxyTokens)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"porthole.conf"_qs);
    {
        QSettings settings(path, QSettings::IniFormat);
        // A hand-edited file with a password in it: saving must drop it.
        settings.setValue(u"profiles/1/password"_qs, u"hunter2-secret"_qs);
        ProfileStore store(&settings);
        ConnectionProfile p = sample();
        p.consoleProxyUrl = QUrl(u"wss://frontend:29876/websockify?token=tok-secret-123"_qs);
        store.save({p});
    }
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QByteArray content = file.readAll();
    EXPECT_TRUE(content.contains("one.example.com"));
    EXPECT_FALSE(content.contains("hunter2-secret")) << content.constData();
    EXPECT_FALSE(content.contains("tok-secret-123")) << content.constData();
}

TEST(ProfileStore, EnvironmentPrefillsTheFirstProfile)
{
    QTemporaryDir dir;
    const QString auth = dir.filePath(u"one_auth"_qs);
    QFile f(auth);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("oneadmin:pass:with:colons\n");
    f.close();
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QProcessEnvironment env;
    env.insert(u"ONE_XMLRPC"_qs, u"https://cloud.example.org:2633/RPC2"_qs);
    env.insert(u"ONE_AUTH"_qs, auth);
    const auto fromEnv = ProfileStore::fromEnvironment(env, dir.path());
    ASSERT_TRUE(fromEnv.has_value());
    EXPECT_EQ(fromEnv->profile.endpoint, QUrl(u"https://cloud.example.org:2633/RPC2"_qs));
    EXPECT_EQ(fromEnv->profile.user, u"oneadmin"_qs);
    EXPECT_EQ(fromEnv->secret, u"pass:with:colons"_qs);
    EXPECT_EQ(fromEnv->profile.name, u"cloud.example.org"_qs);
    EXPECT_TRUE(fromEnv->profile.isValid());
    EXPECT_EQ(fromEnv->profile.authentication, ConnectionProfile::Authentication::Password);

    // user:TOKEN, as `porthole-cli login > ~/.one/one_auth` writes it (issue 13 D13).
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("alice:e1ec0277170267b61373afcfd7babeeb4d34012ac02418c65cc0097145205725\n");
    f.close();
    const auto withToken = ProfileStore::fromEnvironment(env, dir.path());
    ASSERT_TRUE(withToken.has_value());
    EXPECT_EQ(withToken->profile.authentication, ConnectionProfile::Authentication::LoginToken);

    // Nothing set (an empty home): no invented profile.
    EXPECT_FALSE(ProfileStore::fromEnvironment(QProcessEnvironment(), dir.path()).has_value());
}

TEST(ConnectionProfile, AccessKeysRoundTrip)
{
    for (auto a : {ConnectionProfile::ConsoleAccess::VncToken, ConnectionProfile::ConsoleAccess::Direct,
             ConnectionProfile::ConsoleAccess::LocalProxy, ConnectionProfile::ConsoleAccess::Gateway,
             ConnectionProfile::ConsoleAccess::SshJump})
        EXPECT_EQ(ConnectionProfile::accessFromKey(ConnectionProfile::accessKey(a)), a);
    EXPECT_EQ(ConnectionProfile::accessFromKey(u"garbage"_qs), ConnectionProfile::ConsoleAccess::VncToken);
}
