// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "demo/DemoCloud.h"

#include <QVariantList>

#include <optional>

namespace Porthole {

// Typed parameter access failing the way xmlrpc-c's paramList does: oned (and
// the addon) read each parameter with getInt()/getString(), which raise these
// faults (-501). Every accessor returns the fault, or nothing when out was set.
class DemoParams
{
public:
    explicit DemoParams(const QVariantList &list)
        : m_list(list)
    { }

    int size() const { return int(m_list.size()); }

    std::optional<DemoCloud::Reply> intAt(int i, int &out) const;
    std::optional<DemoCloud::Reply> stringAt(int i, QString &out) const;
    std::optional<DemoCloud::Reply> boolAt(int i, bool &out) const;
    // one.*.info(session, id[, decrypt]): the id; a decrypt flag, when given, must be a boolean.
    std::optional<DemoCloud::Reply> infoId(int &id) const;

private:
    // A missing or mistyped parameter is a -501 fault.
    template<typename T> std::optional<DemoCloud::Reply> valueAt(int i, T &out, const char *kind) const;

    const QVariantList &m_list;
};

} // namespace Porthole
