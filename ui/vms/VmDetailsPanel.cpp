// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/vms/VmDetailsPanel.h"

#include "cloud/OneCall.h"
#include "cloud/OneClient.h"
#include "cloud/VmActions.h"
#include "ui/vms/VmMonitoringCharts.h"
#include "ui/vms/VmStateText.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Porthole {
namespace {

QString when(qint64 seconds)
{
    return seconds > 0 ? QLocale().toString(QDateTime::fromSecsSinceEpoch(seconds), QLocale::ShortFormat)
                       : QStringLiteral("–");
}

QString duration(qint64 seconds)
{
    if (seconds <= 0)
        return QStringLiteral("–");
    const qint64 days = seconds / 86400;
    const qint64 hours = seconds % 86400 / 3600;
    const qint64 minutes = seconds % 3600 / 60;
    if (days > 0)
        return VmDetailsPanel::tr("%1 d %2 h").arg(days).arg(hours);
    if (hours > 0)
        return VmDetailsPanel::tr("%1 h %2 min").arg(hours).arg(minutes);
    return VmDetailsPanel::tr("%1 min").arg(std::max<qint64>(minutes, 1));
}

QTableWidget *makeTable(const QString &name)
{
    auto *t = new QTableWidget;
    t->setObjectName(name);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->setWordWrap(false);
    return t;
}

} // namespace

VmDetailsPanel::VmDetailsPanel(OneClient *client, QWidget *parent)
    : QTabWidget(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("vmDetails"));
    setDocumentMode(true);

    auto *overview = new QWidget;
    m_overview = new QFormLayout(overview);
    for (const QString &key : {tr("State"), tr("Host"), tr("Owner"), tr("Group"), tr("CPU"), tr("Memory"), tr("IPs"),
             tr("Uptime"), tr("Graphics"), tr("VNC password"), tr("Lock")}) {
        auto *k = new QLabel(key);
        auto *v = new QLabel;
        v->setTextFormat(Qt::PlainText);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_overview->addRow(k, v);
        m_rows.append(std::pair {k, v});
    }
    addTab(overview, tr("Overview"));

    m_charts = new VmMonitoringCharts;
    addTab(m_charts, tr("Graphs"));
    m_disks = makeTable(QStringLiteral("vmDisks"));
    addTab(m_disks, tr("Disks"));
    m_nics = makeTable(QStringLiteral("vmNics"));
    addTab(m_nics, tr("Network"));
    m_history = makeTable(QStringLiteral("vmHistory"));
    addTab(m_history, tr("History"));

    auto *snapPage = new QWidget;
    auto *snapLayout = new QVBoxLayout(snapPage);
    m_snapshots = makeTable(QStringLiteral("vmSnapshots"));
    snapLayout->addWidget(m_snapshots);
    m_snapNote = new QLabel;
    m_snapNote->setObjectName(QStringLiteral("snapshotNote"));
    m_snapNote->setWordWrap(true);
    m_snapNote->setTextFormat(Qt::PlainText);
    snapLayout->addWidget(m_snapNote);
    // Two rows, so a narrow panel (German, French) keeps every button whole.
    auto *buttons = new QGridLayout;
    m_snapCreate = new QPushButton(tr("Take &snapshot…"));
    m_snapCreate->setObjectName(QStringLiteral("snapshotCreate"));
    m_snapRevert = new QPushButton(tr("Re&vert…"));
    m_snapRevert->setObjectName(QStringLiteral("snapshotRevert"));
    m_snapDelete = new QPushButton(tr("&Delete…"));
    m_snapDelete->setObjectName(QStringLiteral("snapshotDelete"));
    buttons->addWidget(m_snapCreate, 0, 0, 1, 2);
    buttons->addWidget(m_snapRevert, 1, 0);
    buttons->addWidget(m_snapDelete, 1, 1);
    buttons->setColumnStretch(2, 1);
    snapLayout->addLayout(buttons);
    connect(m_snapCreate, &QPushButton::clicked, this, &VmDetailsPanel::createSnapshot);
    connect(m_snapRevert, &QPushButton::clicked, this, &VmDetailsPanel::revertSnapshot);
    connect(m_snapDelete, &QPushButton::clicked, this, &VmDetailsPanel::deleteSnapshot);
    connect(m_snapshots, &QTableWidget::itemSelectionChanged, this, &VmDetailsPanel::updateSnapshotButtons);
    addTab(snapPage, tr("Snapshots"));

    m_template = new QPlainTextEdit;
    m_template->setObjectName(QStringLiteral("vmTemplate"));
    m_template->setReadOnly(true);
    m_template->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_template->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    addTab(m_template, tr("Template"));

    m_askName = [this]() -> std::optional<QString> {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Take a snapshot"), tr("Snapshot &name:"),
            QLineEdit::Normal, QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")), &ok);
        return ok ? std::optional<QString>(name) : std::nullopt;
    };
    m_askYes = [this](const QString &question) {
        return QMessageBox::question(
                   this, tr("Snapshots"), question, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    };
    showVm(-1);
}

void VmDetailsPanel::showVm(int vmId)
{
    if (vmId != m_vmId) {
        m_details.reset();
        m_charts->clear();
    }
    m_vmId = vmId;
    if (vmId < 0) {
        setEnabled(false);
        for (auto &[k, v] : m_rows)
            v->clear();
        updateSnapshotButtons();
        return;
    }
    setEnabled(true);
    refresh();
}

void VmDetailsPanel::refresh()
{
    if (m_vmId < 0 || !m_client)
        return;
    const int id = m_vmId;
    // One of each in flight: a newer question replaces an older one.
    if (m_detailsCall)
        m_detailsCall->cancel();
    if (m_monitoringCall)
        m_monitoringCall->cancel();
    OneCall *details = m_client->vmDetails(id);
    m_detailsCall = details;
    connect(details, &OneCall::finished, this, [this, details, id] {
        if (id != m_vmId || !details->succeeded())
            return;
        setDetails(details->resultAs<VmDetails>());
        Q_EMIT detailsLoaded(id);
    });
    OneCall *monitoring = m_client->vmMonitoring(id);
    m_monitoringCall = monitoring;
    connect(monitoring, &OneCall::finished, this, [this, monitoring, id] {
        if (id != m_vmId || !monitoring->succeeded())
            return;
        setMonitoring(monitoring->resultAs<QList<VmMonitoringRecord>>());
        Q_EMIT monitoringLoaded(id);
    });
}

void VmDetailsPanel::setDetails(const VmDetails &details)
{
    m_details = details;
    fill(*m_details);
}

void VmDetailsPanel::setMonitoring(const QList<VmMonitoringRecord> &records)
{
    m_charts->setRecords(records);
}

QString VmDetailsPanel::overviewText() const
{
    QStringList lines;
    for (const auto &[k, v] : m_rows)
        lines << k->text() + QStringLiteral(": ") + v->text();
    return lines.join(u'\n');
}

void VmDetailsPanel::fill(const VmDetails &d)
{
    const VirtualMachine &vm = d.vm;
    qint64 since = 0;
    if (!d.history.isEmpty() && d.history.last().end == 0)
        since = d.history.last().start;
    const bool running = vm.state == 3;
    QString graphics = tr("none");
    QString password = tr("–");
    if (vm.graphics) {
        graphics = vm.graphics->type.toUpper();
        if (vm.graphics->port >= 0)
            graphics += tr(" on port %1").arg(vm.graphics->port);
        password = vm.graphics->passwordSet() ? tr("set") : tr("not set");
    }
    const QString lock = d.lock
        ? tr("%1 (by user %2 since %3)").arg(d.lock->levelName()).arg(d.lock->owner).arg(when(d.lock->time))
        : tr("not locked");
    const QStringList values = {
        tr("%1 (%2)").arg(VmStateText::label(vm), vm.longStateName()),
        vm.host.isEmpty() ? tr("never deployed") : vm.host,
        vm.owner,
        vm.group,
        vm.vcpu > 0 ? tr("%1 (%2 VCPU)").arg(vm.cpu).arg(vm.vcpu) : QString::number(vm.cpu),
        tr("%1 MiB").arg(vm.memoryMiB),
        vm.ips.isEmpty() ? tr("–") : vm.ips.join(QStringLiteral(", ")),
        running && since > 0 ? duration(QDateTime::currentSecsSinceEpoch() - since) : tr("–"),
        graphics,
        password,
        lock,
    };
    for (qsizetype i = 0; i < m_rows.size() && i < values.size(); ++i)
        m_rows[i].second->setText(values[i]);

    QList<QStringList> rows;
    for (const VmDisk &disk : d.disks)
        rows << QStringList {QString::number(disk.id), disk.target, disk.image.isEmpty() ? tr("volatile") : disk.image,
            disk.type, tr("%1 MiB").arg(disk.sizeMiB), disk.readOnly ? tr("read only") : QString()};
    fillTable(m_disks, {tr("ID"), tr("Target"), tr("Image"), tr("Type"), tr("Size"), tr("Mode")}, rows);
    rows.clear();
    for (const VmNic &nic : d.nics)
        rows << QStringList {
            QString::number(nic.id), nic.network, nic.ip, nic.mac, nic.alias ? tr("alias") : QString()};
    fillTable(m_nics, {tr("ID"), tr("Network"), tr("IP"), tr("MAC"), QString()}, rows);
    rows.clear();
    for (const VmHistoryRecord &h : d.history)
        rows << QStringList {QString::number(h.seq), h.hostname, when(h.start), when(h.end), h.actionName()};
    fillTable(m_history, {tr("Seq"), tr("Host"), tr("Start"), tr("End"), tr("Ended by")}, rows);
    rows.clear();
    for (const VmSnapshot &s : d.snapshots)
        rows << QStringList {QString::number(s.id), s.name, when(s.time)};
    const int keep = selectedSnapshot();
    fillTable(m_snapshots, {tr("ID"), tr("Name"), tr("Taken")}, rows);
    for (int r = 0; r < m_snapshots->rowCount(); ++r) {
        if (m_snapshots->item(r, 0)->text().toInt() == keep)
            m_snapshots->selectRow(r);
    }
    // The template as text, never as markup: names and values are whatever users typed.
    if (m_template->toPlainText() != d.templateText)
        m_template->setPlainText(d.templateText);
    updateSnapshotButtons();
}

void VmDetailsPanel::fillTable(QTableWidget *table, const QStringList &headers, const QList<QStringList> &rows)
{
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < rows[r].size() && c < headers.size(); ++c) {
            auto *item = table->item(r, c);
            if (!item) {
                item = new QTableWidgetItem;
                table->setItem(r, c, item);
            }
            item->setText(rows[r][c]);
        }
    }
}

int VmDetailsPanel::selectedSnapshot() const
{
    const QList<QTableWidgetItem *> items = m_snapshots->selectedItems();
    if (items.isEmpty())
        return -1;
    const QTableWidgetItem *first = m_snapshots->item(items.first()->row(), 0);
    return first ? first->text().toInt() : -1;
}

void VmDetailsPanel::updateSnapshotButtons()
{
    if (!m_details) {
        for (QPushButton *b : {m_snapCreate, m_snapRevert, m_snapDelete})
            b->setEnabled(false);
        m_snapNote->clear();
        return;
    }
    const VirtualMachine &vm = m_details->vm;
    const int snap = selectedSnapshot();
    const VmActionCheck create = VmActions::checkSnapshotCreate(vm.id, vm.state, vm.lcmState);
    const VmActionCheck revert = VmActions::checkSnapshotRevert(vm.id, std::max(snap, 0), vm.state, vm.lcmState);
    m_snapCreate->setEnabled(create.allowed);
    m_snapCreate->setToolTip(create.reason);
    m_snapRevert->setEnabled(revert.allowed && snap >= 0);
    m_snapDelete->setEnabled(revert.allowed && snap >= 0);
    m_snapRevert->setToolTip(revert.allowed ? tr("Select a snapshot first.") : revert.reason);
    m_snapNote->setText(create.allowed ? QString() : create.reason);
}

void VmDetailsPanel::createSnapshot()
{
    if (!m_details || !m_client)
        return;
    const std::optional<QString> name = m_askName();
    if (!name)
        return;
    snapshotCall(m_client->snapshotCreate(m_details->vm.id, *name));
}

void VmDetailsPanel::revertSnapshot()
{
    const int snap = selectedSnapshot();
    if (!m_details || !m_client || snap < 0)
        return;
    if (!m_askYes(tr("Revert %1 to snapshot %2? What the VM did since is lost.").arg(m_details->vm.name).arg(snap)))
        return;
    snapshotCall(m_client->snapshotRevert(m_details->vm.id, snap));
}

void VmDetailsPanel::deleteSnapshot()
{
    const int snap = selectedSnapshot();
    if (!m_details || !m_client || snap < 0)
        return;
    if (!m_askYes(tr("Delete snapshot %1 of %2?").arg(snap).arg(m_details->vm.name)))
        return;
    snapshotCall(m_client->snapshotDelete(m_details->vm.id, snap));
}

void VmDetailsPanel::snapshotCall(OneCall *call)
{
    connect(call, &OneCall::finished, this, [this, call] {
        if (!call->succeeded()) {
            const QString said
                = call->error().onedText().isEmpty() ? call->error().message() : call->error().onedText();
            m_snapNote->setText(said);
            Q_EMIT snapshotDone(said);
            return;
        }
        Q_EMIT snapshotDone(QString());
        refresh();
    });
}

} // namespace Porthole
