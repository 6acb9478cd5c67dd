// SPDX-License-Identifier: GPL-2.0-or-later
// porthole-cli's VM administration commands as a script runs them: against the demo cloud
// (oned 7.4's rules; each action reaches its final state), and against servers that answer
// with a fault, a truncated document or 50 MB of monitoring records.
#include "FakeOned.h"
#include "TestSupport.h"
#include "demo/DemoCloud.h"
#include "demo/DemoCloudServer.h"
#include "demo/DemoVm.h"
#include "xmlrpc/XmlRpcWriter.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>

#include <sys/resource.h>

using namespace Porthole;
using PortholeTest::FakeOned;
using PortholeTest::ProcessResult;

namespace {

ProcessResult against(const QUrl &endpoint, const QString &user, QStringList arguments, const QByteArray &password)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("ONE_XMLRPC"));
    environment.remove(QStringLiteral("ONE_AUTH"));
    environment.insert(QStringLiteral("HOME"), QStringLiteral("/nonexistent-porthole-home"));
    arguments = QStringList {QStringLiteral("--endpoint"), endpoint.toString(), QStringLiteral("--user"), user,
                    QStringLiteral("--password-stdin")}
        + arguments;
    return PortholeTest::runProgram(
        PortholeTest::builtProgram(QStringLiteral("app/porthole-cli")), arguments, password, 120000, environment);
}

class CliVmAdmin : public ::testing::Test
{
protected:
    void SetUp() override
    {
        m_demo.cloud()->setStepMs(20);
        ASSERT_TRUE(m_demo.listen());
    }
    ProcessResult admin(const QStringList &arguments)
    {
        return against(m_demo.endpoint(), QStringLiteral("oneadmin"), arguments, "password\n");
    }
    ProcessResult vmAction(int id, const QString &action)
    {
        return admin(
            {QStringLiteral("vm"), QStringLiteral("action"), QString::number(id), action, QStringLiteral("--wait")});
    }
    std::pair<int, int> state(int id) const
    {
        const auto vm = m_demo.cloud()->vm(id);
        return {vm->state, vm->lcmState};
    }
    DemoCloudServer m_demo;
};

} // namespace

TEST_F(CliVmAdmin, EachActionWithWaitEndsInItsState)
{
    struct Step
    {
        int id;
        const char *action;
        std::pair<int, int> after;
        const char *says;
    };
    const Step steps[] = {
        {0, "poweroff", {8, 0}, "VM 0 is POWEROFF"},
        {0, "resume", {3, 3}, "VM 0 is RUNNING"},
        {0, "suspend", {5, 0}, "VM 0 is SUSPENDED"},
        {0, "stop", {4, 0}, "VM 0 is STOPPED"},
        {0, "resume", {3, 3}, "VM 0 is RUNNING"},
        {0, "undeploy-hard", {9, 0}, "VM 0 is UNDEPLOYED"},
        {1, "reboot", {3, 3}, "VM 1 is RUNNING"},
        {1, "poweroff-hard", {8, 0}, "VM 1 is POWEROFF"},
        {7, "release", {1, 0}, "VM 7 is PENDING"},
        {7, "hold", {2, 0}, "VM 7 is HOLD"},
        {2, "terminate", {6, 0}, "VM 2 is DONE"},
        {6, "terminate-hard", {6, 0}, "VM 6 is DONE"},
    };
    for (const Step &s : steps) {
        SCOPED_TRACE(s.action);
        const ProcessResult run = vmAction(s.id, QString::fromLatin1(s.action));
        ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
        EXPECT_EQ(run.out.trimmed(), QString::fromLatin1(s.says));
        EXPECT_EQ(state(s.id), s.after);
    }
}

TEST_F(CliVmAdmin, WithoutWaitTheActionIsOnlyQueued)
{
    const ProcessResult run = admin({QStringLiteral("--json"), QStringLiteral("vm"), QStringLiteral("action"),
        QStringLiteral("0"), QStringLiteral("poweroff")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    const QJsonObject o = QJsonDocument::fromJson(run.out.toUtf8()).object();
    EXPECT_EQ(o.value(u"action").toString(), u"poweroff");
    EXPECT_FALSE(o.value(u"settled").toBool());
    EXPECT_NE(state(0), (std::pair {3, 3}));
}

TEST_F(CliVmAdmin, RefusalsExitThreeWithOnedsWords)
{
    ProcessResult run = vmAction(7, QStringLiteral("poweroff")); // HOLD
    EXPECT_EQ(run.exitCode, 3);
    EXPECT_TRUE(run.err.contains(
        u"[one.vm.action] Error performing action \"poweroff\": This action is not available for state HOLD"))
        << qPrintable(run.err);
    run = against(m_demo.endpoint(), QStringLiteral("bob"),
        {QStringLiteral("vm"), QStringLiteral("action"), QStringLiteral("9"), QStringLiteral("reboot")}, "bobpass\n");
    EXPECT_EQ(run.exitCode, 3);
    EXPECT_TRUE(run.err.contains(u"Not authorized to perform MANAGE VM [9]")) << qPrintable(run.err);
    m_demo.cloud()->call(QStringLiteral("one.vm.lock"), {QStringLiteral("oneadmin:password"), 1, 1, false});
    run = admin({QStringLiteral("--json"), QStringLiteral("vm"), QStringLiteral("action"), QStringLiteral("1"),
        QStringLiteral("poweroff")});
    EXPECT_EQ(run.exitCode, 3);
    EXPECT_EQ(QJsonDocument::fromJson(run.err.toUtf8()).object().value(u"error").toString(), u"authorization");
    EXPECT_TRUE(run.err.contains(u"VM is locked. [1]")) << qPrintable(run.err);
    run = vmAction(4242, QStringLiteral("poweroff"));
    EXPECT_EQ(run.exitCode, 4);
    run = admin({QStringLiteral("vm"), QStringLiteral("action"), QStringLiteral("0"), QStringLiteral("explode")});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_TRUE(run.err.contains(u"'vm action' wants a VM ID and one of")) << qPrintable(run.err);
}

TEST_F(CliVmAdmin, WaitGivesUpAfterTheTimeout)
{
    m_demo.cloud()->setStepMs(600000); // SHUTDOWN_POWEROFF for ten minutes
    const ProcessResult run = admin({QStringLiteral("vm"), QStringLiteral("action"), QStringLiteral("0"),
        QStringLiteral("poweroff"), QStringLiteral("--wait"), QStringLiteral("--timeout"), QStringLiteral("1")});
    EXPECT_EQ(run.exitCode, 5) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(u"still SHUTDOWN_POWEROFF")) << qPrintable(run.err);
}

TEST_F(CliVmAdmin, SnapshotsCreateListRevertDelete)
{
    const QString name = QStringLiteral("<b>before</b> & \"upgrade\"");
    ProcessResult run = admin(
        {QStringLiteral("--json"), QStringLiteral("vm"), QStringLiteral("snapshot-create"), QStringLiteral("1"), name});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_EQ(QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"snapshot").toInt(), 0);
    QSignalSpy changed(m_demo.cloud(), &DemoCloud::vmStateChanged);
    while (state(1) != std::pair {3, 3})
        ASSERT_TRUE(changed.wait(10000));
    run = admin({QStringLiteral("--json"), QStringLiteral("vm"), QStringLiteral("snapshots"), QStringLiteral("1")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    const QJsonArray list = QJsonDocument::fromJson(run.out.toUtf8()).array();
    ASSERT_EQ(list.size(), 1);
    EXPECT_EQ(list[0].toObject().value(u"name").toString(), name);
    run = admin({QStringLiteral("vm"), QStringLiteral("snapshot-revert"), QStringLiteral("1"), QStringLiteral("0")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_EQ(run.out.trimmed(), u"reverted VM 1 to snapshot 0");
    while (state(1) != std::pair {3, 3})
        ASSERT_TRUE(changed.wait(10000));
    run = admin({QStringLiteral("vm"), QStringLiteral("snapshot-delete"), QStringLiteral("1"), QStringLiteral("7")});
    EXPECT_EQ(run.exitCode, 3);
    EXPECT_TRUE(run.err.contains(u"Could not delete snapshot 7 for VM 1, it does not exist.")) << qPrintable(run.err);
    run = admin({QStringLiteral("vm"), QStringLiteral("snapshot-delete"), QStringLiteral("1"), QStringLiteral("0")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_TRUE(m_demo.cloud()->vm(1)->snapshots.isEmpty());
    run = admin({QStringLiteral("vm"), QStringLiteral("snapshot-create"), QStringLiteral("5"), QStringLiteral("x")});
    EXPECT_EQ(run.exitCode, 3);
    EXPECT_TRUE(run.err.contains(u"Could not create a new snapshot for VM 5, wrong state POWEROFF."))
        << qPrintable(run.err);
}

TEST_F(CliVmAdmin, MonitoringAndDetails)
{
    ProcessResult run
        = admin({QStringLiteral("--json"), QStringLiteral("vm"), QStringLiteral("monitoring"), QStringLiteral("0")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    const QJsonArray records = QJsonDocument::fromJson(run.out.toUtf8()).array();
    ASSERT_EQ(records.size(), 40);
    EXPECT_GT(records.last().toObject().value(u"net_rx").toDouble(), 0);
    run = admin({QStringLiteral("--json"), QStringLiteral("vm"), QStringLiteral("details"), QStringLiteral("2")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    const QJsonObject d = QJsonDocument::fromJson(run.out.toUtf8()).object();
    EXPECT_EQ(d.value(u"name").toString(), u"build-agent");
    EXPECT_EQ(d.value(u"nics").toArray().size(), 1);
    EXPECT_TRUE(d.value(u"lock").isNull());
    EXPECT_FALSE(run.out.contains(u"s3cr&t")); // the VNC password stays out
}

TEST(CliVmAdminBadServers, AFaultAndATruncatedMonitoringDocumentAreProtocolErrors)
{
    FakeOned fault([](QTcpSocket *socket, const QByteArray &) {
        socket->write(FakeOned::httpResponse(
            200, "OK", "text/xml", XmlRpcWriter::fault(-501, QStringLiteral("Parameter type mismatch"))));
        socket->disconnectFromHost();
    });
    ProcessResult run = against(fault.endpoint(), QStringLiteral("oneadmin"),
        {QStringLiteral("vm"), QStringLiteral("action"), QStringLiteral("1"), QStringLiteral("reboot")}, "pw\n");
    EXPECT_EQ(run.exitCode, 6);
    EXPECT_TRUE(run.err.contains(u"XML-RPC fault -501")) << qPrintable(run.err);

    FakeOned truncated([](QTcpSocket *socket, const QByteArray &) {
        const QString doc = QStringLiteral("<MONITORING_DATA><MONITORING><CPU>1</CPU><TIMESTAMP>5</TIMESTAMP>");
        socket->write(
            FakeOned::httpResponse(200, "OK", "text/xml", XmlRpcWriter::response(QVariantList {true, doc, 0})));
        socket->disconnectFromHost();
    });
    run = against(truncated.endpoint(), QStringLiteral("oneadmin"),
        {QStringLiteral("vm"), QStringLiteral("monitoring"), QStringLiteral("1")}, "pw\n");
    EXPECT_EQ(run.exitCode, 6);
    EXPECT_TRUE(run.err.contains(u"MONITORING_DATA document is malformed")) << qPrintable(run.err);
}

TEST(CliVmAdminBadServers, FiftyMegabytesOfMonitoringInBoundedMemory)
{
    // 50 MB of records in one answer, written as the client reads it; the client keeps the newest
    // 20,000. It is the only child of this process, so RUSAGE_CHILDREN's peak is its peak.
    const QByteArray head = "<?xml version=\"1.0\"?><methodResponse><params><param><value><array><data>"
                            "<value><boolean>1</boolean></value><value><string>&lt;MONITORING_DATA&gt;";
    const QByteArray tail = "&lt;/MONITORING_DATA&gt;</string></value><value><i4>0</i4></value></data></array>"
                            "</value></param></params></methodResponse>";
    const QByteArray record
        = "&lt;MONITORING&gt;&lt;CPU&gt;&lt;![CDATA[12.5]]&gt;&lt;/CPU&gt;&lt;DISKRDBYTES&gt;&lt;![CDATA[358]]&gt;"
          "&lt;/DISKRDBYTES&gt;&lt;DISKWRBYTES&gt;&lt;![CDATA[933]]&gt;&lt;/DISKWRBYTES&gt;&lt;ID&gt;&lt;![CDATA[541]]"
          "&gt;&lt;/ID&gt;&lt;MEMORY&gt;&lt;![CDATA[13107]]&gt;&lt;/MEMORY&gt;&lt;NETRX&gt;&lt;![CDATA[1564]]&gt;&lt;/"
          "NETRX&gt;&lt;NETTX&gt;&lt;![CDATA[1414]]&gt;&lt;/NETTX&gt;&lt;TIMESTAMP&gt;&lt;![CDATA[1796241265]]&gt;&lt;/"
          "TIMESTAMP&gt;&lt;/MONITORING&gt;";
    constexpr qint64 kBodyBytes = 50LL * 1000 * 1000;
    const qint64 count = kBodyBytes / record.size();
    const qint64 total = head.size() + tail.size() + count * record.size();
    FakeOned server([&](QTcpSocket *socket, const QByteArray &) {
        auto sent = std::make_shared<qint64>(-1);
        FakeOned::streamResponse(socket, total, [=] {
            const qint64 index = (*sent)++;
            if (index < 0)
                return head;
            if (index < count)
                return record;
            return tail;
        });
    });
    const ProcessResult run = against(server.endpoint(), QStringLiteral("oneadmin"),
        {QStringLiteral("--json"), QStringLiteral("vm"), QStringLiteral("monitoring"), QStringLiteral("541")}, "pw\n");
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err.left(500));
    EXPECT_EQ(QJsonDocument::fromJson(run.out.toUtf8()).array().size(), 20000);
    rusage usage {};
    ASSERT_EQ(getrusage(RUSAGE_CHILDREN, &usage), 0);
    const double peakMiB = usage.ru_maxrss / 1024.0;
    RecordProperty("peak_rss_mib", int(peakMiB));
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    GTEST_SKIP() << "parsed; the sanitizer's shadow memory makes the peak RSS meaningless (" << peakMiB << " MiB)";
#endif
    // Holding the answer would take 50 MB of bytes and 100 MB of UTF-16 text on top of the program.
    EXPECT_LT(peakMiB, 100.0) << "peak RSS " << peakMiB << " MiB for a " << total / (1000 * 1000) << " MB answer";
}
