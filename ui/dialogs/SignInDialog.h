// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/OneCall.h"
#include "cloud/UserInfo.h"
#include "profiles/ConnectionProfile.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace Porthole {

class CredentialStore;
class ErrorDetails;

class OneClient;
class OneError;
class ProfileStore;

// Chooses or edits a connection profile and signs in (one.user.info as whoami).
// Signing in shows progress, can be cancelled, and reports failures inline in
// words; an untrusted certificate can be trusted by pinning its fingerprint in
// the profile. Remember/Forget put the secret in the CredentialStore only.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(ProfileStore *profiles, CredentialStore *credentials, QWidget *parent = nullptr);
    ~SignInDialog() override;

    // After accept(): the signed-in session (ownership passes to the caller).
    std::unique_ptr<OneClient> takeClient();
    ConnectionProfile profile() const { return m_signedInProfile; }
    UserInfo user() const { return m_userInfo; }

    // For pre-filling, e.g. from the command line.
    void setSecret(const QString &secret);
    bool isSigningIn() const { return m_call != nullptr; }
    QString errorText() const;
    // A failure under the form, selectable and scrolling when long; an empty message hides it.
    // A fingerprint offers "Trust this certificate" for it.
    void showError(const QString &message, const QString &fingerprint = QString());
    // The fingerprint the "Trust this certificate" button would pin, if any.
    QString offeredFingerprint() const { return m_offeredFingerprint; }

public Q_SLOTS:
    void signIn();
    void trustOfferedCertificate();

Q_SIGNALS:
    void signInFailed(const QString &message);

protected:
    void reject() override;

private:
    void buildUi();
    void loadProfiles();
    void showProfile(int index);
    ConnectionProfile profileFromForm() const;
    void storeProfile(const ConnectionProfile &profile);
    void newProfile();
    void deleteProfile();
    void forgetSecret();
    void setBusy(bool busy, const QString &what = QString());
    void onSignInFinished();
    void growToShow();
    QString describe(const OneError &error, const QUrl &endpoint) const;

    ProfileStore *m_profiles;
    CredentialStore *m_credentials;
    QList<ConnectionProfile> m_list;
    QString m_environmentSecret;

    QComboBox *m_profileBox = nullptr;
    QPushButton *m_newButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_endpoint = nullptr;
    QSpinBox *m_timeout = nullptr;
    QLineEdit *m_userEdit = nullptr;
    QComboBox *m_authentication = nullptr;
    QLineEdit *m_secret = nullptr;
    QCheckBox *m_remember = nullptr;
    QPushButton *m_forget = nullptr;
    QLabel *m_keychainNote = nullptr;
    QComboBox *m_access = nullptr;
    QLineEdit *m_vnctoken = nullptr;
    QLineEdit *m_proxyUrl = nullptr;
    QLineEdit *m_gatewayUrl = nullptr;
    QLineEdit *m_sshJump = nullptr;
    QLineEdit *m_hostAddresses = nullptr;
    QLineEdit *m_defaultDomain = nullptr;
    QLineEdit *m_caFile = nullptr;
    QLineEdit *m_pin = nullptr;
    ErrorDetails *m_error = nullptr;
    QPushButton *m_trust = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_progressLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_signInButton = nullptr;

    std::unique_ptr<OneClient> m_client;
    QPointer<OneCall> m_call;
    ConnectionProfile m_signedInProfile;
    UserInfo m_userInfo;
    QString m_offeredFingerprint;
    QPointer<QWidget> m_focusBeforeBusy; // disabling the field that has focus moves it on
};

} // namespace Porthole
