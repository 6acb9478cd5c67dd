// SPDX-License-Identifier: GPL-2.0-or-later
#include "proxy/ProxyListener.h"

#include "proxy/TokenProxy.h"

namespace Porthole {

ProxyListener::ProxyListener(TokenProxy *proxy)
    : QTcpServer(proxy)
    , m_proxy(proxy)
{ }

void ProxyListener::incomingConnection(qintptr descriptor)
{
    m_proxy->accept(descriptor);
}

} // namespace Porthole
