// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// What the benchmarks feed the parsers: a document in oned's answer, the way oned (xmlrpc-c)
// writes it, entity-escaped in a <string>.
#include <QByteArray>
#include <QString>

namespace PortholeBench {

inline QByteArray onedResponse(const QString &inner)
{
    QString escaped = inner;
    escaped.replace(u'&', QStringLiteral("&amp;"))
        .replace(u'<', QStringLiteral("&lt;"))
        .replace(u'>', QStringLiteral("&gt;"));
    return QByteArrayLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<methodResponse>\r\n<params>\r\n"
                             "<param><value><array><data>\r\n<value><boolean>1</boolean></value>\r\n<value><string>")
        + escaped.toUtf8()
        + QByteArrayLiteral("</string></value>\r\n<value><i4>0</i4></value>\r\n</data></array></value></param>\r\n"
                            "</params>\r\n</methodResponse>\r\n");
}

} // namespace PortholeBench
