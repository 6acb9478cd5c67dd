// SPDX-License-Identifier: GPL-2.0-or-later
// The VM list hands consoles to virt-viewer's remote-viewer, a real one on Xvfb: a SPICE VM
// (QEMU's SPICE server, no disk) through a .vv file, and a VNC VM (a real Xvnc) behind the
// local token proxy through a forward on 127.0.0.1 that lives as long as the viewer.
#include "console/ExternalViewer.h"

#include "ConsolePeers.h"
#include "TestSupport.h"
#include "XvfbPeer.h"
#include "cloud/OneClient.h"
#include "demo/DemoCloud.h"
#include "demo/DemoCloudServer.h"
#include "proxy/LocalTokenProxy.h"
#include "ui/app/MainWindow.h"

#include <gtest/gtest.h>

#include <QAction>
#include <QPointer>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Porthole;
using namespace PortholeTest;

namespace {

constexpr int kWaitMs = 60000;

class ExternalViewerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (ExternalViewer::program(ExternalViewer::Protocol::Spice).isEmpty())
            GTEST_FAIL() << ExternalViewer::installHint(ExternalViewer::Protocol::Spice).toStdString();
        ASSERT_TRUE(m_server.listen());
        QString error;
        ASSERT_TRUE(m_localProxy.start(&error)) << error.toStdString();
        m_settings = std::make_unique<QSettings>(m_dir.filePath(u"porthole.conf"_qs), QSettings::IniFormat);
        ASSERT_TRUE(m_x.start());
        // remote-viewer's display; Porthole itself stays on the offscreen platform.
        qputenv("DISPLAY", m_x.display().toLatin1());
    }

    std::unique_ptr<MainWindow> makeWindow(ConnectionProfile::ConsoleAccess access)
    {
        ConnectionProfile profile;
        profile.name = u"Demo"_qs;
        profile.endpoint = m_server.endpoint();
        profile.user = DemoCloud::demoUser();
        profile.consoleAccess = access;
        auto client = std::make_unique<OneClient>(profile.toOneSettings(DemoCloud::demoPassword()));
        auto window = std::make_unique<MainWindow>(std::move(client), profile, &m_localProxy, m_settings.get());
        window->show();
        QSignalSpy done(window.get(), &MainWindow::refreshFinished);
        EXPECT_TRUE(done.wait(kWaitMs));
        return window;
    }

    QTemporaryDir m_dir;
    DemoCloudServer m_server;
    LocalTokenProxy m_localProxy;
    std::unique_ptr<QSettings> m_settings;
    XvfbPeer m_x;
};

} // namespace

TEST_F(ExternalViewerTest, ASpiceVmOpensInRemoteViewer)
{
    const quint16 port = freePort();
    QProcess qemu;
    qemu.setProcessChannelMode(QProcess::MergedChannels);
    qemu.start(u"qemu-system-x86_64"_qs,
        {u"-S"_qs, u"-nodefaults"_qs, u"-m"_qs, u"64"_qs, u"-vga"_qs, u"qxl"_qs, u"-display"_qs, u"none"_qs,
            u"-spice"_qs, u"port=%1,addr=127.0.0.1,disable-ticketing=on"_qs.arg(port), u"-net"_qs, u"none"_qs});
    ASSERT_TRUE(qemu.waitForStarted(20000));
    ASSERT_TRUE(waitForPort(port, 30000)) << qemu.readAll().constData();
    // Demo VM 3 is SPICE only; its console is this QEMU.
    ASSERT_TRUE(m_server.cloud()->setConsoleTarget(3, u"127.0.0.1"_qs, port));

    auto window = makeWindow(ConnectionProfile::ConsoleAccess::Direct);
    window->selectVm(3);
    QAction *open = window->action(u"actionOpenRemoteViewer"_qs);
    ASSERT_NE(open, nullptr);
    EXPECT_TRUE(open->isEnabled()) << open->toolTip().toStdString();
    // Porthole's own viewer declines it, and says where to go instead.
    EXPECT_FALSE(window->action(u"actionOpenConsole"_qs)->isEnabled());
    EXPECT_TRUE(window->action(u"actionOpenConsole"_qs)->toolTip().contains(u"remote-viewer"));
    open->trigger();
    // The window title comes from the .vv file: remote-viewer read it and connected.
    EXPECT_TRUE(m_x.waitForWindow(u"spice-desktop (3)"_qs)) << m_x.windowTree().toStdString();

    // A VNC VM has no SPICE console to hand over.
    window->selectVm(0);
    EXPECT_FALSE(open->isEnabled());
    qemu.kill();
    qemu.waitForFinished(10000);
}

TEST_F(ExternalViewerTest, AVncConsoleBehindTheLocalProxyIsForwardedForTheViewerItStarts)
{
    XvncServer xvnc;
    ASSERT_TRUE(xvnc.start(u"320x240"_qs)) << xvnc.log().toStdString();
    ASSERT_TRUE(m_server.cloud()->setConsoleTarget(0, u"127.0.0.1"_qs, xvnc.port()));

    auto window = makeWindow(ConnectionProfile::ConsoleAccess::LocalProxy);
    window->selectVm(0);
    QAction *open = window->action(u"actionOpenExternalViewer"_qs);
    ASSERT_NE(open, nullptr);
    ASSERT_TRUE(open->isEnabled()) << open->toolTip().toStdString();
    open->trigger();
    ExternalViewer *viewer = nullptr;
    ASSERT_TRUE(QTest::qWaitFor([&] { return (viewer = window->findChild<ExternalViewer *>()) != nullptr; }, kWaitMs))
        << window->lastError().toStdString();
    const quint16 forwarded = viewer->forwardedPort();
    ASSERT_GT(forwarded, 0);
    // remote-viewer names its window after the file's title once the VNC session is up.
    EXPECT_TRUE(m_x.waitForWindow(u"web-1 (0)"_qs)) << m_x.windowTree().toStdString();

    // Closing the window list ends the viewer and the forward with it.
    QPointer<ExternalViewer> guard(viewer);
    window.reset();
    EXPECT_TRUE(guard.isNull());
    EXPECT_TRUE(waitForPortClosed(forwarded, 10000));
}
