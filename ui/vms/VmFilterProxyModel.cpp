// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/vms/VmFilterProxyModel.h"

#include "ui/vms/VmTableModel.h"

namespace Porthole {

VmFilterProxyModel::VmFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(VmTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void VmFilterProxyModel::setFilterText(const QString &text)
{
    const QStringList words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateFilter();
}

void VmFilterProxyModel::setStateFilter(int state)
{
    if (state == m_state)
        return;
    m_state = state;
    invalidateFilter();
}

bool VmFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_state != AnyState && index.data(VmTableModel::StateCodeRole).toInt() != m_state)
        return false;
    if (m_words.isEmpty())
        return true;
    const QString haystack = index.data(VmTableModel::FilterTextRole).toString();
    for (const QString &word : m_words) {
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool VmFilterProxyModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (QSortFilterProxyModel::lessThan(left, right))
        return true;
    if (QSortFilterProxyModel::lessThan(right, left))
        return false;
    // Ascending IDs under either sort order: QSortFilterProxyModel reverses lessThan for
    // descending, so the ID goes the other way there.
    const int a = left.data(VmTableModel::VmIdRole).toInt();
    const int b = right.data(VmTableModel::VmIdRole).toInt();
    return sortOrder() == Qt::AscendingOrder ? a < b : a > b;
}

} // namespace Porthole
