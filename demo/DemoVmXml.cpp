// SPDX-License-Identifier: GPL-2.0-or-later
#include "demo/DemoVmXml.h"

#include <QXmlStreamWriter>

namespace Porthole {

namespace {

// oned writes numbers and empty elements as <X>..</X>, never as <X/>, except
// for the few elements the short format spells out literally.
void text(QXmlStreamWriter &w, const QString &name, const QString &value)
{
    w.writeStartElement(name);
    w.writeCharacters(value);
    w.writeEndElement();
}

void number(QXmlStreamWriter &w, const QString &name, qint64 value)
{
    text(w, name, QString::number(value));
}

void cdata(QXmlStreamWriter &w, const QString &name, const QString &value)
{
    w.writeStartElement(name);
    w.writeCDATA(value);
    w.writeEndElement();
}

// GRAPHICS is a vector attribute; oned keeps its members sorted by name.
void writeGraphics(QXmlStreamWriter &w, const DemoVm &vm)
{
    if (!vm.hasGraphics)
        return;
    w.writeStartElement(QStringLiteral("GRAPHICS"));
    if (!vm.graphicsListen.isEmpty())
        cdata(w, QStringLiteral("LISTEN"), vm.graphicsListen);
    if (!vm.graphicsPasswd.isEmpty())
        cdata(w, QStringLiteral("PASSWD"), vm.graphicsPasswd);
    if (vm.graphicsPort >= 0)
        cdata(w, QStringLiteral("PORT"), QString::number(vm.graphicsPort));
    cdata(w, QStringLiteral("TYPE"), vm.graphicsType);
    w.writeEndElement();
}

// OpenNebula's default MAC_PREFIX 02:00 followed by the IPv4 address.
QString macFor(const DemoVm &vm, const DemoVm::Nic &nic)
{
    if (!nic.mac.isEmpty())
        return nic.mac;
    const QList<QStringView> octets = QStringView(nic.ip).split(QLatin1Char('.'));
    if (octets.size() == 4) {
        QString mac = QStringLiteral("02:00");
        for (QStringView o : octets)
            mac += QStringLiteral(":%1").arg(o.toInt(), 2, 16, QLatin1Char('0'));
        return mac;
    }
    return QStringLiteral("02:00:%1:%2:%3:%4")
        .arg(vm.id >> 16 & 0xff, 2, 16, QLatin1Char('0'))
        .arg(vm.id >> 8 & 0xff, 2, 16, QLatin1Char('0'))
        .arg(vm.id & 0xff, 2, 16, QLatin1Char('0'))
        .arg(nic.nicId & 0xff, 2, 16, QLatin1Char('0'));
}

// VirtualMachineNic::to_xml_short: plain escaped text, a fixed member list.
void writeNicShort(QXmlStreamWriter &w, const DemoVm &vm, const DemoVm::Nic &nic)
{
    w.writeStartElement(QStringLiteral("NIC"));
    if (!nic.ip.isEmpty())
        text(w, QStringLiteral("IP"), nic.ip);
    text(w, QStringLiteral("MAC"), macFor(vm, nic));
    text(w, QStringLiteral("NETWORK"), nic.network);
    number(w, QStringLiteral("NETWORK_ID"), nic.networkId);
    number(w, QStringLiteral("NIC_ID"), nic.nicId);
    text(w, QStringLiteral("SECURITY_GROUPS"), QStringLiteral("0"));
    w.writeEndElement();
}

void writeNicFull(QXmlStreamWriter &w, const DemoVm &vm, const DemoVm::Nic &nic)
{
    w.writeStartElement(QStringLiteral("NIC"));
    cdata(w, QStringLiteral("AR_ID"), QStringLiteral("0"));
    cdata(w, QStringLiteral("BRIDGE"), QStringLiteral("br0"));
    cdata(w, QStringLiteral("BRIDGE_TYPE"), QStringLiteral("linux"));
    cdata(w, QStringLiteral("CLUSTER_ID"), QStringLiteral("0"));
    if (!nic.ip.isEmpty())
        cdata(w, QStringLiteral("IP"), nic.ip);
    cdata(w, QStringLiteral("MAC"), macFor(vm, nic));
    cdata(w, QStringLiteral("NAME"), QStringLiteral("NIC%1").arg(nic.nicId));
    cdata(w, QStringLiteral("NETWORK"), nic.network);
    cdata(w, QStringLiteral("NETWORK_ID"), QString::number(nic.networkId));
    cdata(w, QStringLiteral("NETWORK_UNAME"), QStringLiteral("oneadmin"));
    cdata(w, QStringLiteral("NIC_ID"), QString::number(nic.nicId));
    cdata(w, QStringLiteral("SECURITY_GROUPS"), QStringLiteral("0"));
    cdata(w, QStringLiteral("TARGET"), QStringLiteral("one-%1-%2").arg(vm.id).arg(nic.nicId));
    cdata(w, QStringLiteral("VN_MAD"), QStringLiteral("bridge"));
    w.writeEndElement();
}

// oned writes LOCK only while the VM is locked, right after DEPLOY_ID.
void writeLock(QXmlStreamWriter &w, const DemoVm &vm)
{
    if (vm.lockLevel == 0)
        return;
    w.writeStartElement(QStringLiteral("LOCK"));
    number(w, QStringLiteral("LOCKED"), vm.lockLevel);
    number(w, QStringLiteral("OWNER"), vm.lockOwner);
    number(w, QStringLiteral("TIME"), vm.lockTime);
    number(w, QStringLiteral("REQ_ID"), 2000 + vm.id);
    w.writeEndElement();
}

void writeSnapshots(QXmlStreamWriter &w, const DemoVm &vm)
{
    for (const DemoVm::Snapshot &snap : vm.snapshots) {
        w.writeStartElement(QStringLiteral("SNAPSHOT"));
        cdata(w, QStringLiteral("HYPERVISOR_ID"), QStringLiteral("dummy-snap"));
        cdata(w, QStringLiteral("NAME"), snap.name);
        cdata(w, QStringLiteral("SNAPSHOT_ID"), QString::number(snap.id));
        cdata(w, QStringLiteral("SYSTEM_DISK_SIZE"), QString::number(vm.memoryMb));
        cdata(w, QStringLiteral("TIME"), QString::number(snap.time));
        w.writeEndElement();
    }
}

void writeHeader(QXmlStreamWriter &w, const DemoVm &vm)
{
    number(w, QStringLiteral("ID"), vm.id);
    number(w, QStringLiteral("UID"), vm.uid);
    number(w, QStringLiteral("GID"), vm.gid);
    text(w, QStringLiteral("UNAME"), vm.uname);
    text(w, QStringLiteral("GNAME"), vm.gname);
    text(w, QStringLiteral("NAME"), vm.name);
}

} // namespace

void DemoVmXml::writeShort(QXmlStreamWriter &w, const DemoVm &vm)
{
    w.writeStartElement(QStringLiteral("VM"));
    writeHeader(w, vm);
    number(w, QStringLiteral("LAST_POLL"), 0);
    number(w, QStringLiteral("STATE"), vm.state);
    number(w, QStringLiteral("LCM_STATE"), vm.lcmState);
    number(w, QStringLiteral("RESCHED"), 0);
    number(w, QStringLiteral("STIME"), vm.stime);
    number(w, QStringLiteral("ETIME"), vm.etime);
    text(w, QStringLiteral("DEPLOY_ID"), vm.deployId());
    writeLock(w, vm);

    w.writeStartElement(QStringLiteral("TEMPLATE"));
    text(w, QStringLiteral("CPU"), vm.cpu);
    number(w, QStringLiteral("MEMORY"), vm.memoryMb);
    if (vm.vcpu > 0)
        number(w, QStringLiteral("VCPU"), vm.vcpu);
    for (const DemoVm::Nic &nic : vm.nics)
        writeNicShort(w, vm, nic);
    writeGraphics(w, vm);
    w.writeEndElement(); // TEMPLATE

    w.writeEmptyElement(QStringLiteral("MONITORING"));
    w.writeEmptyElement(QStringLiteral("USER_TEMPLATE"));
    if (vm.deployed()) {
        // Only the last history record, as VirtualMachine::to_xml_short does.
        w.writeStartElement(QStringLiteral("HISTORY_RECORDS"));
        w.writeStartElement(QStringLiteral("HISTORY"));
        number(w, QStringLiteral("OID"), vm.id);
        number(w, QStringLiteral("SEQ"), 0);
        cdata(w, QStringLiteral("HOSTNAME"), vm.hostname);
        number(w, QStringLiteral("HID"), vm.hid);
        number(w, QStringLiteral("CID"), 0);
        number(w, QStringLiteral("DS_ID"), 0);
        cdata(w, QStringLiteral("VM_MAD"), QStringLiteral("dummy"));
        cdata(w, QStringLiteral("TM_MAD"), QStringLiteral("dummy"));
        cdata(w, QStringLiteral("ACTION"), QString::number(vm.historyAction));
        w.writeEndElement();
        w.writeEndElement();
    } else {
        w.writeEmptyElement(QStringLiteral("HISTORY_RECORDS"));
    }
    w.writeEndElement(); // VM
}

void DemoVmXml::writeFull(QXmlStreamWriter &w, const DemoVm &vm)
{
    w.writeStartElement(QStringLiteral("VM"));
    writeHeader(w, vm);

    w.writeStartElement(QStringLiteral("PERMISSIONS"));
    static const char *const kPerms[]
        = {"OWNER_U", "OWNER_M", "OWNER_A", "GROUP_U", "GROUP_M", "GROUP_A", "OTHER_U", "OTHER_M", "OTHER_A"};
    for (int i = 0; i < 9; ++i)
        number(w, QLatin1String(kPerms[i]), i < 2 || (i == 3 && vm.groupUse) ? 1 : 0); // umask 177: owner use+manage
    w.writeEndElement();

    number(w, QStringLiteral("LAST_POLL"), 0);
    number(w, QStringLiteral("STATE"), vm.state);
    number(w, QStringLiteral("LCM_STATE"), vm.lcmState);
    number(w, QStringLiteral("PREV_STATE"), vm.state);
    number(w, QStringLiteral("PREV_LCM_STATE"), vm.lcmState);
    number(w, QStringLiteral("RESCHED"), 0);
    number(w, QStringLiteral("STIME"), vm.stime);
    number(w, QStringLiteral("ETIME"), vm.etime);
    text(w, QStringLiteral("DEPLOY_ID"), vm.deployId());
    writeLock(w, vm);
    text(w, QStringLiteral("MONITORING"), QString());
    text(w, QStringLiteral("SCHED_ACTIONS"), QString());

    // The template is a sorted multimap in oned, hence alphabetical order.
    w.writeStartElement(QStringLiteral("TEMPLATE"));
    if (!vm.nics.isEmpty())
        cdata(w, QStringLiteral("AUTOMATIC_NIC_REQUIREMENTS"), QStringLiteral("(\"CLUSTERS/ID\" @> 0)"));
    cdata(
        w, QStringLiteral("AUTOMATIC_REQUIREMENTS"), QStringLiteral("!(PUBLIC_CLOUD = YES) & !(PIN_POLICY = PINNED)"));
    cdata(w, QStringLiteral("CPU"), vm.cpu);
    writeGraphics(w, vm);
    cdata(w, QStringLiteral("MEMORY"), QString::number(vm.memoryMb));
    for (const DemoVm::Nic &nic : vm.nics)
        writeNicFull(w, vm, nic);
    w.writeStartElement(QStringLiteral("OS"));
    cdata(w, QStringLiteral("UUID"), vm.uuid);
    w.writeEndElement();
    writeSnapshots(w, vm);
    if (vm.state == 2)
        cdata(w, QStringLiteral("SUBMIT_ON_HOLD"), QStringLiteral("YES"));
    if (vm.deployed())
        cdata(w, QStringLiteral("TM_MAD_SYSTEM"), QStringLiteral("dummy"));
    if (vm.vcpu > 0)
        cdata(w, QStringLiteral("VCPU"), QString::number(vm.vcpu));
    cdata(w, QStringLiteral("VMID"), QString::number(vm.id));
    w.writeEndElement(); // TEMPLATE

    text(w, QStringLiteral("USER_TEMPLATE"), QString());
    if (vm.deployed()) {
        const bool ended = vm.etime != 0;
        const bool poweredOff = vm.historyAction != 0;
        w.writeStartElement(QStringLiteral("HISTORY_RECORDS"));
        w.writeStartElement(QStringLiteral("HISTORY"));
        number(w, QStringLiteral("OID"), vm.id);
        number(w, QStringLiteral("SEQ"), 0);
        text(w, QStringLiteral("HOSTNAME"), vm.hostname); // plain text here, unlike the short body
        number(w, QStringLiteral("HID"), vm.hid);
        number(w, QStringLiteral("CID"), 0);
        number(w, QStringLiteral("STIME"), vm.stime);
        number(w, QStringLiteral("ETIME"), vm.etime);
        cdata(w, QStringLiteral("VM_MAD"), QStringLiteral("dummy"));
        cdata(w, QStringLiteral("TM_MAD"), QStringLiteral("dummy"));
        number(w, QStringLiteral("DS_ID"), 0);
        number(w, QStringLiteral("PSTIME"), vm.stime);
        number(w, QStringLiteral("PETIME"), vm.stime);
        number(w, QStringLiteral("RSTIME"), vm.stime);
        number(w, QStringLiteral("RETIME"), poweredOff ? vm.stime + 1 : 0);
        number(w, QStringLiteral("ESTIME"), ended ? vm.etime : 0);
        number(w, QStringLiteral("EETIME"), ended ? vm.etime : 0);
        number(w, QStringLiteral("ACTION"), vm.historyAction);
        number(w, QStringLiteral("UID"), poweredOff ? vm.uid : -1);
        number(w, QStringLiteral("GID"), poweredOff ? vm.gid : -1);
        number(w, QStringLiteral("REQUEST_ID"), poweredOff ? 1000 + vm.id : -1);
        w.writeEndElement();
        w.writeEndElement();
    } else {
        w.writeEmptyElement(QStringLiteral("HISTORY_RECORDS"));
    }
    w.writeStartElement(QStringLiteral("BACKUPS"));
    w.writeEmptyElement(QStringLiteral("BACKUP_CONFIG"));
    text(w, QStringLiteral("BACKUP_IDS"), QString());
    w.writeEndElement();
    w.writeEndElement(); // VM
}

QString DemoVmXml::fullDocument(const DemoVm &vm)
{
    QString out;
    QXmlStreamWriter w(&out);
    writeFull(w, vm);
    return out;
}

QString DemoVmXml::poolDocument(const std::vector<const DemoVm *> &vms, bool extended)
{
    QString out;
    // Short bodies run to about 1 KiB, extended ones to about 2 KiB per VM.
    out.reserve(qsizetype(vms.size()) * (extended ? 2048 : 1024) + 32);
    QXmlStreamWriter w(&out);
    w.writeStartElement(QStringLiteral("VM_POOL"));
    // oned writes "<VM_POOL></VM_POOL>" for an empty pool.
    w.writeCharacters(QString());
    for (const DemoVm *vm : vms) {
        if (extended)
            writeFull(w, *vm);
        else
            writeShort(w, *vm);
    }
    w.writeEndElement();
    return out;
}

} // namespace Porthole
