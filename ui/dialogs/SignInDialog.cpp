// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/dialogs/SignInDialog.h"

#include "base/Logging.h"
#include "base/Redact.h"
#include "cloud/OneClient.h"
#include "credentials/CredentialStore.h"
#include "profiles/HostOverrides.h"
#include "profiles/ProfileStore.h"
#include "ui/dialogs/ErrorDetails.h"
#include "ui/dialogs/FormBuddies.h"
#include "ui/dialogs/RemedyFields.h"
#include "ui/dialogs/WrapHeight.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Porthole {

SignInDialog::SignInDialog(ProfileStore *profiles, CredentialStore *credentials, QWidget *parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_credentials(credentials)
{
    setWindowTitle(tr("Sign in to OpenNebula"));
    buildUi();
    loadProfiles();
    // Rows whose field is a layout: their labels get a buddy, so no literal '&' is drawn.
    FormBuddies::attach(this);
}

SignInDialog::~SignInDialog()
{
    if (m_call)
        m_call->cancel();
}

void SignInDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);

    auto *profileRow = new QHBoxLayout;
    m_profileBox = new QComboBox;
    m_profileBox->setObjectName(QStringLiteral("profileBox"));
    m_profileBox->setAccessibleName(tr("Connection profile"));
    m_newButton = new QPushButton(tr("&New"));
    m_deleteButton = new QPushButton(tr("&Delete"));
    m_deleteButton->setToolTip(tr("Delete this profile (and forget its remembered secret)"));
    auto *profileLabel = new QLabel(tr("&Profile:"));
    profileLabel->setBuddy(m_profileBox);
    profileRow->addWidget(profileLabel);
    profileRow->addWidget(m_profileBox, 1);
    profileRow->addWidget(m_newButton);
    profileRow->addWidget(m_deleteButton);
    layout->addLayout(profileRow);

    auto *form = new QFormLayout;
    auto addLine = [&](QLineEdit *&edit, const QString &label, const QString &name, const QString &placeholder) {
        edit = new QLineEdit;
        edit->setObjectName(name);
        edit->setPlaceholderText(placeholder);
        edit->setAccessibleName(QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':')));
        form->addRow(label, edit);
    };
    addLine(m_name, tr("Na&me:"), QStringLiteral("name"), tr("e.g. Production"));
    addLine(
        m_endpoint, tr("&Endpoint:"), QStringLiteral("endpoint"), QStringLiteral("https://one.example.com:2633/RPC2"));
    m_timeout = new QSpinBox;
    m_timeout->setObjectName(QStringLiteral("timeout"));
    m_timeout->setRange(ConnectionProfile::kMinimumTimeoutSeconds, ConnectionProfile::kMaximumTimeoutSeconds);
    m_timeout->setValue(ConnectionProfile::kDefaultTimeoutSeconds);
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed); // a number, not a line of text
    m_timeout->setAccessibleName(tr("Reply timeout in seconds"));
    m_timeout->setToolTip(tr("How long a silent oned is waited for before signing in (or any later call) gives up"));
    form->addRow(tr("Repl&y timeout:"), m_timeout);
    addLine(m_userEdit, tr("&User:"), QStringLiteral("user"), QStringLiteral("oneadmin"));
    m_authentication = new QComboBox;
    m_authentication->setObjectName(QStringLiteral("authentication"));
    m_authentication->addItem(tr("Password"));
    m_authentication->addItem(tr("Login token (onetoken / porthole-cli login)"));
    m_authentication->setAccessibleName(tr("Sign in with"));
    form->addRow(tr("Sign in wit&h:"), m_authentication);
    addLine(m_secret, tr("Pass&word:"), QStringLiteral("secret"), QString());
    m_secret->setEchoMode(QLineEdit::Password);

    auto *rememberRow = new QHBoxLayout;
    m_remember = new QCheckBox(tr("&Remember in the keychain"));
    m_remember->setObjectName(QStringLiteral("remember"));
    m_forget = new QPushButton(tr("&Forget"));
    m_forget->setObjectName(QStringLiteral("forget"));
    m_forget->setToolTip(tr("Remove this profile's secret from the keychain"));
    rememberRow->addWidget(m_remember);
    rememberRow->addStretch();
    rememberRow->addWidget(m_forget);
    form->addRow(QString(), rememberRow);
    m_keychainNote = new QLabel(m_credentials->description());
    m_keychainNote->setObjectName(QStringLiteral("keychainNote"));
    m_keychainNote->setVisible(!m_credentials->isPersistent());
    WrapHeight::attach(m_keychainNote);
    form->addRow(QString(), m_keychainNote);
    layout->addLayout(form);

    auto *consoles = new QGroupBox(tr("Consoles"));
    auto *consoleForm = new QFormLayout(consoles);
    m_access = new QComboBox;
    m_access->setObjectName(QStringLiteral("access"));
    m_access->addItem(tr("Console token (addon-vnctoken) through the console proxy"));
    m_access->addItem(tr("Direct to the VM's host (management network)"));
    m_access->addItem(tr("Through Porthole's local token proxy"));
    m_access->addItem(tr("Through a Porthole console gateway (OpenNebula 7)"));
    m_access->addItem(tr("Direct TCP through an SSH jump host"));
    m_access->setAccessibleName(tr("How consoles are reached"));
    consoleForm->addRow(tr("Reach &consoles:"), m_access);
    m_vnctoken = new QLineEdit;
    m_vnctoken->setObjectName(QStringLiteral("vnctoken"));
    m_vnctoken->setPlaceholderText(tr("default: the oned host, port 2644"));
    m_vnctoken->setAccessibleName(tr("vnctoken endpoint"));
    consoleForm->addRow(tr("&vnctoken endpoint:"), m_vnctoken);
    m_proxyUrl = new QLineEdit;
    m_proxyUrl->setObjectName(QStringLiteral("proxyUrl"));
    m_proxyUrl->setPlaceholderText(QStringLiteral("wss://frontend:29876/websockify"));
    m_proxyUrl->setAccessibleName(tr("Console proxy URL"));
    consoleForm->addRow(tr("Console pro&xy URL:"), m_proxyUrl);
    m_gatewayUrl = new QLineEdit;
    m_gatewayUrl->setObjectName(QStringLiteral("gatewayUrl"));
    m_gatewayUrl->setPlaceholderText(QStringLiteral("https://frontend:29876"));
    m_gatewayUrl->setAccessibleName(tr("Console gateway URL"));
    consoleForm->addRow(tr("Console &gateway URL:"), m_gatewayUrl);
    m_sshJump = new QLineEdit;
    m_sshJump->setObjectName(QStringLiteral("sshJump"));
    m_sshJump->setPlaceholderText(tr("default: ssh:// to the oned host (~/.ssh/config applies)"));
    m_sshJump->setAccessibleName(tr("SSH jump host"));
    consoleForm->addRow(tr("SSH &jump host:"), m_sshJump);
    m_hostAddresses = new QLineEdit;
    m_hostAddresses->setObjectName(QStringLiteral("hostAddresses"));
    m_hostAddresses->setPlaceholderText(QStringLiteral("node-7=10.0.0.7, node-8=node-8.dc1.example.net"));
    m_hostAddresses->setAccessibleName(tr("Host address overrides"));
    consoleForm->addRow(tr("H&ost addresses:"), m_hostAddresses);
    m_defaultDomain = new QLineEdit;
    m_defaultDomain->setObjectName(QStringLiteral("defaultDomain"));
    m_defaultDomain->setPlaceholderText(QStringLiteral("dc1.example.net"));
    m_defaultDomain->setAccessibleName(tr("Default domain for host names"));
    consoleForm->addRow(tr("Defau&lt domain:"), m_defaultDomain);
    layout->addWidget(consoles);

    auto *tls = new QGroupBox(tr("TLS"));
    auto *tlsForm = new QFormLayout(tls);
    auto *caRow = new QHBoxLayout;
    m_caFile = new QLineEdit;
    m_caFile->setObjectName(QStringLiteral("caFile"));
    m_caFile->setPlaceholderText(tr("the system's certificate authorities"));
    m_caFile->setAccessibleName(tr("CA file"));
    auto *browse = new QPushButton(tr("&Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("CA certificate"), QDir::homePath(), tr("Certificates (*.pem *.crt *.cer *.der);;All files (*)"));
        if (!file.isEmpty())
            m_caFile->setText(file);
    });
    caRow->addWidget(m_caFile, 1);
    caRow->addWidget(browse);
    tlsForm->addRow(tr("C&A file:"), caRow);
    m_pin = new QLineEdit;
    m_pin->setObjectName(QStringLiteral("pin"));
    m_pin->setPlaceholderText(tr("SHA-256 fingerprint to trust exactly one certificate"));
    m_pin->setAccessibleName(tr("Certificate pin"));
    tlsForm->addRow(tr("Certificate p&in:"), m_pin);
    layout->addWidget(tls);

    m_error = new ErrorDetails;
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setStyleSheet(QStringLiteral("QTextEdit { color: palette(highlighted-text); background: #b3261e; "
                                          "border: none; padding: 4px; border-radius: 4px; }"));
    m_error->hide();
    layout->addWidget(m_error);
    m_trust = new QPushButton(tr("&Trust this certificate"));
    m_trust->setObjectName(QStringLiteral("trust"));
    m_trust->setToolTip(tr("Pin this certificate's fingerprint in the profile and sign in again"));
    m_trust->hide();
    layout->addWidget(m_trust, 0, Qt::AlignLeft);

    auto *progressRow = new QHBoxLayout;
    m_progress = new QProgressBar;
    m_progress->setRange(0, 0); // busy: oned says nothing about how long it takes
    m_progress->setMaximumHeight(12);
    m_progress->setTextVisible(false);
    m_progressLabel = new QLabel;
    m_progressLabel->hide();
    progressRow->addWidget(m_progressLabel);
    progressRow->addWidget(m_progress, 1);
    m_progress->hide();
    layout->addLayout(progressRow);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_signInButton = m_buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_signInButton->setObjectName(QStringLiteral("signIn"));
    m_signInButton->setDefault(true);
    layout->addWidget(m_buttons);

    // Enter signs in wherever the focus is; the other buttons only act when clicked.
    for (QPushButton *button : findChildren<QPushButton *>()) {
        if (button != m_signInButton)
            button->setAutoDefault(false);
    }
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::signIn);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);
    connect(m_profileBox, &QComboBox::currentIndexChanged, this, &SignInDialog::showProfile);
    connect(m_newButton, &QPushButton::clicked, this, &SignInDialog::newProfile);
    connect(m_deleteButton, &QPushButton::clicked, this, &SignInDialog::deleteProfile);
    connect(m_forget, &QPushButton::clicked, this, &SignInDialog::forgetSecret);
    connect(m_trust, &QPushButton::clicked, this, &SignInDialog::trustOfferedCertificate);
    connect(m_authentication, &QComboBox::currentIndexChanged, this,
        [this](int index) { m_secret->setPlaceholderText(index == 1 ? tr("login token") : QString()); });
    connect(m_credentials, &CredentialStore::fellBackToSession, this, [this](const QString &message) {
        m_keychainNote->setText(message);
        m_keychainNote->show();
        WrapHeight::refresh(m_keychainNote);
    });
}

void SignInDialog::loadProfiles()
{
    m_list = m_profiles->load();
    if (m_list.isEmpty()) {
        ConnectionProfile p;
        p.name = tr("New profile");
        p.endpoint = QUrl(QStringLiteral("http://localhost:2633/RPC2"));
        m_list << p;
    }
    if (auto env = ProfileStore::fromEnvironment(QProcessEnvironment::systemEnvironment(), QDir::homePath())) {
        if (env->profile.endpoint == m_list.first().endpoint && env->profile.user == m_list.first().user)
            m_environmentSecret = env->secret;
    }
    const QSignalBlocker block(m_profileBox);
    m_profileBox->clear();
    for (const ConnectionProfile &p : std::as_const(m_list))
        m_profileBox->addItem(p.name);
    const int last = m_profileBox->findText(m_profiles->lastUsed());
    m_profileBox->setCurrentIndex(last >= 0 ? last : 0);
    showProfile(m_profileBox->currentIndex());
}

void SignInDialog::showProfile(int index)
{
    if (index < 0 || index >= m_list.size())
        return;
    const ConnectionProfile &p = m_list.at(index);
    m_name->setText(p.name);
    m_endpoint->setText(p.endpoint.toString());
    m_userEdit->setText(p.user);
    m_authentication->setCurrentIndex(p.authentication == ConnectionProfile::Authentication::LoginToken ? 1 : 0);
    m_access->setCurrentIndex(int(p.consoleAccess));
    m_vnctoken->setText(p.vnctokenEndpoint.toString());
    m_proxyUrl->setText(p.consoleProxyUrl.toString());
    m_gatewayUrl->setText(p.gatewayUrl.toString());
    m_sshJump->setText(p.sshJumpHost);
    m_hostAddresses->setText(p.hostAddresses.join(QStringLiteral(", ")));
    m_defaultDomain->setText(p.defaultDomain);
    m_caFile->setText(p.caFile);
    m_pin->setText(p.pinSha256);
    m_timeout->setValue(p.timeoutSeconds);
    m_remember->setChecked(p.rememberSecret);
    m_secret->clear();
    m_error->hide();
    m_trust->hide();
    if (index == 0 && !m_environmentSecret.isEmpty())
        m_secret->setText(m_environmentSecret);
    // Start where typing is needed: usually the password of a known profile.
    if (p.endpoint.host().isEmpty())
        m_endpoint->setFocus();
    else if (p.user.isEmpty())
        m_userEdit->setFocus();
    else
        m_secret->setFocus();
    if (p.rememberSecret && m_secret->text().isEmpty()) {
        const QString key = p.credentialKey();
        CredentialJob *job = m_credentials->read(key);
        connect(job, &CredentialJob::finished, this, [this, key](CredentialJob *done) {
            // The user may have switched profiles or typed meanwhile.
            if (done->succeeded() && profileFromForm().credentialKey() == key && m_secret->text().isEmpty())
                m_secret->setText(done->secret());
            else if (done->status() == CredentialJob::Status::Denied || done->status() == CredentialJob::Status::Failed)
                showError(done->message());
        });
    }
}

ConnectionProfile SignInDialog::profileFromForm() const
{
    ConnectionProfile p;
    p.name = m_name->text().trimmed();
    p.endpoint = QUrl::fromUserInput(m_endpoint->text().trimmed());
    p.user = m_userEdit->text().trimmed();
    p.authentication = m_authentication->currentIndex() == 1 ? ConnectionProfile::Authentication::LoginToken
                                                             : ConnectionProfile::Authentication::Password;
    p.consoleAccess = ConnectionProfile::ConsoleAccess(m_access->currentIndex());
    p.vnctokenEndpoint = m_vnctoken->text().trimmed().isEmpty() ? QUrl() : QUrl(m_vnctoken->text().trimmed());
    p.consoleProxyUrl = m_proxyUrl->text().trimmed().isEmpty() ? QUrl() : QUrl(m_proxyUrl->text().trimmed());
    p.gatewayUrl = m_gatewayUrl->text().trimmed().isEmpty() ? QUrl() : QUrl(m_gatewayUrl->text().trimmed());
    p.sshJumpHost = m_sshJump->text().trimmed();
    QString ignored; // a malformed entry (no '=') and those after it are not kept
    HostOverrides::parse(m_hostAddresses->text(), &p.hostAddresses, &ignored);
    p.defaultDomain = m_defaultDomain->text().trimmed();
    p.caFile = m_caFile->text().trimmed();
    p.pinSha256 = m_pin->text().trimmed();
    p.timeoutSeconds = m_timeout->value();
    p.rememberSecret = m_remember->isChecked();
    return p;
}

void SignInDialog::storeProfile(const ConnectionProfile &profile)
{
    const int index = m_profileBox->currentIndex();
    if (index >= 0 && index < m_list.size())
        m_list[index] = profile;
    else
        m_list << profile;
    {
        const QSignalBlocker block(m_profileBox);
        m_profileBox->setItemText(m_profileBox->currentIndex(), profile.name);
    }
    m_profiles->save(m_list);
    m_profiles->setLastUsed(profile.name);
}

void SignInDialog::newProfile()
{
    ConnectionProfile p;
    p.name = tr("Profile %1").arg(m_list.size() + 1);
    p.endpoint = QUrl(QStringLiteral("https://"));
    m_list << p;
    m_profileBox->addItem(p.name);
    m_profileBox->setCurrentIndex(m_profileBox->count() - 1);
    m_name->setFocus();
    m_name->selectAll();
}

void SignInDialog::deleteProfile()
{
    const int index = m_profileBox->currentIndex();
    if (index < 0 || m_list.size() <= 1)
        return;
    m_credentials->remove(m_list.at(index).credentialKey());
    m_list.removeAt(index);
    m_profiles->save(m_list);
    m_profileBox->removeItem(index);
}

void SignInDialog::forgetSecret()
{
    const ConnectionProfile p = profileFromForm();
    m_remember->setChecked(false);
    m_secret->clear();
    CredentialJob *job = m_credentials->remove(p.credentialKey());
    connect(job, &CredentialJob::finished, this, [this](CredentialJob *done) {
        if (done->status() == CredentialJob::Status::Denied || done->status() == CredentialJob::Status::Failed)
            showError(done->message());
    });
    ConnectionProfile stored = p;
    stored.rememberSecret = false;
    storeProfile(stored);
}

void SignInDialog::setSecret(const QString &secret)
{
    m_secret->setText(secret);
}

QString SignInDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->message();
}

void SignInDialog::setBusy(bool busy, const QString &what)
{
    if (busy)
        m_focusBeforeBusy = focusWidget();
    m_progress->setVisible(busy);
    m_progressLabel->setVisible(busy);
    m_progressLabel->setText(what);
    m_signInButton->setEnabled(!busy);
    for (QWidget *w : {static_cast<QWidget *>(m_profileBox), static_cast<QWidget *>(m_newButton),
             static_cast<QWidget *>(m_deleteButton), static_cast<QWidget *>(m_endpoint),
             static_cast<QWidget *>(m_userEdit), static_cast<QWidget *>(m_secret)})
        w->setEnabled(!busy);
    if (!busy && m_focusBeforeBusy && m_focusBeforeBusy->isEnabled())
        m_focusBeforeBusy->setFocus();
}

void SignInDialog::showError(const QString &message, const QString &fingerprint)
{
    m_error->setMessage(message);
    m_error->setVisible(!message.isEmpty());
    if (!message.isEmpty() && isVisible())
        growToShow();
    m_offeredFingerprint = fingerprint;
    m_trust->setVisible(!fingerprint.isEmpty());
    if (!message.isEmpty())
        Q_EMIT signInFailed(message);
}

void SignInDialog::growToShow()
{
    // A window is first shown at most 2/3 of the screen high; an error needs room beyond that.
    layout()->activate();
    const QRect screen = this->screen()->availableGeometry();
    const int wanted = std::min(sizeHint().height(), screen.height() - (frameGeometry().height() - height()));
    if (height() < wanted)
        resize(width(), wanted);
}

void SignInDialog::signIn()
{
    if (m_call)
        return;
    showError(QString());
    const ConnectionProfile p = profileFromForm();
    const QString secret = m_secret->text();
    if (p.name.isEmpty())
        return showError(tr("Give the profile a name."));
    if (!p.endpoint.isValid()
        || (p.endpoint.scheme() != QLatin1String("http") && p.endpoint.scheme() != QLatin1String("https"))
        || p.endpoint.host().isEmpty())
        return showError(
            tr("The endpoint must be an http:// or https:// URL, like https://one.example.com:2633/RPC2."));
    if (p.user.isEmpty())
        return showError(tr("Enter the OpenNebula user name."));
    if (secret.isEmpty())
        return showError(p.authentication == ConnectionProfile::Authentication::LoginToken
                ? tr("Enter the login token.")
                : tr("Enter the password."));
    if (!p.pinSha256.isEmpty() && !CertificatePin::parse(p.pinSha256))
        return showError(
            tr("The certificate pin must be a SHA-256 fingerprint: 64 hexadecimal digits, colons allowed."));

    m_client = std::make_unique<OneClient>(p.toOneSettings(secret));
    QString tlsError;
    if (!m_client->prepareTls(&tlsError)) {
        m_client.reset();
        return showError(tr("The CA file cannot be used: %1").arg(tlsError));
    }
    qCInfo(lcUi) << "signing in to" << p.endpoint.toString() << "as" << p.user;
    m_signedInProfile = p;
    m_call = m_client->whoami();
    connect(m_call, &OneCall::finished, this, &SignInDialog::onSignInFinished);
    setBusy(true, tr("Signing in to %1…").arg(p.endpoint.host()));
}

void SignInDialog::onSignInFinished()
{
    OneCall *call = m_call;
    m_call = nullptr;
    setBusy(false);
    if (!call)
        return;
    if (!call->succeeded()) {
        const OneError error = call->error();
        m_client.reset();
        if (error.kind() == OneError::Kind::Cancelled)
            return showError(tr("Signing in was cancelled."));
        // Set only for an untrusted certificate, never for one that does not match the pin.
        const QString fingerprint = error.offeredPin();
        if (error.kind() == OneError::Kind::Authentication) {
            // Retyping the secret is what comes next.
            m_secret->setFocus(Qt::OtherFocusReason);
            m_secret->selectAll();
        }
        return showError(describe(error, m_signedInProfile.endpoint), fingerprint);
    }
    m_userInfo = call->resultAs<UserInfo>();
    storeProfile(m_signedInProfile);
    if (m_signedInProfile.rememberSecret) {
        CredentialJob *job = m_credentials->write(m_signedInProfile.credentialKey(), m_secret->text());
        // The store outlives the dialog; a failure is logged, sign-in already worked.
        connect(job, &CredentialJob::finished, m_credentials, [](CredentialJob *done) {
            if (!done->succeeded())
                qCWarning(lcUi) << "could not remember the secret:" << done->message();
        });
    }
    accept();
}

QString SignInDialog::describe(const OneError &error, const QUrl &endpoint) const
{
    switch (error.kind()) {
    case OneError::Kind::Authentication:
        return tr("%1 did not accept this user name and %2. Check them and try again.\n(%3)")
            .arg(endpoint.host(),
                m_signedInProfile.authentication == ConnectionProfile::Authentication::LoginToken ? tr("login token")
                                                                                                  : tr("password"),
                error.message());
    case OneError::Kind::Network:
        return tr("Could not reach %1. Check the endpoint address and port, and that oned is running and reachable "
                  "from here.\n(%2)")
            .arg(endpoint.authority(), error.message());
    case OneError::Kind::Timeout:
        return tr("%1 did not answer in time. The server may be overloaded or a firewall drops the connection.\n%2")
            .arg(endpoint.authority(), RemedyFields::sentence(error.message(), error.remedies()));
    case OneError::Kind::Tls:
        return tr("Certificate problem with %1: %2")
            .arg(endpoint.host(), RemedyFields::sentence(error.message(), error.remedies()));
    case OneError::Kind::Http:
        return tr("%1 answered, but not as OpenNebula's XML-RPC endpoint does. Is the path /RPC2 right?\n(%2)")
            .arg(endpoint.toString(), error.message());
    default:
        return tr("Signing in failed: %1").arg(error.message());
    }
}

void SignInDialog::trustOfferedCertificate()
{
    if (m_offeredFingerprint.isEmpty())
        return;
    m_pin->setText(m_offeredFingerprint);
    storeProfile(profileFromForm());
    signIn();
}

void SignInDialog::reject()
{
    // The first Cancel stops a sign-in under way; the next one closes.
    if (m_call) {
        m_call->cancel();
        return;
    }
    QDialog::reject();
}

std::unique_ptr<OneClient> SignInDialog::takeClient()
{
    return std::move(m_client);
}

} // namespace Porthole
