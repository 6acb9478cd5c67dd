// SPDX-License-Identifier: GPL-2.0-or-later
// SignInDialog against the in-process demo cloud (an oned-compatible server on 127.0.0.1).
#include "ui/dialogs/SignInDialog.h"

#include "ConsolePeers.h"
#include "cloud/OneClient.h"
#include "credentials/SessionCredentialStore.h"
#include "demo/DemoCloud.h"
#include "demo/DemoCloudServer.h"
#include "profiles/ProfileStore.h"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
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

// https in front of the demo cloud with a self-signed certificate: decrypts and
// pipes each connection to the plain demo endpoint.
class TlsFront : public QObject
{
public:
    bool start(const PortholeTest::TestCertificate &cert, quint16 backendPort)
    {
        QFile certFile(cert.certFile);
        QFile keyFile(cert.keyFile);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return false;
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
        tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
        m_server.setSslConfiguration(tls);
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this, backendPort] {
            while (auto *client = qobject_cast<QSslSocket *>(m_server.nextPendingConnection())) {
                auto *backend = new QTcpSocket(client);
                backend->connectToHost(QHostAddress::LocalHost, backendPort);
                connect(
                    client, &QSslSocket::readyRead, backend, [client, backend] { backend->write(client->readAll()); });
                connect(
                    backend, &QTcpSocket::readyRead, client, [client, backend] { client->write(backend->readAll()); });
                connect(backend, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
                connect(client, &QSslSocket::disconnected, client, &QObject::deleteLater);
            }
        });
        return m_server.listen(QHostAddress::LocalHost);
    }
    quint16 port() const { return m_server.serverPort(); }

private:
    QSslServer m_server;
};

} // namespace

TEST_F(SignInDialogTest, TrustThisCertificatePinsItAndSignsIn)
{
    QTemporaryDir certDir;
    PortholeTest::TestCertificate cert;
    ASSERT_TRUE(cert.create(certDir.path()));
    TlsFront front;
    ASSERT_TRUE(front.start(cert, m_server.port()));
    saveProfile(QUrl(u"https://127.0.0.1:%1/RPC2"_qs.arg(front.port())));

    SignInDialog dialog(m_profiles.get(), &m_credentials);
    dialog.show();
    type(dialog, "secret", DemoCloud::demoPassword());
    QSignalSpy failed(&dialog, &SignInDialog::signInFailed);
    dialog.signIn();
    ASSERT_TRUE(failed.wait(60000));
    EXPECT_TRUE(dialog.errorText().startsWith(u"Certificate problem with 127.0.0.1"_qs))
        << dialog.errorText().toStdString();
    ASSERT_FALSE(dialog.offeredFingerprint().isEmpty()) << dialog.errorText().toStdString();
    EXPECT_TRUE(dialog.errorText().contains(dialog.offeredFingerprint()));
    auto *trust = dialog.findChild<QPushButton *>(u"trust"_qs);
    ASSERT_NE(trust, nullptr);
    EXPECT_FALSE(trust->isHidden());

    const QString fingerprint = dialog.offeredFingerprint();
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    trust->click(); // pins the fingerprint in the profile and signs in again
    ASSERT_TRUE(accepted.count() > 0 || accepted.wait(60000)) << dialog.errorText().toStdString();
    EXPECT_EQ(dialog.user().name, DemoCloud::demoUser());
    const QList<ConnectionProfile> stored = m_profiles->load();
    ASSERT_EQ(stored.size(), 1);
    ASSERT_TRUE(CertificatePin::parse(fingerprint).has_value());
    EXPECT_EQ(CertificatePin::parse(stored.first().pinSha256), CertificatePin::parse(fingerprint));
}

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
    if (qEnvironmentVariableIsSet("PORTHOLE_KEEP_SCREENSHOT")) // to look at by hand
        dialog.grab().save(qEnvironmentVariable("PORTHOLE_KEEP_SCREENSHOT"));
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
