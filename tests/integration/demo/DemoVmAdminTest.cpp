// SPDX-License-Identifier: GPL-2.0-or-later
// The demo cloud's VM administration, called directly: oned 7.4's rules and texts for
// one.vm.action, snapshots and locks, the LCM walk of accepted actions, monitoring that moves,
// and the refusals of a user without MANAGE rights.
#include "cloud/MonitoringParser.h"
#include "cloud/VmActions.h"
#include "cloud/VmDetails.h"
#include "demo/DemoCloud.h"
#include "demo/DemoVm.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>

using namespace Porthole;

namespace {

const QString kAdmin = QStringLiteral("oneadmin:password");
const QString kAlice = QStringLiteral("alice:alicepass");
const QString kBob = QStringLiteral("bob:bobpass");

class DemoVmAdminTest : public ::testing::Test
{
protected:
    DemoCloud cloud;
    qint64 clockNow = 1800000000;

    void SetUp() override
    {
        cloud.setClock([this] { return clockNow; });
        cloud.setStepMs(5);
    }

    QVariantList call(const QString &method, const QVariantList &params)
    {
        const DemoCloud::Reply r = cloud.call(method, params);
        EXPECT_FALSE(r.isFault) << r.faultString.toStdString();
        return r.value.toList();
    }

    QVariantList act(const QString &session, const char *action, int id)
    {
        return call(QStringLiteral("one.vm.action"), {session, QString::fromLatin1(action), id});
    }

    std::pair<int, int> state(int id) const
    {
        const auto vm = cloud.vm(id);
        return {vm->state, vm->lcmState};
    }

    // Waits (on signals, never a sleep) until VM id is in (state, lcm).
    bool reaches(int id, int s, int lcm)
    {
        QSignalSpy changed(&cloud, &DemoCloud::vmStateChanged);
        for (int i = 0; i < 50 && state(id) != std::pair {s, lcm}; ++i)
            changed.wait(2000);
        return state(id) == std::pair {s, lcm};
    }

    static QVariantList refused(const QString &method, const QString &text, int code)
    {
        return {false, QStringLiteral("[%1] %2").arg(method, text), code, -1, qlonglong(-1)};
    }
};

} // namespace

TEST_F(DemoVmAdminTest, PoweroffWalksThroughShutdownPoweroffAndResumeBootsAgain)
{
    QList<std::pair<int, int>> seen;
    QObject::connect(&cloud, &DemoCloud::vmStateChanged, &cloud, [&](int id, int s, int lcm) {
        if (id == 0)
            seen.append({s, lcm});
    });
    EXPECT_EQ(act(kAdmin, "poweroff", 0), (QVariantList {true, 0, 0}));
    EXPECT_EQ(state(0), (std::pair {3, 18})); // SHUTDOWN_POWEROFF at once
    ASSERT_TRUE(reaches(0, 8, 0));
    EXPECT_EQ(act(kAdmin, "resume", 0), (QVariantList {true, 0, 0}));
    ASSERT_TRUE(reaches(0, 3, 3));
    EXPECT_EQ(seen, (QList<std::pair<int, int>> {{3, 18}, {8, 0}, {3, 20}, {3, 3}}));
}

TEST_F(DemoVmAdminTest, RefusalsAreOnedsForTheState)
{
    // VM 7 is HOLD, 5 POWEROFF, 8 DONE.
    EXPECT_EQ(act(kAdmin, "poweroff", 7),
        refused(QStringLiteral("one.vm.action"),
            QStringLiteral("Error performing action \"poweroff\": This action is not available for state HOLD"), 2048));
    EXPECT_EQ(act(kAdmin, "reboot", 5),
        refused(QStringLiteral("one.vm.action"),
            QStringLiteral("Error performing action \"reboot\": This action is not available for state POWEROFF"),
            2048));
    EXPECT_EQ(act(kAdmin, "explode", 0),
        refused(QStringLiteral("one.vm.action"), QStringLiteral("Action \"explode\" is not supported"), 2048));
    EXPECT_EQ(act(kAdmin, "terminate", 8), (QVariantList {true, 8, 0})); // DONE: accepted, nothing happens
    EXPECT_EQ(act(kAdmin, "poweroff", 99999),
        (QVariantList {false, QStringLiteral("[one.vm.action] Error getting virtual machine [99999]."), 1024, 99999,
            qlonglong(-1)}));
    // While SHUTDOWN_POWEROFF only the hard variant goes through.
    act(kAdmin, "poweroff", 1);
    ASSERT_EQ(state(1), (std::pair {3, 18}));
    EXPECT_EQ(act(kAdmin, "reboot", 1).value(1).toString(),
        u"[one.vm.action] Error performing action \"reboot\": This action is not available for state "
        u"SHUTDOWN_POWEROFF");
    EXPECT_EQ(act(kAdmin, "poweroff-hard", 1), (QVariantList {true, 1, 0}));
    EXPECT_TRUE(reaches(1, 8, 0));
}

TEST_F(DemoVmAdminTest, EveryActionAgreesWithTheTableInEveryBuiltinState)
{
    for (int id = 0; id < 10; ++id) {
        for (VmAction action : VmActions::all()) {
            DemoCloud fresh;
            fresh.setStepMs(100000);
            const auto before = fresh.vm(id);
            const VmActionCheck check = VmActions::check(action, id, before->state, before->lcmState);
            const QVariantList env
                = fresh.call(QStringLiteral("one.vm.action"), {kAdmin, VmActions::name(action), id}).value.toList();
            EXPECT_EQ(env.value(0).toBool(), check.allowed) << id << " " << qPrintable(VmActions::name(action));
        }
    }
}

TEST_F(DemoVmAdminTest, TerminateEndsInDoneAndReleasesThePort)
{
    act(kAdmin, "terminate", 2);
    EXPECT_EQ(state(2), (std::pair {3, 12})); // SHUTDOWN
    ASSERT_TRUE(reaches(2, 6, 0));
    EXPECT_EQ(cloud.vm(2)->graphicsPort, -1);
    EXPECT_EQ(cloud.vm(2)->etime, clockNow);
    act(kAdmin, "terminate-hard", 6); // PENDING: DONE at once
    EXPECT_EQ(state(6), (std::pair {6, 0}));
}

TEST_F(DemoVmAdminTest, AUserWithoutManageIsRefusedInOnedsWords)
{
    // bob may look at alice's VM 9 (group USE), not act on it.
    const QVariantList info = call(QStringLiteral("one.vm.info"), {kBob, 9});
    EXPECT_TRUE(info.value(0).toBool());
    EXPECT_EQ(act(kBob, "poweroff", 9),
        refused(QStringLiteral("one.vm.action"), QStringLiteral("User [3] : Not authorized to perform MANAGE VM [9]."),
            512));
    EXPECT_EQ(call(QStringLiteral("one.vm.snapshotcreate"), {kBob, 9, QStringLiteral("s")}),
        refused(QStringLiteral("one.vm.snapshotcreate"),
            QStringLiteral("User [3] : Not authorized to perform MANAGE VM [9]."), 512));
    EXPECT_TRUE(call(QStringLiteral("one.vm.monitoring"), {kBob, 9}).value(0).toBool());
    EXPECT_EQ(act(kAlice, "poweroff", 0),
        refused(QStringLiteral("one.vm.action"), QStringLiteral("User [2] : Not authorized to perform MANAGE VM [0]."),
            512));
    EXPECT_EQ(act(kAlice, "reboot", 9), (QVariantList {true, 9, 0})); // her own
}

TEST_F(DemoVmAdminTest, LocksRefuseManageButNotMonitoring)
{
    EXPECT_EQ(call(QStringLiteral("one.vm.lock"), {kAdmin, 0, 1, false}), (QVariantList {true, 0, 0}));
    EXPECT_EQ(act(kAdmin, "poweroff", 0),
        refused(QStringLiteral("one.vm.action"), QStringLiteral("User [0] : VM is locked. [0]."), 512));
    EXPECT_TRUE(call(QStringLiteral("one.vm.monitoring"), {kAdmin, 0}).value(0).toBool());
    EXPECT_EQ(call(QStringLiteral("one.vm.lock"), {kAdmin, 0, 2, true}),
        refused(QStringLiteral("one.vm.lock"), QString::number(clockNow), 2048));
    const auto details = VmDetails::parse(call(QStringLiteral("one.vm.info"), {kAdmin, 0}).value(1).toString());
    ASSERT_TRUE(details);
    ASSERT_TRUE(details->lock);
    EXPECT_EQ(details->lock->level, 1);
    EXPECT_EQ(details->vm.lockLevel, 1);
    call(QStringLiteral("one.vm.lock"), {kAdmin, 0, 3, false}); // ADMIN: MANAGE passes
    EXPECT_EQ(act(kAdmin, "poweroff", 0), (QVariantList {true, 0, 0}));
    call(QStringLiteral("one.vm.unlock"), {kAdmin, 0});
    EXPECT_EQ(cloud.vm(0)->lockLevel, 0);
}

TEST_F(DemoVmAdminTest, SnapshotsComeAndGoAndAreDroppedAtPoweroff)
{
    const QString name = QStringLiteral("<b>before</b> & \"update\"");
    EXPECT_EQ(call(QStringLiteral("one.vm.snapshotcreate"), {kAdmin, 1, name}), (QVariantList {true, 0, 0}));
    EXPECT_EQ(state(1), (std::pair {3, 24})); // HOTPLUG_SNAPSHOT
    ASSERT_TRUE(reaches(1, 3, 3));
    EXPECT_EQ(
        call(QStringLiteral("one.vm.snapshotcreate"), {kAdmin, 1, QStringLiteral("two")}), (QVariantList {true, 1, 0}));
    ASSERT_TRUE(reaches(1, 3, 3));
    const auto details = VmDetails::parse(call(QStringLiteral("one.vm.info"), {kAdmin, 1}).value(1).toString());
    ASSERT_TRUE(details);
    ASSERT_EQ(details->snapshots.size(), 2);
    EXPECT_EQ(details->snapshots[0].name, name);
    EXPECT_EQ(call(QStringLiteral("one.vm.snapshotrevert"), {kAdmin, 1, 0}), (QVariantList {true, 1, 0}));
    ASSERT_TRUE(reaches(1, 3, 3));
    EXPECT_EQ(call(QStringLiteral("one.vm.snapshotdelete"), {kAdmin, 1, 1}), (QVariantList {true, 1, 0}));
    // While HOTPLUG_SNAPSHOT oned refuses another one, in its words.
    EXPECT_EQ(call(QStringLiteral("one.vm.snapshotrevert"), {kAdmin, 1, 0}).value(1).toString(),
        u"[one.vm.snapshotrevert] Could not revert VM 1 to snapshot 0, wrong state HOTPLUG_SNAPSHOT.");
    ASSERT_TRUE(reaches(1, 3, 3));
    EXPECT_EQ(call(QStringLiteral("one.vm.snapshotrevert"), {kAdmin, 1, 99}),
        refused(QStringLiteral("one.vm.snapshotrevert"),
            QStringLiteral("Could not revert VM 1 to snapshot 99, it does not exist."), 2048));
    act(kAdmin, "poweroff", 1);
    ASSERT_TRUE(reaches(1, 8, 0));
    EXPECT_TRUE(cloud.vm(1)->snapshots.isEmpty());
    EXPECT_EQ(call(QStringLiteral("one.vm.snapshotcreate"), {kAdmin, 1, QStringLiteral("off")}),
        refused(QStringLiteral("one.vm.snapshotcreate"),
            QStringLiteral("Could not create a new snapshot for VM 1, wrong state POWEROFF."), 2048));
}

TEST_F(DemoVmAdminTest, MonitoringRecordsMoveWithTheClock)
{
    const auto first
        = MonitoringParser::parse(call(QStringLiteral("one.vm.monitoring"), {kAdmin, 0}).value(1).toString());
    ASSERT_TRUE(first);
    ASSERT_EQ(first->size(), 40);
    EXPECT_EQ(first->last().timestamp, clockNow - clockNow % 30);
    for (qsizetype i = 1; i < first->size(); ++i) {
        EXPECT_GE((*first)[i].netRx, (*first)[i - 1].netRx);
        EXPECT_GE((*first)[i].diskWriteBytes, (*first)[i - 1].diskWriteBytes);
    }
    clockNow += 30;
    const auto later
        = MonitoringParser::parse(call(QStringLiteral("one.vm.monitoring"), {kAdmin, 0}).value(1).toString());
    ASSERT_TRUE(later);
    EXPECT_EQ(later->last().timestamp, first->last().timestamp + 30);
    EXPECT_NE(later->last().cpu, first->last().cpu);
    // Never deployed: no records.
    const auto pending
        = MonitoringParser::parse(call(QStringLiteral("one.vm.monitoring"), {kAdmin, 6}).value(1).toString());
    ASSERT_TRUE(pending);
    EXPECT_TRUE(pending->isEmpty());
}
