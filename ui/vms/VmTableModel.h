// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/VirtualMachine.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace Porthole {

// The VM list as a table. setVms() merges a fresh pool into the rows in place
// (changed rows change, gone rows go, new rows are appended), so a refresh
// keeps the view's selection, current row and scroll position.
class VmTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Id,
        Name,
        Owner,
        Group,
        State,
        Host,
        Console,
        Ip,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, // numbers sort as numbers, IPs by address
        VmIdRole,
        VmRole, // the whole VirtualMachine
        FilterTextRole, // name, ID, owner and IPs in one string for the filter
        StateCodeRole, // STATE
        ConsolePossibleRole,
        PendingRole, // the power action under way ("poweroff… (SHUTDOWN_POWEROFF)"), or empty
    };

    explicit VmTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setVms(const QList<VirtualMachine> &vms);
    const QList<VirtualMachine> &vms() const { return m_vms; }
    const VirtualMachine *vmAt(int row) const;
    int rowOfVm(int vmId) const;
    // One VM as just seen (a followed action): its row changes in place; unknown VMs are ignored.
    void updateVm(const VirtualMachine &vm);
    // Marks a power action under way (VmActionQueue::pendingText); empty clears it.
    void setPending(int vmId, const QString &text);
    QString pending(int vmId) const { return m_pending.value(vmId); }

    // "VNC", "SPICE", or "none" (translated), as the Console column shows it.
    static QString consoleKind(const VirtualMachine &vm);

private:
    QList<VirtualMachine> m_vms;
    QHash<int, QString> m_pending;
};

} // namespace Porthole
