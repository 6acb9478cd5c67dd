// SPDX-License-Identifier: GPL-2.0-or-later
#include "xmlrpc/XmlRpcWriter.h"

#include <QXmlStreamWriter>

namespace Porthole {
namespace {

void writeValue(QXmlStreamWriter &xml, const QVariant &value)
{
    xml.writeStartElement(QStringLiteral("value"));
    switch (value.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        xml.writeEmptyElement(QStringLiteral("nil"));
        break;
    case QMetaType::Bool:
        xml.writeTextElement(QStringLiteral("boolean"), value.toBool() ? QStringLiteral("1") : QStringLiteral("0"));
        break;
    case QMetaType::Int:
    case QMetaType::Short:
    case QMetaType::UShort:
        xml.writeTextElement(QStringLiteral("int"), QString::number(value.toInt()));
        break;
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::Long:
        // xmlrpc-c's 64-bit extension; oned itself answers with <i8> in error envelopes.
        xml.writeTextElement(QStringLiteral("i8"), QString::number(value.toLongLong()));
        break;
    case QMetaType::Double:
    case QMetaType::Float:
        xml.writeTextElement(QStringLiteral("double"), QString::number(value.toDouble(), 'g', 17));
        break;
    case QMetaType::QByteArray:
        xml.writeTextElement(QStringLiteral("base64"), QString::fromLatin1(value.toByteArray().toBase64()));
        break;
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        xml.writeStartElement(QStringLiteral("array"));
        xml.writeStartElement(QStringLiteral("data"));
        const QVariantList items = value.toList();
        for (const QVariant &item : items)
            writeValue(xml, item);
        xml.writeEndElement();
        xml.writeEndElement();
        break;
    }
    case QMetaType::QVariantMap: {
        xml.writeStartElement(QStringLiteral("struct"));
        const QVariantMap members = value.toMap();
        for (auto it = members.cbegin(); it != members.cend(); ++it) {
            xml.writeStartElement(QStringLiteral("member"));
            xml.writeTextElement(QStringLiteral("name"), it.key());
            writeValue(xml, it.value());
            xml.writeEndElement();
        }
        xml.writeEndElement();
        break;
    }
    default:
        xml.writeTextElement(QStringLiteral("string"), value.toString());
        break;
    }
    xml.writeEndElement();
}

template<typename Body> QByteArray document(Body body)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.writeStartDocument();
    body(xml);
    xml.writeEndDocument();
    return out;
}

} // namespace

QByteArray XmlRpcWriter::methodCall(const QString &method, const QVariantList &params)
{
    return document([&](QXmlStreamWriter &xml) {
        xml.writeStartElement(QStringLiteral("methodCall"));
        xml.writeTextElement(QStringLiteral("methodName"), method);
        xml.writeStartElement(QStringLiteral("params"));
        for (const QVariant &param : params) {
            xml.writeStartElement(QStringLiteral("param"));
            writeValue(xml, param);
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
    });
}

QByteArray XmlRpcWriter::response(const QVariant &value)
{
    return document([&](QXmlStreamWriter &xml) {
        xml.writeStartElement(QStringLiteral("methodResponse"));
        xml.writeStartElement(QStringLiteral("params"));
        xml.writeStartElement(QStringLiteral("param"));
        writeValue(xml, value);
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    });
}

QByteArray XmlRpcWriter::fault(int code, const QString &message)
{
    return document([&](QXmlStreamWriter &xml) {
        xml.writeStartElement(QStringLiteral("methodResponse"));
        xml.writeStartElement(QStringLiteral("fault"));
        writeValue(xml, QVariantMap {{QStringLiteral("faultCode"), code}, {QStringLiteral("faultString"), message}});
        xml.writeEndElement();
        xml.writeEndElement();
    });
}

} // namespace Porthole
