// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/app/DesktopApp.h"

#include "base/Logging.h"
#include "cloud/OneClient.h"
#include "credentials/CredentialStore.h"
#include "demo/DemoCloudServer.h"
#include "demo/DemoEnvironment.h"
#include "profiles/ProfileStore.h"
#include "proxy/LocalTokenProxy.h"
#include "ui/app/InstanceChannel.h"
#include "ui/app/MainWindow.h"
#include "ui/app/Translations.h"
#include "ui/console/ConsoleTabWindow.h"
#include "ui/console/ConsoleWindow.h"
#include "ui/console/SshPrompts.h"
#include "ui/dialogs/SettingsDialog.h"
#include "ui/dialogs/SignInDialog.h"

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSettings>

// porthole_ui is a static library: its resources need an explicit start.
static void initResources()
{
    Q_INIT_RESOURCE(porthole);
}

namespace Porthole {

DesktopApp::DesktopApp(QSettings *settings, QObject *parent)
    : QObject(parent)
{
    initResources();
    if (!settings) {
        m_ownSettings = std::make_unique<QSettings>();
        settings = m_ownSettings.get();
    }
    m_settings = settings;
    SettingsDialog::applyLogLevel(Preferences::load(*m_settings).logLevel);
    Translations::install(*m_settings);
    m_credentials = makeSystemCredentialStore();
    m_profiles = std::make_unique<ProfileStore>(m_settings);
    m_localProxy = std::make_unique<LocalTokenProxy>();
    new SshPrompts(this); // answers jump host questions for every console
}

DesktopApp::~DesktopApp()
{
    delete m_mainWindow;
    delete m_consoleTabs;
}

void DesktopApp::showMainWindow(MainWindow *window)
{
    listenForOtherInstances();
    m_mainWindow = window;
    window->setAttribute(Qt::WA_DeleteOnClose);
    connect(window, &MainWindow::signOutRequested, this, &DesktopApp::signOut);
    window->show();
    Q_EMIT mainWindowShown(window);
}

bool DesktopApp::startSignIn()
{
    SignInDialog dialog(m_profiles.get(), m_credentials.get());
    if (dialog.exec() != QDialog::Accepted)
        return false;
    signedIn(dialog);
    return true;
}

void DesktopApp::signedIn(SignInDialog &dialog)
{
    const ConnectionProfile profile = dialog.profile();
    if (profile.consoleAccess == ConnectionProfile::ConsoleAccess::LocalProxy && !m_localProxy->isRunning()) {
        QString error;
        // Failure is shown when a console is opened: the VM list is useful without it.
        if (!m_localProxy->start(&error))
            qCWarning(lcUi) << "local token proxy:" << error;
    }
    showMainWindow(new MainWindow(dialog.takeClient(), profile, m_localProxy.get(), m_settings));
}

void DesktopApp::signOut()
{
    // Between closing the VM list and showing the dialog no window is open: that is no reason to quit.
    const bool quitOnLastWindow = QGuiApplication::quitOnLastWindowClosed();
    QGuiApplication::setQuitOnLastWindowClosed(false);
    if (!m_mainWindow || m_mainWindow->close()) {
        auto *dialog = new SignInDialog(m_profiles.get(), m_credentials.get());
        dialog->setObjectName(QStringLiteral("signInDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, dialog] { signedIn(*dialog); });
        dialog->show();
    }
    QGuiApplication::setQuitOnLastWindowClosed(quitOnLastWindow);
}

bool DesktopApp::startDemo(QString *error)
{
    // The demo cloud with a live desktop behind every running VNC VM's console.
    m_demo = std::make_unique<DemoEnvironment>();
    if (!m_demo->start(QHostAddress::LocalHost, 0)) {
        *error = tr("The demo cloud could not listen on 127.0.0.1: %1").arg(m_demo->errorString());
        return false;
    }
    if (!m_localProxy->start(error))
        return false;
    ConnectionProfile profile;
    profile.name = tr("Demo cloud");
    profile.endpoint = m_demo->endpoint();
    profile.user = m_demo->server()->demoUser();
    profile.consoleAccess = ConnectionProfile::ConsoleAccess::LocalProxy;
    auto client = std::make_unique<OneClient>(profile.toOneSettings(m_demo->server()->demoPassword()));
    auto *window = new MainWindow(std::move(client), profile, m_localProxy.get(), m_settings);
    // A VM whose desktop could not start says so instead of failing on a made-up host.
    window->resolver()->setDemoVmsWithoutConsole(m_demo->vmsWithoutConsole());
    // Its endpoint's port changes every run, and its name is translated: the demo's own id.
    window->setProfileId(QStringLiteral("demo"));
    window->setBaseTitle(tr("Demo cloud (%1) — Porthole").arg(m_demo->endpoint().authority()));
    showMainWindow(window);
    return true;
}

bool DesktopApp::startConsole(
    const QString &text, const std::optional<QString> &password, QString *error, bool *forwarded)
{
    if (forwarded)
        *forwarded = false;
    std::optional<ConsoleUrl> url = ConsoleUrl::parse(text, error);
    if (!url)
        return false;
    if (forwardToRunningInstance(text, password)) {
        if (forwarded)
            *forwarded = true;
        return true;
    }
    const Preferences preferences = Preferences::load(*m_settings);
    RfbSession::Options options = preferences.applyTo(RfbSession::Options());
    options.password = password ? password : url->password();
    if (!m_consoleTabs) {
        m_consoleTabs = new ConsoleTabWindow(preferences);
        m_consoleTabs->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_consoleTabs->setPreferences(preferences);
    m_consoleTabs->addConsole(*url, options);
    m_consoleTabs->show();
    listenForOtherInstances();
    return true;
}

bool DesktopApp::forwardToRunningInstance(const QString &url, const std::optional<QString> &password)
{
    QJsonObject message {{QStringLiteral("connect"), url}};
    if (password)
        message.insert(QStringLiteral("password"), *password);
    QString error;
    const bool sent = InstanceChannel::send(QJsonDocument(message).toJson(QJsonDocument::Compact), &error);
    if (!error.isEmpty())
        qCWarning(lcUi).noquote() << error;
    return sent;
}

bool DesktopApp::listenForOtherInstances()
{
    if (!m_instanceChannel) {
        m_instanceChannel = new InstanceChannel(this);
        connect(m_instanceChannel, &InstanceChannel::received, this, &DesktopApp::openForwarded);
    }
    QString error;
    if (!m_instanceChannel->listen(&error)) {
        qCWarning(lcUi).noquote() << "cannot take console URLs from other instances:" << error;
        return false;
    }
    return true;
}

void DesktopApp::openForwarded(const QByteArray &message)
{
    const QJsonObject object = QJsonDocument::fromJson(message).object();
    QString error;
    const std::optional<ConsoleUrl> url = ConsoleUrl::parse(object.value(QStringLiteral("connect")).toString(), &error);
    if (!url) {
        qCWarning(lcUi) << "ignoring a console URL from another instance:" << error;
        return;
    }
    std::optional<QString> password = url->password();
    if (object.contains(QStringLiteral("password")))
        password = object.value(QStringLiteral("password")).toString();
    ConsoleUrl withPassword = *url;
    withPassword.setPassword(password);
    if (m_mainWindow) {
        m_mainWindow->openConsoleUrl(withPassword, url->host());
        m_mainWindow->raise();
        m_mainWindow->activateWindow();
        return;
    }
    const Preferences preferences = Preferences::load(*m_settings);
    if (!m_consoleTabs) {
        m_consoleTabs = new ConsoleTabWindow(preferences);
        m_consoleTabs->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_consoleTabs->setPreferences(preferences);
    RfbSession::Options options = preferences.applyTo(RfbSession::Options());
    options.password = password;
    m_consoleTabs->addConsole(*url, options);
    m_consoleTabs->show();
    m_consoleTabs->raise();
    m_consoleTabs->activateWindow();
}

} // namespace Porthole
