// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <ostream>

namespace PortholeTest {

// The result string (element [1] of oned's [ok, result, code] array) of a
// recorded response under tests/fixtures/opennebula-live, read with a small
// QXmlStreamReader walk independent of the production XML-RPC codec.
QString oneResultString(const QString &responseFixture);

// Every successful VM/VM-pool response in opennebula-live (file names).
QStringList oneVmDocumentFixtures();

} // namespace PortholeTest

// Readable QString values in gtest failure messages.
inline void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}
