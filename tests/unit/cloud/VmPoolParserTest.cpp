// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/VmPoolParser.h"

#include "OneFixtures.h"
#include "TestSupport.h"

#include <gtest/gtest.h>

#include <QRandomGenerator>

using namespace Qt::StringLiterals;
using Porthole::VirtualMachine;
using Porthole::VmGraphics;
using Porthole::VmPoolParser;

namespace {

QList<VirtualMachine> parseOk(QStringView doc)
{
    QString error;
    const auto vms = VmPoolParser::parse(doc, &error);
    EXPECT_TRUE(vms.has_value()) << error.toStdString();
    return vms.value_or(QList<VirtualMachine>());
}

QString parseError(QStringView doc)
{
    QString error;
    const auto vms = VmPoolParser::parse(doc, &error);
    EXPECT_FALSE(vms.has_value());
    return error;
}

std::optional<QList<VirtualMachine>> parseChunked(QStringView doc, qsizetype chunk, QString *error)
{
    VmPoolParser parser;
    QList<VirtualMachine> out;
    for (qsizetype i = 0; i < doc.size(); i += chunk) {
        parser.addData(doc.mid(i, chunk));
        out += parser.takeVms(); // draining mid-stream must not lose anything
    }
    if (!parser.finish()) {
        *error = parser.errorString();
        return std::nullopt;
    }
    out += parser.takeVms();
    return out;
}

VirtualMachine single(const QString &responseFixture)
{
    const QList<VirtualMachine> vms = parseOk(PortholeTest::oneResultString(responseFixture));
    EXPECT_EQ(vms.size(), 1) << responseFixture.toStdString();
    return vms.value(0);
}

VmGraphics graphics(const QString &type, const QString &listen, int port, const QString &password)
{
    VmGraphics g;
    g.type = type;
    g.listen = listen;
    g.port = port;
    g.password = password;
    return g;
}

} // namespace

TEST(VmPoolParser, EveryLiveVmDocumentParsesWholeAndInChunks)
{
    const QStringList files = PortholeTest::oneVmDocumentFixtures();
    ASSERT_GE(files.size(), 40);
    for (const QString &file : files) {
        SCOPED_TRACE(file.toStdString());
        const QString doc = PortholeTest::oneResultString(file);
        const QList<VirtualMachine> whole = parseOk(doc);
        EXPECT_EQ(whole.size(), doc.count(u"<VM>"));
        for (qsizetype chunk : {1, 7, 4096}) {
            QString error;
            const auto chunked = parseChunked(doc, chunk, &error);
            ASSERT_TRUE(chunked.has_value()) << error.toStdString();
            EXPECT_EQ(*chunked, whole) << "chunk size " << chunk;
        }
        for (const VirtualMachine &vm : whole) {
            EXPECT_GE(vm.id, 0);
            EXPECT_FALSE(vm.name.isEmpty());
            EXPECT_EQ(vm.memoryMiB, 128);
            EXPECT_DOUBLE_EQ(vm.cpu, 0.1);
            EXPECT_EQ(vm.vcpu, 1);
        }
    }
}

TEST(VmPoolParser, ShortPoolBodies)
{
    const QList<VirtualMachine> vms = parseOk(PortholeTest::oneResultString(u"one.vmpool.info__all_-2.response.xml"_s));
    ASSERT_EQ(vms.size(), 6);
    // oned lists in descending id order
    QList<int> ids;
    for (const auto &vm : vms)
        ids.append(vm.id);
    EXPECT_EQ(ids, (QList<int> {5, 4, 3, 2, 1, 0}));

    const VirtualMachine &hold = vms[0];
    EXPECT_EQ(hold.name, u"vm-on-hold");
    EXPECT_EQ(hold.state, 2);
    EXPECT_EQ(hold.lcmState, 0);
    EXPECT_TRUE(hold.host.isEmpty()); // <HISTORY_RECORDS/>
    EXPECT_EQ(hold.graphics, graphics(u"VNC"_s, u"0.0.0.0"_s, -1, QString()));
    EXPECT_EQ(hold.displayState(), u"hold");

    const VirtualMachine &noGraphics = vms[2];
    EXPECT_EQ(noGraphics.name, u"vm-no-graphics");
    EXPECT_FALSE(noGraphics.graphics.has_value());
    EXPECT_EQ(noGraphics.host, u"dummy-host-1"); // CDATA in the short body
    EXPECT_FALSE(noGraphics.consolePossible());

    const VirtualMachine &spice = vms[3];
    EXPECT_EQ(spice.graphics, graphics(u"SPICE"_s, u"0.0.0.0"_s, 5902, u"secret"_s));
    EXPECT_FALSE(spice.consolePossible());

    const VirtualMachine &lower = vms[4];
    EXPECT_EQ(lower.graphics, graphics(u"vnc"_s, u"0.0.0.0"_s, 5901, u"secret"_s));
    EXPECT_TRUE(lower.graphics->isVnc());
    EXPECT_TRUE(lower.consolePossible());

    const VirtualMachine &upper = vms[5];
    EXPECT_EQ(upper.owner, u"oneadmin");
    EXPECT_EQ(upper.group, u"oneadmin");
    EXPECT_EQ(upper.uid, 0);
    EXPECT_EQ(upper.gid, 0);
    EXPECT_EQ(upper.host, u"dummy-host-1");
    EXPECT_EQ(upper.graphics, graphics(u"VNC"_s, u"0.0.0.0"_s, 5900, u"secret"_s));
    EXPECT_TRUE(upper.consolePossible());
    EXPECT_TRUE(upper.ips.isEmpty());
}

TEST(VmPoolParser, ExtendedPoolEqualsInfoOfEachVm)
{
    const QList<VirtualMachine> pool
        = parseOk(PortholeTest::oneResultString(u"one.vmpool.infoextended__state_-2.response.xml"_s));
    ASSERT_EQ(pool.size(), 7);
    EXPECT_EQ(pool[0].name, u"vm-terminated");
    EXPECT_EQ(pool[0].state, 6);
    EXPECT_EQ(pool[6], single(u"one.vm.info__vm-vnc-upper.response.xml"_s));
    EXPECT_EQ(pool[5], single(u"one.vm.info__vm-vnc-lower.response.xml"_s));
    EXPECT_EQ(pool[1], single(u"one.vm.info__vm-on-hold.response.xml"_s));
    // The short body carries the same fields Porthole reads.
    const QList<VirtualMachine> shortPool
        = parseOk(PortholeTest::oneResultString(u"one.vmpool.info__all_-2.response.xml"_s));
    EXPECT_EQ(shortPool, pool.mid(1));
}

TEST(VmPoolParser, VmInfoDocuments)
{
    const VirtualMachine upper = single(u"one.vm.info__vm-vnc-upper.response.xml"_s);
    EXPECT_EQ(upper.id, 0);
    EXPECT_EQ(upper.name, u"vm-vnc-upper");
    EXPECT_EQ(upper.state, 3);
    EXPECT_EQ(upper.lcmState, 3);
    EXPECT_EQ(upper.lcmStateName(), u"RUNNING");
    EXPECT_EQ(upper.displayState(), u"runn");
    EXPECT_EQ(upper.host, u"dummy-host-1");
    ASSERT_TRUE(upper.graphics.has_value());
    EXPECT_EQ(*upper.graphics, graphics(u"VNC"_s, u"0.0.0.0"_s, 5900, u"secret"_s));
    EXPECT_TRUE(upper.graphics->passwordSet());
    EXPECT_TRUE(upper.consolePossible());

    const VirtualMachine lower = single(u"one.vm.info__vm-vnc-lower.response.xml"_s);
    EXPECT_EQ(lower.graphics->type, u"vnc");
    EXPECT_TRUE(lower.graphics->isVnc());
    EXPECT_TRUE(lower.consolePossible());

    const VirtualMachine spice = single(u"one.vm.info__vm-spice.response.xml"_s);
    EXPECT_FALSE(spice.graphics->isVnc());
    EXPECT_FALSE(spice.consolePossible());

    const VirtualMachine none = single(u"one.vm.info__vm-no-graphics.response.xml"_s);
    EXPECT_FALSE(none.graphics.has_value());
    EXPECT_FALSE(none.consolePossible());
    EXPECT_EQ(none.state, 3);

    const VirtualMachine hold = single(u"one.vm.info__vm-on-hold.response.xml"_s);
    EXPECT_EQ(hold.state, 2);
    EXPECT_EQ(hold.stateName(), u"HOLD");
    EXPECT_EQ(hold.displayState(), u"hold");
    EXPECT_TRUE(hold.host.isEmpty());
    EXPECT_EQ(hold.graphics->port, -1);
    EXPECT_FALSE(hold.graphics->passwordSet());
    EXPECT_FALSE(hold.consolePossible());

    const VirtualMachine done = single(u"one.vm.info__vm-terminated.response.xml"_s);
    EXPECT_EQ(done.stateName(), u"DONE");
    EXPECT_EQ(done.displayState(), u"done");
    EXPECT_EQ(done.host, u"dummy-host-1"); // the last host it ran on
    EXPECT_EQ(done.graphics->port, -1); // removed at DONE
    EXPECT_FALSE(done.consolePossible());

    const VirtualMachine poweroff = single(u"one.vm.info__vm-poweroff.response.xml"_s);
    EXPECT_EQ(poweroff.stateName(), u"POWEROFF");
    EXPECT_EQ(poweroff.displayState(), u"poff");
    EXPECT_EQ(poweroff.graphics->port, 5909); // kept in POWEROFF
    EXPECT_FALSE(poweroff.consolePossible());

    const VirtualMachine pending = single(u"one.vm.info__pending_vnc_upper.response.xml"_s);
    EXPECT_EQ(pending.displayState(), u"pend");
    EXPECT_EQ(pending.graphics->port, -1);
    EXPECT_TRUE(pending.graphics->passwordSet());

    const VirtualMachine fixed = single(u"one.vm.info__vm-vnc-fixed-port.response.xml"_s);
    EXPECT_EQ(fixed.graphics->port, 5999);

    const VirtualMachine alice = single(u"one.vm.info__as_alice_own_vm.response.xml"_s);
    EXPECT_EQ(alice.id, 10);
    EXPECT_EQ(alice.owner, u"alice");
    EXPECT_EQ(alice.group, u"users");
    EXPECT_EQ(alice.uid, 2);
    EXPECT_EQ(alice.gid, 1);
    EXPECT_EQ(alice.graphics, graphics(u"VNC"_s, u"0.0.0.0"_s, 5910, u"alicepw"_s));
    EXPECT_TRUE(alice.consolePossible());

    // MONITORING filled in: its own CPU/MEMORY must not leak into the template values
    const VirtualMachine monitored = single(u"one.vm.info__vm-vnc-upper_after_monitoring.response.xml"_s);
    EXPECT_EQ(monitored, upper);
}

TEST(VmPoolParser, RecordedOlderFormats)
{
    const auto read = [](const char *path) {
        return QString::fromUtf8(
            PortholeTest::fixture(QStringLiteral("opennebula-recorded/") + QLatin1StringView(path)));
    };
    // OpenNebula 4.x: top-level MEMORY/CPU are usage numbers, not the template's
    const QList<VirtualMachine> q = parseOk(read("quattor-ncm-opennebula/one.vm.info_60.xml"));
    ASSERT_EQ(q.size(), 1);
    EXPECT_EQ(q[0].id, 60);
    EXPECT_EQ(q[0].name, u"testttylinux-60");
    EXPECT_EQ(q[0].owner, u"oneadmin");
    EXPECT_EQ(q[0].host, u"hyp101");
    EXPECT_EQ(q[0].memoryMiB, 512);
    EXPECT_DOUBLE_EQ(q[0].cpu, 1.0);
    EXPECT_EQ(q[0].graphics, graphics(u"SPICE"_s, u"0.0.0.0"_s, 5960, QString()));
    EXPECT_EQ(parseOk(read("quattor-ncm-opennebula/one.vmpool.info_-2_-1_-1_-1.xml")).value(0).host, u"hyp101");

    // 5.x, pretty-printed with whitespace between elements
    const QList<VirtualMachine> l = parseOk(read("addon-linstor/one.vm.info_0_pretty.xml"));
    ASSERT_EQ(l.size(), 1);
    EXPECT_EQ(l[0].name, u"test vm instance");
    EXPECT_EQ(l[0].state, 3);
    EXPECT_EQ(l[0].lcmState, 18);
    EXPECT_EQ(l[0].lcmStateName(), u"SHUTDOWN_POWEROFF");
    EXPECT_EQ(l[0].displayState(), u"shut");
    EXPECT_EQ(l[0].host, u"sam");
    EXPECT_EQ(l[0].memoryMiB, 1126);
    EXPECT_EQ(l[0].graphics, graphics(u"SPICE"_s, u"0.0.0.0"_s, 5900, QString()));

    // pre-3.x: HISTORY directly below VM, USERNAME instead of UNAME
    const QList<VirtualMachine> old = parseOk(read("one-ruby-oca-fixtures-legacy/vmpool.xml"));
    ASSERT_EQ(old.size(), 3);
    EXPECT_EQ(old[0].owner, u"oneadmin");
    EXPECT_EQ(old[0].host, u"dummyhost");
    EXPECT_EQ(old[2].state, 4);
    EXPECT_EQ(old[2].lcmState, 5);
    const QList<VirtualMachine> oldVm = parseOk(read("one-ruby-oca-fixtures-legacy/vm.xml"));
    ASSERT_EQ(oldVm.size(), 1);
    EXPECT_EQ(oldVm[0].host, u"dummyhost");
    EXPECT_EQ(oldVm[0].gid, -1); // absent
    EXPECT_TRUE(oldVm[0].ips.isEmpty()); // NIC without IP
}

TEST(VmPoolParser, NicAddressesInDocumentOrder)
{
    const QString doc = uR"(<VM><ID>7</ID><TEMPLATE>
<CONTEXT><ETH0_IP><![CDATA[10.9.9.9]]></ETH0_IP><IP>10.8.8.8</IP></CONTEXT>
<NIC><IP><![CDATA[10.0.0.5]]></IP><IP6_GLOBAL><![CDATA[2001:db8::5]]></IP6_GLOBAL><MAC>02:00:0a:00:00:05</MAC></NIC>
<NIC><IP6><![CDATA[fd00::7]]></IP6><IP6_ULA>fd01::7</IP6_ULA><IP6_LINK>fe80::1</IP6_LINK></NIC>
<NIC_ALIAS><IP>192.168.1.7</IP></NIC_ALIAS><NIC><IP></IP></NIC>
</TEMPLATE><MONITORING><STATE>a</STATE><CPU>99</CPU></MONITORING>
<USER_TEMPLATE><NIC><IP>1.1.1.1</IP></NIC></USER_TEMPLATE></VM>)"_s;
    const QList<VirtualMachine> vms = parseOk(doc);
    ASSERT_EQ(vms.size(), 1);
    EXPECT_EQ(
        vms[0].ips, (QStringList {u"10.0.0.5"_s, u"2001:db8::5"_s, u"fd00::7"_s, u"fd01::7"_s, u"192.168.1.7"_s}));
    EXPECT_EQ(vms[0].state, 0); // MONITORING/STATE is not the VM state
    EXPECT_DOUBLE_EQ(vms[0].cpu, 0); // nor its CPU
}

TEST(VmPoolParser, MissingElementsKeepDefaults)
{
    const QList<VirtualMachine> vms
        = parseOk(u"<VM_POOL><VM><ID>0</ID></VM><VM><ID>1</ID><NAME>x</NAME></VM></VM_POOL>");
    ASSERT_EQ(vms.size(), 2);
    VirtualMachine bare;
    bare.id = 0;
    EXPECT_EQ(vms[0], bare);
    EXPECT_EQ(vms[1].name, u"x");
    EXPECT_FALSE(vms[1].graphics.has_value());
}

// What bounds memory whatever the body: oned writes an ID for every VM, a page holds no more
// VMs than were asked for, and the values Porthole keeps are short (issue 16).
TEST(VmPoolParser, VmsWithoutIdMoreVmsThanAskedAndEndlessValuesAreRefused)
{
    QString error;
    EXPECT_FALSE(VmPoolParser::parse(u"<VM_POOL><VM/></VM_POOL>", &error));
    EXPECT_TRUE(error.contains(u"a <VM> without <ID>")) << error.toStdString();

    VmPoolParser page;
    page.setMaxVms(2);
    page.addData(u"<VM_POOL><VM><ID>1</ID></VM><VM><ID>2</ID></VM>");
    EXPECT_FALSE(page.hasError());
    page.addData(u"<VM><ID>3</ID></VM></VM_POOL>");
    EXPECT_TRUE(page.hasError());
    EXPECT_TRUE(page.errorString().contains(u"more than the 2 VMs asked for")) << page.errorString().toStdString();
    EXPECT_EQ(page.takeVms().size(), 2);

    VmPoolParser endless;
    endless.addData(u"<VM_POOL><VM><ID>1</ID><NAME>");
    const QString piece(16 * 1024, u'n');
    for (int i = 0; i < 8 && !endless.hasError(); ++i)
        endless.addData(piece);
    EXPECT_TRUE(endless.hasError());
    EXPECT_TRUE(endless.errorString().contains(u"a VM value (ID, name, state, address…) is longer than 64 KiB"))
        << endless.errorString().toStdString();
    // Text Porthole skips is not kept, however long.
    VmPoolParser skipped;
    skipped.addData(u"<VM_POOL><VM><ID>1</ID><USER_TEMPLATE><DESCRIPTION>");
    for (int i = 0; i < 64; ++i)
        skipped.addData(piece);
    skipped.addData(u"</DESCRIPTION></USER_TEMPLATE></VM></VM_POOL>");
    EXPECT_TRUE(skipped.finish()) << skipped.errorString().toStdString();
}

TEST(VmPoolParser, UnknownStateCodes)
{
    const QList<VirtualMachine> vms
        = parseOk(u"<VM><ID>1</ID><STATE>3</STATE><LCM_STATE>99</LCM_STATE><TEMPLATE><GRAPHICS><TYPE>VNC</TYPE></"
                  u"GRAPHICS></TEMPLATE></VM>");
    ASSERT_EQ(vms.size(), 1);
    EXPECT_EQ(vms[0].lcmStateName(), u"LCM_99");
    EXPECT_EQ(vms[0].longStateName(), u"LCM_99");
    EXPECT_EQ(vms[0].displayState(), u"LCM_99");
    EXPECT_FALSE(vms[0].consolePossible());
    const QList<VirtualMachine> odd = parseOk(u"<VM><ID>2</ID><STATE> 42 </STATE></VM>");
    EXPECT_EQ(odd.value(0).stateName(), u"STATE_42");
}

TEST(VmPoolParser, EmptyPools)
{
    EXPECT_TRUE(parseOk(u"<VM_POOL></VM_POOL>").isEmpty());
    EXPECT_TRUE(parseOk(u"<VM_POOL/>").isEmpty());
    EXPECT_TRUE(parseOk(u"<?xml version=\"1.0\"?>\n<VM_POOL>\n</VM_POOL>\n").isEmpty());
    EXPECT_TRUE(parseOk(PortholeTest::oneResultString(u"one.vmpool.info__page_offset10_limit2_past_end.response.xml"_s))
                    .isEmpty());
}

TEST(VmPoolParser, MalformedDocumentsNamePositionAndExpectation)
{
    EXPECT_EQ(parseError(u""), u"line 1, column 0: the document is empty (expected <VM_POOL> or <VM>)");
    EXPECT_EQ(parseError(u"<VM_POOL><VM><ID>1</ID>"),
        u"line 1, column 23: the document ended early: expected more content or </VM>");
    EXPECT_EQ(parseError(u"<HOST_POOL></HOST_POOL>"),
        u"line 1, column 11: expected <VM_POOL> or <VM> as the document element, found <HOST_POOL>");
    EXPECT_EQ(parseError(u"<VM><STATE>three</STATE></VM>"), u"line 1, column 24: <STATE> is not an integer: 'three'");
    EXPECT_EQ(parseError(u"<VM><ID>1</ID></VM><VM/>"),
        u"line 1, column 19: unexpected <VM> after the end of the document element");
    EXPECT_EQ(parseError(u"<VM_POOL>\n<VM></VM_POOL>"), u"line 2, column 4: expected </VM>, found </VM_POOL>");
    EXPECT_EQ(parseError(u"<VM_POOL></VM_POOL><!-- unterminated"),
        u"line 1, column 35: the document ended inside markup after </VM_POOL>");
    EXPECT_EQ(parseError(u"<VM_P"), u"line 1, column 0: the document ended inside markup before <VM_POOL> or <VM>");
    EXPECT_TRUE(parseError(u"not xml at all").startsWith(u"line 1, column "));
    EXPECT_TRUE(parseError(u"<VM><NAME>a & b</NAME></VM>").startsWith(u"line 1, column "));
    // truncated inside an element Porthole skips
    EXPECT_EQ(
        parseError(u"<VM><PERMISSIONS><OWNER_U>1"), u"line 1, column 27: the document ended early, inside an element");
}

TEST(VmPoolParser, RejectsDoctypeAndEntityExpansion)
{
    const QString bomb = uR"(<?xml version="1.0"?>
<!DOCTYPE VM_POOL [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
]>
<VM_POOL><VM><ID>1</ID><NAME>&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;</NAME></VM></VM_POOL>)"_s;
    const QString error = parseError(bomb);
    EXPECT_TRUE(error.endsWith(u": document type declarations are not allowed")) << error.toStdString();
    EXPECT_TRUE(error.startsWith(u"line ")) << error.toStdString();
    QString chunkError;
    EXPECT_FALSE(parseChunked(bomb, 7, &chunkError).has_value());
    EXPECT_TRUE(chunkError.endsWith(u": document type declarations are not allowed")) << chunkError.toStdString();

    const QString external = parseError(u"<!DOCTYPE VM SYSTEM \"file:///etc/passwd\"><VM><NAME>&x;</NAME></VM>");
    EXPECT_TRUE(external.endsWith(u": document type declarations are not allowed")) << external.toStdString();
    // without a DTD an entity reference is simply undeclared
    const QString undeclared = parseError(u"<VM><NAME>&x;</NAME></VM>");
    EXPECT_TRUE(undeclared.startsWith(u"line 1, column ")) << undeclared.toStdString();
}

TEST(VmPoolParser, ChunksMaySplitSurrogatePairsAndEscapes)
{
    const QString doc = u"<VM_POOL><VM><ID>3</ID><NAME>caf\u00e9 \U0001F600 &amp; &lt;b&gt;</NAME></VM></VM_POOL>"_s;
    const QList<VirtualMachine> whole = parseOk(doc);
    ASSERT_EQ(whole.size(), 1);
    EXPECT_EQ(whole[0].name, u"caf\u00e9 \U0001F600 & <b>");
    for (qsizetype chunk = 1; chunk < 12; ++chunk) {
        QString error;
        const auto chunked = parseChunked(doc, chunk, &error);
        ASSERT_TRUE(chunked.has_value()) << chunk << ": " << error.toStdString();
        EXPECT_EQ(*chunked, whole) << chunk;
    }
}

TEST(VmPoolParser, VmsAreAvailableBeforeTheDocumentEnds)
{
    VmPoolParser parser;
    parser.addData(u"<VM_POOL><VM><ID>2</ID></VM><VM><ID>1</ID>");
    const QList<VirtualMachine> first = parser.takeVms();
    ASSERT_EQ(first.size(), 1);
    EXPECT_EQ(first[0].id, 2);
    EXPECT_FALSE(parser.hasError());
    parser.addData(u"</VM></VM_POOL>");
    ASSERT_TRUE(parser.finish()) << parser.errorString().toStdString();
    const QList<VirtualMachine> rest = parser.takeVms();
    ASSERT_EQ(rest.size(), 1);
    EXPECT_EQ(rest[0].id, 1);
    EXPECT_TRUE(parser.takeVms().isEmpty());
}

TEST(VmPoolParser, DataAfterAnErrorIsIgnored)
{
    VmPoolParser parser;
    parser.addData(u"<VM><STATE>x</STATE>");
    ASSERT_TRUE(parser.hasError());
    const QString error = parser.errorString();
    parser.addData(u"</VM>");
    EXPECT_FALSE(parser.finish());
    EXPECT_EQ(parser.errorString(), error);
}

// Damaged documents: never a crash, and the same verdict (VMs or error text)
// however the text is chunked.
TEST(VmPoolParser, DamagedDocumentsGiveTheSameVerdictInAnyChunking)
{
    const QString base = PortholeTest::oneResultString(u"one.vmpool.infoextended__all_-2.response.xml"_s);
    const QString alphabet = u"<>/&;![]?=\"' -xA#\n"_s;
    QRandomGenerator rng(777);
    int failures = 0;
    const int rounds = qEnvironmentVariableIntValue("PORTHOLE_FUZZ_ROUNDS") > 0
        ? qEnvironmentVariableIntValue("PORTHOLE_FUZZ_ROUNDS")
        : 400;
    for (int round = 0; round < rounds; ++round) {
        QString doc = base;
        for (int e = 0; e < 1 + int(rng.bounded(4)); ++e) {
            const qsizetype at = rng.bounded(int(doc.size()));
            if (rng.bounded(2))
                doc.remove(at, 1 + rng.bounded(8));
            else
                doc.insert(at, alphabet.at(rng.bounded(int(alphabet.size()))));
        }
        QString wholeError;
        const auto whole = VmPoolParser::parse(doc, &wholeError);
        QString chunkError;
        const auto chunked = parseChunked(doc, 1 + rng.bounded(97), &chunkError);
        ASSERT_EQ(whole.has_value(), chunked.has_value())
            << wholeError.toStdString() << " / " << chunkError.toStdString();
        if (whole) {
            EXPECT_EQ(*whole, *chunked);
        } else {
            ++failures;
            EXPECT_EQ(wholeError.toStdString(), chunkError.toStdString());
            EXPECT_TRUE(wholeError.startsWith(u"line ")) << wholeError.toStdString();
        }
    }
    EXPECT_GT(failures, rounds / 4);
}

TEST(VmPoolParser, AbsurdTemplateNumbersReadAsUnknown)
{
    // MEMORY and CPU are what users typed; qint64(1e300) was undefined behaviour.
    for (const char *value : {"1e300", "-1e300", "nan", "inf", "-5", "1e30"}) {
        const QString doc = QStringLiteral("<VM_POOL><VM><ID>1</ID><TEMPLATE><MEMORY>%1</MEMORY><CPU>%1</CPU>"
                                           "</TEMPLATE></VM></VM_POOL>")
                                .arg(QLatin1String(value));
        const QList<VirtualMachine> vms = parseOk(doc);
        ASSERT_EQ(vms.size(), 1) << value;
        EXPECT_EQ(vms[0].memoryMiB, 0) << value;
        EXPECT_EQ(vms[0].cpu, 0.0) << value;
    }
    EXPECT_EQ(
        parseOk(u"<VM_POOL><VM><ID>3</ID><TEMPLATE><MEMORY>1536</MEMORY><CPU>0.5</CPU></TEMPLATE></VM></VM_POOL>")[0]
            .memoryMiB,
        1536);
}
