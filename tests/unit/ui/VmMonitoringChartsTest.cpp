// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/vms/VmMonitoringCharts.h"

#include <gtest/gtest.h>

#include <QChartView>
#include <QTest>

#include <algorithm>

using namespace Porthole;

namespace {

// A week at oned's 30 s probe period: 20,000 records, the most MonitoringParser keeps.
QList<VmMonitoringRecord> week()
{
    QList<VmMonitoringRecord> records;
    for (int i = 0; i < 20000; ++i) {
        VmMonitoringRecord r;
        r.timestamp = 1796000000 + 30LL * i;
        r.cpu = i % 10 == 0 ? 90 : 5;
        r.memoryKiB = 1024 * (100 + i % 50);
        r.netRx = 1000LL * i + (i % 3) * 100;
        r.netTx = 500LL * i;
        r.diskReadBytes = 2000LL * i;
        r.diskWriteBytes = 3000LL * i + (i % 7) * 1000;
        records << r;
    }
    return records;
}

int widestView(const VmMonitoringCharts &charts)
{
    int widest = 0;
    for (const QChartView *v : charts.findChildren<QChartView *>())
        widest = std::max(widest, v->width());
    return widest;
}

int most(const QList<int> &counts)
{
    return counts.isEmpty() ? 0 : *std::max_element(counts.begin(), counts.end());
}

} // namespace

TEST(VmMonitoringCharts, AWeekIsThinnedToThePlotsWidthAndAgainWhenItGrows)
{
    VmMonitoringCharts charts;
    charts.resize(500, 400);
    charts.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&charts));
    charts.setRecords(week());
    QList<int> counts = charts.pointCounts();
    ASSERT_EQ(counts.size(), 6);
    for (int n : counts) {
        EXPECT_GT(n, 100) << "the line still has its shape";
        EXPECT_LE(n, 2 * widestView(charts) + 2) << "at most two points a pixel column";
    }
    const int before = most(counts);

    charts.resize(1600, 900);
    // Thinned again once the charts' layout has told the new plot areas.
    ASSERT_TRUE(QTest::qWaitFor([&] { return most(charts.pointCounts()) > before; }, 10000));
    for (int n : charts.pointCounts())
        EXPECT_LE(n, 2 * widestView(charts) + 2);

    // Few records are drawn as they are (disk write's counter goes back 7 times: no rate there).
    charts.setRecords(week().mid(0, 50));
    EXPECT_EQ(charts.pointCounts(), (QList<int> {50, 50, 49, 49, 49, 42}));
    charts.clear();
    EXPECT_EQ(charts.pointCounts(), (QList<int> {0, 0, 0, 0, 0, 0}));
}
