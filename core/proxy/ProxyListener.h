// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QTcpServer>

namespace Porthole {

class TokenProxy;

// Hands raw descriptors to TokenProxy, so that a connection can be sniffed for TLS
// before anything wraps it.
class ProxyListener : public QTcpServer
{
    Q_OBJECT

public:
    explicit ProxyListener(TokenProxy *proxy);

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    TokenProxy *m_proxy;
};

} // namespace Porthole
