// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tokens/TokenTarget.h"

#include <QDateTime>
#include <QHash>
#include <QPointer>
#include <QString>

namespace Porthole {

class LocalTokenProxy;

// Each VM's token in the local proxy, handed out again while it is good: Copy console URL,
// Token details, an external viewer and the console tab of one VM share one token instead
// of minting an hour-long token per click (issue 14). The proxy is asked each time, so a
// token revoked in the proxy panel or expired is never handed out; neither is one a proxy
// refused (forget()).
class ConsoleTokenCache
{
public:
    // A token with less left is not handed out again: whoever gets it should have time to
    // connect (a session outlives its token; a reconnect after expiry asks for a fresh one).
    static constexpr qint64 kMinSecondsLeft = 300;

    explicit ConsoleTokenCache(LocalTokenProxy *proxy);

    // vm's token for target: the one handed out before while it is good, else a fresh one
    // minted now. Empty without a proxy.
    QString tokenFor(int vmId, const TokenTarget &target, const QDateTime &now = QDateTime::currentDateTimeUtc());
    // A token a proxy refused is not handed out again.
    void forget(const QString &token);
    // Every VM gets a fresh token next time (another profile, another cloud).
    void clear() { m_byVm.clear(); }

private:
    struct Entry
    {
        QString token;
        TokenTarget target;
    };
    QPointer<LocalTokenProxy> m_proxy;
    QHash<int, Entry> m_byVm;
};

} // namespace Porthole
