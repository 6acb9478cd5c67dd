// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/cli/TextTable.h"

#include "base/PrintableText.h"

#include <gtest/gtest.h>

using Porthole::TextTable;

TEST(TextTable, RightAlignsNumbersAndLeftAlignsText)
{
    TextTable table;
    table.addColumn(QStringLiteral("ID"), TextTable::Align::Right);
    table.addColumn(QStringLiteral("NAME"));
    table.addColumn(QStringLiteral("STAT"));
    table.addRow({QStringLiteral("7"), QStringLiteral("web"), QStringLiteral("runn")});
    table.addRow({QStringLiteral("1234"), QStringLiteral("database-1"), QStringLiteral("poff")});
    EXPECT_EQ(table.render(),
        QStringLiteral("  ID  NAME        STAT\n"
                       "   7  web         runn\n"
                       "1234  database-1  poff\n"));
}

TEST(TextTable, TheLastColumnIsNotPadded)
{
    TextTable table;
    table.addColumn(QStringLiteral("A"));
    table.addColumn(QStringLiteral("IP"));
    table.addRow({QStringLiteral("x"), QStringLiteral("10.0.0.1,10.0.0.2")});
    table.addRow({QStringLiteral("y"), QStringLiteral("-")});
    EXPECT_EQ(table.render(), QStringLiteral("A  IP\nx  10.0.0.1,10.0.0.2\ny  -\n"));
}

TEST(TextTable, EmptyAndMissingCellsKeepTheColumns)
{
    TextTable table;
    table.addColumn(QStringLiteral("ID"), TextTable::Align::Right);
    table.addColumn(QStringLiteral("NAME"));
    table.addColumn(QStringLiteral("HOST"));
    table.addRow({QStringLiteral("1"), QString(), QStringLiteral("h1")});
    table.addRow({QStringLiteral("22")}); // a short row: the other cells are empty
    EXPECT_EQ(table.render(),
        QStringLiteral("ID  NAME  HOST\n"
                       " 1        h1\n"
                       "22        \n"));
}

TEST(TextTable, AHeaderOnlyTableIsItsHeader)
{
    TextTable table;
    table.addColumn(QStringLiteral("ID"), TextTable::Align::Right);
    table.addColumn(QStringLiteral("NAME"));
    EXPECT_EQ(table.render(), QStringLiteral("ID  NAME\n"));
}

TEST(TextTable, WidthsAreTerminalColumns)
{
    EXPECT_EQ(TextTable::displayWidth(u"abc"), 3);
    EXPECT_EQ(TextTable::displayWidth(u"caf\u00e9"), 4); // precomposed é
    EXPECT_EQ(TextTable::displayWidth(u"cafe\u0301"), 4); // e and a combining acute accent
    EXPECT_EQ(TextTable::displayWidth(u"\u6570\u636e\u5e93"), 6); // 数据库: three wide characters
    EXPECT_EQ(TextTable::displayWidth(u"\U0001F600"), 2); // an emoji outside the BMP: two UTF-16 units, two columns
    EXPECT_EQ(TextTable::displayWidth(u""), 0);
}

TEST(TextTable, WideAndCombiningNamesStayAligned)
{
    TextTable table;
    table.addColumn(QStringLiteral("NAME"));
    table.addColumn(QStringLiteral("STAT"));
    table.addRow({QStringLiteral("\u6570\u636e\u5e93-1"), QStringLiteral("runn")}); // 8 columns
    table.addRow({QStringLiteral("cafe\u0301"), QStringLiteral("poff")}); // 4 columns, 5 code units
    table.addRow({QStringLiteral("web"), QStringLiteral("pend")});
    const QStringList lines = table.render().split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 4);
    for (const QString &line : lines) // the STAT column starts at terminal column 10 on every line
        EXPECT_EQ(TextTable::displayWidth(line.left(line.size() - 4)), 10) << qPrintable(line);
}

TEST(TextTable, KeyValuesAlignTheValues)
{
    EXPECT_EQ(TextTable::keyValues({{QStringLiteral("ID"), QStringLiteral("42")},
                  {QStringLiteral("LCM_STATE"), QStringLiteral("RUNNING")}, {QStringLiteral("IP"), QString()}}),
        QStringLiteral("ID         42\n"
                       "LCM_STATE  RUNNING\n"
                       "IP         \n"));
}

TEST(TextTable, ControlCharactersFromTheServerAreShownNotObeyed)
{
    // Anyone who may name a VM could otherwise clear or recolour the operator's terminal.
    TextTable table;
    table.addColumn(QStringLiteral("NAME"));
    table.addRow({QStringLiteral("evil\x1b[2J\x1b[31mred\nline\x7f")});
    const QString out = table.render();
    EXPECT_FALSE(out.contains(QChar(0x1b)));
    EXPECT_FALSE(out.contains(QChar(0x7f)));
    EXPECT_TRUE(out.contains(QStringLiteral("evil\\x1b[2J\\x1b[31mred\\x0aline\\x7f"))) << out.toStdString();
    EXPECT_EQ(out.count(u'\n'), 2) << "one header line and one row";
    const QString kv = TextTable::keyValues({{QStringLiteral("NAME"), QStringLiteral("a\x1b]0;title\x07")}});
    EXPECT_FALSE(kv.contains(QChar(0x1b)));
    EXPECT_TRUE(kv.contains(QStringLiteral("a\\x1b]0;title\\x07"))) << kv.toStdString();
    EXPECT_EQ(Porthole::printableText(u"数据库-1 ok"), u"数据库-1 ok");
}
