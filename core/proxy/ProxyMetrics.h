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

    QByteArray toPrometheus() const;
};

} // namespace Porthole
