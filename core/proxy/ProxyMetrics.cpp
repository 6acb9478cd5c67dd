// SPDX-License-Identifier: GPL-2.0-or-later
#include "proxy/ProxyMetrics.h"

namespace Porthole {

namespace {

// One metric family in Prometheus' text format: its HELP and TYPE lines.
void family(QByteArray &out, const char *name, const char *type, const char *help)
{
    out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
}

void sample(QByteArray &out, const char *name, const QByteArray &labels, quint64 value)
{
    out += name + (labels.isEmpty() ? QByteArray() : '{' + labels + '}') + ' ' + QByteArray::number(value) + '\n';
}

void scalar(QByteArray &out, const char *name, const char *type, const char *help, quint64 value)
{
    family(out, name, type, help);
    sample(out, name, {}, value);
}

void byLabel(
    QByteArray &out, const char *name, const char *help, const char *label, const QMap<QByteArray, quint64> &values)
{
    family(out, name, "counter", help);
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        sample(out, name, label + QByteArray("=\"") + it.key() + '"', it.value());
}

} // namespace

QByteArray ProxyMetrics::toPrometheus() const
{
    QByteArray out;
    scalar(out, "porthole_proxy_sessions_open", "gauge", "WebSocket sessions currently relayed.", sessionsOpen);
    scalar(out, "porthole_proxy_connections_open", "gauge", "TCP connections currently accepted.", connectionsOpen);
    scalar(out, "porthole_proxy_sessions_total", "counter", "WebSocket sessions relayed since start.", sessionsTotal);
    byLabel(out, "porthole_proxy_refused_total", "Sessions refused, by reason.", "reason", refused);
    family(out, "porthole_proxy_bytes_total", "counter", "Payload bytes relayed, by direction.");
    sample(out, "porthole_proxy_bytes_total", "direction=\"to_target\"", bytesToTarget);
    sample(out, "porthole_proxy_bytes_total", "direction=\"to_client\"", bytesToClient);
    if (gateway) {
        scalar(out, "porthole_gateway_tokens_minted_total", "counter", "Console tokens minted.", tokensMinted);
        scalar(out, "porthole_gateway_tokens_revoked_total", "counter", "Console tokens revoked.", tokensRevoked);
        byLabel(out, "porthole_gateway_refused_total", "Token requests refused, by reason.", "reason", mintsRefused);
    }
    return out;
}

} // namespace Porthole
