// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/vms/VmActionQueue.h"

#include "cloud/OneCall.h"
#include "cloud/OneClient.h"
#include "cloud/VmActionFollower.h"

namespace Porthole {

VmActionQueue::VmActionQueue(OneClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

void VmActionQueue::run(VmAction action, const QList<VirtualMachine> &vms)
{
    auto batch = std::make_shared<Batch>();
    batch->action = action;
    batch->remaining = int(vms.size());
    const QString name = VmActions::name(action);
    for (const VirtualMachine &vm : vms) {
        const VmActionCheck check = VmActions::check(action, vm.id, vm.state, vm.lcmState);
        if (!check.allowed || !m_client) {
            finishOne(batch, Result {vm.id, vm.name, false, check.reason});
            continue;
        }
        m_pending.insert(vm.id, tr("%1…").arg(name));
        Q_EMIT pendingChanged(vm.id);
        OneCall *call = m_client->vmAction(vm.id, action);
        connect(call, &OneCall::finished, this, [this, call, vm, action, batch, name] {
            if (!call->succeeded()) {
                // oned's own words (a lock, a missing MANAGE right, a state that changed meanwhile).
                const QString said
                    = call->error().onedText().isEmpty() ? call->error().message() : call->error().onedText();
                finishOne(batch, Result {vm.id, vm.name, false, said});
                return;
            }
            auto *follower = new VmActionFollower(m_client, vm, action, this);
            follower->setPollInterval(m_pollMs);
            follower->setTimeout(m_timeoutMs);
            connect(follower, &VmActionFollower::observed, this, [this, name](const VirtualMachine &now) {
                Q_EMIT observed(now);
                if (!m_pending.contains(now.id))
                    return;
                m_pending.insert(now.id, tr("%1… (%2)").arg(name, now.longStateName()));
                Q_EMIT pendingChanged(now.id);
            });
            connect(follower, &VmActionFollower::finished, this,
                [this, follower, vm, batch](VmActionFollower::Outcome outcome) {
                    follower->deleteLater();
                    finishOne(batch,
                        Result {vm.id, vm.name, outcome == VmActionFollower::Outcome::Settled, follower->message()});
                });
            follower->start();
        });
    }
}

void VmActionQueue::finishOne(const std::shared_ptr<Batch> &batch, const Result &result)
{
    if (m_pending.remove(result.vmId))
        Q_EMIT pendingChanged(result.vmId);
    batch->results.append(result);
    Q_EMIT vmFinished(result);
    if (--batch->remaining == 0)
        Q_EMIT batchFinished(batch->action, batch->results);
}

} // namespace Porthole
