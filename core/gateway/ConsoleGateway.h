// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "gateway/GatewayMethods.h"
#include "proxy/ProxyRpcHandler.h"

#include <QObject>
#include <QTimer>

namespace Porthole {

class TokenProxy;

// porthole-proxy --opennebula: the proxy's /RPC2… requests answered by GatewayMethods,
// over HTTP as addon-vnctoken's Sinatra server answers them (200, application/xml, one
// call per connection). With --close-on-revoke it also ends live sessions whose token
// was revoked: at once for a revocation here, and within kRecheckMs for one made by
// another gateway sharing the Redis store.
class ConsoleGateway : public QObject, public ProxyRpcHandler
{
    Q_OBJECT

public:
    // proxy, vms and tokens are not owned and must outlive the gateway. The gateway
    // installs itself as the proxy's RPC handler.
    ConsoleGateway(GatewayMethods::Settings settings, TokenProxy *proxy, VmInfoSource *vms, TokenSource *tokens,
        QObject *parent = nullptr);
    ~ConsoleGateway() override;

    // One call's body at most: an addon call is a few hundred bytes.
    static constexpr qint64 kMaxBody = 64 * 1024;
    static constexpr int kRecheckMs = 2000;
    static constexpr int kStateRecheckMs = 30000; // --token-ttl 0: the VMs' states

    qint64 maxBodySize() const override { return kMaxBody; }
    void handle(const Call &call, Respond respond) override;

    GatewayMethods &methods() { return m_methods; }
    static QByteArray httpResponse(const QByteArray &document);

private:
    void recheckLiveTokens();

    TokenProxy *m_proxy;
    TokenSource *m_tokens;
    GatewayMethods m_methods;
    QTimer m_recheck;
    QTimer m_stateRecheck;
};

} // namespace Porthole
