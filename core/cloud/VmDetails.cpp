// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/VmDetails.h"

#include "cloud/VmPoolParser.h"
#include "cloud/XmlTree.h"

#include <QJsonArray>

namespace Porthole {
namespace {

// include/VMActions.h (release-7.4.0), by code, named after its enum (as onevm show does).
const char *const kActionNames[] = {"none", "migrate", "live-migrate", "shutdown", "shutdown-hard", "undeploy",
    "undeploy-hard", "hold", "release", "stop", "suspend", "resume", "boot", "delete", "delete-recreate", "reboot",
    "reboot-hard", "resched", "unresched", "poweroff", "poweroff-hard", "disk-attach", "disk-detach", "nic-attach",
    "nic-detach", "disk-snapshot-create", "disk-snapshot-delete", "terminate", "terminate-hard", "disk-resize",
    "deploy", "chown", "chmod", "updateconf", "rename", "resize", "update", "snapshot-create", "snapshot-delete",
    "snapshot-revert", "disk-saveas", "disk-snapshot-revert", "recover", "retry", "monitor", "disk-snapshot-rename",
    "alias-attach", "alias-detach", "poweroff-migrate", "poweroff-hard-migrate", "backup", "nic-update",
    "backup-cancel", "sched-add", "sched-update", "sched-delete", "sg-attach", "sg-detach", "pci-attach", "pci-detach",
    "restore", "exec", "exec-retry", "exec-cancel", "vmgroup-add", "vmgroup-del"};

// Template values may hold quotes and backslashes; onevm show escapes them the same way.
QString quoted(const QString &value)
{
    QString v = value;
    v.replace(u'\\', QStringLiteral("\\\\"));
    v.replace(u'"', QStringLiteral("\\\""));
    return u'"' + v + u'"';
}

// The template as text: a single attribute per line, vector attributes as NAME=[ ... ].
// Secrets are not shown: the VNC password travels in GRAPHICS/PASSWD.
QString renderTemplate(const XmlTree::Node &tmpl)
{
    QString out;
    for (const XmlTree::Node &attribute : tmpl.children) {
        if (attribute.children.isEmpty()) {
            out += attribute.name + QStringLiteral(" = ") + quoted(attribute.text) + u'\n';
            continue;
        }
        out += attribute.name + QStringLiteral(" = [\n");
        for (qsizetype i = 0; i < attribute.children.size(); ++i) {
            const XmlTree::Node &member = attribute.children[i];
            const bool secret = attribute.name == u"GRAPHICS" && member.name == u"PASSWD";
            out += QStringLiteral("  ") + member.name + QStringLiteral(" = ")
                + (secret ? QStringLiteral("\"********\"") : quoted(member.text))
                + (i + 1 < attribute.children.size() ? QStringLiteral(",\n") : QStringLiteral(" ]\n"));
        }
    }
    return out;
}

} // namespace

QString VmHistoryRecord::actionName() const
{
    return actionName(action);
}

QString VmHistoryRecord::actionName(int code)
{
    if (code >= 0 && code < int(std::size(kActionNames)))
        return QString::fromLatin1(kActionNames[code]);
    return QStringLiteral("action-%1").arg(code);
}

QString VmLock::levelName() const
{
    switch (level) {
    case 1:
        return QStringLiteral("USE");
    case 2:
        return QStringLiteral("MANAGE");
    case 3:
        return QStringLiteral("ADMIN");
    case 4:
        return QStringLiteral("ALL");
    default:
        return QStringLiteral("LEVEL_%1").arg(level);
    }
}

std::optional<VmDetails> VmDetails::parse(QStringView document, QString *error)
{
    QString why;
    const auto vms = VmPoolParser::parse(document, &why);
    if (!vms || vms->size() != 1) {
        if (error)
            *error = vms ? QStringLiteral("expected one <VM>, found %1").arg(vms->size()) : why;
        return std::nullopt;
    }
    const auto tree = XmlTree::parse(document, &why);
    if (!tree) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    VmDetails d;
    d.vm = vms->first();
    d.start = tree->number(u"STIME");
    d.end = tree->number(u"ETIME");
    if (const XmlTree::Node *tmpl = tree->child(u"TEMPLATE")) {
        for (const XmlTree::Node *disk : tmpl->childrenNamed(u"DISK")) {
            d.disks.append(VmDisk {int(disk->number(u"DISK_ID", -1)), disk->value(u"IMAGE"), disk->value(u"TARGET"),
                disk->value(u"TYPE"), disk->value(u"DATASTORE"), disk->number(u"SIZE"),
                disk->value(u"READONLY").compare(u"YES", Qt::CaseInsensitive) == 0});
        }
        for (const XmlTree::Node &nic : tmpl->children) {
            if (nic.name != u"NIC" && nic.name != u"NIC_ALIAS")
                continue;
            QString ip = nic.value(u"IP");
            if (ip.isEmpty())
                ip = nic.value(u"IP6_GLOBAL");
            if (ip.isEmpty())
                ip = nic.value(u"IP6");
            d.nics.append(VmNic {int(nic.number(u"NIC_ID", -1)), nic.value(u"NETWORK"), ip, nic.value(u"MAC"),
                nic.name == u"NIC_ALIAS"});
        }
        for (const XmlTree::Node *snap : tmpl->childrenNamed(u"SNAPSHOT")) {
            d.snapshots.append(
                VmSnapshot {int(snap->number(u"SNAPSHOT_ID", -1)), snap->value(u"NAME"), snap->number(u"TIME"),
                    snap->value(u"HYPERVISOR_ID"), snap->value(u"ACTIVE").compare(u"YES", Qt::CaseInsensitive) == 0});
        }
        d.templateText = renderTemplate(*tmpl);
    }
    if (const XmlTree::Node *records = tree->child(u"HISTORY_RECORDS")) {
        for (const XmlTree::Node *h : records->childrenNamed(u"HISTORY")) {
            d.history.append(VmHistoryRecord {int(h->number(u"SEQ")), h->value(u"HOSTNAME"), h->number(u"STIME"),
                h->number(u"ETIME"), int(h->number(u"ACTION")), int(h->number(u"UID", -1))});
        }
    }
    if (const XmlTree::Node *lock = tree->child(u"LOCK"); lock && lock->number(u"LOCKED") > 0)
        d.lock = VmLock {int(lock->number(u"LOCKED")), int(lock->number(u"OWNER", -1)), lock->number(u"TIME")};
    if (const XmlTree::Node *m = tree->child(u"MONITORING"); m && !m->children.isEmpty()) {
        // The newest record, in the same shape as one.vm.monitoring's.
        QString wrapped = QStringLiteral("<MONITORING_DATA><MONITORING>");
        for (const XmlTree::Node &value : m->children) {
            if (value.children.isEmpty())
                wrapped
                    += u'<' + value.name + u'>' + value.text.toHtmlEscaped() + QStringLiteral("</") + value.name + u'>';
        }
        wrapped += QStringLiteral("</MONITORING></MONITORING_DATA>");
        if (const auto records = MonitoringParser::parse(wrapped); records && !records->isEmpty())
            d.monitoring = records->first();
    }
    return d;
}

QJsonObject VmDetails::toJson() const
{
    QJsonObject o = vm.toJson();
    QJsonArray disks;
    for (const VmDisk &disk : this->disks)
        disks.append(QJsonObject {{QStringLiteral("id"), disk.id}, {QStringLiteral("image"), disk.image},
            {QStringLiteral("target"), disk.target}, {QStringLiteral("type"), disk.type},
            {QStringLiteral("datastore"), disk.datastore}, {QStringLiteral("size_mib"), disk.sizeMiB},
            {QStringLiteral("readonly"), disk.readOnly}});
    QJsonArray nics;
    for (const VmNic &nic : this->nics)
        nics.append(QJsonObject {{QStringLiteral("id"), nic.id}, {QStringLiteral("network"), nic.network},
            {QStringLiteral("ip"), nic.ip}, {QStringLiteral("mac"), nic.mac}, {QStringLiteral("alias"), nic.alias}});
    QJsonArray history;
    for (const VmHistoryRecord &h : this->history)
        history.append(QJsonObject {{QStringLiteral("seq"), h.seq}, {QStringLiteral("host"), h.hostname},
            {QStringLiteral("start"), h.start}, {QStringLiteral("end"), h.end},
            {QStringLiteral("action"), h.actionName()}, {QStringLiteral("uid"), h.uid}});
    QJsonArray snapshots;
    for (const VmSnapshot &s : this->snapshots)
        snapshots.append(QJsonObject {{QStringLiteral("id"), s.id}, {QStringLiteral("name"), s.name},
            {QStringLiteral("time"), s.time}, {QStringLiteral("active"), s.active}});
    o.insert(QStringLiteral("start"), start);
    o.insert(QStringLiteral("end"), end);
    o.insert(QStringLiteral("memory_mib"), vm.memoryMiB);
    o.insert(QStringLiteral("cpu"), vm.cpu);
    o.insert(QStringLiteral("vcpu"), vm.vcpu);
    o.insert(QStringLiteral("disks"), disks);
    o.insert(QStringLiteral("nics"), nics);
    o.insert(QStringLiteral("history"), history);
    o.insert(QStringLiteral("snapshots"), snapshots);
    o.insert(QStringLiteral("lock"),
        lock ? QJsonValue(
            QJsonObject {{QStringLiteral("level"), lock->level}, {QStringLiteral("level_name"), lock->levelName()},
                {QStringLiteral("owner"), lock->owner}, {QStringLiteral("time"), lock->time}})
             : QJsonValue(QJsonValue::Null));
    o.insert(QStringLiteral("template"), templateText);
    return o;
}

} // namespace Porthole
