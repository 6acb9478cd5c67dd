// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/vms/VmMonitoringCharts.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGridLayout>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace Porthole {

VmMonitoringCharts::VmMonitoringCharts(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("monitoringCharts"));
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_charts << makeChart(tr("CPU (%)"), {tr("CPU")});
    m_charts << makeChart(tr("Memory (MiB)"), {tr("Memory")});
    m_charts << makeChart(tr("Network (bytes/s)"), {tr("Receive"), tr("Send")});
    m_charts << makeChart(tr("Disk (bytes/s)"), {tr("Read"), tr("Write")});
    for (int i = 0; i < m_charts.size(); ++i) {
        m_grid->addWidget(m_charts[i].view, i, 0);
        // Queued: the plot area is told during the chart's layout, which a refill changes.
        connect(
            m_charts[i].chart, &QChart::plotAreaChanged, this, [this, i] { plotResized(i); }, Qt::QueuedConnection);
    }
}

void VmMonitoringCharts::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // One column in a narrow panel (its smallest width is one chart's, so the panel never
    // scrolls sideways), two side by side once two fit.
    const int columns = width() >= 2 * 320 ? 2 : 1;
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (int i = 0; i < m_charts.size(); ++i) {
        m_grid->removeWidget(m_charts[i].view);
        m_grid->addWidget(m_charts[i].view, i / columns, i % columns);
    }
}

VmMonitoringCharts::Chart VmMonitoringCharts::makeChart(const QString &title, const QStringList &names)
{
    Chart c;
    c.chart = new QChart;
    c.chart->setTitle(title);
    c.chart->legend()->setVisible(names.size() > 1);
    c.chart->legend()->setAlignment(Qt::AlignBottom);
    c.chart->setMargins(QMargins(2, 2, 2, 2));
    c.x = new QDateTimeAxis;
    c.x->setFormat(QStringLiteral("HH:mm"));
    c.x->setTickCount(4);
    c.y = new QValueAxis;
    c.y->setLabelFormat(QStringLiteral("%.0f"));
    c.y->setMin(0);
    c.chart->addAxis(c.x, Qt::AlignBottom);
    c.chart->addAxis(c.y, Qt::AlignLeft);
    for (const QString &name : names) {
        auto *s = new QLineSeries;
        s->setName(name);
        // OpenGL would be faster for huge series, but is not there offscreen or over SSH.
        c.chart->addSeries(s);
        s->attachAxis(c.x);
        s->attachAxis(c.y);
        c.series << s;
    }
    c.view = new QChartView(c.chart);
    c.view->setRenderHint(QPainter::Antialiasing);
    c.view->setMinimumSize(220, 150);
    c.view->setAccessibleName(title);
    return c;
}

qsizetype VmMonitoringCharts::bucketsFor(const Chart &chart)
{
    // A pixel column of the plot each (the view less the axes' labels, once laid out). Before
    // the first layout a view is only a default size; plotAreaChanged then thins again.
    constexpr qsizetype kMinBuckets = 100;
    const qreal plot = chart.chart->plotArea().width();
    return std::max<qsizetype>(kMinBuckets, plot > 0 ? qsizetype(plot) : chart.view->width());
}

void VmMonitoringCharts::fill(int index)
{
    Chart &chart = m_charts[index];
    const VmMonitoringSeries &s = m_series;
    const QList<QList<const QList<QPointF> *>> data
        = {{&s.cpu}, {&s.memoryMiB}, {&s.netRx, &s.netTx}, {&s.diskRead, &s.diskWrite}};
    chart.buckets = bucketsFor(chart);
    double minX = 0, maxX = 0, maxY = 0;
    bool any = false;
    for (qsizetype i = 0; i < chart.series.size() && i < data[index].size(); ++i) {
        // A week of records is 20,000 points a series: laying them out and painting them took
        // 250 ms (bench_vm_list) for a line that looks no different thinned to the width.
        const QList<QPointF> points = VmMonitoringSeries::decimated(*data[index][i], chart.buckets);
        chart.series[i]->replace(points);
        // The extremes and both ends survive thinning, so the axes are the same as for all points.
        for (const QPointF &p : points) {
            if (!any) {
                minX = maxX = p.x();
                any = true;
            }
            minX = std::min(minX, p.x());
            maxX = std::max(maxX, p.x());
            maxY = std::max(maxY, p.y());
        }
    }
    if (!any) {
        const QDateTime now = QDateTime::currentDateTime();
        chart.x->setRange(now.addSecs(-600), now);
        chart.y->setRange(0, 1);
        return;
    }
    chart.x->setRange(QDateTime::fromMSecsSinceEpoch(qint64(minX)), QDateTime::fromMSecsSinceEpoch(qint64(maxX)));
    chart.y->setRange(0, maxY > 0 ? maxY * 1.1 : 1);
}

void VmMonitoringCharts::setRecords(const QList<VmMonitoringRecord> &records)
{
    setSeries(VmMonitoringSeries::fromRecords(records));
}

void VmMonitoringCharts::setSeries(const VmMonitoringSeries &series)
{
    m_series = series;
    for (int i = 0; i < m_charts.size(); ++i)
        fill(i);
}

void VmMonitoringCharts::plotResized(int index)
{
    // Thinned again when the plot grew past its points, or shrank to under half of them; not
    // on every pixel of a drag.
    const qsizetype wanted = bucketsFor(m_charts[index]);
    if (wanted > m_charts[index].buckets || wanted * 2 < m_charts[index].buckets)
        fill(index);
}

void VmMonitoringCharts::clear()
{
    setSeries(VmMonitoringSeries());
}

QList<int> VmMonitoringCharts::pointCounts() const
{
    QList<int> counts;
    for (const Chart &c : m_charts) {
        for (const QLineSeries *s : c.series)
            counts << int(s->count());
    }
    return counts;
}

} // namespace Porthole
