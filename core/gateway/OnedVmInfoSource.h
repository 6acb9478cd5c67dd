// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/OneClient.h"
#include "gateway/VmInfoSource.h"

#include <QObject>

namespace Porthole {

// one.vm.info at oned through OneClient, with the caller's session: the gateway has no
// credentials of its own, so oned's permission checks decide. Calls die with this object.
class OnedVmInfoSource : public QObject, public VmInfoSource
{
    Q_OBJECT

public:
    // endpoint: oned's XML-RPC URL; timeoutMs: silence after which a call fails.
    OnedVmInfoSource(const QUrl &endpoint, int timeoutMs, QObject *parent = nullptr);

    void vmInfo(const QString &session, int vmId, Done done) override;
    QUrl endpoint() const { return m_client.settings().endpoint; }

private:
    static OneSettings settingsFor(const QUrl &endpoint, int timeoutMs);
    OneClient m_client;
};

} // namespace Porthole
