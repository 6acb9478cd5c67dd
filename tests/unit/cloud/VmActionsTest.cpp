// SPDX-License-Identifier: GPL-2.0-or-later
// The action/state table against oned 7.4.0 itself: every one.vm.action capture in
// tests/fixtures/opennebula-live-7.4 names the action and the state the VM was in, and holds
// oned's answer. The table must accept what oned accepted and refuse, in oned's words, what it
// refused.
#include "cloud/VmActions.h"

#include "TestSupport.h"
#include "cloud/VmStates.h"
#include "xmlrpc/XmlRpcReader.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QRegularExpression>

using namespace Porthole;

namespace {

struct StateCode
{
    const char *name;
    int state;
    int lcm;
};

// The <STATE> part of the capture names (README.txt there).
constexpr StateCode kStates[] = {
    {"RUNNING", 3, 3},
    {"POWEROFF", 8, 0},
    {"SUSPENDED", 5, 0},
    {"STOPPED", 4, 0},
    {"UNDEPLOYED", 9, 0},
    {"HOLD", 2, 0},
    {"PENDING", 1, 0},
    {"DONE", 6, 0},
    {"SHUTDOWN", 3, 12},
    {"SHUTDOWN_POWEROFF", 3, 18},
    {"SHUTDOWN_UNDEPLOY", 3, 29},
    {"BOOT_FAILURE", 3, 36},
};

QVariantList values(const QByteArray &document, XmlRpcReader::Kind kind)
{
    const auto reader = XmlRpcReader::parse(kind, document);
    EXPECT_FALSE(reader->hasError());
    if (kind == XmlRpcReader::Kind::Response)
        return reader->value().toList();
    return reader->params();
}

} // namespace

TEST(VmActions, NamesRoundTripAndAreCaseSensitive)
{
    EXPECT_EQ(VmActions::all().size(), 13);
    for (VmAction a : VmActions::all())
        EXPECT_EQ(VmActions::fromName(VmActions::name(a)), a);
    EXPECT_EQ(VmActions::name(VmAction::RebootHard), u"reboot-hard");
    EXPECT_FALSE(VmActions::fromName(u"POWEROFF")); // oned: Action "POWEROFF" is not supported
    EXPECT_FALSE(VmActions::fromName(u"shutdown"));
    EXPECT_FALSE(VmActions::fromName(u""));
}

TEST(VmActions, ConfirmationForHardAndDestructiveOnes)
{
    EXPECT_TRUE(VmActions::needsConfirmation(VmAction::Terminate));
    EXPECT_TRUE(VmActions::needsConfirmation(VmAction::TerminateHard));
    EXPECT_TRUE(VmActions::needsConfirmation(VmAction::RebootHard));
    EXPECT_TRUE(VmActions::needsConfirmation(VmAction::PoweroffHard));
    EXPECT_TRUE(VmActions::needsConfirmation(VmAction::Undeploy));
    EXPECT_FALSE(VmActions::needsConfirmation(VmAction::Reboot));
    EXPECT_FALSE(VmActions::needsConfirmation(VmAction::Resume));
    EXPECT_FALSE(VmActions::needsConfirmation(VmAction::Poweroff));
}

TEST(VmActions, AgreeWithEveryCapturedAnswerOfOned74)
{
    const QDir dir(PortholeTest::fixturePath(QStringLiteral("opennebula-live-7.4")));
    const QRegularExpression pattern(
        QStringLiteral(R"(^one\.vm\.action__([a-z-]+)_(accepted|refused)_(.+)\.response\.xml$)"));
    int checked = 0;
    for (const QString &file : dir.entryList({QStringLiteral("one.vm.action__*.response.xml")}, QDir::Files)) {
        const auto match = pattern.match(file);
        if (!match.hasMatch())
            continue;
        const auto action = VmActions::fromName(match.captured(1));
        if (!action)
            continue; // resched/unresched: ADMIN actions Porthole does not offer
        const QString rest = match.captured(3);
        // Authorization and lock refusals are not about the state.
        if (rest.contains(u"locked") || rest.contains(u"alice_oneadmin_vm"))
            continue;
        const StateCode *code = nullptr;
        for (const StateCode &s : kStates) {
            const QString name = QString::fromLatin1(s.name);
            if ((rest == name || rest.startsWith(name + u'_'))
                && (!code || qstrlen(s.name) > qstrlen(code->name))) // SHUTDOWN_POWEROFF over SHUTDOWN
                code = &s;
        }
        ASSERT_NE(code, nullptr) << qPrintable(file);
        const QString stem = file.left(file.size() - int(qstrlen(".response.xml")));
        const QVariantList request = values(
            PortholeTest::fixture(QStringLiteral("opennebula-live-7.4/") + stem + QStringLiteral(".request.xml")),
            XmlRpcReader::Kind::Call);
        ASSERT_EQ(request.size(), 3) << qPrintable(file);
        const int vmId = request[2].toInt();
        const QVariantList answer = values(
            PortholeTest::fixture(QStringLiteral("opennebula-live-7.4/") + file), XmlRpcReader::Kind::Response);
        ASSERT_GE(answer.size(), 3) << qPrintable(file);
        const VmActionCheck check = VmActions::check(*action, vmId, code->state, code->lcm);
        SCOPED_TRACE(file.toStdString());
        EXPECT_EQ(check.allowed, answer[0].toBool());
        if (!answer[0].toBool()) {
            EXPECT_EQ(answer[2].toInt(), 2048);
            EXPECT_EQ(QStringLiteral("[one.vm.action] ") + check.reason, answer[1].toString());
        }
        ++checked;
    }
    EXPECT_GE(checked, 150);
}

TEST(VmActions, TableCellsFromDispatchManagerThatTheCaptureDidNotTry)
{
    // ACTIVE/UNKNOWN: poweroff, undeploy, terminate and resume are offered; reboot is not.
    EXPECT_TRUE(VmActions::check(VmAction::Poweroff, 1, 3, 16).allowed);
    EXPECT_TRUE(VmActions::check(VmAction::Resume, 1, 3, 16).allowed);
    EXPECT_TRUE(VmActions::check(VmAction::Terminate, 1, 3, 16).allowed);
    EXPECT_FALSE(VmActions::check(VmAction::Reboot, 1, 3, 16).allowed);
    // Every *_FAILURE state can be terminated (trigger_delete).
    EXPECT_TRUE(VmActions::check(VmAction::Terminate, 1, 3, 39).allowed);
    // A hung SHUTDOWN takes terminate-hard only.
    EXPECT_TRUE(VmActions::check(VmAction::TerminateHard, 1, 3, 12).allowed);
    EXPECT_EQ(VmActions::check(VmAction::Terminate, 540, 3, 18).reason,
        u"Error performing action \"terminate\": Could not terminate VM 540, wrong state SHUTDOWN_POWEROFF.");
    EXPECT_EQ(VmActions::stateString(8, 0), u"POWEROFF");
    EXPECT_EQ(VmActions::stateString(3, 24), u"HOTPLUG_SNAPSHOT");
}

TEST(VmActions, SnapshotRefusalsInOnedsWords)
{
    const QByteArray refused = PortholeTest::fixture(
        QStringLiteral("opennebula-live-7.4/one.vm.snapshotcreate__poweroff_refused.response.xml"));
    const QVariantList answer = values(refused, XmlRpcReader::Kind::Response);
    EXPECT_EQ(QStringLiteral("[one.vm.snapshotcreate] ") + VmActions::checkSnapshotCreate(535, 8, 0).reason,
        answer[1].toString());
    EXPECT_TRUE(VmActions::checkSnapshotCreate(533, 3, 3).allowed);
    EXPECT_FALSE(VmActions::checkSnapshotRevert(533, 0, 5, 0).allowed);
    EXPECT_EQ(VmActions::checkSnapshotRevert(535, 0, 8, 0).reason,
        u"Could not revert VM 535 to snapshot 0, wrong state POWEROFF.");
    EXPECT_EQ(VmActions::checkSnapshotDelete(535, 1, 2, 0).reason,
        u"Could not delete snapshot 1 for VM 535, wrong state HOLD.");
}

TEST(VmActions, LockLevelsThatRefuseManageOperations)
{
    EXPECT_FALSE(VmActions::lockBlocksManage(0));
    EXPECT_TRUE(VmActions::lockBlocksManage(1));
    EXPECT_TRUE(VmActions::lockBlocksManage(2));
    EXPECT_FALSE(VmActions::lockBlocksManage(3)); // ADMIN: poweroff was accepted at level 3
}

TEST(VmActions, ProgressTowardsEachActionsState)
{
    EXPECT_EQ(VmActions::progress(VmAction::Poweroff, 3, 18), VmActionProgress::Pending);
    EXPECT_EQ(VmActions::progress(VmAction::Poweroff, 8, 0), VmActionProgress::Settled);
    EXPECT_EQ(VmActions::progress(VmAction::Resume, 3, 20), VmActionProgress::Pending); // BOOT_POWEROFF
    EXPECT_EQ(VmActions::progress(VmAction::Resume, 3, 3), VmActionProgress::Settled);
    EXPECT_EQ(VmActions::progress(VmAction::Resume, 3, 36), VmActionProgress::Failed); // BOOT_FAILURE
    EXPECT_EQ(VmActions::progress(VmAction::Terminate, 3, 11), VmActionProgress::Pending); // EPILOG
    EXPECT_EQ(VmActions::progress(VmAction::Terminate, 6, 0), VmActionProgress::Settled);
    EXPECT_EQ(VmActions::progress(VmAction::Release, 1, 0), VmActionProgress::Settled);
    EXPECT_EQ(VmActions::progress(VmAction::Stop, 3, 10), VmActionProgress::Pending); // EPILOG_STOP
}
