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

class QGridLayout;

namespace Porthole {

// The monitoring graphs of one VM, with Qt Charts: CPU (%), memory (MiB), network receive and
// send and disk read and write (bytes per second), over the window oned recorded. setRecords()
// replaces the points in place (QLineSeries::replace), so a refresh redraws without rebuilding;
// long windows are thinned to what the chart's width can show first (two points a pixel
// column at most, VmMonitoringSeries::decimated), and again when a plot grows.
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

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Chart
    {
        QChart *chart = nullptr;
        QChartView *view = nullptr;
        QDateTimeAxis *x = nullptr;
        QValueAxis *y = nullptr;
        QList<QLineSeries *> series;
        qsizetype buckets = 0; // what the points were thinned to
    };
    Chart makeChart(const QString &title, const QStringList &names);
    static qsizetype bucketsFor(const Chart &chart);
    void fill(int chart);
    void plotResized(int chart);

    VmMonitoringSeries m_series; // all points, as computed from the records
    QList<Chart> m_charts;
    QGridLayout *m_grid = nullptr;
    int m_columns = 1;
};

} // namespace Porthole
