// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/UserInfo.h"

#include <QXmlStreamReader>

namespace Porthole {

namespace {

bool readInt(QXmlStreamReader &reader, int *target)
{
    bool ok = false;
    const QString text = reader.readElementText(QXmlStreamReader::SkipChildElements);
    const int value = QStringView(text).trimmed().toInt(&ok);
    if (ok)
        *target = value;
    else if (!reader.hasError())
        reader.raiseError(QStringLiteral("<%1> is not an integer: '%2'").arg(reader.name(), text.left(40)));
    return ok;
}

} // namespace

std::optional<UserInfo> UserInfo::parse(QStringView document, QString *error)
{
    QXmlStreamReader reader(document.toString());
    reader.setNamespaceProcessing(false);
    UserInfo user;
    bool seenRoot = false;
    bool rootClosed = false;
    int depth = 0;

    while (!reader.atEnd() && !reader.hasError()) {
        switch (reader.readNext()) {
        case QXmlStreamReader::DTD:
            reader.raiseError(QStringLiteral("document type declarations are not allowed"));
            break;
        case QXmlStreamReader::EntityReference:
            reader.raiseError(QStringLiteral("undeclared entity &%1;").arg(reader.name()));
            break;
        case QXmlStreamReader::StartElement:
            if (depth == 0) {
                if (seenRoot || reader.name() != u"USER") {
                    reader.raiseError(
                        QStringLiteral("expected <USER> as the document element, found <%1>").arg(reader.name()));
                    break;
                }
                seenRoot = true;
                depth = 1;
            } else if (depth == 1) {
                const QStringView n = reader.name();
                if (n == u"ID")
                    readInt(reader, &user.id);
                else if (n == u"GID")
                    readInt(reader, &user.gid);
                else if (n == u"NAME")
                    user.name = reader.readElementText(QXmlStreamReader::SkipChildElements);
                else if (n == u"GNAME")
                    user.group = reader.readElementText(QXmlStreamReader::SkipChildElements);
                else if (n == u"LOGIN_TOKEN")
                    depth = 2;
                else
                    reader.skipCurrentElement();
            } else if (depth == 2) {
                if (reader.name() == u"TOKEN")
                    user.loginTokens << reader.readElementText(QXmlStreamReader::SkipChildElements).trimmed();
                else
                    reader.skipCurrentElement();
            }
            break;
        case QXmlStreamReader::EndElement:
            if (--depth == 0)
                rootClosed = true;
            break;
        default:
            break;
        }
    }

    QString message;
    if (reader.hasError()) {
        message = QStringLiteral("line %1, column %2: %3")
                      .arg(reader.lineNumber())
                      .arg(reader.columnNumber())
                      .arg(reader.errorString());
    } else if (!rootClosed) {
        message = QStringLiteral("line %1, column %2: the document ended before </USER>")
                      .arg(reader.lineNumber())
                      .arg(reader.columnNumber());
    } else if (user.id < 0 || user.name.isEmpty()) {
        message = QStringLiteral("the <USER> document has no ID or NAME");
    }
    if (!message.isEmpty()) {
        if (error)
            *error = message;
        return std::nullopt;
    }
    return user;
}

} // namespace Porthole
