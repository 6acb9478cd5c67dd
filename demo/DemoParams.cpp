// SPDX-License-Identifier: GPL-2.0-or-later
#include "demo/DemoParams.h"

namespace Porthole {

namespace {

// xmlrpc-c's fault code for a parameter of the wrong type, or a missing one
constexpr int kFaultType = -501;

DemoCloud::Reply fault(const QString &message)
{
    DemoCloud::Reply r;
    r.isFault = true;
    r.faultCode = kFaultType;
    r.faultString = message;
    return r;
}

} // namespace

template<typename T> std::optional<DemoCloud::Reply> DemoParams::valueAt(int i, T &out, const char *kind) const
{
    if (i >= m_list.size())
        return fault(QStringLiteral("Not enough parameters"));
    const QVariant &v = m_list.at(i);
    if (v.typeId() != QMetaType::fromType<T>().id())
        return fault(QStringLiteral("Parameter that is supposed to be %1 is not").arg(QLatin1String(kind)));
    out = v.value<T>();
    return std::nullopt;
}

std::optional<DemoCloud::Reply> DemoParams::intAt(int i, int &out) const
{
    return valueAt(i, out, "integer");
}

std::optional<DemoCloud::Reply> DemoParams::stringAt(int i, QString &out) const
{
    return valueAt(i, out, "a string");
}

std::optional<DemoCloud::Reply> DemoParams::boolAt(int i, bool &out) const
{
    return valueAt(i, out, "boolean");
}

std::optional<DemoCloud::Reply> DemoParams::infoId(int &id) const
{
    if (auto f = intAt(1, id))
        return f;
    bool decrypt = false;
    return size() > 2 ? boolAt(2, decrypt) : std::nullopt;
}

} // namespace Porthole
