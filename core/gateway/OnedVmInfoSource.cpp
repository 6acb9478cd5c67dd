// SPDX-License-Identifier: GPL-2.0-or-later
#include "gateway/OnedVmInfoSource.h"

namespace Porthole {

OneSettings OnedVmInfoSource::settingsFor(const QUrl &endpoint, int timeoutMs)
{
    OneSettings settings;
    settings.endpoint = endpoint;
    settings.timeoutMs = timeoutMs;
    return settings;
}

OnedVmInfoSource::OnedVmInfoSource(const QUrl &endpoint, int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_client(settingsFor(endpoint, timeoutMs))
{ }

void OnedVmInfoSource::vmInfo(const QString &session, int vmId, Done done)
{
    OneCall *call = m_client.vmAs(session, vmId);
    connect(call, &OneCall::finished, this, [this, call, done = std::move(done)] {
        Result result;
        if (call->succeeded()) {
            result.vm = call->resultAs<VirtualMachine>();
        } else if (!call->error().onedText().isEmpty()) {
            result.onedAnswered = true;
            result.message = call->error().onedText();
        } else {
            result.message
                = QStringLiteral("oned at %1 failed: %2")
                      .arg(m_client.settings().endpoint.toDisplayString(QUrl::RemoveUserInfo), call->error().message());
        }
        done(result);
    });
}

} // namespace Porthole
