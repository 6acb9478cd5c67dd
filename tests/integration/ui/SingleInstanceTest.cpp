// SPDX-License-Identifier: GPL-2.0-or-later
// `porthole --connect URL` while a Porthole runs: the URL (and a password read
// from stdin) goes to the running instance, which opens it as a new tab.
#include "TestSupport.h"
#include "demo/DemoCloud.h"
#include "demo/DemoCloudServer.h"
#include "demo/DemoDesktop.h"
#include "profiles/ProfileStore.h"
#include "proxy/LocalTokenProxy.h"
#include "ui/app/DesktopApp.h"
#include "ui/app/MainWindow.h"
#include "ui/console/ConsoleWindow.h"
#include "ui/dialogs/SignInDialog.h"
#include "ui/vms/VmTableModel.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QCoreApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Porthole;
using namespace PortholeTest;

namespace {
constexpr int kWaitMs = 60000;
}

TEST(SingleInstance, SecondConnectOpensATabInTheRunningInstance)
{
    const QString instance = QStringLiteral("porthole-test-%1").arg(QCoreApplication::applicationPid());
    qputenv("PORTHOLE_INSTANCE", instance.toUtf8());
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("porthole.conf")), QSettings::IniFormat);

    DemoDesktop first(QStringLiteral("first"));
    DemoDesktop second(QStringLiteral("second"), QStringLiteral("pw-2"));
    QString error;
    ASSERT_TRUE(first.start(&error, QSize(320, 240))) << error.toStdString();
    ASSERT_TRUE(second.start(&error, QSize(320, 240))) << error.toStdString();

    DesktopApp app(&settings);
    bool forwarded = true;
    ASSERT_TRUE(
        app.startConsole(QStringLiteral("vnc://127.0.0.1:%1").arg(first.port()), std::nullopt, &error, &forwarded))
        << error.toStdString();
    EXPECT_FALSE(forwarded); // nobody was running: this instance opened it
    ASSERT_NE(app.consoleTabs(), nullptr);
    EXPECT_EQ(app.consoleTabs()->tabs()->count(), 1);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PORTHOLE_INSTANCE"), instance);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    const ProcessResult run = runProgram(builtProgram(QStringLiteral("app/porthole")),
        {QStringLiteral("--connect"), QStringLiteral("vnc://127.0.0.1:%1").arg(second.port()),
            QStringLiteral("--password-stdin")},
        "pw-2\n", kWaitMs, env);
    ASSERT_TRUE(run.finished) << run.err.toStdString();
    EXPECT_EQ(run.exitCode, 0) << run.err.toStdString();
    EXPECT_TRUE(run.err.contains(QStringLiteral("opened in the running Porthole"))) << run.err.toStdString();

    ASSERT_TRUE(QTest::qWaitFor([&] { return app.consoleTabs()->tabs()->count() == 2; }, kWaitMs));
    auto *console = qobject_cast<ConsoleWindow *>(app.consoleTabs()->tabs()->widget(1));
    ASSERT_NE(console, nullptr);
    // The password from stdin came along: the second desktop lets it in.
    QSignalSpy full(console->session(), &RfbSession::firstFullFrame);
    ASSERT_TRUE(console->session()->framesReceived() > 0 || full.wait(kWaitMs))
        << console->session()->errorText().toStdString();
    EXPECT_EQ(console->session()->frame().size(), QSize(320, 240));

    // Bad input from a second instance is refused there, with exit status 2
    // (a bare URL argument, as the .desktop file's "porthole %u" passes it).
    const ProcessResult bad
        = runProgram(builtProgram(QStringLiteral("app/porthole")), {QStringLiteral("not a url")}, {}, kWaitMs, env);
    EXPECT_EQ(bad.exitCode, 2) << bad.err.toStdString();
    EXPECT_EQ(app.consoleTabs()->tabs()->count(), 2);
    qunsetenv("PORTHOLE_INSTANCE");
}

// What `porthole` without arguments does: the sign-in dialog, then the VM list.
TEST(DesktopApp, SignInThenTheVmList)
{
    qputenv("PORTHOLE_INSTANCE",
        QStringLiteral("porthole-test-signin-%1").arg(QCoreApplication::applicationPid()).toUtf8());
    DemoCloudServer server;
    ASSERT_TRUE(server.listen());
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("porthole.conf")), QSettings::IniFormat);
    {
        ProfileStore profiles(&settings);
        ConnectionProfile p;
        p.name = QStringLiteral("Demo");
        p.endpoint = server.endpoint();
        p.user = DemoCloud::demoUser();
        p.consoleAccess = ConnectionProfile::ConsoleAccess::LocalProxy;
        profiles.save({p});
    }
    DesktopApp app(&settings);
    bool sawDialog = false;
    // The dialog runs modally inside startSignIn(): answer it from the event loop.
    QTimer::singleShot(0, [&] {
        auto *dialog = qobject_cast<SignInDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        sawDialog = true;
        dialog->findChild<QLineEdit *>(QStringLiteral("secret"))->setText(DemoCloud::demoPassword());
        dialog->signIn();
    });
    ASSERT_TRUE(app.startSignIn());
    EXPECT_TRUE(sawDialog);
    ASSERT_NE(app.mainWindow(), nullptr);
    EXPECT_TRUE(app.localProxy()->isRunning()); // the profile reaches consoles through it
    EXPECT_TRUE(QTest::qWaitFor([&] { return app.mainWindow()->model()->rowCount() > 0; }, kWaitMs));
    qunsetenv("PORTHOLE_INSTANCE");
}

TEST(DesktopApp, ConnectAsksForTheVncPasswordAUrlLacks)
{
    qputenv(
        "PORTHOLE_INSTANCE", QStringLiteral("porthole-test-pw-%1").arg(QCoreApplication::applicationPid()).toUtf8());
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("porthole.conf")), QSettings::IniFormat);
    DemoDesktop desktop(QStringLiteral("locked"), QStringLiteral("pw-1"));
    QString error;
    ASSERT_TRUE(desktop.start(&error, QSize(320, 240))) << error.toStdString();
    DesktopApp app(&settings);
    ASSERT_TRUE(app.startConsole(QStringLiteral("vnc://127.0.0.1:%1").arg(desktop.port()), std::nullopt, &error));
    QInputDialog *prompt = nullptr;
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return (prompt = app.consoleTabs()->findChild<QInputDialog *>(QStringLiteral("vncPasswordPrompt"))); },
        kWaitMs));
    prompt->setTextValue(QStringLiteral("pw-1"));
    prompt->accept();
    ASSERT_EQ(app.consoleTabs()->tabs()->count(), 1);
    auto *console = qobject_cast<ConsoleWindow *>(app.consoleTabs()->tabs()->widget(0));
    ASSERT_NE(console, nullptr);
    QSignalSpy full(console->session(), &RfbSession::firstFullFrame);
    ASSERT_TRUE(console->session()->framesReceived() > 0 || full.wait(kWaitMs))
        << console->session()->errorText().toStdString();
    qunsetenv("PORTHOLE_INSTANCE");
}
