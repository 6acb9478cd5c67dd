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
};

} // namespace Porthole
