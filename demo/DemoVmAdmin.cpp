// SPDX-License-Identifier: GPL-2.0-or-later
#include "demo/DemoVmAdmin.h"

#include "cloud/VmActions.h"
#include "demo/DemoParams.h"

#include <QTimer>
#include <QXmlStreamWriter>

#include <cmath>

namespace Porthole {
namespace {

// Request error codes, include/Request.h
constexpr int kAuthorization = 0x200;
constexpr int kNoExists = 0x400;
constexpr int kAction = 0x800;

constexpr int kActive = 3;
constexpr int kDone = 6;
constexpr int kProbeSeconds = 30; // MONITOR_VM's period
constexpr int kMonitoringRecords = 40;

DemoCloud::Reply failure(const QString &method, const QString &message, int code, int respId = -1)
{
    DemoCloud::Reply r;
    r.value = QVariantList {false, QStringLiteral("[%1] %2").arg(method, message), code, respId, qlonglong(-1)};
    return r;
}

// VMActions codes (include/VMActions.h) for the history record's ACTION.
int historyCode(VmAction action)
{
    switch (action) {
    case VmAction::Undeploy:
        return 5;
    case VmAction::UndeployHard:
        return 6;
    case VmAction::Hold:
        return 7;
    case VmAction::Release:
        return 8;
    case VmAction::Stop:
        return 9;
    case VmAction::Suspend:
        return 10;
    case VmAction::Resume:
        return 11;
    case VmAction::Reboot:
        return 15;
    case VmAction::RebootHard:
        return 16;
    case VmAction::Poweroff:
        return 19;
    case VmAction::PoweroffHard:
        return 20;
    case VmAction::Terminate:
        return 27;
    case VmAction::TerminateHard:
        return 28;
    }
    return 0;
}

} // namespace

DemoVmAdmin::DemoVmAdmin(DemoDataSet &data, Clock clock, QObject *parent)
    : QObject(parent)
    , m_data(data)
    , m_clock(std::move(clock))
{ }

bool DemoVmAdmin::hasMethod(const QString &method)
{
    static const QStringList kMethods = {QStringLiteral("one.vm.action"), QStringLiteral("one.vm.monitoring"),
        QStringLiteral("one.vm.snapshotcreate"), QStringLiteral("one.vm.snapshotrevert"),
        QStringLiteral("one.vm.snapshotdelete"), QStringLiteral("one.vm.lock"), QStringLiteral("one.vm.unlock")};
    return kMethods.contains(method);
}

DemoCloud::Reply DemoVmAdmin::call(const QString &method, const DemoParams &p, DemoDataSet::User &caller)
{
    if (method == u"one.vm.action")
        return action(p, caller);
    if (method == u"one.vm.monitoring")
        return monitoring(p, caller);
    if (method == u"one.vm.lock")
        return lock(p, caller);
    if (method == u"one.vm.unlock")
        return unlock(p, caller);
    return snapshot(method, p, caller);
}

std::optional<DemoCloud::Reply> DemoVmAdmin::authorize(
    const QString &method, int id, DemoDataSet::User &caller, bool manage, bool lockChecked)
{
    const DemoVm *vm = m_data.vmById(id);
    if (!vm)
        return failure(method, QStringLiteral("Error getting virtual machine [%1].").arg(id), kNoExists, id);
    const bool admin = caller.gid == 0;
    const bool owner = vm->uid == caller.id;
    const bool groupUse = vm->groupUse && vm->gid == caller.gid;
    const QString notAuthorized = QStringLiteral("User [%1] : Not authorized to perform %2 VM [%3].")
                                      .arg(caller.id)
                                      .arg(manage ? QStringLiteral("MANAGE") : QStringLiteral("USE"))
                                      .arg(id);
    if (!(admin || owner || (!manage && groupUse)))
        return failure(method, notAuthorized, kAuthorization);
    // Level 1 (USE) and 2 (MANAGE) locks refuse MANAGE operations; oned says "locked" to oneadmin
    // only, and its plain refusal to anyone else.
    if (lockChecked && manage && VmActions::lockBlocksManage(vm->lockLevel)) {
        return failure(method,
            admin ? QStringLiteral("User [%1] : VM is locked. [%2].").arg(caller.id).arg(id) : notAuthorized,
            kAuthorization);
    }
    return std::nullopt;
}

DemoCloud::Reply DemoVmAdmin::action(const DemoParams &p, DemoDataSet::User &caller)
{
    const QString method = QStringLiteral("one.vm.action");
    QString name;
    int id = 0;
    if (auto f = p.stringAt(1, name))
        return *f;
    if (auto f = p.intAt(2, id))
        return *f;
    // VirtualMachineAPI::action: authorization (MANAGE, also for an unknown action) comes first.
    if (auto refused = authorize(method, id, caller, true, true))
        return *refused;
    const auto action = VmActions::fromName(name);
    if (!action)
        return failure(method, QStringLiteral("Action \"%1\" is not supported").arg(name), kAction);
    DemoVm *vm = m_data.vmById(id);
    const VmActionCheck check = VmActions::check(*action, id, vm->state, vm->lcmState);
    if (!check.allowed)
        return failure(method, check.reason, kAction);

    const int s = vm->state;
    const int lcm = vm->lcmState;
    QList<Step> steps;
    switch (*action) {
    case VmAction::Poweroff:
    case VmAction::PoweroffHard:
        steps = lcm == 18 ? QList<Step> {{8, 0}} : QList<Step> {{3, 18}, {8, 0}};
        break;
    case VmAction::Resume:
        if (s == 8)
            steps = {{3, 20}, {3, 3}};
        else if (s == 5)
            steps = {{3, 21}, {3, 3}};
        else if (s == 4)
            steps = {{1, 0}, {3, 0}, {3, 22}, {3, 3}};
        else if (s == 9)
            steps = {{1, 0}, {3, 0}, {3, 31}, {3, 32}, {3, 3}};
        else
            steps = {{3, 3}};
        break;
    case VmAction::Suspend:
        steps = {{3, 6}, {5, 0}};
        break;
    case VmAction::Stop:
        steps = s == 5 ? QList<Step> {{3, 10}, {4, 0}} : QList<Step> {{3, 5}, {3, 10}, {4, 0}};
        break;
    case VmAction::Undeploy:
    case VmAction::UndeployHard:
        steps = s == 8 || lcm == 29 ? QList<Step> {{3, 30}, {9, 0}} : QList<Step> {{3, 29}, {3, 30}, {9, 0}};
        break;
    case VmAction::Hold:
        steps = {{2, 0}};
        break;
    case VmAction::Release:
        steps = {{1, 0}};
        break;
    case VmAction::Terminate:
    case VmAction::TerminateHard:
        if (s == kDone)
            return DemoCloud::Reply::success(id); // accepted, and nothing happens
        if (s != kActive && s != 4 && s != 5 && s != 8 && s != 9) // PENDING, HOLD ...: at once
            steps = {{kDone, 0}};
        else if (s == kActive && (lcm == 3 || lcm == 16) && *action == VmAction::Terminate)
            steps = {{3, 12}, {3, 11}, {kDone, 0}};
        else
            steps = {{3, 11}, {kDone, 0}};
        break;
    case VmAction::Reboot:
    case VmAction::RebootHard:
        vm->historyAction = historyCode(*action);
        QTimer::singleShot(0, this, [this, id] { Q_EMIT vmRebooted(id); });
        return DemoCloud::Reply::success(id);
    }
    vm->historyAction = historyCode(*action);
    walk(id, steps);
    return DemoCloud::Reply::success(id);
}

void DemoVmAdmin::walk(int vmId, QList<Step> steps)
{
    DemoVm *vm = m_data.vmById(vmId);
    if (!vm || steps.isEmpty())
        return;
    const int generation = ++vm->generation;
    enter(*vm, steps.takeFirst());
    if (steps.isEmpty())
        return;
    QTimer::singleShot(m_stepMs, this, [this, vmId, generation, steps] {
        DemoVm *now = m_data.vmById(vmId);
        if (!now || now->generation != generation)
            return; // a later action took over (poweroff-hard over a hung poweroff)
        --now->generation; // walk() bumps it again
        walk(vmId, steps);
    });
}

void DemoVmAdmin::enter(DemoVm &vm, const Step &step)
{
    vm.state = step.state;
    vm.lcmState = step.lcm;
    // The dummy driver keeps no system snapshots over a poweroff (no KEEP_SNAPSHOTS), nor does any
    // other state without a running guest.
    if (step.state == 8 || step.state == 4 || step.state == 9 || step.state == kDone)
        vm.snapshots.clear();
    if (step.state == kDone) {
        vm.etime = m_clock();
        vm.graphicsPort = -1; // oned releases the VNC port at DONE
    }
    Q_EMIT vmStateChanged(vm.id, vm.state, vm.lcmState);
}

DemoCloud::Reply DemoVmAdmin::snapshot(const QString &method, const DemoParams &p, DemoDataSet::User &caller)
{
    int id = 0;
    if (auto f = p.intAt(1, id))
        return *f;
    QString name;
    int snapId = 0;
    const bool create = method == u"one.vm.snapshotcreate";
    if (create) {
        if (auto f = p.stringAt(2, name))
            return *f;
    } else if (auto f = p.intAt(2, snapId)) {
        return *f;
    }
    if (auto refused = authorize(method, id, caller, true, true))
        return *refused;
    DemoVm *vm = m_data.vmById(id);
    const VmActionCheck check = create       ? VmActions::checkSnapshotCreate(id, vm->state, vm->lcmState)
        : method == u"one.vm.snapshotrevert" ? VmActions::checkSnapshotRevert(id, snapId, vm->state, vm->lcmState)
                                             : VmActions::checkSnapshotDelete(id, snapId, vm->state, vm->lcmState);
    if (!check.allowed)
        return failure(method, check.reason, kAction);
    if (create) {
        const int newId = vm->nextSnapshotId++;
        vm->snapshots.append(DemoVm::Snapshot {newId, name, m_clock()});
        walk(id, {{3, 24}, {3, 3}});
        return DemoCloud::Reply::success(newId);
    }
    const auto it = std::find_if(
        vm->snapshots.begin(), vm->snapshots.end(), [snapId](const DemoVm::Snapshot &s) { return s.id == snapId; });
    if (it == vm->snapshots.end()) {
        return failure(method,
            method == u"one.vm.snapshotrevert"
                ? QStringLiteral("Could not revert VM %1 to snapshot %2, it does not exist.").arg(id).arg(snapId)
                : QStringLiteral("Could not delete snapshot %1 for VM %2, it does not exist.").arg(snapId).arg(id),
            kAction);
    }
    if (method == u"one.vm.snapshotdelete")
        vm->snapshots.erase(it);
    walk(id, {{3, 24}, {3, 3}});
    if (method == u"one.vm.snapshotrevert")
        QTimer::singleShot(0, this, [this, id] { Q_EMIT vmRebooted(id); }); // the guest is back where it was
    return DemoCloud::Reply::success(id);
}

DemoCloud::Reply DemoVmAdmin::lock(const DemoParams &p, DemoDataSet::User &caller)
{
    const QString method = QStringLiteral("one.vm.lock");
    int id = 0;
    int level = 0;
    bool test = false;
    if (auto f = p.intAt(1, id))
        return *f;
    if (auto f = p.intAt(2, level))
        return *f;
    if (p.size() > 3) {
        if (auto f = p.boolAt(3, test))
            return *f;
    }
    if (auto refused = authorize(method, id, caller, true, false))
        return *refused;
    if (level < 1 || level > 4)
        return failure(method, QStringLiteral("Wrong lock level specified"), kAction);
    DemoVm *vm = m_data.vmById(id);
    if (test && vm->lockLevel != 0)
        return failure(method, QString::number(vm->lockTime), kAction);
    vm->lockLevel = level == 4 ? 1 : level; // ALL is stored as 1
    vm->lockOwner = caller.id;
    vm->lockTime = m_clock();
    return DemoCloud::Reply::success(id);
}

DemoCloud::Reply DemoVmAdmin::unlock(const DemoParams &p, DemoDataSet::User &caller)
{
    int id = 0;
    if (auto f = p.intAt(1, id))
        return *f;
    if (auto refused = authorize(QStringLiteral("one.vm.unlock"), id, caller, true, false))
        return *refused;
    DemoVm *vm = m_data.vmById(id);
    vm->lockLevel = 0;
    vm->lockOwner = -1;
    vm->lockTime = 0;
    return DemoCloud::Reply::success(id);
}

DemoCloud::Reply DemoVmAdmin::monitoring(const DemoParams &p, DemoDataSet::User &caller)
{
    int id = 0;
    if (auto f = p.intAt(1, id))
        return *f;
    // USE, and not lock-checked (USE_NO_LCK).
    if (auto refused = authorize(QStringLiteral("one.vm.monitoring"), id, caller, false, false))
        return *refused;
    return DemoCloud::Reply::success(monitoringDocument(*m_data.vmById(id)));
}

// Numbers that move like a guest's: CPU and memory wander, the counters grow at a steady rate
// with a wobble; one record per probe period, the newest at the last period boundary.
QString DemoVmAdmin::monitoringDocument(const DemoVm &vm) const
{
    QString out;
    QXmlStreamWriter w(&out);
    w.writeStartElement(QStringLiteral("MONITORING_DATA"));
    w.writeCharacters(QString());
    if (vm.deployed()) {
        const qint64 now = m_clock();
        const qint64 last = now - now % kProbeSeconds;
        const bool running = vm.state == kActive && vm.lcmState == 3;
        const auto value = [&w](const QString &name, const QString &text) {
            w.writeStartElement(name);
            w.writeCDATA(text);
            w.writeEndElement();
        };
        for (int k = kMonitoringRecords - 1; k >= 0; --k) {
            const qint64 t = last - qint64(k) * kProbeSeconds;
            const double phase = double(t) / 240.0 + vm.id;
            const double up = double(std::max<qint64>(0, t - vm.stime));
            const double cpu = running ? 5.0 + 40.0 * (0.5 + 0.5 * std::sin(phase)) * std::max(1, vm.vcpu) : 0.0;
            const qint64 memory = qint64(vm.memoryMb * 1024.0 * (0.35 + 0.3 * (0.5 + 0.5 * std::sin(phase / 2.5))));
            const double rate = 2000.0 + (vm.id % 7) * 700.0;
            const auto counter = [&](double r, double wobble) {
                return QString::number(qint64(up * r + wobble * (1.0 + std::sin(double(t) / 120.0 + vm.id))));
            };
            w.writeStartElement(QStringLiteral("MONITORING"));
            value(QStringLiteral("CPU"), QString::number(cpu, 'f', 2));
            value(QStringLiteral("DISKRDBYTES"), counter(rate / 4, 3000));
            value(QStringLiteral("DISKRDIOPS"), counter(2, 20));
            value(QStringLiteral("DISKWRBYTES"), counter(rate / 2, 6000));
            value(QStringLiteral("DISKWRIOPS"), counter(4, 40));
            value(QStringLiteral("ID"), QString::number(vm.id));
            value(QStringLiteral("MEMORY"), QString::number(memory));
            value(QStringLiteral("NETRX"), counter(rate, 20000));
            value(QStringLiteral("NETTX"), counter(rate * 0.6, 12000));
            value(QStringLiteral("TIMESTAMP"), QString::number(t));
            w.writeEndElement();
        }
    }
    w.writeEndElement();
    return out;
}

} // namespace Porthole
