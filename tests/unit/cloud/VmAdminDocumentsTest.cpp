// SPDX-License-Identifier: GPL-2.0-or-later
// oned 7.4's documents for the administration views: MONITORING_DATA, and one.vm.info bodies with
// SNAPSHOT, HISTORY_RECORDS, LOCK and TEMPLATE; and the request encodings, byte for byte.
#include "OneFixtures.h"
#include "TestSupport.h"
#include "cloud/MonitoringParser.h"
#include "cloud/VmDetails.h"
#include "cloud/VmMonitoringSeries.h"
#include "cloud/VmRequests.h"
#include "xmlrpc/XmlRpcReader.h"
#include "xmlrpc/XmlRpcWriter.h"

#include <gtest/gtest.h>

#include <QJsonDocument>

#include <algorithm>

using namespace Porthole;

namespace {

QVariantList answer(const QString &stem)
{
    const auto reader = XmlRpcReader::parse(XmlRpcReader::Kind::Response,
        PortholeTest::fixture(QStringLiteral("opennebula-live-7.4/") + stem + QStringLiteral(".response.xml")));
    EXPECT_FALSE(reader->hasError());
    return reader->value().toList();
}

QString document(const QString &stem)
{
    return answer(stem).value(1).toString();
}

QByteArray body(const OneRequest &r)
{
    return XmlRpcWriter::methodCall(r.method, QVariantList {QStringLiteral("oneadmin:password")} + r.params);
}

// As std::string, so that a difference shows readably.
std::string encoded(const OneRequest &r)
{
    return body(r).toStdString();
}

// What the python client oned's capture was made with sent, as values.
QVariantList recordedParams(const QString &stem)
{
    const auto reader = XmlRpcReader::parse(XmlRpcReader::Kind::Call,
        PortholeTest::fixture(QStringLiteral("opennebula-live-7.4/") + stem + QStringLiteral(".request.xml")));
    EXPECT_FALSE(reader->hasError());
    return reader->params();
}

} // namespace

TEST(VmRequests, EncodeByteForByte)
{
    EXPECT_EQ(encoded(VmRequests::action(532, VmAction::Poweroff)),
        std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><methodCall><methodName>one.vm.action</methodName>"
                    "<params><param><value><string>oneadmin:password</string></value></param>"
                    "<param><value><string>poweroff</string></value></param>"
                    "<param><value><int>532</int></value></param></params></methodCall>\n"));
    EXPECT_EQ(encoded(VmRequests::monitoring(541)),
        std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><methodCall><methodName>one.vm.monitoring</methodName>"
                    "<params><param><value><string>oneadmin:password</string></value></param>"
                    "<param><value><int>541</int></value></param></params></methodCall>\n"));
    EXPECT_EQ(encoded(VmRequests::snapshotCreate(533, QStringLiteral("snap-one"))),
        std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><methodCall><methodName>one.vm.snapshotcreate"
                    "</methodName><params><param><value><string>oneadmin:password</string></value></param>"
                    "<param><value><int>533</int></value></param>"
                    "<param><value><string>snap-one</string></value></param></params></methodCall>\n"));
    EXPECT_EQ(encoded(VmRequests::snapshotRevert(533, 0)),
        std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><methodCall><methodName>one.vm.snapshotrevert"
                    "</methodName><params><param><value><string>oneadmin:password</string></value></param>"
                    "<param><value><int>533</int></value></param>"
                    "<param><value><int>0</int></value></param></params></methodCall>\n"));
    EXPECT_EQ(encoded(VmRequests::snapshotDelete(533, 1)),
        std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><methodCall><methodName>one.vm.snapshotdelete"
                    "</methodName><params><param><value><string>oneadmin:password</string></value></param>"
                    "<param><value><int>533</int></value></param>"
                    "<param><value><int>1</int></value></param></params></methodCall>\n"));
}

TEST(VmRequests, SendWhatOnedWasSentInTheCapture)
{
    const auto same = [](const OneRequest &r, const QString &stem) {
        EXPECT_EQ(QVariantList {QStringLiteral("oneadmin:password")} + r.params, recordedParams(stem))
            << qPrintable(stem);
    };
    same(VmRequests::action(532, VmAction::Poweroff), QStringLiteral("one.vm.action__poweroff_accepted_RUNNING"));
    same(VmRequests::action(544, VmAction::Hold), QStringLiteral("one.vm.action__hold_refused_HOLD"));
    same(VmRequests::monitoring(541), QStringLiteral("one.vm.monitoring__running_vm_several_records"));
    same(VmRequests::snapshotCreate(533, QStringLiteral("snap-one")), QStringLiteral("one.vm.snapshotcreate__running"));
    same(VmRequests::snapshotRevert(533, 0), QStringLiteral("one.vm.snapshotrevert__running_snap_0"));
    same(VmRequests::snapshotDelete(533, 1), QStringLiteral("one.vm.snapshotdelete__running_snap_1"));
}

TEST(VmRequests, ASnapshotNameWithMarkupIsEscapedNotInterpreted)
{
    const QString name = QStringLiteral("<b>snap</b> & \"1\" ]]> </string>");
    const QByteArray sent = body(VmRequests::snapshotCreate(7, name));
    EXPECT_TRUE(sent.contains(
        "<value><string>&lt;b&gt;snap&lt;/b&gt; &amp; &quot;1&quot; ]]&gt; &lt;/string&gt;</string></value>"))
        << sent.constData();
    const auto reader = XmlRpcReader::parse(XmlRpcReader::Kind::Call, sent);
    ASSERT_FALSE(reader->hasError());
    EXPECT_EQ(reader->params().value(2).toString(), name);
}

TEST(MonitoringParser, ReadsOnedsRecords)
{
    QString error;
    const auto records
        = MonitoringParser::parse(document(QStringLiteral("one.vm.monitoring__running_vm_several_records")), &error);
    ASSERT_TRUE(records) << qPrintable(error);
    ASSERT_GE(records->size(), 5);
    const VmMonitoringRecord &first = records->first();
    EXPECT_EQ(first.timestamp, 1796241265);
    EXPECT_EQ(first.cpu, 0);
    EXPECT_EQ(first.memoryKiB, 13107);
    EXPECT_EQ(first.netRx, 1564);
    EXPECT_EQ(first.netTx, 1414);
    EXPECT_EQ(first.diskReadBytes, 358);
    EXPECT_EQ(first.diskWriteBytes, 933);
    EXPECT_EQ(first.diskReadIops, 549);
    EXPECT_EQ(first.diskWriteIops, 690);
    for (qsizetype i = 1; i < records->size(); ++i)
        EXPECT_LE((*records)[i - 1].timestamp, (*records)[i].timestamp);
}

TEST(MonitoringParser, EveryCapturedAnswerParses)
{
    for (const char *stem : {"one.vm.monitoring__vm_1_long_running", "one.vm.monitoring__hold_vm_never_deployed",
             "one.vm.monitoring__done_vm", "one.vm.monitoring__vm_533_gap", "one.vm.monitoring__locked_level_2",
             "one.vm.monitoring__alice_own_vm"}) {
        const QVariantList a = answer(QString::fromLatin1(stem));
        ASSERT_TRUE(a.value(0).toBool()) << stem;
        QString error;
        const auto records = MonitoringParser::parse(a.value(1).toString(), &error);
        EXPECT_TRUE(records) << stem << ": " << qPrintable(error);
    }
}

TEST(MonitoringParser, ATruncatedDocumentIsAnErrorAtEveryCut)
{
    const QString doc = document(QStringLiteral("one.vm.monitoring__running_vm_several_records"));
    for (qsizetype cut = 1; cut < doc.size(); cut += 97) {
        MonitoringParser parser;
        parser.addData(QStringView(doc).left(cut));
        EXPECT_FALSE(parser.finish()) << cut;
        EXPECT_FALSE(parser.errorString().isEmpty());
    }
    EXPECT_FALSE(MonitoringParser::parse(u"<VM_POOL></VM_POOL>"));
    EXPECT_FALSE(MonitoringParser::parse(u""));
}

TEST(MonitoringParser, FiftyMegabytesKeepOnlyTheNewestRecords)
{
    // About 50 MB of UTF-16 text fed in pieces; the parser holds at most maxRecords.
    const QString record = QStringLiteral(
        "<MONITORING><CPU><![CDATA[12.5]]></CPU><DISKRDBYTES><![CDATA[%1]]></DISKRDBYTES><DISKRDIOPS><![CDATA[1]]>"
        "</DISKRDIOPS><DISKWRBYTES><![CDATA[2]]></DISKWRBYTES><DISKWRIOPS><![CDATA[3]]></DISKWRIOPS><ID><![CDATA[7]]>"
        "</ID><MEMORY><![CDATA[65536]]></MEMORY><NETRX><![CDATA[%1]]></NETRX><NETTX><![CDATA[%1]]></NETTX><TIMESTAMP>"
        "<![CDATA[%1]]></TIMESTAMP></MONITORING>");
    constexpr qsizetype kMax = 1000;
    MonitoringParser parser(kMax);
    parser.addData(u"<MONITORING_DATA>");
    qint64 fed = 0;
    qint64 count = 0;
    while (fed < 50LL * 1000 * 1000) {
        QString chunk;
        for (int i = 0; i < 100; ++i)
            chunk += record.arg(1700000000 + count++);
        fed += chunk.size() * 2;
        parser.addData(chunk);
        ASSERT_FALSE(parser.hasError()) << qPrintable(parser.errorString());
    }
    parser.addData(u"</MONITORING_DATA>");
    ASSERT_TRUE(parser.finish()) << qPrintable(parser.errorString());
    const QList<VmMonitoringRecord> kept = parser.records();
    ASSERT_EQ(kept.size(), kMax);
    EXPECT_EQ(parser.dropped(), count - kMax);
    EXPECT_EQ(kept.last().timestamp, 1700000000 + count - 1);
    EXPECT_EQ(kept.first().timestamp, 1700000000 + count - kMax);
}

TEST(MonitoringParser, AHugeValueIsCutNotKept)
{
    const QString doc = QStringLiteral("<MONITORING_DATA><MONITORING><CPU>") + QString(5'000'000, u'9')
        + QStringLiteral("</CPU><TIMESTAMP>5</TIMESTAMP></MONITORING></MONITORING_DATA>");
    const auto records = MonitoringParser::parse(doc);
    ASSERT_TRUE(records);
    ASSERT_EQ(records->size(), 1);
    EXPECT_EQ(records->first().timestamp, 5);
}

TEST(MonitoringParser, ValuesReadAsNumbersWhateverTheirShape)
{
    // Plain integers take a shortcut; everything else is read as a double, and what is no
    // number, negative or out of range counts as 0.
    const struct
    {
        const char16_t *text;
        qint64 counter;
        double cpu;
    } cases[] = {
        {u"0", 0, 0}, {u"007", 7, 7}, {u" 42\n", 42, 42},
        {u"123456789012345678", 123456789012345678, 0}, // exact (a double rounds it); a CPU past 1e7 is none
        {u"1234567890123456789", 1234567890123456768, 0}, // 19 digits: as a double
        {u"99999999999999999999", 0, 0}, // past 9e18
        {u"12.7", 12, 12.7}, {u"1e3", 1000, 1000}, {u"+5", 5, 5}, {u"-5", 0, 0}, {u"", 0, 0}, {u"abc", 0, 0},
        {u"4x", 0, 0}, {u"\u0661", 0, 0}, // ARABIC-INDIC DIGIT ONE: not a digit here
    };
    for (const auto &c : cases) {
        const QString text = QString::fromUtf16(c.text);
        const QString doc = QStringLiteral("<MONITORING_DATA><MONITORING><CPU>%1</CPU><NETRX>%1</NETRX>"
                                           "<TIMESTAMP>5</TIMESTAMP></MONITORING></MONITORING_DATA>")
                                .arg(text);
        QString error;
        const auto records = MonitoringParser::parse(doc, &error);
        ASSERT_TRUE(records) << qPrintable(error);
        ASSERT_EQ(records->size(), 1);
        EXPECT_EQ(records->first().netRx, c.counter) << qPrintable(text);
        EXPECT_DOUBLE_EQ(records->first().cpu, c.cpu) << qPrintable(text);
    }
}

TEST(VmMonitoringSeries, CountersBecomeRatesAndResetsLeaveGaps)
{
    QList<VmMonitoringRecord> r(3);
    r[0].timestamp = 100;
    r[0].netRx = 1000;
    r[1].timestamp = 130;
    r[1].netRx = 4000;
    r[1].memoryKiB = 2048;
    r[2].timestamp = 160;
    r[2].netRx = 10; // the guest rebooted
    const VmMonitoringSeries s = VmMonitoringSeries::fromRecords(r);
    ASSERT_EQ(s.cpu.size(), 3);
    EXPECT_EQ(s.memoryMiB[1].y(), 2.0);
    ASSERT_EQ(s.netRx.size(), 1);
    EXPECT_EQ(s.netRx[0].x(), 130000.0);
    EXPECT_EQ(s.netRx[0].y(), 100.0);
}

TEST(VmMonitoringSeries, DecimatedKeepsEachBucketsLowAndHighInTimeOrder)
{
    QList<QPointF> week;
    for (int i = 0; i < 20000; ++i)
        week.append({double(i) * 30000.0, double(i % 7)});
    week[12345].setY(1000); // one spike
    week[777].setY(-5); // one dip
    const QList<QPointF> d = VmMonitoringSeries::decimated(week, 100);
    EXPECT_LE(d.size(), 202);
    EXPECT_GE(d.size(), 101);
    EXPECT_EQ(d.first(), week.first());
    EXPECT_EQ(d.last(), week.last());
    EXPECT_TRUE(d.contains(week[12345])) << "a peak survives";
    EXPECT_TRUE(d.contains(week[777])) << "a dip survives";
    EXPECT_TRUE(std::is_sorted(d.begin(), d.end(), [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); }));
    for (const QPointF &p : d)
        EXPECT_TRUE(week.contains(p)) << "only points that were there";

    // Short series and a single instant stay as they are.
    const QList<QPointF> few = week.mid(0, 202);
    EXPECT_EQ(VmMonitoringSeries::decimated(few, 100), few);
    const QList<QPointF> instant(500, QPointF(1, 2));
    EXPECT_EQ(VmMonitoringSeries::decimated(instant, 100), instant);
}

TEST(VmDetails, SnapshotsHistoryTemplateFromOneVmInfo)
{
    QString error;
    const auto d = VmDetails::parse(document(QStringLiteral("one.vm.info__with_two_snapshots")), &error);
    ASSERT_TRUE(d) << qPrintable(error);
    EXPECT_EQ(d->vm.id, 533);
    EXPECT_EQ(d->vm.name, u"ref74-running");
    ASSERT_EQ(d->snapshots.size(), 2);
    EXPECT_EQ(d->snapshots[0].id, 0);
    EXPECT_EQ(d->snapshots[0].name, u"snap-one");
    EXPECT_EQ(d->snapshots[1].name, u"snap-two");
    EXPECT_EQ(d->snapshots[1].time, 1796241462);
    ASSERT_EQ(d->history.size(), 1);
    EXPECT_EQ(d->history[0].hostname, u"127.0.0.1");
    EXPECT_EQ(d->history[0].start, 1796241246);
    EXPECT_EQ(d->history[0].actionName(), u"none");
    EXPECT_FALSE(d->lock);
    ASSERT_TRUE(d->monitoring);
    EXPECT_EQ(d->monitoring->memoryKiB, 53739);
    EXPECT_TRUE(d->templateText.contains(u"CPU = \"0.1\"\n")) << qPrintable(d->templateText);
    EXPECT_TRUE(d->templateText.contains(u"  NAME = \"snap-one\",\n")) << qPrintable(d->templateText);
    // The VNC password stays out of the template text.
    EXPECT_FALSE(d->templateText.contains(u"ref74pw")) << qPrintable(d->templateText);
    EXPECT_FALSE(QString::fromUtf8(QJsonDocument(d->toJson()).toJson()).contains(u"ref74pw"));
}

TEST(VmDetails, LockDisksAndHistoryOfOtherBodies)
{
    for (int level = 1; level <= 3; ++level) {
        const auto d = VmDetails::parse(document(QStringLiteral("one.vm.info__locked_level_%1").arg(level)));
        ASSERT_TRUE(d) << level;
        ASSERT_TRUE(d->lock) << level;
        EXPECT_EQ(d->lock->level, level);
        EXPECT_EQ(d->lock->owner, 0);
        EXPECT_GT(d->lock->time, 1796241000);
        EXPECT_EQ(d->vm.lockLevel, level);
    }
    const auto disk = VmDetails::parse(document(QStringLiteral("one.vm.info__disk_vm_running")));
    ASSERT_TRUE(disk);
    ASSERT_EQ(disk->disks.size(), 1);
    EXPECT_EQ(disk->disks[0].id, 0);
    EXPECT_EQ(disk->disks[0].image, u"ref74-img");
    EXPECT_EQ(disk->disks[0].target, u"sda");
    EXPECT_EQ(disk->disks[0].sizeMiB, 16);
    EXPECT_EQ(disk->disks[0].datastore, u"default");
    const auto off = VmDetails::parse(document(QStringLiteral("one.vm.info__lcm_after_poweroff_2_POWEROFF")));
    ASSERT_TRUE(off);
    ASSERT_FALSE(off->history.isEmpty());
    EXPECT_EQ(off->history.last().actionName(), u"poweroff");
}

TEST(VmDetails, ASnapshotNameWithMarkupStaysText)
{
    const QString doc = QStringLiteral(
        "<VM><ID>7</ID><NAME>x</NAME><STATE>3</STATE><LCM_STATE>3</LCM_STATE><TEMPLATE><SNAPSHOT><NAME><![CDATA[<b>"
        "snap</b> & co]]></NAME><SNAPSHOT_ID>0</SNAPSHOT_ID></SNAPSHOT></TEMPLATE></VM>");
    const auto d = VmDetails::parse(doc);
    ASSERT_TRUE(d);
    ASSERT_EQ(d->snapshots.size(), 1);
    EXPECT_EQ(d->snapshots[0].name, u"<b>snap</b> & co");
}

TEST(VmDetails, TruncatedOrForeignDocumentsAreRefused)
{
    const QString doc = document(QStringLiteral("one.vm.info__with_two_snapshots"));
    QString error;
    EXPECT_FALSE(VmDetails::parse(QStringView(doc).left(doc.size() / 2), &error));
    EXPECT_FALSE(error.isEmpty());
    EXPECT_FALSE(VmDetails::parse(u"<VM_POOL></VM_POOL>", &error));
}
