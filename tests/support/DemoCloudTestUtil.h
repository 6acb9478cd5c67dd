// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QXmlStreamReader>

namespace PortholeTest {

// The shape of an XML document: one entry per element and per text node,
// "PATH" for elements and "PATH#cdata" / "PATH#text" for their content, so
// two documents compare equal when they have the same elements in the same
// order with the same kind of text, whatever the values are.
inline QStringList shapeOf(const QString &xml)
{
    QStringList shape;
    QStringList path;
    QXmlStreamReader r(xml);
    while (!r.atEnd()) {
        switch (r.readNext()) {
        case QXmlStreamReader::StartElement:
            path.append(r.name().toString());
            shape.append(path.join(QLatin1Char('/')));
            break;
        case QXmlStreamReader::EndElement:
            path.removeLast();
            break;
        case QXmlStreamReader::Characters:
            if (!r.isWhitespace())
                shape.append(
                    path.join(QLatin1Char('/')) + (r.isCDATA() ? QStringLiteral("#cdata") : QStringLiteral("#text")));
            break;
        default:
            break;
        }
    }
    if (r.hasError())
        shape.append(QStringLiteral("ERROR: ") + r.errorString());
    return shape;
}

// The text of the n-th <string> value in an XML-RPC response (the result
// document of a oned success envelope is the first one).
inline QString nthString(const QByteArray &response, int n)
{
    QXmlStreamReader r(response);
    int seen = 0;
    while (!r.atEnd()) {
        if (r.readNext() == QXmlStreamReader::StartElement && r.name() == QLatin1String("string")) {
            const QString text = r.readElementText();
            if (seen++ == n)
                return text;
        }
    }
    return QString();
}

// The sub-document of the element <VM> whose <ID> is id, re-serialised as XML.
inline QString vmElement(const QString &poolXml, int id)
{
    const QString needle = QStringLiteral("<VM><ID>%1</ID>").arg(id);
    const qsizetype start = poolXml.indexOf(needle);
    if (start < 0)
        return QString();
    // VM elements do not nest, so the first closing tag after the start ends it.
    const qsizetype end = poolXml.indexOf(QStringLiteral("</VM>"), start);
    return end < 0 ? QString() : poolXml.mid(start, end - start + 5);
}

} // namespace PortholeTest
