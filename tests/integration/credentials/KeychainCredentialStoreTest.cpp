// SPDX-License-Identifier: GPL-2.0-or-later
// Runs under run-with-keyring.sh: a private session bus with GNOME Keyring on it.
#include "credentials/KeychainCredentialStore.h"

#include "CredentialOutcome.h"

#include <gtest/gtest.h>

#include <QSignalSpy>

using namespace Porthole;

using PortholeTest::await;

TEST(KeychainCredentialStore, StoresReadsAndForgetsInGnomeKeyring)
{
    ASSERT_FALSE(qgetenv("DBUS_SESSION_BUS_ADDRESS").isEmpty()) << "run through run-with-keyring.sh";
    const QString key = CredentialStore::keyFor(u"oneadmin"_qs, u"https://one.example:2633/RPC2"_qs);
    {
        KeychainCredentialStore store(u"PortholeTest"_qs);
        QSignalSpy fellBack(&store, &CredentialStore::fellBackToSession);
        const PortholeTest::CredentialOutcome write = await(store.write(key, u"pa:ss wörd"_qs));
        EXPECT_EQ(write.status, CredentialJob::Status::Ok) << write.message.toStdString();
        EXPECT_TRUE(write.persistent) << write.message.toStdString();
        EXPECT_EQ(fellBack.count(), 0);
        EXPECT_TRUE(store.isPersistent());
    }
    // A new store (as after a restart) finds it in the keyring, not in memory.
    KeychainCredentialStore store(u"PortholeTest"_qs);
    const PortholeTest::CredentialOutcome read = await(store.read(key));
    EXPECT_EQ(read.status, CredentialJob::Status::Ok) << read.message.toStdString();
    EXPECT_EQ(read.secret, u"pa:ss wörd"_qs);
    EXPECT_TRUE(read.persistent);

    // Another service name is another keychain entry.
    EXPECT_EQ(await(KeychainCredentialStore(u"PortholeOther"_qs).read(key)).status, CredentialJob::Status::NotFound);

    const PortholeTest::CredentialOutcome overwrite = await(store.write(key, u"second"_qs));
    EXPECT_EQ(overwrite.status, CredentialJob::Status::Ok);
    EXPECT_EQ(await(store.read(key)).secret, u"second"_qs);

    EXPECT_EQ(await(store.remove(key)).status, CredentialJob::Status::Ok);
    EXPECT_EQ(await(store.read(key)).status, CredentialJob::Status::NotFound);
    EXPECT_TRUE(store.isPersistent());
}
