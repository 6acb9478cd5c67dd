// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/cli/TextTable.h"

namespace Porthole {

void TextTable::addColumn(const QString &header, Align align)
{
    m_headers << header;
    m_aligns << align;
}

void TextTable::addRow(const QStringList &cells)
{
    m_rows << cells;
}

QString TextTable::render() const
{
    QList<qsizetype> widths;
    for (const QString &header : m_headers)
        widths << header.size();
    for (const QStringList &row : m_rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    }
    auto line = [&](const QStringList &cells) -> QString { // not auto: a QStringBuilder would outlive `padded`
        QStringList padded;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            const QString cell = cells.value(i);
            const bool last = i == widths.size() - 1;
            if (m_aligns[i] == Align::Right)
                padded << cell.rightJustified(widths[i]);
            else
                padded << (last ? cell : cell.leftJustified(widths[i]));
        }
        return padded.join(QStringLiteral("  ")) + QLatin1Char('\n');
    };
    QString out = line(m_headers);
    for (const QStringList &row : m_rows)
        out += line(row);
    return out;
}

QString TextTable::keyValues(const QList<std::pair<QString, QString>> &rows)
{
    qsizetype width = 0;
    for (const auto &row : rows)
        width = std::max(width, row.first.size());
    QString out;
    for (const auto &[key, value] : rows)
        out += key.leftJustified(width + 2) + value + QLatin1Char('\n');
    return out;
}

} // namespace Porthole
