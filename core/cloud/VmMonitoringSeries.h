// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/MonitoringParser.h"

#include <QList>
#include <QPointF>

namespace Porthole {

// What the monitoring graphs draw, computed from the records: x is milliseconds since the
// epoch (for a date-time axis), y the value. CPU in percent and memory in MiB as recorded;
// network and disk counters become rates in bytes per second between two records, with no
// point where a counter went backwards (the guest rebooted) or time did not advance.
struct VmMonitoringSeries
{
    QList<QPointF> cpu;
    QList<QPointF> memoryMiB;
    QList<QPointF> netRx;
    QList<QPointF> netTx;
    QList<QPointF> diskRead;
    QList<QPointF> diskWrite;

    static VmMonitoringSeries fromRecords(const QList<VmMonitoringRecord> &records);
    bool isEmpty() const { return cpu.isEmpty(); }

    // What a chart of `buckets` pixels' width can show: the x range cut into that many equal
    // buckets, and of each bucket's points only the lowest and the highest (in time order), plus
    // the first and last point. The line drawn looks the same, peaks and dips included, but a
    // week of records (20,000 points a series) costs a few thousand points to lay out and paint.
    // Points must be in x order (fromRecords gives them so); fewer than 2 * buckets + 2 are kept.
    static QList<QPointF> decimated(const QList<QPointF> &points, qsizetype buckets);
};

} // namespace Porthole
