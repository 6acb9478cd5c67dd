// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "demo/DemoVm.h"

#include <QList>
#include <QString>

#include <vector>

namespace Porthole {

// What the demo cloud holds: its two accounts (with their login tokens), the
// built-in VMs, one for every shape a client meets (RUNNING with VNC, lowercase
// "vnc", a VNC password, SPICE, no GRAPHICS, POWEROFF, PENDING, HOLD, DONE, a
// VM of the unprivileged user), and any number of generated VMs after them.
// No method logic: DemoCloud answers oned's methods over this data.
class DemoDataSet
{
public:
    struct LoginToken
    {
        QString token;
        qint64 expiration = -1; // -1: never
        int egid = -1;
    };

    struct User
    {
        int id = 0;
        int gid = 0;
        QString name;
        QString gname;
        QString password;
        QList<LoginToken> tokens;
    };

    DemoDataSet();

    // The administrator account the demo is meant to be used with.
    static QString adminUser();
    static QString adminPassword();
    // A second, unprivileged account that only sees its own VM.
    static QString secondUser();
    static QString secondPassword();
    // bob, in alice's group: may USE her VM 9 (groupUse), not MANAGE it.
    static QString readOnlyUser();
    static QString readOnlyPassword();

    User *userByName(const QString &name);
    User *userById(int id);

    // Every VM, ascending ids: the built-in ones, then the generated ones.
    const std::vector<DemoVm> &vms() const { return m_vms; }
    DemoVm *vmById(int id);
    const DemoVm *vmById(int id) const;
    int builtinCount() const { return m_builtinCount; }

    // n generated VMs after the built-in ones (replacing any generated before).
    void setExtraVms(int n);
    int extraVms() const { return m_extra; }

    // Points a VM's console (history HOSTNAME and GRAPHICS PORT) at a real VNC
    // server. False for an unknown VM, one without GRAPHICS or an empty host.
    bool setConsoleTarget(int vmId, const QString &host, quint16 port);
    // The built-in VMs whose VNC console can be opened (RUNNING with VNC graphics).
    QList<int> consoleVmIds() const;
    // Whether vm's VNC console can be opened: RUNNING (3/3) with VNC graphics, any case.
    static bool hasVncConsole(const DemoVm &vm);

private:
    void buildVms();
    void appendExtras();

    std::vector<User> m_users;
    std::vector<DemoVm> m_vms; // ascending ids
    int m_builtinCount = 0;
    int m_extra = 0;
};

} // namespace Porthole
