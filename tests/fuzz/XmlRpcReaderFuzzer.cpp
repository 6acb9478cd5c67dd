// SPDX-License-Identifier: GPL-2.0-or-later
// XmlRpcReader on any bytes, as a response and as a call: whole, in pieces, and in pieces with the
// result array's second string streamed to a sink as OneClient streams pools. The three must agree:
// how a body was cut into reads never changes whether it is valid or what it says.
#include "FuzzSupport.h"
#include "xmlrpc/XmlRpcReader.h"

#include <QDateTime>

using namespace Porthole;
using namespace PortholeFuzz;

namespace {

// A value as text, NaN included (QVariant's == says NaN differs from itself).
QString render(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::QVariantList: {
        QString s = QStringLiteral("[");
        for (const QVariant &e : v.toList())
            s += render(e) + u',';
        return s + u']';
    }
    case QMetaType::QVariantMap: {
        QString s = QStringLiteral("{");
        const QVariantMap m = v.toMap();
        for (auto it = m.cbegin(); it != m.cend(); ++it)
            s += it.key() + u':' + render(it.value()) + u',';
        return s + u'}';
    }
    case QMetaType::Double:
        return QStringLiteral("d:") + QString::number(v.toDouble(), 'g', 17);
    case QMetaType::QByteArray:
        return QStringLiteral("b:") + QString::fromLatin1(v.toByteArray().toHex());
    case QMetaType::QDateTime:
        return QStringLiteral("t:") + v.toDateTime().toString(Qt::ISODateWithMs);
    default:
        return QString::fromLatin1(v.typeName()) + u':' + v.toString();
    }
}

struct Outcome
{
    bool ok = false;
    QString summary;
};

Outcome read(XmlRpcReader::Kind kind, const QList<QByteArray> &parts, QString *streamed, bool *sinkUsed)
{
    XmlRpcReader reader(kind);
    if (streamed) {
        reader.streamResultArrayString(1, [streamed, sinkUsed](QStringView chunk) {
            *sinkUsed = true;
            streamed->append(chunk);
        });
    }
    for (const QByteArray &part : parts)
        reader.addData(part);
    Outcome o;
    o.ok = reader.finish();
    PORTHOLE_FUZZ_CHECK(o.ok == !reader.hasError(), "finish() and hasError() disagree");
    PORTHOLE_FUZZ_CHECK(o.ok || !reader.errorString().isEmpty(), "an error without a message");
    if (o.ok) {
        if (kind == XmlRpcReader::Kind::Call)
            o.summary = reader.methodName() + render(reader.params());
        else if (reader.isFault())
            o.summary = QStringLiteral("fault %1 %2").arg(reader.faultCode()).arg(reader.faultString());
        else
            o.summary = render(reader.value());
    }
    return o;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body(reinterpret_cast<const char *>(data), qsizetype(size));
    Cuts cuts(data, size);
    const QList<QByteArray> whole {body};
    const QList<QByteArray> cut = pieces(body, cuts);
    for (const auto kind : {XmlRpcReader::Kind::Response, XmlRpcReader::Kind::Call}) {
        const Outcome a = read(kind, whole, nullptr, nullptr);
        const Outcome b = read(kind, cut, nullptr, nullptr);
        PORTHOLE_FUZZ_CHECK(a.ok == b.ok, "whole and in pieces disagree on validity");
        PORTHOLE_FUZZ_CHECK(a.summary == b.summary, "whole and in pieces read different values");
    }
    // OneClient's pool call: the string at result[1] goes to the sink, the value keeps its head.
    QString streamed;
    bool sinkUsed = false;
    const Outcome plain = read(XmlRpcReader::Kind::Response, whole, nullptr, nullptr);
    const Outcome s = read(XmlRpcReader::Kind::Response, cut, &streamed, &sinkUsed);
    PORTHOLE_FUZZ_CHECK(plain.ok == s.ok, "streaming the result string changes validity");
    if (plain.ok && sinkUsed) {
        auto reader = XmlRpcReader::parse(XmlRpcReader::Kind::Response, body);
        const QVariantList result = reader->value().toList();
        PORTHOLE_FUZZ_CHECK(result.value(1).toString() == streamed, "the streamed text differs from the value");
    }
    return 0;
}
