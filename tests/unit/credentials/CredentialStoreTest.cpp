// SPDX-License-Identifier: GPL-2.0-or-later
#include "CredentialOutcome.h"
#include "credentials/KeychainCredentialStore.h"
#include "credentials/SessionCredentialStore.h"

#include <gtest/gtest.h>

#include <QPointer>
#include <QSignalSpy>

using namespace Porthole;

using PortholeTest::await;

TEST(SessionCredentialStore, RoundTripAndForget)
{
    SessionCredentialStore store;
    EXPECT_FALSE(store.isPersistent());
    EXPECT_EQ(await(store.read(u"alice@x"_qs)).status, CredentialJob::Status::NotFound);
    EXPECT_EQ(await(store.write(u"alice@x"_qs, u"s3cret:with:colons"_qs)).status, CredentialJob::Status::Ok);
    const PortholeTest::CredentialOutcome read = await(store.read(u"alice@x"_qs));
    EXPECT_EQ(read.status, CredentialJob::Status::Ok);
    EXPECT_EQ(read.secret, u"s3cret:with:colons"_qs);
    EXPECT_FALSE(read.persistent);
    EXPECT_EQ(await(store.remove(u"alice@x"_qs)).status, CredentialJob::Status::Ok);
    EXPECT_EQ(await(store.read(u"alice@x"_qs)).status, CredentialJob::Status::NotFound);
    EXPECT_EQ(await(store.remove(u"alice@x"_qs)).status, CredentialJob::Status::NotFound);
}

TEST(SessionCredentialStore, JobFinishesAfterCallerConnects)
{
    SessionCredentialStore store;
    CredentialJob *job = store.write(u"k"_qs, u"v"_qs);
    QSignalSpy spy(job, &CredentialJob::finished);
    EXPECT_EQ(spy.count(), 0); // not emitted inside write()
    ASSERT_TRUE(spy.wait(5000));
    EXPECT_EQ(spy.count(), 1);
}

TEST(CredentialStore, KeyNamesUserAndEndpoint)
{
    EXPECT_EQ(
        CredentialStore::keyFor(u"oneadmin"_qs, u"https://one:2633/RPC2"_qs), u"oneadmin@https://one:2633/RPC2"_qs);
}

// Without a session bus no Secret Service can answer: the store must say so
// and still keep the secret for the session.
TEST(KeychainCredentialStore, FallsBackToSessionWithoutSecretService)
{
    const QByteArray oldBus = qgetenv("DBUS_SESSION_BUS_ADDRESS");
    const QByteArray oldDisplay = qgetenv("DISPLAY");
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/porthole-test-bus");
    qunsetenv("DISPLAY");

    KeychainCredentialStore store(u"PortholeTest"_qs);
    QSignalSpy fellBack(&store, &CredentialStore::fellBackToSession);
    const PortholeTest::CredentialOutcome write = await(store.write(u"bob@demo"_qs, u"pw"_qs));
    EXPECT_EQ(write.status, CredentialJob::Status::Ok);
    EXPECT_FALSE(write.persistent);
    EXPECT_TRUE(write.message.contains(u"session only"_qs)) << write.message.toStdString();
    EXPECT_EQ(fellBack.count(), 1);
    EXPECT_FALSE(store.isPersistent());

    const PortholeTest::CredentialOutcome read = await(store.read(u"bob@demo"_qs));
    EXPECT_EQ(read.status, CredentialJob::Status::Ok);
    EXPECT_EQ(read.secret, u"pw"_qs);
    EXPECT_EQ(await(store.remove(u"bob@demo"_qs)).status, CredentialJob::Status::Ok);
    EXPECT_EQ(await(store.read(u"bob@demo"_qs)).status, CredentialJob::Status::NotFound);

    qputenv("DBUS_SESSION_BUS_ADDRESS", oldBus);
    if (!oldDisplay.isEmpty())
        qputenv("DISPLAY", oldDisplay);
}
