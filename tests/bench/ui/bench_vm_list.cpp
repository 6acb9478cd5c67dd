// SPDX-License-Identifier: GPL-2.0-or-later
// Issue 11, "Speed": the VM list with 10,000 VMs and the details panel open.
//   refresh -> updated table      target <= 200 ms
//   select a VM -> its graphs drawn   target <= 100 ms
// The widgets are the ones MainWindow builds (VmTableModel, VmFilterProxyModel, a QTableView set
// up as MainWindow::buildUi does, VmDetailsPanel with VmMonitoringCharts in a QScrollArea beside
// it in a QSplitter), in a 1280x800 window on the offscreen platform. The data are the real
// OpenNebula 7.4 captures in tests/fixtures/opennebula-live-7.4: the 21-VM one.vmpool.info answer
// grown to 10,000 VMs (IDs and names made unique), and the one.vm.info / one.vm.monitoring
// answers of four VMs. "Drawn" means: the Qt event loop was run until it had nothing left to do
// (layouts, queued chart updates, paint events), and the widgets that must show the change did
// paint. Network time is not part of it; parsing the answers is.
#include "OnedResponse.h"
#include "cloud/MonitoringParser.h"
#include "cloud/VmDetails.h"
#include "cloud/VmPoolParser.h"
#include "ui/vms/VmDetailsPanel.h"
#include "ui/vms/VmFilterProxyModel.h"
#include "ui/vms/VmMonitoringCharts.h"
#include "ui/vms/VmTableModel.h"
#include "xmlrpc/XmlRpcReader.h"

#include <benchmark/benchmark.h>

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>

#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace Porthole;

namespace {

constexpr int kVms = 10000;
constexpr int kChangedEvery = 20; // each refresh changes the state and CPU of every 20th VM (500)
constexpr qsizetype kNetworkChunk = 64 * 1024;

QByteArray fixture(const char *name)
{
    QFile file(QStringLiteral(PORTHOLE_FIXTURES_DIR "/opennebula-live-7.4/%1.response.xml").arg(QLatin1String(name)));
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "cannot read %s\n", qPrintable(file.fileName()));
        std::exit(1);
    }
    return file.readAll();
}

// The inner document of an answer [true, "<...>", 0].
QString resultString(const QByteArray &response)
{
    const auto reader = XmlRpcReader::parse(XmlRpcReader::Kind::Response, response);
    const QVariantList result = reader && !reader->hasError() ? reader->value().toList() : QVariantList();
    if (result.size() < 2 || !result.at(0).toBool()) {
        std::fprintf(stderr, "not a successful answer\n");
        std::exit(1);
    }
    return result.at(1).toString();
}

QByteArray response(const QString &inner)
{
    return PortholeBench::onedResponse(inner);
}

// The captured one.vmpool.info (21 VMs in all states) grown to kVms VMs, newest first as oned
// lists them. With `phase` >= 0, every kChangedEvery-th VM (counted from phase) has another
// state and CPU: a RUNNING one is powered off, any other one runs.
QByteArray poolResponse(int phase)
{
    const QString captured = resultString(fixture("one.vmpool.info__all_-2_not_done"));
    const QString open = QStringLiteral("<VM_POOL>"), close = QStringLiteral("</VM_POOL>");
    const QStringList bodies = captured.mid(open.size() + 4, captured.size() - open.size() - close.size() - 9)
                                   .split(QStringLiteral("</VM><VM>"));
    if (!captured.startsWith(open + u"<VM>") || !captured.endsWith(u"</VM>" + close) || bodies.size() != 21) {
        std::fprintf(stderr, "the captured pool is not shaped as expected (%d VMs)\n", int(bodies.size()));
        std::exit(1);
    }
    static const QRegularExpression idRx(QStringLiteral("^<ID>\\d+</ID>"));
    static const QRegularExpression nameRx(QStringLiteral("<NAME>([^<]*)</NAME>"));
    static const QRegularExpression stateRx(QStringLiteral("<STATE>(\\d+)</STATE><LCM_STATE>(\\d+)</LCM_STATE>"));
    static const QRegularExpression cpuRx(QStringLiteral("<CPU>([^<]*)</CPU>"));
    QString pool = open;
    pool.reserve(captured.size() * (kVms / 21 + 1));
    for (int id = kVms - 1; id >= 0; --id) {
        QString vm = bodies.at(id % bodies.size());
        vm.replace(idRx, QStringLiteral("<ID>%1</ID>").arg(id));
        vm.replace(nameRx, QStringLiteral("<NAME>\\1-%1</NAME>").arg(id));
        if (phase >= 0 && id % kChangedEvery == phase) {
            const auto m = stateRx.match(vm);
            const bool running = m.hasMatch() && m.captured(1) == u"3" && m.captured(2) == u"3";
            vm.replace(stateRx,
                running ? QStringLiteral("<STATE>8</STATE><LCM_STATE>0</LCM_STATE>")
                        : QStringLiteral("<STATE>3</STATE><LCM_STATE>3</LCM_STATE>"));
            vm.replace(cpuRx, QStringLiteral("<CPU>0.75</CPU>"));
        }
        pool += u"<VM>" + vm + u"</VM>";
    }
    pool += close;
    return response(pool);
}

// What OneClient::vms() does with an answer: network-sized chunks into XmlRpcReader, whose
// streamed result string feeds VmPoolParser.
QList<VirtualMachine> parsePool(const QByteArray &bytes)
{
    XmlRpcReader reader(XmlRpcReader::Kind::Response);
    VmPoolParser pool;
    pool.setMaxVms(kVms);
    reader.streamResultArrayString(1, [&pool](QStringView chunk) { pool.addData(chunk); });
    for (qsizetype at = 0; at < bytes.size(); at += kNetworkChunk)
        reader.addData(bytes.mid(at, kNetworkChunk));
    if (!reader.finish() || !pool.finish()) {
        std::fprintf(
            stderr, "pool parse failed: %s %s\n", qPrintable(reader.errorString()), qPrintable(pool.errorString()));
        std::exit(1);
    }
    return pool.takeVms();
}

// OneClient::vmDetails()
VmDetails parseDetails(const QByteArray &bytes)
{
    QString error;
    const auto details = VmDetails::parse(resultString(bytes), &error);
    if (!details) {
        std::fprintf(stderr, "vm.info parse failed: %s\n", qPrintable(error));
        std::exit(1);
    }
    return *details;
}

// OneClient::vmMonitoring(): streamed as it arrives.
QList<VmMonitoringRecord> parseMonitoring(const QByteArray &bytes)
{
    XmlRpcReader reader(XmlRpcReader::Kind::Response);
    MonitoringParser parser;
    reader.streamResultArrayString(1, [&parser](QStringView chunk) { parser.addData(chunk); });
    for (qsizetype at = 0; at < bytes.size(); at += kNetworkChunk)
        reader.addData(bytes.mid(at, kNetworkChunk));
    if (!reader.finish() || !parser.finish()) {
        std::fprintf(stderr, "monitoring parse failed: %s\n", qPrintable(parser.errorString()));
        std::exit(1);
    }
    return parser.records();
}

// A week of records at oned's 30 s probe period (MonitoringParser::kDefaultMaxRecords, what the
// panel keeps at most) made from VM 1's captured records: values cycle through the captured
// ones, counters keep growing by the captured steps.
QByteArray weekOfMonitoring(const QList<VmMonitoringRecord> &captured)
{
    QString doc = QStringLiteral("<MONITORING_DATA>");
    VmMonitoringRecord r = captured.first();
    for (qsizetype k = 0; k < MonitoringParser::kDefaultMaxRecords; ++k) {
        const VmMonitoringRecord &a = captured.at(k % captured.size());
        const VmMonitoringRecord &b = captured.at((k + 1) % captured.size());
        if (k > 0) {
            r.timestamp += 30;
            r.netRx += std::max<qint64>(0, b.netRx - a.netRx);
            r.netTx += std::max<qint64>(0, b.netTx - a.netTx);
            r.diskReadBytes += std::max<qint64>(0, b.diskReadBytes - a.diskReadBytes);
            r.diskWriteBytes += std::max<qint64>(0, b.diskWriteBytes - a.diskWriteBytes);
        }
        r.cpu = a.cpu;
        r.memoryKiB = a.memoryKiB;
        doc += QStringLiteral("<MONITORING><CPU><![CDATA[%1]]></CPU><DISKRDBYTES><![CDATA[%2]]></DISKRDBYTES>"
                              "<DISKWRBYTES><![CDATA[%3]]></DISKWRBYTES><ID><![CDATA[1]]></ID>"
                              "<MEMORY><![CDATA[%4]]></MEMORY><NETRX><![CDATA[%5]]></NETRX>"
                              "<NETTX><![CDATA[%6]]></NETTX><TIMESTAMP><![CDATA[%7]]></TIMESTAMP></MONITORING>")
                   .arg(r.cpu)
                   .arg(r.diskReadBytes)
                   .arg(r.diskWriteBytes)
                   .arg(r.memoryKiB)
                   .arg(r.netRx)
                   .arg(r.netTx)
                   .arg(r.timestamp);
    }
    doc += u"</MONITORING_DATA>";
    return response(doc);
}

// Counts the paint events of the widgets it watches.
class PaintCounter : public QObject
{
public:
    void watch(QWidget *w)
    {
        w->installEventFilter(this);
        m_counts.insert(w, 0);
    }
    void reset()
    {
        for (auto it = m_counts.begin(); it != m_counts.end(); ++it)
            it.value() = 0;
    }
    int count(QWidget *w) const { return m_counts.value(w); }
    int total() const
    {
        int n = 0;
        for (int c : m_counts)
            n += c;
        return n;
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint) {
            auto it = m_counts.find(static_cast<QWidget *>(watched));
            if (it != m_counts.end())
                ++it.value();
        }
        return false;
    }

private:
    QHash<QWidget *, int> m_counts;
};

// Runs the event loop until it has nothing left to do: what the user waits for before the
// window shows the new state.
int drainEvents()
{
    QAbstractEventDispatcher *dispatcher = QAbstractEventDispatcher::instance();
    int passes = 0;
    while (passes < 10000 && dispatcher->processEvents(QEventLoop::AllEvents))
        ++passes;
    return passes;
}

// The VM page of MainWindow: the table as MainWindow::buildUi sets it up, and the details panel
// beside it, connected the way MainWindow connects them.
struct VmListWindow
{
    VmListWindow()
    {
        model = new VmTableModel(&window);
        filter = new VmFilterProxyModel(&window);
        filter->setSourceModel(model);
        table = new QTableView;
        table->setModel(filter);
        table->setSortingEnabled(true);
        table->sortByColumn(VmTableModel::Id, Qt::AscendingOrder);
        table->setSelectionBehavior(QAbstractItemView::SelectRows);
        table->setSelectionMode(QAbstractItemView::ExtendedSelection);
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->setAlternatingRowColors(true);
        table->setShowGrid(false);
        table->setWordWrap(false);
        table->verticalHeader()->hide();
        table->horizontalHeader()->setStretchLastSection(false);
        table->horizontalHeader()->setSectionResizeMode(VmTableModel::Name, QHeaderView::Stretch);
        details = new VmDetailsPanel(nullptr); // answers are handed in: setDetails, setMonitoring
        auto *split = new QSplitter(Qt::Horizontal, &window);
        split->addWidget(table);
        auto *scroll = new QScrollArea;
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidget(details);
        split->addWidget(scroll);
        split->setStretchFactor(0, 3);
        split->setStretchFactor(1, 2);
        split->setGeometry(0, 0, 1280, 800);
        QObject::connect(table->selectionModel(), &QItemSelectionModel::currentRowChanged, details,
            [this](const QModelIndex &current) {
                details->showVm(current.isValid() ? current.data(VmTableModel::VmIdRole).toInt() : -1);
            });
        window.resize(1280, 800);
        window.show();
        paints.watch(table->viewport());
        // The graphs tab is the one open: what "its graphs drawn" waits for.
        details->setCurrentWidget(details->charts());
        const auto views = details->charts()->findChildren<QAbstractScrollArea *>();
        for (QAbstractScrollArea *view : views) {
            paints.watch(view->viewport());
            chartViewports << view->viewport();
        }
        drainEvents();
    }

    // MainWindow::onRefreshFinished's part for the table.
    void applyRefresh(const QList<VirtualMachine> &vms)
    {
        const int scroll = table->verticalScrollBar()->value();
        model->setVms(vms);
        table->verticalScrollBar()->setValue(scroll);
        details->refresh();
        if (table->horizontalHeader()->sectionSize(VmTableModel::Id) < 10 || !table->property("sized").toBool()) {
            for (int c = 0; c < VmTableModel::ColumnCount; ++c) {
                if (c != VmTableModel::Name)
                    table->resizeColumnToContents(c);
            }
            table->setProperty("sized", true);
        }
        if (!table->currentIndex().isValid() && filter->rowCount() > 0) {
            table->setCurrentIndex(filter->index(0, 0));
            table->selectRow(0);
        }
    }

    QWidget window;
    VmTableModel *model = nullptr;
    VmFilterProxyModel *filter = nullptr;
    QTableView *table = nullptr;
    VmDetailsPanel *details = nullptr;
    QList<QWidget *> chartViewports;
    PaintCounter paints;
};

struct PoolData
{
    QByteArray responses[2]; // phase -1 (as captured) and 0 (every 20th VM changed)
    QList<VirtualMachine> vms[2];
};

const PoolData &poolData()
{
    static const PoolData data = [] {
        PoolData d;
        d.responses[0] = poolResponse(-1);
        d.responses[1] = poolResponse(0);
        for (int i = 0; i < 2; ++i)
            d.vms[i] = parsePool(d.responses[i]);
        int changed = 0;
        for (int i = 0; i < kVms; ++i)
            changed += d.vms[0].at(i) == d.vms[1].at(i) ? 0 : 1;
        if (d.vms[0].size() != kVms || changed != kVms / kChangedEvery) {
            std::fprintf(stderr, "pool: %d VMs, %d changed\n", int(d.vms[0].size()), changed);
            std::exit(1);
        }
        return d;
    }();
    return data;
}

void poolCounters(benchmark::State &state)
{
    state.counters["vms"] = kVms;
    state.counters["response_MB"] = double(poolData().responses[0].size()) / 1e6;
}

// The refresh's parse alone: the answer of one.vmpool.info into 10,000 VirtualMachine values.
void BM_Refresh_ParsePool(benchmark::State &state)
{
    const PoolData &data = poolData();
    int i = 0;
    for (auto _ : state) {
        QList<VirtualMachine> vms = parsePool(data.responses[i++ % 2]);
        benchmark::DoNotOptimize(vms.data());
    }
    poolCounters(state);
}
BENCHMARK(BM_Refresh_ParsePool)->Unit(benchmark::kMillisecond)->UseRealTime();

// Shared by the two refresh benchmarks: parse (or not), hand to the model, draw.
void refreshLoop(benchmark::State &state, bool parse, int sortColumn = VmTableModel::Id)
{
    const PoolData &data = poolData();
    VmListWindow w;
    w.table->sortByColumn(sortColumn, Qt::AscendingOrder);
    w.applyRefresh(data.vms[0]);
    drainEvents();
    // Scrolled into the middle, where a refresh changes rows on screen too.
    w.table->scrollTo(w.filter->index(kVms / 2, 0), QAbstractItemView::PositionAtTop);
    drainEvents();
    int i = 1, paints = 0;
    for (auto _ : state) {
        w.paints.reset();
        QElapsedTimer timer;
        timer.start();
        const int phase = i++ % 2;
        w.applyRefresh(parse ? parsePool(data.responses[phase]) : data.vms[phase]);
        drainEvents();
        state.SetIterationTime(double(timer.nsecsElapsed()) / 1e9);
        paints += w.paints.count(w.table->viewport());
        if (w.paints.count(w.table->viewport()) == 0)
            state.SkipWithError("the table did not paint the refresh");
        const VirtualMachine *shown = w.model->vmAt(w.filter->mapToSource(w.table->indexAt(QPoint(5, 5))).row());
        if (!shown || w.model->rowCount() != kVms)
            state.SkipWithError("the table does not show the pool");
    }
    state.counters["table_paints"] = benchmark::Counter(paints, benchmark::Counter::kAvgIterations);
    poolCounters(state);
}

// Refresh -> updated table, the answer already parsed: setVms() (500 rows changed), the proxy
// re-sorting and re-filtering them, the view laying out and painting.
void BM_RefreshTo_UpdatedTable(benchmark::State &state)
{
    refreshLoop(state, false);
}
BENCHMARK(BM_RefreshTo_UpdatedTable)->Unit(benchmark::kMillisecond)->UseManualTime();

// The same with the parse of the answer: what a refresh costs once the bytes are in.
void BM_RefreshTo_UpdatedTable_WithParse(benchmark::State &state)
{
    refreshLoop(state, true);
}
BENCHMARK(BM_RefreshTo_UpdatedTable_WithParse)->Unit(benchmark::kMillisecond)->UseManualTime();

// Sorted by state, where the 500 changed VMs move to other rows on each refresh.
void BM_RefreshTo_UpdatedTable_SortedByState(benchmark::State &state)
{
    refreshLoop(state, false, VmTableModel::State);
}
BENCHMARK(BM_RefreshTo_UpdatedTable_SortedByState)->Unit(benchmark::kMillisecond)->UseManualTime();

// The first refresh: 10,000 rows into an empty table, columns fitted once, first row selected.
void BM_FirstLoad_ToTable(benchmark::State &state)
{
    const PoolData &data = poolData();
    for (auto _ : state) {
        state.PauseTiming();
        auto w = std::make_unique<VmListWindow>();
        state.ResumeTiming();
        QElapsedTimer timer;
        timer.start();
        w->applyRefresh(data.vms[0]);
        drainEvents();
        state.SetIterationTime(double(timer.nsecsElapsed()) / 1e9);
        if (w->paints.count(w->table->viewport()) == 0)
            state.SkipWithError("the table did not paint");
        state.PauseTiming();
        w.reset();
        state.ResumeTiming();
    }
    poolCounters(state);
}
BENCHMARK(BM_FirstLoad_ToTable)->Unit(benchmark::kMillisecond)->UseManualTime()->Iterations(10);

struct VmAnswers
{
    int id;
    QByteArray details;
    QByteArray monitoring;
};

// Four VMs as oned 7.4 answered for them: VM 1 (77 records, running long), 541 (live-migrated,
// 12 records), 533 (two snapshots, 4 records), 543 (alice's, 4 records).
const QList<VmAnswers> &capturedAnswers()
{
    static const QList<VmAnswers> answers = {
        {1, fixture("one.vm.info__vm_1"), fixture("one.vm.monitoring__vm_1_long_running")},
        {541, fixture("one.vm.info__migrate_after_live_migrate_back_3_RUNNING"),
            fixture("one.vm.monitoring__running_vm_several_records")},
        {533, fixture("one.vm.info__with_two_snapshots"), fixture("one.vm.monitoring__vm_533_gap")},
        {543, fixture("one.vm.info__alice_own_vm_running"), fixture("one.vm.monitoring__alice_own_vm")},
    };
    return answers;
}

// Select a VM -> its graphs drawn: the current row moves to another VM (the panel clears and
// would ask oned), the recorded vm.info and vm.monitoring answers are parsed and handed in, and
// the event loop runs until the four charts have painted the new series.
// With `before`, that VM is selected and drawn first in each iteration, untimed.
void selectLoop(benchmark::State &state, const QList<VmAnswers> &answers, const VmAnswers *before = nullptr)
{
    const PoolData &data = poolData();
    VmListWindow w;
    w.applyRefresh(data.vms[0]);
    drainEvents();
    int i = 0, points = 0, chartPaints = 0;
    double sections[4] = {};
    for (auto _ : state) {
        const VmAnswers &a = answers.at(i++ % answers.size());
        if (before) {
            w.table->selectionModel()->setCurrentIndex(
                w.filter->mapFromSource(w.model->index(w.model->rowOfVm(before->id), 0)),
                QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            w.details->setDetails(parseDetails(before->details));
            w.details->setMonitoring(parseMonitoring(before->monitoring));
            drainEvents();
        }
        const QModelIndex row = w.filter->mapFromSource(w.model->index(w.model->rowOfVm(a.id), 0));
        w.paints.reset();
        QElapsedTimer timer;
        timer.start();
        w.table->selectionModel()->setCurrentIndex(
            row, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        w.details->setDetails(parseDetails(a.details));
        const qint64 t1 = timer.nsecsElapsed();
        const QList<VmMonitoringRecord> records = parseMonitoring(a.monitoring);
        const qint64 t2 = timer.nsecsElapsed();
        w.details->setMonitoring(records);
        const qint64 t3 = timer.nsecsElapsed();
        drainEvents();
        const qint64 t4 = timer.nsecsElapsed();
        state.SetIterationTime(double(t4) / 1e9);
        // Where the time goes, averaged over the iterations (ms).
        sections[0] += double(t1) / 1e6;
        sections[1] += double(t2 - t1) / 1e6;
        sections[2] += double(t3 - t2) / 1e6;
        sections[3] += double(t4 - t3) / 1e6;
        for (QWidget *v : std::as_const(w.chartViewports)) {
            chartPaints += w.paints.count(v);
            if (w.paints.count(v) == 0)
                state.SkipWithError("a chart did not paint");
        }
        if (w.details->vmId() != a.id)
            state.SkipWithError("the panel does not show the selected VM");
        points += w.details->charts()->pointCounts().value(0);
    }
    state.counters["cpu_points"] = benchmark::Counter(points, benchmark::Counter::kAvgIterations);
    state.counters["chart_paints"] = benchmark::Counter(chartPaints, benchmark::Counter::kAvgIterations);
    const char *names[] = {"ms_select_details", "ms_parse_monitoring", "ms_set_series", "ms_layout_paint"};
    for (int k = 0; k < 4; ++k)
        state.counters[names[k]] = benchmark::Counter(sections[k], benchmark::Counter::kAvgIterations);
}

void BM_SelectVm_ToGraphsDrawn(benchmark::State &state)
{
    selectLoop(state, capturedAnswers());
}
BENCHMARK(BM_SelectVm_ToGraphsDrawn)->Unit(benchmark::kMillisecond)->UseManualTime();

// The most the panel keeps: a week of records (20,000 a series) for VM 1, selected coming
// from VM 533 (drawn untimed before each iteration).
void BM_SelectVm_ToGraphsDrawn_Week(benchmark::State &state)
{
    const QList<VmAnswers> &captured = capturedAnswers();
    const QByteArray week = weekOfMonitoring(parseMonitoring(captured.at(0).monitoring));
    state.counters["response_MB"] = double(week.size()) / 1e6;
    selectLoop(state, {{1, captured.at(0).details, week}}, &captured.at(2));
}
BENCHMARK(BM_SelectVm_ToGraphsDrawn_Week)->Unit(benchmark::kMillisecond)->UseManualTime();

} // namespace

int main(int argc, char **argv)
{
    // Widgets without a display; a caller may still ask for xcb (Xvfb) explicitly.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
