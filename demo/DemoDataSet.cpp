// SPDX-License-Identifier: GPL-2.0-or-later
#include "demo/DemoDataSet.h"

#include <QUuid>

#include <algorithm>

namespace Porthole {

namespace {

constexpr int kStateDone = 6;
constexpr qint64 kBaseTime = 1795219026;

QString uuidFor(int vmId)
{
    static const QUuid kNamespace(QStringLiteral("{6f1c7d2e-4b1a-4c59-9a47-2f1e0c3d5b60}"));
    return QUuid::createUuidV5(kNamespace, QString::number(vmId)).toString(QUuid::WithoutBraces);
}

} // namespace

DemoDataSet::DemoDataSet()
{
    // Ids as in a fresh oned: oneadmin 0, serveradmin 1 (left out here), the first user created 2.
    m_users.push_back(User {0, 0, QStringLiteral("oneadmin"), QStringLiteral("oneadmin"), adminPassword(), {}});
    m_users.push_back(User {2, 1, QStringLiteral("alice"), QStringLiteral("users"), secondPassword(), {}});
    m_users.push_back(User {3, 1, readOnlyUser(), QStringLiteral("users"), readOnlyPassword(), {}});
    buildVms();
}

QString DemoDataSet::adminUser()
{
    return QStringLiteral("oneadmin");
}

QString DemoDataSet::adminPassword()
{
    return QStringLiteral("password");
}

QString DemoDataSet::secondUser()
{
    return QStringLiteral("alice");
}

QString DemoDataSet::secondPassword()
{
    return QStringLiteral("alicepass");
}

QString DemoDataSet::readOnlyUser()
{
    return QStringLiteral("bob");
}

QString DemoDataSet::readOnlyPassword()
{
    return QStringLiteral("bobpass");
}

DemoDataSet::User *DemoDataSet::userByName(const QString &name)
{
    for (User &u : m_users)
        if (u.name == name)
            return &u;
    return nullptr;
}

DemoDataSet::User *DemoDataSet::userById(int id)
{
    for (User &u : m_users)
        if (u.id == id)
            return &u;
    return nullptr;
}

DemoVm *DemoDataSet::vmById(int id)
{
    return const_cast<DemoVm *>(std::as_const(*this).vmById(id));
}

const DemoVm *DemoDataSet::vmById(int id) const
{
    auto it = std::lower_bound(m_vms.begin(), m_vms.end(), id, [](const DemoVm &vm, int v) { return vm.id < v; });
    return it != m_vms.end() && it->id == id ? &*it : nullptr;
}

void DemoDataSet::setExtraVms(int n)
{
    m_extra = std::max(n, 0);
    appendExtras();
}

bool DemoDataSet::setConsoleTarget(int vmId, const QString &host, quint16 port)
{
    DemoVm *vm = vmById(vmId);
    if (!vm || !vm->hasGraphics || host.isEmpty())
        return false;
    vm->hostname = host;
    vm->graphicsPort = port;
    return true;
}

bool DemoDataSet::hasVncConsole(const DemoVm &vm)
{
    return vm.state == 3 && vm.lcmState == 3 && vm.hasGraphics
        && vm.graphicsType.compare(QLatin1String("VNC"), Qt::CaseInsensitive) == 0;
}

QList<int> DemoDataSet::consoleVmIds() const
{
    QList<int> ids;
    for (int i = 0; i < m_builtinCount; ++i) {
        if (hasVncConsole(m_vms[size_t(i)]))
            ids.append(m_vms[size_t(i)].id);
    }
    return ids;
}

void DemoDataSet::buildVms()
{
    m_vms.clear();
    auto make = [](int id, const QString &name, int state, int lcm) {
        DemoVm vm;
        vm.id = id;
        vm.uid = 0;
        vm.gid = 0;
        vm.uname = QStringLiteral("oneadmin");
        vm.gname = QStringLiteral("oneadmin");
        vm.name = name;
        vm.state = state;
        vm.lcmState = lcm;
        vm.stime = kBaseTime + id;
        vm.uuid = uuidFor(id);
        return vm;
    };
    auto vnc = [](DemoVm &vm, const QString &type, const QString &passwd, int port) {
        vm.hasGraphics = true;
        vm.graphicsType = type;
        vm.graphicsListen = QStringLiteral("0.0.0.0");
        vm.graphicsPasswd = passwd;
        vm.graphicsPort = port;
    };
    auto nic = [](DemoVm &vm, const QString &ip) {
        DemoVm::Nic n;
        n.ip = ip;
        n.network = QStringLiteral("demo-net");
        n.nicId = int(vm.nics.size());
        vm.nics.append(n);
    };

    // 0: the plain case every client must handle: RUNNING, TYPE "VNC", no password, and
    // no VCPU in the template (oned adds none; most templates carry CPU and MEMORY only).
    DemoVm vm = make(0, QStringLiteral("web-1"), 3, 3);
    vm.vcpu = 0;
    vnc(vm, QStringLiteral("VNC"), QString(), 5900);
    vm.hostname = QStringLiteral("node-1.demo");
    nic(vm, QStringLiteral("10.0.0.10"));
    m_vms.push_back(vm);

    // 1: oned stores TYPE as given, so lowercase "vnc" reaches clients.
    vm = make(1, QStringLiteral("db-1"), 3, 3);
    vnc(vm, QStringLiteral("vnc"), QString(), 5901);
    vm.hostname = QStringLiteral("node-1.demo");
    nic(vm, QStringLiteral("10.0.0.11"));
    nic(vm, QStringLiteral("192.168.50.11"));
    m_vms.push_back(vm);

    // 2: VNC password; '&' shows up unescaped in one.vm.vnc's answer, as with the real addon.
    vm = make(2, QStringLiteral("build-agent"), 3, 3);
    vnc(vm, QStringLiteral("VNC"), QStringLiteral("s3cr&t"), 5902);
    vm.hostname = QStringLiteral("node-2.demo");
    nic(vm, QStringLiteral("10.0.0.12"));
    m_vms.push_back(vm);

    // 3: SPICE only: oned assigns a port, but no VNC console exists.
    vm = make(3, QStringLiteral("spice-desktop"), 3, 3);
    vnc(vm, QStringLiteral("SPICE"), QStringLiteral("secret"), 5903);
    vm.hostname = QStringLiteral("node-2.demo");
    m_vms.push_back(vm);

    // 4: no GRAPHICS at all.
    vm = make(4, QStringLiteral("batch-worker"), 3, 3);
    vm.hostname = QStringLiteral("node-1.demo");
    nic(vm, QStringLiteral("10.0.0.14"));
    m_vms.push_back(vm);

    // 5: POWEROFF keeps its PORT (oned keeps it until DONE).
    vm = make(5, QStringLiteral("archive"), 8, 0);
    vnc(vm, QStringLiteral("VNC"), QStringLiteral("secret"), 5905);
    vm.hostname = QStringLiteral("node-2.demo");
    vm.historyAction = 20; // poweroff-hard
    m_vms.push_back(vm);

    // 6: PENDING: never deployed, so no PORT and no history.
    vm = make(6, QStringLiteral("queued"), 1, 0);
    vnc(vm, QStringLiteral("VNC"), QString(), -1);
    m_vms.push_back(vm);

    // 7: HOLD, likewise never deployed.
    vm = make(7, QStringLiteral("on-hold"), 2, 0);
    vnc(vm, QStringLiteral("VNC"), QString(), -1);
    m_vms.push_back(vm);

    // 8: DONE: only listed with state -2; the PORT was released.
    vm = make(8, QStringLiteral("retired"), kStateDone, 0);
    vnc(vm, QStringLiteral("VNC"), QString(), -1);
    vm.hostname = QStringLiteral("node-1.demo");
    vm.etime = vm.stime + 3600;
    vm.historyAction = 28; // terminate-hard
    m_vms.push_back(vm);

    // 9: alice's own VM, the only one she may USE.
    vm = make(9, QStringLiteral("alice-desktop"), 3, 3);
    vm.uid = 2;
    vm.gid = 1;
    vm.uname = QStringLiteral("alice");
    vm.gname = QStringLiteral("users");
    vnc(vm, QStringLiteral("VNC"), QStringLiteral("alicepw"), 5909);
    vm.cpu = QStringLiteral("0.5");
    vm.vcpu = 2;
    vm.hostname = QStringLiteral("node-2.demo");
    nic(vm, QStringLiteral("10.0.1.9"));
    vm.groupUse = true; // bob may look, not touch
    m_vms.push_back(vm);

    for (DemoVm &v : m_vms)
        v.hid = v.hostname == QLatin1String("node-2.demo") ? 1 : 0;
    m_builtinCount = int(m_vms.size());
}

void DemoDataSet::appendExtras()
{
    m_vms.resize(size_t(m_builtinCount));
    m_vms.reserve(size_t(m_builtinCount) + size_t(m_extra));
    for (int i = 0; i < m_extra; ++i) {
        const int id = m_builtinCount + i;
        DemoVm vm;
        vm.id = id;
        vm.uname = QStringLiteral("oneadmin");
        vm.gname = QStringLiteral("oneadmin");
        vm.name = QStringLiteral("bulk-%1").arg(id, 5, 10, QLatin1Char('0'));
        vm.stime = kBaseTime + id;
        vm.uuid = uuidFor(id);
        vm.memoryMb = 512 << (i % 4);
        vm.vcpu = 1 + i % 4;
        // Mostly RUNNING with VNC, some powered off, a few without graphics.
        const bool off = i % 10 == 9;
        vm.state = off ? 8 : 3;
        vm.lcmState = off ? 0 : 3;
        vm.historyAction = off ? 20 : 0;
        vm.hostname = QStringLiteral("node-%1.demo").arg(i % 8 + 1);
        vm.hid = i % 8;
        if (i % 25 != 24) {
            vm.hasGraphics = true;
            vm.graphicsType = QStringLiteral("VNC");
            vm.graphicsListen = QStringLiteral("0.0.0.0");
            vm.graphicsPort = 5900 + id % 26000; // stays below oned's reserved 32768
        }
        // Unique addresses for up to four million VMs: 10.(1+high bits).(id>>8).(id).
        DemoVm::Nic n;
        n.ip = QStringLiteral("10.%1.%2.%3").arg(1 + (id >> 16 & 0x3f)).arg(id >> 8 & 0xff).arg(id & 0xff);
        n.network = QStringLiteral("demo-net");
        vm.nics.append(n);
        m_vms.push_back(std::move(vm));
    }
}

} // namespace Porthole
