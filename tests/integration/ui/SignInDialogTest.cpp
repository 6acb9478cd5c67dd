// SPDX-License-Identifier: GPL-2.0-or-later
// SignInDialog against the in-process demo cloud (an oned-compatible server on 127.0.0.1).
#include "ui/dialogs/SignInDialog.h"

#include "ConsolePeers.h"
#include "cloud/OneClient.h"
#include "credentials/SessionCredentialStore.h"
#include "demo/DemoCloud.h"
#include "demo/DemoCloudServer.h"
#include "profiles/ProfileStore.h"
#include "ui/dialogs/ErrorDetails.h"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
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
    // The desktop names its own fields, never porthole-cli's flags.
    EXPECT_TRUE(dialog.errorText().contains(u"(the CA file or Certificate pin field)"_qs))
        << dialog.errorText().toStdString();
    EXPECT_FALSE(dialog.errorText().contains(u"--"_qs)) << dialog.errorText().toStdString();
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
    // Retyping the password is next: the focus is back in it, the old text selected.
    auto *secret = dialog.findChild<QLineEdit *>(u"secret"_qs);
    EXPECT_EQ(dialog.focusWidget(), secret)
        << (dialog.focusWidget() ? dialog.focusWidget()->objectName().toStdString() : "none");
    EXPECT_EQ(secret->selectionLength(), secret->text().size());
    EXPECT_FALSE(secret->text().isEmpty());
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

// A long TLS error scrolls in its own area; the form rows above keep their height.
TEST_F(SignInDialogTest, LongErrorScrollsAndTheFormRowsKeepTheirSize)
{
    saveProfile(m_server.endpoint());
    SignInDialog dialog(m_profiles.get(), &m_credentials);
    QString longError = u"the certificate of one.example.com is not trusted (The issuer certificate of a locally "
                        "looked up certificate could not be found): "_qs;
    while (longError.size() < 2000)
        longError += u"subject CN=one.example.com, issuer CN=Example Internal CA, SHA-256 "_qs + u"AB:"_qs.repeated(31)
            + u"CD. "_qs;
    dialog.showError(longError);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    EXPECT_EQ(dialog.errorText(), longError);

    auto *error = dialog.findChild<ErrorDetails *>(u"error"_qs);
    ASSERT_NE(error, nullptr);
    EXPECT_TRUE(error->isVisible());
    EXPECT_TRUE(error->isReadOnly());
    EXPECT_TRUE(error->textInteractionFlags() & Qt::TextSelectableByMouse);
    EXPECT_TRUE(QTest::qWaitFor([&] { return error->isScrollable(); }, 5000));
    EXPECT_LT(error->height(), dialog.height() / 2);

    QList<QWidget *> fields;
    for (QLineEdit *edit : dialog.findChildren<QLineEdit *>()) {
        if (edit->parent() && !qobject_cast<QSpinBox *>(edit->parent()))
            fields << edit;
    }
    for (QComboBox *combo : dialog.findChildren<QComboBox *>())
        fields << combo;
    for (QSpinBox *spin : dialog.findChildren<QSpinBox *>())
        fields << spin;
    for (QCheckBox *check : dialog.findChildren<QCheckBox *>())
        fields << check;
    ASSERT_GE(fields.size(), 16);
    for (QWidget *field : std::as_const(fields)) {
        if (!field->isVisible())
            continue;
        EXPECT_GE(field->height(), field->sizeHint().height())
            << field->objectName().toStdString() << " " << field->metaObject()->className();
    }
}

// The session-only notice is a full sentence: it wraps, and it is given the height that takes.
TEST_F(SignInDialogTest, KeychainNoticeIsNotCut)
{
    saveProfile(m_server.endpoint());
    SignInDialog dialog(m_profiles.get(), &m_credentials);
    dialog.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&dialog));
    auto *note = dialog.findChild<QLabel *>(u"keychainNote"_qs);
    ASSERT_NE(note, nullptr);
    ASSERT_TRUE(note->isVisible()); // the session store keeps nothing across runs
    EXPECT_FALSE(note->text().isEmpty());
    EXPECT_TRUE(note->wordWrap());
    EXPECT_GE(note->height(), note->heightForWidth(note->width())) << note->text().toStdString();
    EXPECT_GE(note->width(), note->minimumSizeHint().width());

    // Also when a keychain falls back mid-session with a longer reason, and in a narrower dialog.
    Q_EMIT m_credentials.fellBackToSession(u"No keychain available (no Secret Service: The name "
                                           "org.freedesktop.secrets was not provided by any .service files): "
                                           "the secret is kept for this session only."_qs);
    dialog.resize(dialog.minimumSizeHint().width(), dialog.height());
    EXPECT_TRUE(QTest::qWaitFor([&] { return note->height() >= note->heightForWidth(note->width()); }, 5000))
        << note->height() << " < " << note->heightForWidth(note->width());
}

// The timeout is part of the profile and of the session the sign-in makes.
TEST_F(SignInDialogTest, TimeoutIsSavedInTheProfileAndUsedByTheCall)
{
    saveProfile(m_server.endpoint());
    SignInDialog dialog(m_profiles.get(), &m_credentials);
    auto *timeout = dialog.findChild<QSpinBox *>(u"timeout"_qs);
    ASSERT_NE(timeout, nullptr);
    EXPECT_EQ(timeout->value(), 30);
    EXPECT_EQ(timeout->minimum(), 5);
    EXPECT_EQ(timeout->maximum(), 600);
    timeout->setValue(45);
    dialog.show();
    type(dialog, "secret", DemoCloud::demoPassword());
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.signIn();
    ASSERT_TRUE(accepted.wait(60000)) << dialog.errorText().toStdString();
    std::unique_ptr<OneClient> client = dialog.takeClient();
    ASSERT_NE(client, nullptr);
    EXPECT_EQ(client->settings().timeoutMs, 45000);
    EXPECT_EQ(m_profiles->load().value(0).timeoutSeconds, 45);

    SignInDialog again(m_profiles.get(), &m_credentials);
    EXPECT_EQ(again.findChild<QSpinBox *>(u"timeout"_qs)->value(), 45);
}

// A silent oned is given up on after the profile's timeout, and the advice names the dialog's field.
TEST_F(SignInDialogTest, TimeoutEndsASilentSignInAndNamesItsField)
{
    QTcpServer silent; // accepts and never answers
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost));
    saveProfile(QUrl(u"http://127.0.0.1:%1/RPC2"_qs.arg(silent.serverPort())));
    SignInDialog dialog(m_profiles.get(), &m_credentials);
    dialog.findChild<QSpinBox *>(u"timeout"_qs)->setValue(5);
    dialog.show();
    type(dialog, "secret", u"x"_qs);
    QSignalSpy failed(&dialog, &SignInDialog::signInFailed);
    dialog.signIn();
    ASSERT_TRUE(failed.wait(30000));
    EXPECT_TRUE(dialog.errorText().contains(u"did not answer within 5 s"_qs)) << dialog.errorText().toStdString();
    EXPECT_TRUE(dialog.errorText().contains(u"(the Reply timeout field)"_qs)) << dialog.errorText().toStdString();
    EXPECT_FALSE(dialog.errorText().contains(u"--timeout"_qs));
}
