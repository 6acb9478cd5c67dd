// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/VmActionFollower.h"

#include "cloud/OneCall.h"
#include "cloud/OneClient.h"

namespace Porthole {

VmActionFollower::VmActionFollower(OneClient *client, const VirtualMachine &before, VmAction action, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_start(before)
    , m_last(before)
    , m_action(action)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &VmActionFollower::poll);
}

void VmActionFollower::start()
{
    m_clock.start();
    poll();
}

void VmActionFollower::poll()
{
    if (m_done || !m_client)
        return;
    if (m_clock.elapsed() > m_timeoutMs) {
        end(Outcome::TimedOut,
            QStringLiteral("VM %1 is still %2 after %3 s, not %4 yet")
                .arg(m_last.id)
                .arg(m_last.longStateName())
                .arg(m_timeoutMs / 1000)
                .arg(VmActions::targetName(m_action)));
        return;
    }
    OneCall *call = m_client->vm(m_start.id);
    m_inFlight = call;
    connect(call, &OneCall::finished, this, [this, call] {
        if (m_done)
            return;
        if (!call->succeeded()) {
            m_error = call->error();
            end(Outcome::Error, call->error().message());
            return;
        }
        judge(call->resultAs<VirtualMachine>());
    });
}

void VmActionFollower::judge(const VirtualMachine &vm)
{
    m_last = vm;
    Q_EMIT observed(vm);
    const bool atStart = vm.state == m_start.state && vm.lcmState == m_start.lcmState;
    switch (VmActions::progress(m_action, vm.state, vm.lcmState)) {
    case VmActionProgress::Settled:
        end(Outcome::Settled, QStringLiteral("VM %1 is %2").arg(vm.id).arg(vm.longStateName()));
        return;
    case VmActionProgress::Failed:
        end(Outcome::Failed,
            QStringLiteral("VM %1 failed on its way to %2: it is %3 (see the VM's log on the front-end)")
                .arg(vm.id)
                .arg(VmActions::targetName(m_action), vm.longStateName()));
        return;
    case VmActionProgress::Pending:
        break;
    }
    if (!atStart) {
        m_left = true;
    } else if (m_left) {
        end(Outcome::Failed,
            QStringLiteral("VM %1 went back to %2 instead of %3: the driver or the guest did not complete %4")
                .arg(vm.id)
                .arg(vm.longStateName(), VmActions::targetName(m_action), VmActions::name(m_action)));
        return;
    }
    m_timer.start(m_pollMs);
}

void VmActionFollower::end(Outcome outcome, const QString &message)
{
    m_done = true;
    m_timer.stop();
    m_message = message;
    Q_EMIT finished(outcome);
}

} // namespace Porthole
