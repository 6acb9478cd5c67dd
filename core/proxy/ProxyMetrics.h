// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QMap>

namespace Porthole {

// Counters behind /metrics (Prometheus text format).
struct ProxyMetrics
{
    quint64 sessionsOpen = 0;
    quint64 sessionsTotal = 0;
    quint64 connectionsOpen = 0;
    quint64 bytesToTarget = 0;
    quint64 bytesToClient = 0;
    QMap<QByteArray, quint64> refused; // by reason label: unknown_token, target_down, ...
    // The console gateway's (porthole-proxy --opennebula): tokens minted and revoked,
    // token requests refused by reason (oned, state, graphics, store, malformed, ...).
    bool gateway = false;
    quint64 tokensMinted = 0;
    quint64 tokensRevoked = 0;
    QMap<QByteArray, quint64> mintsRefused;

    QByteArray toPrometheus() const
    {
        QByteArray out;
        out += "# HELP porthole_proxy_sessions_open WebSocket sessions currently relayed.\n"
               "# TYPE porthole_proxy_sessions_open gauge\nporthole_proxy_sessions_open "
            + QByteArray::number(sessionsOpen) + '\n';
        out += "# HELP porthole_proxy_connections_open TCP connections currently accepted.\n"
               "# TYPE porthole_proxy_connections_open gauge\nporthole_proxy_connections_open "
            + QByteArray::number(connectionsOpen) + '\n';
        out += "# HELP porthole_proxy_sessions_total WebSocket sessions relayed since start.\n"
               "# TYPE porthole_proxy_sessions_total counter\nporthole_proxy_sessions_total "
            + QByteArray::number(sessionsTotal) + '\n';
        out += "# HELP porthole_proxy_refused_total Sessions refused, by reason.\n"
               "# TYPE porthole_proxy_refused_total counter\n";
        for (auto it = refused.cbegin(); it != refused.cend(); ++it)
            out += "porthole_proxy_refused_total{reason=\"" + it.key() + "\"} " + QByteArray::number(it.value()) + '\n';
        out += "# HELP porthole_proxy_bytes_total Payload bytes relayed, by direction.\n"
               "# TYPE porthole_proxy_bytes_total counter\n"
               "porthole_proxy_bytes_total{direction=\"to_target\"} "
            + QByteArray::number(bytesToTarget) + "\nporthole_proxy_bytes_total{direction=\"to_client\"} "
            + QByteArray::number(bytesToClient) + '\n';
        if (gateway) {
            out += "# HELP porthole_gateway_tokens_minted_total Console tokens minted.\n"
                   "# TYPE porthole_gateway_tokens_minted_total counter\nporthole_gateway_tokens_minted_total "
                + QByteArray::number(tokensMinted) + '\n';
            out += "# HELP porthole_gateway_tokens_revoked_total Console tokens revoked.\n"
                   "# TYPE porthole_gateway_tokens_revoked_total counter\nporthole_gateway_tokens_revoked_total "
                + QByteArray::number(tokensRevoked) + '\n';
            out += "# HELP porthole_gateway_refused_total Token requests refused, by reason.\n"
                   "# TYPE porthole_gateway_refused_total counter\n";
            for (auto it = mintsRefused.cbegin(); it != mintsRefused.cend(); ++it)
                out += "porthole_gateway_refused_total{reason=\"" + it.key() + "\"} " + QByteArray::number(it.value())
                    + '\n';
        }
        return out;
    }
};

} // namespace Porthole
