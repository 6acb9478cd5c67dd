// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/VirtualMachine.h"
#include "cloud/VmActions.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

namespace Porthole {

class OneClient;

// Runs one power action on one or many VMs: one.vm.action for each, then follows each VM
// (VmActionFollower) until it settles or fails, and reports per VM. A VM for which oned's rules
// (VmActions::check) already say no is not sent, and reported with oned's words.
class VmActionQueue : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        int vmId = -1;
        QString vmName;
        bool ok = false;
        QString message; // "VM 7 is POWEROFF", or oned's refusal
    };

    explicit VmActionQueue(OneClient *client, QObject *parent = nullptr);

    void setPollInterval(int ms) { m_pollMs = ms; }
    void setTimeout(int ms) { m_timeoutMs = ms; }

    void run(VmAction action, const QList<VirtualMachine> &vms);

    bool isPending(int vmId) const { return m_pending.contains(vmId); }
    // "poweroff… (SHUTDOWN_POWEROFF)" while an action runs; empty otherwise.
    QString pendingText(int vmId) const { return m_pending.value(vmId); }
    int pendingCount() const { return int(m_pending.size()); }

Q_SIGNALS:
    void pendingChanged(int vmId);
    // A VM as seen while its action is followed.
    void observed(const Porthole::VirtualMachine &vm);
    void vmFinished(const Porthole::VmActionQueue::Result &result);
    // Every VM of one run() has its result.
    void batchFinished(Porthole::VmAction action, const QList<Porthole::VmActionQueue::Result> &results);

private:
    struct Batch
    {
        VmAction action;
        int remaining = 0;
        QList<Result> results;
    };
    void finishOne(const std::shared_ptr<Batch> &batch, const Result &result);

    QPointer<OneClient> m_client;
    QHash<int, QString> m_pending;
    int m_pollMs = 500;
    int m_timeoutMs = 300000;
};

} // namespace Porthole

Q_DECLARE_METATYPE(Porthole::VmActionQueue::Result)
