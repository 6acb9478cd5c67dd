// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Porthole {

// Column-aligned text like `onevm list`: numbers right-aligned, text left-aligned.
// Widths are terminal columns: combining marks take none, East Asian wide and
// emoji characters two (a VM name may be "数据库-1").
class TextTable
{
public:
    enum class Align
    {
        Left,
        Right
    };

    void addColumn(const QString &header, Align align = Align::Left);
    void addRow(const QStringList &cells);
    QString render() const;

    // "KEY   value" lines for one object.
    static QString keyValues(const QList<std::pair<QString, QString>> &rows);

    // The columns text takes on a terminal.
    static qsizetype displayWidth(QStringView text);

private:
    QStringList m_headers;
    QList<Align> m_aligns;
    QList<QStringList> m_rows;
};

} // namespace Porthole
