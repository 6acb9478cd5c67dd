// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace Porthole {

// One virtual machine of the embedded demo cloud, holding just what oned 6.10
// puts into its VM documents. Values are kept as oned stores them (TYPE "vnc"
// stays lowercase, LISTEN "0.0.0.0" verbatim) so clients meet real-world shapes.
struct DemoVm
{
    struct Nic
    {
        QString ip;
        QString mac;
        QString network;
        int networkId = 0;
        int nicId = 0;
    };

    int id = 0;
    int uid = 0;
    int gid = 0;
    QString uname;
    QString gname;
    QString name;
    int state = 0; // VM STATE: 1 PENDING, 2 HOLD, 3 ACTIVE, 6 DONE, 8 POWEROFF ...
    int lcmState = 0; // LCM_STATE: 3 RUNNING ...
    qint64 stime = 0;
    qint64 etime = 0;
    QString cpu = QStringLiteral("0.1");
    int memoryMb = 128;
    int vcpu = 1; // 0: the template has no VCPU
    QString uuid;

    bool hasGraphics = false;
    QString graphicsType; // as given by the template's owner: "VNC", "vnc", "SPICE"
    QString graphicsListen;
    QString graphicsPasswd; // empty: no PASSWD attribute
    int graphicsPort = -1; // -1: no PORT attribute (never deployed, or DONE)

    QList<Nic> nics;

    // TEMPLATE/SNAPSHOT: system snapshots (one.vm.snapshotcreate).
    struct Snapshot
    {
        int id = 0;
        QString name;
        qint64 time = 0;
    };
    QList<Snapshot> snapshots;
    int nextSnapshotId = 0;

    // LOCK: 0 unlocked, else oned's LOCKED level (1 USE, 2 MANAGE, 3 ADMIN; ALL is stored as 1).
    int lockLevel = 0;
    int lockOwner = -1;
    qint64 lockTime = 0;

    // Users of the VM's group may USE it (PERMISSIONS GROUP_U), not MANAGE it.
    bool groupUse = false;
    // Bumped by each accepted action: steps scheduled for an earlier one are dropped.
    int generation = 0;

    // Last history record; an empty host name means the VM was never deployed.
    QString hostname;
    int hid = 0;
    int historyAction = 0; // oned's VMActions code of the last action (0 none, 20 poweroff-hard, 28 terminate-hard)

    bool deployed() const { return !hostname.isEmpty(); }
    QString deployId() const
    {
        return deployed() ? hostname + QLatin1Char(':') + name + QStringLiteral(":dummy") : QString();
    }
};

} // namespace Porthole
