// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/VmMonitoringSeries.h"

namespace Porthole {

VmMonitoringSeries VmMonitoringSeries::fromRecords(const QList<VmMonitoringRecord> &records)
{
    VmMonitoringSeries s;
    s.cpu.reserve(records.size());
    s.memoryMiB.reserve(records.size());
    for (const VmMonitoringRecord &r : records) {
        const double x = double(r.timestamp) * 1000.0;
        s.cpu.append({x, r.cpu});
        s.memoryMiB.append({x, double(r.memoryKiB) / 1024.0});
    }
    const auto rate = [](QList<QPointF> &out, qint64 VmMonitoringRecord::*field, const VmMonitoringRecord &a,
                          const VmMonitoringRecord &b) {
        const qint64 dt = b.timestamp - a.timestamp;
        const qint64 delta = b.*field - a.*field;
        if (dt > 0 && delta >= 0)
            out.append({double(b.timestamp) * 1000.0, double(delta) / double(dt)});
    };
    for (qsizetype i = 1; i < records.size(); ++i) {
        const VmMonitoringRecord &a = records[i - 1];
        const VmMonitoringRecord &b = records[i];
        rate(s.netRx, &VmMonitoringRecord::netRx, a, b);
        rate(s.netTx, &VmMonitoringRecord::netTx, a, b);
        rate(s.diskRead, &VmMonitoringRecord::diskReadBytes, a, b);
        rate(s.diskWrite, &VmMonitoringRecord::diskWriteBytes, a, b);
    }
    return s;
}

} // namespace Porthole
