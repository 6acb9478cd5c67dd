// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/VncToken.h"

#include <QJsonValue>
#include <QMetaType>

namespace Porthole {

namespace {

std::optional<int> toInt(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong: {
        const qlonglong v = value.toLongLong();
        if (v < INT_MIN || v > INT_MAX)
            return std::nullopt;
        return int(v);
    }
    case QMetaType::QString:
    case QMetaType::QByteArray: {
        bool ok = false;
        const int v = value.toString().trimmed().toInt(&ok);
        return ok ? std::optional<int>(v) : std::nullopt;
    }
    default:
        return std::nullopt;
    }
}

bool truthy(QStringView text)
{
    const QStringView t = text.trimmed();
    // "only" is the addon's vnc_proxy_support_wss setting that also means WSS.
    return t.compare(u"yes", Qt::CaseInsensitive) == 0 || t.compare(u"true", Qt::CaseInsensitive) == 0
        || t.compare(u"only", Qt::CaseInsensitive) == 0 || t == u"1";
}

bool toBool(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    if (value.typeId() == QMetaType::Int || value.typeId() == QMetaType::LongLong)
        return value.toLongLong() != 0;
    return truthy(value.toString());
}

QVariant member(const QVariantMap &members, QLatin1StringView name)
{
    const auto exact = members.constFind(QString(name));
    if (exact != members.constEnd())
        return exact.value();
    for (auto it = members.constBegin(); it != members.constEnd(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return QVariant();
}

bool validPort(int port)
{
    return port >= 0 && port <= 65535;
}

// The value between <tag> and </tag>, searched case-insensitively from the
// left; a self-closing <tag/> gives an empty value. Also returns where the
// pair was so that it can be cut out of the remaining text.
struct Found
{
    QString value;
    qsizetype begin = -1;
    qsizetype end = -1;
};

std::optional<Found> findTag(QStringView xml, QStringView tag)
{
    const QString open = u'<' + tag.toString() + u'>';
    const QString close = QStringLiteral("</") + tag.toString() + u'>';
    const QString empty = u'<' + tag.toString() + QStringLiteral("/>");
    const qsizetype start = xml.indexOf(open, 0, Qt::CaseInsensitive);
    if (start < 0) {
        const qsizetype e = xml.indexOf(empty, 0, Qt::CaseInsensitive);
        if (e < 0)
            return std::nullopt;
        return Found {QString(), e, e + empty.size()};
    }
    const qsizetype valueStart = start + open.size();
    const qsizetype stop = xml.indexOf(close, valueStart, Qt::CaseInsensitive);
    if (stop < 0)
        return std::nullopt;
    return Found {xml.mid(valueStart, stop - valueStart).toString(), start, stop + close.size()};
}

} // namespace

std::optional<VncToken> VncToken::fromStruct(const QVariantMap &members, QString *error)
{
    const auto failWith = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    VncToken t;
    if (const QVariant id = member(members, QLatin1StringView("id")); id.isValid()) {
        const std::optional<int> v = toInt(id);
        if (!v)
            return failWith(QStringLiteral("the vnctoken answer's 'id' is not an integer"));
        t.vmId = *v;
    }
    if (const QVariant port = member(members, QLatin1StringView("port")); port.isValid()) {
        const std::optional<int> v = toInt(port);
        if (!v || !validPort(*v))
            return failWith(QStringLiteral("the vnctoken answer's 'port' is not a port number: '%1'")
                                .arg(port.toString().left(20)));
        t.port = *v;
    }
    t.host = member(members, QLatin1StringView("host")).toString();
    t.type = member(members, QLatin1StringView("type")).toString();
    t.listen = member(members, QLatin1StringView("listen")).toString();
    t.password = member(members, QLatin1StringView("password")).toString();
    if (const QVariant wss = member(members, QLatin1StringView("wss")); wss.isValid())
        t.wss = toBool(wss);
    t.token = member(members, QLatin1StringView("token")).toString().trimmed();
    if (t.token.isEmpty())
        return failWith(QStringLiteral("the vnctoken answer has no token"));
    return t;
}

std::optional<VncToken> VncToken::fromVncXml(QStringView xml, QString *error)
{
    const auto failWith = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    // The password is the only value likely to hold markup-like text, so it is
    // read first and cut out before the other tags are searched for.
    QString rest = xml.toString();
    VncToken t;
    if (const auto pw = findTag(rest, u"PASSWORD")) {
        t.password = pw->value;
        rest.remove(pw->begin, pw->end - pw->begin);
    }
    const auto text = [&rest](QStringView tag) {
        const auto f = findTag(rest, tag);
        return f ? std::optional<QString>(f->value) : std::nullopt;
    };
    const std::optional<QString> token = text(u"TOKEN");
    if (!token || token->trimmed().isEmpty())
        return failWith(QStringLiteral("the one.vm.vnc answer has no <TOKEN>"));
    t.token = token->trimmed();
    if (const auto id = text(u"ID")) {
        bool ok = false;
        t.vmId = id->trimmed().toInt(&ok);
        if (!ok)
            return failWith(QStringLiteral("the one.vm.vnc answer's <ID> is not an integer: '%1'").arg(id->left(20)));
    }
    if (const auto port = text(u"PORT")) {
        bool ok = false;
        t.port = port->trimmed().toInt(&ok);
        if (!ok || !validPort(t.port))
            return failWith(
                QStringLiteral("the one.vm.vnc answer's <PORT> is not a port number: '%1'").arg(port->left(20)));
    }
    t.host = text(u"HOST").value_or(QString()).trimmed();
    t.type = text(u"TYPE").value_or(QString()).trimmed();
    t.listen = text(u"LISTEN").value_or(QString()).trimmed();
    t.wss = truthy(text(u"WSS").value_or(QString()));
    return t;
}

VncToken VncToken::fromTokenOnly(int vmId, const QString &token)
{
    VncToken t;
    t.vmId = vmId;
    t.token = token.trimmed();
    t.detailsKnown = false;
    return t;
}

QJsonObject VncToken::toJson(const QString &url) const
{
    const auto known = [this](const QJsonValue &value) { return detailsKnown ? value : QJsonValue(QJsonValue::Null); };
    return QJsonObject {
        {QStringLiteral("id"), vmId},
        {QStringLiteral("host"), known(host)},
        {QStringLiteral("port"), port >= 0 ? QJsonValue(port) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("type"), known(type)},
        {QStringLiteral("token"), token},
        {QStringLiteral("password_set"), known(passwordSet())},
        {QStringLiteral("url"), url.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(url)},
    };
}

} // namespace Porthole
