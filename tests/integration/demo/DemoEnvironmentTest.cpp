// SPDX-License-Identifier: GPL-2.0-or-later
// DemoEnvironment: the live demo as porthole --demo and porthole-cli --demo run it. Every
// running VNC VM's console (its VM document and the addon's token) leads to a desktop that
// answers RFB; the VMs with nothing behind their console are listed.
#include "demo/DemoEnvironment.h"

#include "console/RfbSession.h"
#include "demo/DemoCloud.h"
#include "demo/DemoCloudServer.h"
#include "demo/DemoDesktop.h"
#include "demo/DemoVm.h"

#include <gtest/gtest.h>

#include <QSignalSpy>

using namespace Porthole;

namespace {
constexpr int kWaitMs = 60000;
}

TEST(DemoEnvironment, EveryConsoleVmHasADesktopThatAnswersRfb)
{
    DemoEnvironment demo;
    ASSERT_TRUE(demo.start()) << demo.errorString().toStdString();
    ASSERT_TRUE(demo.server()->isListening());
    EXPECT_EQ(demo.endpoint().host(), u"127.0.0.1"_qs);
    EXPECT_EQ(demo.consoleVmIds(), (QList<int> {0, 1, 2, 9}));
    EXPECT_EQ(demo.consoleVmIds(), demo.cloud()->consoleVmIds());
    EXPECT_TRUE(demo.vmsWithoutConsole().isEmpty());

    for (int id : demo.consoleVmIds()) {
        SCOPED_TRACE(id);
        const DemoDesktop *desktop = demo.desktop(id);
        ASSERT_NE(desktop, nullptr);
        const DemoVm vm = *demo.cloud()->vm(id);
        // The VM document and the addon's console token both name the live desktop.
        EXPECT_EQ(vm.hostname, u"127.0.0.1"_qs);
        EXPECT_EQ(vm.graphicsPort, desktop->port());
        EXPECT_EQ(demo.consoleUrl(id), QStringLiteral("vnc://127.0.0.1:%1").arg(desktop->port()));
        const QString session = DemoCloud::demoUser() + u':' + DemoCloud::demoPassword();
        const QVariantMap token
            = demo.cloud()->call(u"one.vm.vnctoken"_qs, {session, id}).value.toList().value(1).toMap();
        EXPECT_EQ(token.value(u"host"_qs).toString(), u"127.0.0.1"_qs);
        EXPECT_EQ(token.value(u"port"_qs).toInt(), desktop->port());

        RfbSession viewer;
        QSignalSpy full(&viewer, &RfbSession::firstFullFrame);
        RfbSession::Options options;
        if (!vm.graphicsPasswd.isEmpty())
            options.password = vm.graphicsPasswd;
        viewer.open(ConsoleUrl::vnc(u"127.0.0.1"_qs, desktop->port()), options);
        ASSERT_TRUE(full.wait(kWaitMs)) << viewer.errorText().toStdString();
        EXPECT_EQ(viewer.frame().size(), QSize(800, 600));
        const QColor corner(viewer.frame().pixel(2, 2)); // the sky, not a black buffer
        EXPECT_GT(corner.blue(), 80);
    }
    // The others have no desktop and no console URL.
    for (int id : {3, 4, 5, 6, 7, 8}) {
        EXPECT_EQ(demo.desktop(id), nullptr) << id;
        EXPECT_TRUE(demo.consoleUrl(id).isEmpty()) << id;
    }
}

TEST(DemoEnvironment, ListsTheRunningVncVmsWithoutADesktop)
{
    DemoEnvironment demo;
    demo.cloud()->setExtraVms(30); // ids 10..39: every tenth powered off, the 25th without graphics
    ASSERT_TRUE(demo.start()) << demo.errorString().toStdString();
    const QList<int> without = demo.vmsWithoutConsole();
    EXPECT_EQ(without.size(), 26);
    EXPECT_EQ(without.value(0), 10);
    EXPECT_FALSE(without.contains(19)); // POWEROFF: no console to miss
    EXPECT_FALSE(without.contains(34)); // no GRAPHICS
    for (int id : demo.consoleVmIds())
        EXPECT_FALSE(without.contains(id)) << id;
    for (int id : without) {
        EXPECT_EQ(demo.desktop(id), nullptr) << id;
        EXPECT_NE(demo.cloud()->vm(id)->hostname, u"127.0.0.1"_qs) << id;
    }
}

TEST(DemoEnvironment, ADesktopGoesDarkOnPoweroffAndShowsANewBootOnResume)
{
    DemoEnvironment demo;
    demo.cloud()->setStepMs(10);
    ASSERT_TRUE(demo.start()) << demo.errorString().toStdString();
    DemoDesktop *desktop = demo.desktop(0);
    ASSERT_NE(desktop, nullptr);
    const QString session = DemoCloud::demoUser() + u':' + DemoCloud::demoPassword();

    RfbSession viewer;
    QSignalSpy full(&viewer, &RfbSession::firstFullFrame);
    QSignalSpy failed(&viewer, &RfbSession::errorOccurred);
    viewer.open(ConsoleUrl::vnc(u"127.0.0.1"_qs, desktop->port()), {});
    ASSERT_TRUE(full.wait(kWaitMs)) << viewer.errorText().toStdString();

    ASSERT_TRUE(demo.cloud()->call(u"one.vm.action"_qs, {session, u"poweroff"_qs, 0}).value.toList().value(0).toBool());
    EXPECT_FALSE(desktop->poweredOn());
    ASSERT_TRUE(failed.wait(kWaitMs)); // the viewer lost its desktop
    QSignalSpy changed(demo.cloud(), &DemoCloud::vmStateChanged);
    while (demo.cloud()->vm(0)->state != 8)
        ASSERT_TRUE(changed.wait(kWaitMs));

    ASSERT_TRUE(demo.cloud()->call(u"one.vm.action"_qs, {session, u"resume"_qs, 0}).value.toList().value(0).toBool());
    while (!(demo.cloud()->vm(0)->state == 3 && demo.cloud()->vm(0)->lcmState == 3))
        ASSERT_TRUE(changed.wait(kWaitMs));
    EXPECT_TRUE(desktop->poweredOn());
    EXPECT_EQ(desktop->boots(), 2);
    RfbSession again;
    QSignalSpy fullAgain(&again, &RfbSession::firstFullFrame);
    again.open(ConsoleUrl::vnc(u"127.0.0.1"_qs, desktop->port()), {});
    ASSERT_TRUE(fullAgain.wait(kWaitMs)) << again.errorText().toStdString();
}
