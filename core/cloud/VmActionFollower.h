// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/OneError.h"
#include "cloud/VirtualMachine.h"
#include "cloud/VmActions.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Porthole {

class OneCall;
class OneClient;

// one.vm.action only queues an action; this follows the VM (one.vm.info every pollMs) until
// the state the action leads to (VmActions::progress), a failure state, a return to where it
// started after it had left (a soft poweroff the guest ignored), or the timeout. Used by
// `porthole-cli vm action --wait` and the GUI's pending marks.
class VmActionFollower : public QObject
{
    Q_OBJECT
public:
    enum class Outcome
    {
        Settled,
        Failed,
        TimedOut,
        Error, // one.vm.info failed: error() says why
    };
    Q_ENUM(Outcome)

    VmActionFollower(OneClient *client, const VirtualMachine &before, VmAction action, QObject *parent = nullptr);

    void setPollInterval(int ms) { m_pollMs = ms; }
    void setTimeout(int ms) { m_timeoutMs = ms; }
    void start();

    VmAction action() const { return m_action; }
    const VirtualMachine &lastSeen() const { return m_last; }
    const OneError &error() const { return m_error; }
    // "VM 7 is POWEROFF", "VM 7 went back to RUNNING ...", for people.
    QString message() const { return m_message; }

Q_SIGNALS:
    void observed(const Porthole::VirtualMachine &vm);
    void finished(Porthole::VmActionFollower::Outcome outcome);

private:
    void poll();
    void judge(const VirtualMachine &vm);
    void end(Outcome outcome, const QString &message);

    QPointer<OneClient> m_client;
    VirtualMachine m_start;
    VirtualMachine m_last;
    VmAction m_action;
    int m_pollMs = 500;
    int m_timeoutMs = 120000;
    bool m_left = false;
    bool m_done = false;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QPointer<OneCall> m_inFlight;
    OneError m_error;
    QString m_message;
};

} // namespace Porthole
