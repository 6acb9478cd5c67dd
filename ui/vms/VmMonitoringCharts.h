// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/MonitoringParser.h"
#include "cloud/VmMonitoringSeries.h"

#include <QWidget>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace Porthole {

// The monitoring graphs of one VM, with Qt Charts: CPU (%), memory (MiB), network receive and
// send and disk read and write (bytes per second), over the window oned recorded. setRecords()
// replaces the points in place (QLineSeries::replace), so a refresh redraws without rebuilding.
class VmMonitoringCharts : public QWidget
{
    Q_OBJECT
public:
    explicit VmMonitoringCharts(QWidget *parent = nullptr);

    void setRecords(const QList<VmMonitoringRecord> &records);
    void setSeries(const VmMonitoringSeries &series);
    void clear();
    // Points drawn per series: cpu, memory, rx, tx, read, write.
    QList<int> pointCounts() const;

private:
    struct Chart
    {
        QChart *chart = nullptr;
        QChartView *view = nullptr;
        QDateTimeAxis *x = nullptr;
        QValueAxis *y = nullptr;
        QList<QLineSeries *> series;
    };
    Chart makeChart(const QString &title, const QStringList &names);
    void fill(Chart &chart, const QList<const QList<QPointF> *> &data);

    QList<Chart> m_charts;
};

} // namespace Porthole
