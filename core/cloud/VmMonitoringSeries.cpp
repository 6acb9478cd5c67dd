// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/VmMonitoringSeries.h"

#include <algorithm>

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

QList<QPointF> VmMonitoringSeries::decimated(const QList<QPointF> &points, qsizetype buckets)
{
    if (buckets < 1 || points.size() <= 2 * buckets + 2)
        return points;
    const double first = points.first().x();
    const double span = points.last().x() - first;
    if (!(span > 0))
        return points;
    const auto bucketOf = [&](const QPointF &p) {
        return std::clamp(qsizetype((p.x() - first) / span * double(buckets)), qsizetype(0), buckets - 1);
    };
    QList<QPointF> out;
    out.reserve(2 * buckets + 2);
    out.append(points.first());
    const qsizetype end = points.size() - 1; // the last point is appended as it is
    for (qsizetype i = 1; i < end;) {
        const qsizetype bucket = bucketOf(points[i]);
        qsizetype low = i, high = i, j = i + 1;
        for (; j < end && bucketOf(points[j]) == bucket; ++j) {
            if (points[j].y() < points[low].y())
                low = j;
            if (points[j].y() > points[high].y())
                high = j;
        }
        out.append(points[std::min(low, high)]);
        if (low != high)
            out.append(points[std::max(low, high)]);
        i = j;
    }
    out.append(points.last());
    return out;
}

} // namespace Porthole
