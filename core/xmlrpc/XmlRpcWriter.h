// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>

namespace Porthole {

// Serialises XML-RPC documents. Types map from QVariant as oned expects them:
// QString → <string>, int → <int>, qlonglong → <i8>, bool → <boolean>, double → <double>,
// QByteArray → <base64>, QVariantList → <array>, QVariantMap → <struct>, null → <nil/>.
class XmlRpcWriter
{
public:
    static QByteArray methodCall(const QString &method, const QVariantList &params);
    static QByteArray response(const QVariant &value);
    static QByteArray fault(int code, const QString &message);
};

} // namespace Porthole
