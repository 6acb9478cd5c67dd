// SPDX-License-Identifier: GPL-2.0-or-later
#include "gateway/ConsoleGateway.h"

#include "proxy/TokenProxy.h"
#include "tokens/TokenSource.h"

namespace Porthole {

ConsoleGateway::ConsoleGateway(
    GatewayMethods::Settings settings, TokenProxy *proxy, VmInfoSource *vms, TokenSource *tokens, QObject *parent)
    : QObject(parent)
    , m_proxy(proxy)
    , m_tokens(tokens)
    , m_methods(std::move(settings), vms, tokens, &proxy->metrics())
{
    m_proxy->setRpcHandler(this);
    if (m_methods.settings().ttlSeconds == 0) {
        m_stateRecheck.setInterval(kStateRecheckMs);
        connect(&m_stateRecheck, &QTimer::timeout, this, [this] { m_methods.recheckStates(); });
        m_stateRecheck.start();
    }
    if (m_proxy->config().closeOnRevoke) {
        m_methods.onRevoked
            = [this](const QString &token) { m_proxy->closeSessionsWithToken(token, QStringLiteral("token revoked")); };
        m_recheck.setInterval(kRecheckMs);
        connect(&m_recheck, &QTimer::timeout, this, &ConsoleGateway::recheckLiveTokens);
        m_recheck.start();
    }
}

ConsoleGateway::~ConsoleGateway()
{
    if (m_proxy->rpcHandler() == this)
        m_proxy->setRpcHandler(nullptr);
}

QByteArray ConsoleGateway::httpResponse(const QByteArray &document)
{
    // Sinatra's answer in the addon: 200 whatever the outcome, application/xml.
    return "HTTP/1.1 200 OK\r\nContent-Type: application/xml;charset=utf-8\r\nContent-Length: "
        + QByteArray::number(document.size()) + "\r\nConnection: close\r\n\r\n" + document;
}

void ConsoleGateway::handle(const Call &call, Respond respond)
{
    switch (call.problem) {
    case Call::Problem::TooLarge:
        respond(httpResponse(m_methods.refuseBody(
            QStringLiteral("XML-RPC request too large (%1 bytes; at most %2)").arg(call.declaredLength).arg(kMaxBody),
            GatewayMethods::kFaultLimit, "too_large")));
        return;
    case Call::Problem::Unsupported:
        respond(httpResponse(m_methods.refuseBody(
            QStringLiteral("the XML-RPC call needs a Content-Length (chunked bodies are not read)"),
            GatewayMethods::kFaultParse, "malformed")));
        return;
    case Call::Problem::None:
        break;
    }
    m_methods.call(call.body, [respond](const QByteArray &document) { respond(httpResponse(document)); });
}

void ConsoleGateway::recheckLiveTokens()
{
    // A token revoked by another gateway (shared Redis) or expired: its sessions here end.
    // Expiry is also caught by each session's own clock; this covers revocation.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &token : m_proxy->liveTokens()) {
        TokenGrant grant;
        const TokenLookup found = m_tokens->grantOf(token, &grant);
        if (found.status == TokenLookup::Status::SourceError)
            return; // the store is away: keep the sessions rather than guess
        if (!found.found())
            m_proxy->closeSessionsWithToken(token, QStringLiteral("token revoked"));
        else if (grant.revoked)
            m_proxy->closeSessionsWithToken(token, QStringLiteral("token revoked"));
        else if (grant.isExpired(now))
            m_proxy->closeSessionsWithToken(token, QStringLiteral("token expired"));
    }
}

} // namespace Porthole
