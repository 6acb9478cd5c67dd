// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/MonitoringParser.h"
#include "cloud/VirtualMachine.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace Porthole {

struct VmDisk
{
    int id = -1; // DISK_ID
    QString image; // IMAGE, empty for a volatile disk
    QString target; // TARGET: vda, sda ...
    QString type; // TYPE: FILE, BLOCK, fs ...
    QString datastore; // DATASTORE
    qint64 sizeMiB = 0; // SIZE
    bool readOnly = false; // READONLY
};

struct VmNic
{
    int id = -1; // NIC_ID
    QString network; // NETWORK
    QString ip; // IP (or IP6 / IP6_GLOBAL when it has no IPv4)
    QString mac; // MAC
    bool alias = false; // a NIC_ALIAS
};

// One HISTORY record: a stay of the VM on a host.
struct VmHistoryRecord
{
    int seq = 0;
    QString hostname;
    qint64 start = 0; // STIME
    qint64 end = 0; // ETIME, 0 while it lasts
    int action = 0; // ACTION, oned's VMActions code of what ended the stay
    int uid = -1; // who asked (-1: oned itself)

    // VMActions::action_to_str: "poweroff-hard", "terminate", "none" ...
    QString actionName() const;
    static QString actionName(int code);
};

// A system snapshot (TEMPLATE/SNAPSHOT), one.vm.snapshotcreate's work.
struct VmSnapshot
{
    int id = -1; // SNAPSHOT_ID
    QString name; // NAME, as the user typed it (any text, markup included)
    qint64 time = 0; // TIME
    QString hypervisorId; // HYPERVISOR_ID
    bool active = false; // ACTIVE=YES while a revert or delete runs
};

struct VmLock
{
    int level = 0; // LOCKED: 1 USE (or ALL), 2 MANAGE, 3 ADMIN
    int owner = -1; // OWNER: the uid that locked it
    qint64 time = 0; // TIME
    QString levelName() const; // "USE", "MANAGE", "ADMIN"
};

// Everything the details panel and `porthole-cli vm` show of one VM, from one one.vm.info body:
// the VirtualMachine (VmPoolParser), plus disks, NICs, history, snapshots, the lock, the last
// monitoring record and the template as OpenNebula template text (read only).
struct VmDetails
{
    VirtualMachine vm;
    qint64 start = 0; // STIME
    qint64 end = 0; // ETIME
    QList<VmDisk> disks;
    QList<VmNic> nics;
    QList<VmHistoryRecord> history;
    QList<VmSnapshot> snapshots;
    std::optional<VmLock> lock;
    std::optional<VmMonitoringRecord> monitoring;
    QString templateText; // KEY = "VALUE" and VECTOR = [ ... ] lines, as onevm show prints them

    static std::optional<VmDetails> parse(QStringView document, QString *error = nullptr);

    // The `porthole-cli vm ID --json` object: VirtualMachine::toJson() plus "disks", "nics",
    // "history", "snapshots", "lock" (null when unlocked) and "template". No VNC password.
    QJsonObject toJson() const;
};

} // namespace Porthole

Q_DECLARE_METATYPE(Porthole::VmDetails)
