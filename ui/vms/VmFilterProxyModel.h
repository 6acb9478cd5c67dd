// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace Porthole {

// Sorts the VM table by VmTableModel::SortRole and filters it by a text
// (matched, case-insensitively, against name, ID, owner and IPs; every word
// must match somewhere) and a VM STATE.
class VmFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    static constexpr int AnyState = -1;

    explicit VmFilterProxyModel(QObject *parent = nullptr);

    void setFilterText(const QString &text);
    QString filterText() const { return m_words.join(QLatin1Char(' ')); }
    void setStateFilter(int state); // a VmStates::State, or AnyState
    int stateFilter() const { return m_state; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    // Ties (same state, same owner) in VM ID order, so a refresh never reshuffles them.
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QStringList m_words;
    int m_state = AnyState;
};

} // namespace Porthole
