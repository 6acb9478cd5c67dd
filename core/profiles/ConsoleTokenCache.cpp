// SPDX-License-Identifier: GPL-2.0-or-later
#include "profiles/ConsoleTokenCache.h"

#include "proxy/LocalTokenProxy.h"

namespace Porthole {

ConsoleTokenCache::ConsoleTokenCache(LocalTokenProxy *proxy)
    : m_proxy(proxy)
{ }

QString ConsoleTokenCache::tokenFor(int vmId, const TokenTarget &target, const QDateTime &now)
{
    if (!m_proxy)
        return {};
    if (const auto it = m_byVm.constFind(vmId); it != m_byVm.cend() && it->target == target) {
        // The proxy decides whether the token still exists: the panel may have revoked it.
        const std::optional<LocalTokenProxy::Minted> minted = m_proxy->findMinted(it->token);
        if (minted && now.secsTo(minted->expiresAt) > kMinSecondsLeft)
            return it->token;
    }
    // A VM moved to another host or port gets a token for where it is now; the old one
    // expires by itself (a viewer may still be connecting with it).
    const QString token = m_proxy->mint(target);
    m_byVm.insert(vmId, {token, target});
    return token;
}

void ConsoleTokenCache::forget(const QString &token)
{
    m_byVm.removeIf([&](const QHash<int, Entry>::iterator it) { return it->token == token; });
}

} // namespace Porthole
