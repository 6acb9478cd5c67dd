// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tokens/ConsoleUrl.h"
#include "ui/app/MainWindow.h"
#include "ui/console/ConsoleTabWindow.h"

#include <QObject>
#include <QPointer>

#include <memory>
#include <optional>

class QSettings;

namespace Porthole {

class CredentialStore;
class DemoEnvironment;
class InstanceChannel;
class LocalTokenProxy;

class ProfileStore;
class SignInDialog;

// What `porthole` runs: the settings, the keychain, the local token proxy and
// (with --demo) the demo cloud, and the window that comes out of signing in.
// main() only parses the command line and calls one of the start functions.
class DesktopApp : public QObject
{
    Q_OBJECT
public:
    // settings: not owned; null uses QSettings() (the platform's config file).
    explicit DesktopApp(QSettings *settings = nullptr, QObject *parent = nullptr);
    ~DesktopApp() override;

    // The sign-in dialog, then the VM list. False when the user cancels.
    bool startSignIn();
    // Closes the VM list and its consoles (asking first if one is live) and shows the sign-in
    // dialog, without blocking: signing in there opens the new VM list (mainWindowShown);
    // cancelling leaves no window, so the application ends as after Quit.
    void signOut();
    // The embedded demo cloud and the local proxy on 127.0.0.1, signed in at once.
    bool startDemo(QString *error);
    // One console tab for a console URL (porthole --connect). When another
    // Porthole already runs for this user, the URL goes there as a new tab and
    // *forwarded is set: this process has nothing left to do.
    bool startConsole(
        const QString &url, const std::optional<QString> &password, QString *error, bool *forwarded = nullptr);
    // Takes console URLs from later `porthole --connect` calls (InstanceChannel).
    bool listenForOtherInstances();

    MainWindow *mainWindow() const { return m_mainWindow; }
    ConsoleTabWindow *consoleTabs() const { return m_consoleTabs; }
    LocalTokenProxy *localProxy() const { return m_localProxy.get(); }
    DemoEnvironment *demo() const { return m_demo.get(); }
    QSettings *settings() const { return m_settings; }

Q_SIGNALS:
    void mainWindowShown(Porthole::MainWindow *window);

private:
    void openForwarded(const QByteArray &message);
    bool forwardToRunningInstance(const QString &url, const std::optional<QString> &password);
    void showMainWindow(MainWindow *window);
    void signedIn(SignInDialog &dialog);

    std::unique_ptr<QSettings> m_ownSettings;
    QSettings *m_settings;
    std::unique_ptr<CredentialStore> m_credentials;
    std::unique_ptr<ProfileStore> m_profiles;
    std::unique_ptr<LocalTokenProxy> m_localProxy;
    std::unique_ptr<DemoEnvironment> m_demo;
    QPointer<MainWindow> m_mainWindow;
    QPointer<ConsoleTabWindow> m_consoleTabs;
    InstanceChannel *m_instanceChannel = nullptr;
};

} // namespace Porthole
