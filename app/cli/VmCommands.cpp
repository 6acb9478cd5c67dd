// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/cli/VmCommands.h"

#include "app/cli/CliSession.h"
#include "app/cli/TextTable.h"
#include "cloud/VmActionFollower.h"
#include "cloud/VmDetails.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Porthole {
namespace {

constexpr int kDefaultWaitMs = 300000;
constexpr int kPollMs = 250;

QString when(qint64 seconds)
{
    if (seconds <= 0)
        return QStringLiteral("-");
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

QJsonObject recordJson(const VmMonitoringRecord &r)
{
    return QJsonObject {{QStringLiteral("timestamp"), r.timestamp}, {QStringLiteral("cpu"), r.cpu},
        {QStringLiteral("memory_kib"), r.memoryKiB}, {QStringLiteral("net_rx"), r.netRx},
        {QStringLiteral("net_tx"), r.netTx}, {QStringLiteral("disk_read_bytes"), r.diskReadBytes},
        {QStringLiteral("disk_write_bytes"), r.diskWriteBytes}, {QStringLiteral("disk_read_iops"), r.diskReadIops},
        {QStringLiteral("disk_write_iops"), r.diskWriteIops}};
}

} // namespace

int VmCommands::snapshotRevert(CliSession &session, const QStringList &arguments)
{
    return snapshotChange(session, arguments, true);
}

int VmCommands::snapshotDelete(CliSession &session, const QStringList &arguments)
{
    return snapshotChange(session, arguments, false);
}

Failure VmCommands::failureOf(const OneError &error)
{
    Failure failure = error.failure();
    if (error.kind() == OneError::Kind::Action || error.kind() == OneError::Kind::Locked)
        failure.status = ExitStatus::Refused;
    return failure;
}

int VmCommands::action(CliSession &session, const QStringList &arguments)
{
    const auto id = arguments.size() == 2 ? CliSession::parseId(arguments[0]) : std::nullopt;
    const auto action = arguments.size() == 2 ? VmActions::fromName(arguments[1]) : std::nullopt;
    if (!id || !action) {
        QStringList names;
        for (VmAction a : VmActions::all())
            names << VmActions::name(a);
        return session.usage(QStringLiteral("'vm action' wants a VM ID and one of %1, e.g. porthole-cli vm action 42 "
                                            "poweroff")
                                 .arg(names.join(QStringLiteral(", "))));
    }
    int waitMs = kDefaultWaitMs;
    QString error;
    if (!session.secondsOption(QStringLiteral("timeout"), &waitMs, &error))
        return session.usage(error);
    const bool wait = session.isSet(QStringLiteral("wait"));
    // The state before, so that --wait can tell a VM that went back from one that never left.
    OneCall *before = session.client()->vm(*id);
    QObject::connect(
        before, &OneCall::finished, &session, [&session, before, id = *id, action = *action, wait, waitMs] {
            if (!before->succeeded()) {
                session.finish(session.fail(failureOf(before->error())));
                return;
            }
            const auto vm = before->resultAs<VirtualMachine>();
            OneCall *call = session.client()->vmAction(id, action);
            QObject::connect(call, &OneCall::finished, &session, [&session, call, vm, action, wait, waitMs] {
                if (!call->succeeded()) {
                    session.finish(session.fail(failureOf(call->error())));
                    return;
                }
                const auto report
                    = [&session, action](const VirtualMachine &now, bool settled, const QString &message) {
                          if (session.json()) {
                              session.printJson(QJsonObject {{QStringLiteral("id"), now.id},
                                  {QStringLiteral("action"), VmActions::name(action)},
                                  {QStringLiteral("state_name"), now.longStateName()},
                                  {QStringLiteral("settled"), settled}, {QStringLiteral("message"), message}});
                          } else {
                              session.out() << message << '\n';
                          }
                      };
                if (!wait) {
                    report(vm, false,
                        QStringLiteral("%1 queued for VM %2 (it was %3)")
                            .arg(VmActions::name(action))
                            .arg(vm.id)
                            .arg(vm.longStateName()));
                    session.finish(exitCode(ExitStatus::Ok));
                    return;
                }
                auto *follower = new VmActionFollower(session.client(), vm, action, &session);
                follower->setPollInterval(kPollMs);
                follower->setTimeout(waitMs);
                QObject::connect(follower, &VmActionFollower::finished, &session,
                    [&session, follower, report](VmActionFollower::Outcome outcome) {
                        follower->deleteLater();
                        switch (outcome) {
                        case VmActionFollower::Outcome::Settled:
                            report(follower->lastSeen(), true, follower->message());
                            session.finish(exitCode(ExitStatus::Ok));
                            return;
                        case VmActionFollower::Outcome::Error:
                            session.finish(session.fail(failureOf(follower->error())));
                            return;
                        case VmActionFollower::Outcome::Failed:
                            session.finish(session.fail(
                                {QStringLiteral("action-failed"), follower->message(), ExitStatus::Protocol}));
                            return;
                        case VmActionFollower::Outcome::TimedOut:
                            session.finish(session.fail(
                                {QStringLiteral("timeout"), follower->message(), ExitStatus::Unreachable}));
                            return;
                        }
                    });
                follower->start();
            });
        });
    return -1;
}

int VmCommands::details(CliSession &session, const QStringList &arguments)
{
    const auto id = arguments.size() == 1 ? CliSession::parseId(arguments[0]) : std::nullopt;
    if (!id)
        return session.usage(QStringLiteral("'vm details' wants one VM ID"));
    session.whenDone(session.client()->vmDetails(*id), [&session](const QVariant &result) {
        const auto d = result.value<VmDetails>();
        if (session.json()) {
            session.printJson(d.toJson());
            return;
        }
        QTextStream &out = session.out();
        out << TextTable::keyValues({
            {QStringLiteral("ID"), QString::number(d.vm.id)},
            {QStringLiteral("NAME"), d.vm.name},
            {QStringLiteral("OWNER"), d.vm.owner},
            {QStringLiteral("GROUP"), d.vm.group},
            {QStringLiteral("STATE"), d.vm.longStateName()},
            {QStringLiteral("HOST"), orDash(d.vm.host)},
            {QStringLiteral("START"), when(d.start)},
            {QStringLiteral("LOCK"), d.lock ? d.lock->levelName() : QStringLiteral("none")},
        });
        if (!d.disks.isEmpty()) {
            TextTable disks;
            for (const char *h : {"DISK", "TARGET", "IMAGE", "TYPE", "SIZE"})
                disks.addColumn(QString::fromLatin1(h));
            for (const VmDisk &disk : d.disks)
                disks.addRow({QString::number(disk.id), disk.target, orDash(disk.image), disk.type,
                    QStringLiteral("%1M").arg(disk.sizeMiB)});
            out << '\n' << disks.render();
        }
        if (!d.nics.isEmpty()) {
            TextTable nics;
            for (const char *h : {"NIC", "NETWORK", "IP", "MAC"})
                nics.addColumn(QString::fromLatin1(h));
            for (const VmNic &nic : d.nics)
                nics.addRow({QString::number(nic.id), nic.network, orDash(nic.ip), nic.mac});
            out << '\n' << nics.render();
        }
        if (!d.history.isEmpty()) {
            TextTable history;
            for (const char *h : {"SEQ", "HOST", "ACTION", "START", "END"})
                history.addColumn(QString::fromLatin1(h));
            for (const VmHistoryRecord &h : d.history)
                history.addRow({QString::number(h.seq), h.hostname, h.actionName(), when(h.start), when(h.end)});
            out << '\n' << history.render();
        }
        out << "\nTEMPLATE\n" << d.templateText;
    });
    return -1;
}

int VmCommands::monitoring(CliSession &session, const QStringList &arguments)
{
    const auto id = arguments.size() == 1 ? CliSession::parseId(arguments[0]) : std::nullopt;
    if (!id)
        return session.usage(QStringLiteral("'vm monitoring' wants one VM ID"));
    session.whenDone(session.client()->vmMonitoring(*id), [&session](const QVariant &result) {
        const auto records = result.value<QList<VmMonitoringRecord>>();
        QTextStream &out = session.out();
        if (session.json()) {
            // One record per line, as `vms --json` does: no document of the whole answer.
            out << '[';
            for (qsizetype i = 0; i < records.size(); ++i)
                out << (i ? ",\n " : "\n ") << QJsonDocument(recordJson(records[i])).toJson(QJsonDocument::Compact);
            out << "\n]\n";
            return;
        }
        TextTable table;
        table.addColumn(QStringLiteral("TIME"));
        for (const char *h : {"CPU%", "MEMORY", "NETRX", "NETTX", "DISKRD", "DISKWR"})
            table.addColumn(QString::fromLatin1(h), TextTable::Align::Right);
        for (const VmMonitoringRecord &r : records)
            table.addRow({when(r.timestamp), QString::number(r.cpu, 'f', 1),
                QStringLiteral("%1M").arg(r.memoryKiB / 1024), QString::number(r.netRx), QString::number(r.netTx),
                QString::number(r.diskReadBytes), QString::number(r.diskWriteBytes)});
        out << table.render();
    });
    return -1;
}

int VmCommands::snapshots(CliSession &session, const QStringList &arguments)
{
    const auto id = arguments.size() == 1 ? CliSession::parseId(arguments[0]) : std::nullopt;
    if (!id)
        return session.usage(QStringLiteral("'vm snapshots' wants one VM ID"));
    session.whenDone(session.client()->vmDetails(*id), [&session](const QVariant &result) {
        const auto d = result.value<VmDetails>();
        if (session.json()) {
            session.printJson(d.toJson().value(QStringLiteral("snapshots")).toArray());
            return;
        }
        TextTable table;
        table.addColumn(QStringLiteral("ID"), TextTable::Align::Right);
        table.addColumn(QStringLiteral("NAME"));
        table.addColumn(QStringLiteral("TIME"));
        for (const VmSnapshot &s : d.snapshots)
            table.addRow({QString::number(s.id), s.name, when(s.time)});
        session.out() << table.render();
    });
    return -1;
}

int VmCommands::snapshotCreate(CliSession &session, const QStringList &arguments)
{
    const auto id = arguments.size() == 2 ? CliSession::parseId(arguments[0]) : std::nullopt;
    if (!id)
        return session.usage(QStringLiteral("'vm snapshot-create' wants a VM ID and a name"));
    OneCall *call = session.client()->snapshotCreate(*id, arguments[1]);
    QObject::connect(call, &OneCall::finished, &session, [&session, call, id = *id] {
        if (!call->succeeded()) {
            session.finish(session.fail(failureOf(call->error())));
            return;
        }
        const int snapshot = call->result().toInt();
        if (session.json())
            session.printJson(QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("snapshot"), snapshot}});
        else
            session.out() << "snapshot " << snapshot << " of VM " << id << '\n';
        session.finish(exitCode(ExitStatus::Ok));
    });
    return -1;
}

int VmCommands::snapshotChange(CliSession &session, const QStringList &arguments, bool revert)
{
    const auto id = arguments.size() == 2 ? CliSession::parseId(arguments[0]) : std::nullopt;
    const auto snapshot = arguments.size() == 2 ? CliSession::parseId(arguments[1]) : std::nullopt;
    if (!id || !snapshot)
        return session.usage(QStringLiteral("'vm %1' wants a VM ID and a snapshot ID")
                                 .arg(revert ? QStringLiteral("snapshot-revert") : QStringLiteral("snapshot-delete")));
    OneCall *call
        = revert ? session.client()->snapshotRevert(*id, *snapshot) : session.client()->snapshotDelete(*id, *snapshot);
    QObject::connect(call, &OneCall::finished, &session, [&session, call, id = *id, snapshot = *snapshot, revert] {
        if (!call->succeeded()) {
            session.finish(session.fail(failureOf(call->error())));
            return;
        }
        if (session.json())
            session.printJson(QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("snapshot"), snapshot},
                {QStringLiteral("done"), revert ? QStringLiteral("reverted") : QStringLiteral("deleted")}});
        else
            session.out() << (revert ? "reverted VM " : "deleted snapshot ") << (revert ? id : snapshot)
                          << (revert ? " to snapshot " : " of VM ") << (revert ? snapshot : id) << '\n';
        session.finish(exitCode(ExitStatus::Ok));
    });
    return -1;
}

} // namespace Porthole
