// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/cli/TextTable.h"

#include "base/PrintableText.h"

namespace Porthole {
namespace {

// East Asian Wide and Fullwidth blocks and the emoji planes (after wcwidth()).
bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0x303e) || (c >= 0x3041 && c <= 0x33ff)
        || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xa000 && c <= 0xa4cf)
        || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f)
        || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f)
        || (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd);
}

// text padded with spaces to width columns, on the right or the left.
QString padded(const QString &text, qsizetype width, bool right)
{
    const QString fill(std::max<qsizetype>(0, width - TextTable::displayWidth(text)), u' ');
    return right ? fill + text : text + fill;
}

} // namespace

qsizetype TextTable::displayWidth(QStringView text)
{
    qsizetype width = 0;
    const QList<uint> codePoints = text.toUcs4();
    for (const uint c : codePoints) {
        switch (QChar::category(c)) {
        case QChar::Mark_NonSpacing:
        case QChar::Mark_Enclosing:
        case QChar::Other_Format:
            break;
        default:
            width += isWide(c) ? 2 : 1;
        }
    }
    return width;
}

void TextTable::addColumn(const QString &header, Align align)
{
    m_headers << header;
    m_aligns << align;
}

void TextTable::addRow(const QStringList &cells)
{
    QStringList shown;
    for (const QString &cell : cells)
        shown << printableText(cell); // server-supplied: no terminal escapes
    m_rows << shown;
}

QString TextTable::render() const
{
    QList<qsizetype> widths;
    for (const QString &header : m_headers)
        widths << displayWidth(header);
    for (const QStringList &row : m_rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], displayWidth(row[i]));
    }
    auto line = [&](const QStringList &row) -> QString { // not auto: a QStringBuilder would outlive `cells`
        QStringList cells;
        for (qsizetype i = 0; i < widths.size(); ++i) {
            const QString cell = row.value(i);
            const bool last = i == widths.size() - 1;
            if (m_aligns[i] == Align::Right)
                cells << padded(cell, widths[i], true);
            else
                cells << (last ? cell : padded(cell, widths[i], false));
        }
        return cells.join(QStringLiteral("  ")) + QLatin1Char('\n');
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
        width = std::max(width, displayWidth(row.first));
    QString out;
    for (const auto &[key, value] : rows)
        out += padded(key, width + 2, false) + printableText(value) + QLatin1Char('\n');
    return out;
}

} // namespace Porthole
