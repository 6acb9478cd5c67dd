// SPDX-License-Identifier: GPL-2.0-or-later
#include "OneFixtures.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QXmlStreamReader>

namespace PortholeTest {

QString oneResultString(const QString &responseFixture)
{
    const QByteArray body = fixture(QStringLiteral("opennebula-live/") + responseFixture);
    QXmlStreamReader reader(body);
    QStringList path;
    int valuesInData = 0;
    while (!reader.atEnd()) {
        const auto token = reader.readNext();
        if (token == QXmlStreamReader::StartElement) {
            if (reader.name() == u"value" && !path.isEmpty() && path.back() == u"data" && ++valuesInData == 2)
                return reader.readElementText(QXmlStreamReader::IncludeChildElements);
            path.append(reader.name().toString());
        } else if (token == QXmlStreamReader::EndElement) {
            path.removeLast();
        }
    }
    ADD_FAILURE() << "no result string in " << responseFixture.toStdString() << ": "
                  << reader.errorString().toStdString();
    return QString();
}

QStringList oneVmDocumentFixtures()
{
    const QDir dir(fixturePath(QStringLiteral("opennebula-live")));
    QStringList out;
    const QStringList files = dir.entryList(
        {QStringLiteral("one.vm.info__*.response.xml"), QStringLiteral("one.vmpool.info*.response.xml")}, QDir::Files,
        QDir::Name);
    for (const QString &f : files) {
        const QByteArray body = fixture(QStringLiteral("opennebula-live/") + f);
        // Success envelopes carry <boolean>1</boolean> and a string result.
        if (body.contains("<boolean>1</boolean>") && body.contains("<string>"))
            out.append(f);
    }
    return out;
}

} // namespace PortholeTest
