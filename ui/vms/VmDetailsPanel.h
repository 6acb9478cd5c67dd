// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/MonitoringParser.h"
#include "cloud/VmDetails.h"

#include <QPointer>
#include <QTabWidget>

#include <functional>
#include <optional>

class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace Porthole {

class OneCall;
class OneClient;
class VmMonitoringCharts;

// The selected VM in detail, beside the VM list: overview (state, host, owner, group, CPU,
// memory, IPs, uptime, graphics and whether a VNC password is set, lock), monitoring graphs,
// disks, NICs, history records, snapshots (take, revert, delete) and the template as read-only
// text. showVm() asks oned (one.vm.info and one.vm.monitoring) and drops answers for a VM no
// longer shown; refresh() asks again for the same VM (with each VM list refresh).
class VmDetailsPanel : public QTabWidget
{
    Q_OBJECT
public:
    // Asks for a snapshot's name (the default shows a QInputDialog); empty cancels.
    using AskName = std::function<std::optional<QString>()>;
    // Asks before a revert or a delete (the default a QMessageBox).
    using AskYes = std::function<bool(const QString &question)>;

    explicit VmDetailsPanel(OneClient *client, QWidget *parent = nullptr);

    void showVm(int vmId); // -1: nothing
    void refresh();
    // What an answer for the VM shown does: fills the tabs, or redraws the graphs. refresh()'s
    // calls end here; public so that a benchmark can hand in recorded answers without a cloud.
    void setDetails(const VmDetails &details);
    void setMonitoring(const QList<VmMonitoringRecord> &records);
    int vmId() const { return m_vmId; }
    const std::optional<VmDetails> &details() const { return m_details; }
    VmMonitoringCharts *charts() const { return m_charts; }
    QTableWidget *snapshotTable() const { return m_snapshots; }
    QPlainTextEdit *templateView() const { return m_template; }
    QString overviewText() const; // the overview's rows, "Key: value" per line, for tests

    void setAskName(AskName ask) { m_askName = std::move(ask); }
    void setAskYes(AskYes ask) { m_askYes = std::move(ask); }
    void createSnapshot();
    void revertSnapshot();
    void deleteSnapshot();

Q_SIGNALS:
    void detailsLoaded(int vmId);
    void monitoringLoaded(int vmId);
    // A snapshot call's outcome: oned's refusal, or "" when it went through.
    void snapshotDone(const QString &error);

private:
    void fill(const VmDetails &d);
    void fillTable(QTableWidget *table, const QStringList &headers, const QList<QStringList> &rows);
    void updateSnapshotButtons();
    void snapshotCall(OneCall *call);
    int selectedSnapshot() const;

    QPointer<OneClient> m_client;
    int m_vmId = -1;
    std::optional<VmDetails> m_details;
    QPointer<OneCall> m_detailsCall;
    QPointer<OneCall> m_monitoringCall;
    QFormLayout *m_overview = nullptr;
    QList<std::pair<QLabel *, QLabel *>> m_rows;
    VmMonitoringCharts *m_charts = nullptr;
    QTableWidget *m_disks = nullptr;
    QTableWidget *m_nics = nullptr;
    QTableWidget *m_history = nullptr;
    QTableWidget *m_snapshots = nullptr;
    QPushButton *m_snapCreate = nullptr;
    QPushButton *m_snapRevert = nullptr;
    QPushButton *m_snapDelete = nullptr;
    QLabel *m_snapNote = nullptr;
    QPlainTextEdit *m_template = nullptr;
    AskName m_askName;
    AskYes m_askYes;
};

} // namespace Porthole
