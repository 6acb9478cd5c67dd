// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/vms/VmTableModel.h"

#include "base/PrintableText.h"
#include "cloud/VmStates.h"
#include "ui/vms/VmStateText.h"

#include <QHash>
#include <QHostAddress>
#include <QIcon>
#include <QSet>

namespace Porthole {

VmTableModel::VmTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int VmTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_vms.size());
}

int VmTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString VmTableModel::consoleKind(const VirtualMachine &vm)
{
    if (!vm.graphics || vm.graphics->type.isEmpty())
        return tr("none");
    if (vm.graphics->isVnc())
        return QStringLiteral("VNC");
    if (vm.graphics->type.compare(QLatin1String("spice"), Qt::CaseInsensitive) == 0)
        return QStringLiteral("SPICE");
    return vm.graphics->type.toUpper();
}

namespace {
// IPv4 addresses sort numerically (10.0.0.9 before 10.0.0.10); others as text after them.
QVariant ipSortKey(const QStringList &ips)
{
    if (ips.isEmpty())
        return QStringLiteral("~");
    QHostAddress address(ips.first());
    bool ok = false;
    const quint32 v4 = address.toIPv4Address(&ok);
    if (ok)
        return QStringLiteral("%1").arg(v4, 10, 10, QLatin1Char('0'));
    return QString(QStringLiteral("z") + ips.first());
}
} // namespace

QVariant VmTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const VirtualMachine &vm = m_vms.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Id:
            return vm.id;
        // Text from the cloud, written by whoever may name a VM: control characters shown.
        case Name:
            return printableText(vm.name);
        case Owner:
            return printableText(vm.owner);
        case Group:
            return printableText(vm.group);
        case State: {
            const QString pending = m_pending.value(vm.id);
            return pending.isEmpty() ? VmStateText::label(vm) : tr("%1 — %2").arg(VmStateText::label(vm), pending);
        }
        case Host:
            return printableText(vm.host);
        case Console:
            return consoleKind(vm);
        case Ip:
            return printableText(vm.ips.join(QStringLiteral(", ")));
        }
        return {};
    case Qt::DecorationRole: {
        if (index.column() != State)
            return {};
        // Shared icons: a view asks for them on every paint.
        static const QIcon running(QStringLiteral(":/icons/state-running.svg"));
        static const QIcon off(QStringLiteral(":/icons/state-off.svg"));
        static const QIcon pending(QStringLiteral(":/icons/state-pending.svg"));
        static const QIcon failed(QStringLiteral(":/icons/state-failed.svg"));
        if (m_pending.contains(vm.id))
            return pending;
        switch (vm.state) {
        case VmStates::Active:
            if (vm.lcmState == VmStates::Running)
                return running;
            return vm.lcmState == VmStates::Unknown ? failed : pending; // booting, migrating, ...
        case VmStates::Pending:
        case VmStates::Hold:
        case VmStates::Init:
        case VmStates::Cloning:
            return pending;
        case VmStates::Failed:
        case VmStates::CloningFailure:
            return failed;
        default:
            return off;
        }
    }
    case Qt::ToolTipRole:
        if (index.column() == State)
            return tr("%1 (STATE %2, LCM_STATE %3)").arg(vm.longStateName()).arg(vm.state).arg(vm.lcmState);
        if (index.column() == Console && vm.graphics && vm.graphics->isVnc() && !vm.consolePossible())
            return tr("VNC, but the VM is %1: no console now").arg(VmStateText::label(vm));
        if (index.column() == Ip && vm.ips.size() > 1)
            return vm.ips.join(QLatin1Char('\n'));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Id)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case SortRole:
        switch (index.column()) {
        case Id:
            return vm.id;
        case State:
            // Group by state, running ones together.
            return vm.state * 1000 + vm.lcmState;
        case Ip:
            return ipSortKey(vm.ips);
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case VmIdRole:
        return vm.id;
    case VmRole:
        return QVariant::fromValue(vm);
    case FilterTextRole:
        return QStringList {QString::number(vm.id), vm.name, vm.owner, vm.ips.join(QLatin1Char(' '))}.join(
            QLatin1Char('\n'));
    case StateCodeRole:
        return vm.state;
    case ConsolePossibleRole:
        return vm.consolePossible();
    case PendingRole:
        return m_pending.value(vm.id);
    }
    return {};
}

QVariant VmTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Id:
        return tr("ID");
    case Name:
        return tr("Name");
    case Owner:
        return tr("Owner");
    case Group:
        return tr("Group");
    case State:
        return tr("State");
    case Host:
        return tr("Host");
    case Console:
        return tr("Console");
    case Ip:
        return tr("IP");
    }
    return {};
}

const VirtualMachine *VmTableModel::vmAt(int row) const
{
    return row >= 0 && row < m_vms.size() ? &m_vms.at(row) : nullptr;
}

int VmTableModel::rowOfVm(int vmId) const
{
    for (int i = 0; i < m_vms.size(); ++i) {
        if (m_vms.at(i).id == vmId)
            return i;
    }
    return -1;
}

void VmTableModel::updateVm(const VirtualMachine &vm)
{
    const int row = rowOfVm(vm.id);
    if (row < 0 || m_vms.at(row) == vm)
        return;
    m_vms[row] = vm;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void VmTableModel::setPending(int vmId, const QString &text)
{
    if (text.isEmpty() ? !m_pending.remove(vmId) : m_pending.value(vmId) == text)
        return;
    if (!text.isEmpty())
        m_pending.insert(vmId, text);
    const int row = rowOfVm(vmId);
    if (row >= 0)
        Q_EMIT dataChanged(index(row, State), index(row, State));
}

void VmTableModel::setVms(const QList<VirtualMachine> &vms)
{
    QHash<int, int> fresh; // id → index in vms
    for (int i = 0; i < vms.size(); ++i)
        fresh.insert(vms.at(i).id, i);

    // Gone rows, from the end so row numbers stay valid; runs of rows go in one step.
    for (int row = int(m_vms.size()) - 1; row >= 0;) {
        if (fresh.contains(m_vms.at(row).id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !fresh.contains(m_vms.at(first - 1).id))
            --first;
        beginRemoveRows(QModelIndex(), first, row);
        m_vms.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }

    QSet<int> present;
    for (int row = 0; row < m_vms.size(); ++row) {
        const VirtualMachine &update = vms.at(fresh.value(m_vms.at(row).id));
        present.insert(update.id);
        if (!(m_vms.at(row) == update)) {
            m_vms[row] = update;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }

    QList<VirtualMachine> added;
    for (const VirtualMachine &vm : vms) {
        if (!present.contains(vm.id))
            added << vm;
    }
    if (!added.isEmpty()) {
        const int first = int(m_vms.size());
        beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
        m_vms.append(added);
        endInsertRows();
    }
}

} // namespace Porthole
