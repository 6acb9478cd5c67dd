// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "demo/DemoCloud.h"
#include "demo/DemoDataSet.h"

#include <QObject>

#include <functional>

namespace Porthole {

class DemoParams;

// The demo cloud's VM administration methods, answering as oned 7.4 does (the captures in
// tests/fixtures/opennebula-live-7.4): one.vm.action with DispatchManager's state rules
// (cloud/VmActions), one.vm.monitoring, one.vm.snapshotcreate/revert/delete, one.vm.lock and
// one.vm.unlock. Rights as oned's defaults give them: oneadmin's group may do anything, an owner
// may USE and MANAGE, a VM with groupUse lets its group USE it only (MANAGE is refused with oned's
// 512 text). Accepted actions walk the VM through the LCM states oned's captures show, one step
// every stepMs, on the caller's (the GUI) thread.
class DemoVmAdmin : public QObject
{
    Q_OBJECT
public:
    using Clock = std::function<qint64()>;

    DemoVmAdmin(DemoDataSet &data, Clock clock, QObject *parent = nullptr);

    static bool hasMethod(const QString &method);
    // params[0] was the session, already authenticated as caller.
    DemoCloud::Reply call(const QString &method, const DemoParams &params, DemoDataSet::User &caller);

    // How long each transient LCM state lasts (default 600 ms; tests use less).
    void setStepMs(int ms) { m_stepMs = ms; }
    int stepMs() const { return m_stepMs; }

Q_SIGNALS:
    void vmStateChanged(int vmId, int state, int lcmState);
    // reboot and reboot-hard: oned keeps the VM RUNNING while the driver restarts the guest.
    void vmRebooted(int vmId);

private:
    struct Step
    {
        int state;
        int lcm;
    };
    DemoCloud::Reply action(const DemoParams &p, DemoDataSet::User &caller);
    DemoCloud::Reply monitoring(const DemoParams &p, DemoDataSet::User &caller);
    DemoCloud::Reply snapshot(const QString &method, const DemoParams &p, DemoDataSet::User &caller);
    DemoCloud::Reply lock(const DemoParams &p, DemoDataSet::User &caller);
    DemoCloud::Reply unlock(const DemoParams &p, DemoDataSet::User &caller);
    // The VM, or the failure oned answers: not found, not authorized (MANAGE or USE), locked.
    std::optional<DemoCloud::Reply> authorize(
        const QString &method, int id, DemoDataSet::User &caller, bool manage, bool lockChecked);
    void walk(int vmId, QList<Step> steps);
    void enter(DemoVm &vm, const Step &step);
    QString monitoringDocument(const DemoVm &vm) const;

    DemoDataSet &m_data;
    Clock m_clock;
    int m_stepMs = 600;
};

} // namespace Porthole
