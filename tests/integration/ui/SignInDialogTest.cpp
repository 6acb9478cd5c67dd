// SPDX-License-Identifier: GPL-2.0-or-later
// SignInDialog against the in-process demo cloud (an oned-compatible server on 127.0.0.1).
#include "DemoCloud.h"
#include "DemoCloudServer.h"
#include "OneClient.h"
#include "ProfileStore.h"
#include "SessionCredentialStore.h"
#include "SignInDialog.h"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace Porthole;

namespace {

class SignInDialogTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        ASSERT_TRUE(m_server.listen());
        m_settingsPath = m_dir.filePath(u"porthole.conf"_qs);
        m_settings = std::make_unique<QSettings>(m_settingsPath, QSettings::IniFormat);
        m_profiles = std::make_unique<ProfileStore>(m_settings.get());
    }

    void saveProfile(const QUrl &endpoint, bool remember = false)
    {
        ConnectionProfile p;
        p.name = u"Demo"_qs;
        p.endpoint = endpoint;
        p.user = DemoCloud::demoUser();
        p.rememberSecret = remember;
        m_profiles->save({p});
    }

    static void type(SignInDialog &dialog, const char *name, const QString &text)
    {
        auto *edit = dialog.findChild<QLineEdit *>(QString::fromLatin1(name));
        ASSERT_NE(edit, nullptr) << name;
        edit->setText(text);
    }

    QByteArray settingsBytes()
    {
        m_settings->sync();
        QFile f(m_settingsPath);
        EXPECT_TRUE(f.open(QIODevice::ReadOnly));
        return f.readAll();
    }

    QTemporaryDir m_dir;
    QString m_settingsPath;
    DemoCloudServer m_server;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    SessionCredentialStore m_credentials;
};

} // namespace

TEST_F(SignInDialogTest, SignsInAndRemembersOnlyInTheCredentialStore)
{
    saveProfile(m_server.endpoint(), true);
    SignInDialog dialog(m_profiles.get(), &m_credentials);
    dialog.show();
    type(dialog, "secret", DemoCloud::demoPassword());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.signIn();
    EXPECT_TRUE(dialog.isSigningIn());
    ASSERT_TRUE(accepted.wait(60000)) << dialog.errorText().toStdString();
    EXPECT_EQ(dialog.user().name, DemoCloud::demoUser());
    std::unique_ptr<OneClient> client = dialog.takeClient();
    ASSERT_NE(client, nullptr);
    EXPECT_EQ(client->settings().endpoint, m_server.endpoint());

    // The remembered password is in the store, and nowhere in the settings file.
    EXPECT_TRUE(QTest::qWaitFor([&] { return m_credentials.contains(dialog.profile().credentialKey()); }, 10000));
    const QByteArray conf = settingsBytes();
    EXPECT_TRUE(conf.contains(DemoCloud::demoUser().toUtf8()));
    // The demo password is the word "password", which is also the value of the
    // authentication kind: look at every other line.
    for (const QByteArray &line : conf.split('\n')) {
        if (!line.contains("authentication=")) {
            EXPECT_FALSE(line.contains(DemoCloud::demoPassword().toUtf8())) << line.constData();
        }
    }

    // The next dialog fills the password from the store.
    SignInDialog again(m_profiles.get(), &m_credentials);
    auto *secret = again.findChild<QLineEdit *>(u"secret"_qs);
    EXPECT_TRUE(QTest::qWaitFor([&] { return secret->text() == DemoCloud::demoPassword(); }, 10000));

    // Forget removes it from the store and unticks Remember.
    again.findChild<QPushButton *>(u"forget"_qs)->click();
    EXPECT_TRUE(QTest::qWaitFor([&] { return !m_credentials.contains(dialog.profile().credentialKey()); }, 10000));
    EXPECT_FALSE(again.findChild<QCheckBox *>(u"remember"_qs)->isChecked());
    EXPECT_TRUE(secret->text().isEmpty());
}

TEST_F(SignInDialogTest, WrongPasswordIsReportedInlineInWords)
{
    saveProfile(m_server.endpoint());
    SignInDialog dialog(m_profiles.get(), &m_credentials);
    dialog.show();
    type(dialog, "secret", u"not-the-password"_qs);
    QSignalSpy failed(&dialog, &SignInDialog::signInFailed);
    dialog.signIn();
    ASSERT_TRUE(failed.wait(60000));
    EXPECT_TRUE(dialog.errorText().contains(u"did not accept this user name and password"_qs))
        << dialog.errorText().toStdString();
    EXPECT_FALSE(dialog.errorText().contains(u"not-the-password"_qs));
    EXPECT_TRUE(dialog.isVisible());
    EXPECT_EQ(dialog.takeClient(), nullptr);
    EXPECT_FALSE(settingsBytes().contains("not-the-password"));
}

TEST_F(SignInDialogTest, MissingFieldsAndUnreachableHost)
{
    // A port that was just free: nothing listens there any more.
    QTcpServer probe;
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();
    saveProfile(QUrl(u"http://127.0.0.1:%1/RPC2"_qs.arg(port)));
    SignInDialog dialog(m_profiles.get(), &m_credentials);
    dialog.show();
    dialog.signIn();
    EXPECT_TRUE(dialog.errorText().contains(u"password"_qs)) << dialog.errorText().toStdString();
    EXPECT_FALSE(dialog.isSigningIn());

    type(dialog, "secret", u"x"_qs);
    QSignalSpy failed(&dialog, &SignInDialog::signInFailed);
    dialog.signIn();
    ASSERT_TRUE(failed.wait(60000));
    EXPECT_TRUE(dialog.errorText().startsWith(u"Could not reach 127.0.0.1:"_qs)) << dialog.errorText().toStdString();
}

TEST_F(SignInDialogTest, CancelStopsASignInThatHangs)
{
    QTcpServer silent; // accepts and never answers
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost));
    saveProfile(QUrl(u"http://127.0.0.1:%1/RPC2"_qs.arg(silent.serverPort())));
    SignInDialog dialog(m_profiles.get(), &m_credentials);
    dialog.show();
    type(dialog, "secret", u"x"_qs);
    QSignalSpy failed(&dialog, &SignInDialog::signInFailed);
    QSignalSpy rejected(&dialog, &QDialog::rejected);
    dialog.signIn();
    ASSERT_TRUE(dialog.isSigningIn());
    static_cast<QDialog &>(dialog).reject(); // Cancel while signing in stops the call, the dialog stays
    ASSERT_TRUE(failed.count() > 0 || failed.wait(30000));
    EXPECT_TRUE(dialog.errorText().contains(u"cancelled"_qs)) << dialog.errorText().toStdString();
    EXPECT_FALSE(dialog.isSigningIn());
    EXPECT_EQ(rejected.count(), 0);
    static_cast<QDialog &>(dialog).reject(); // the second Cancel closes
    EXPECT_EQ(rejected.count(), 1);
}
