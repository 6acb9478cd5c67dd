// SPDX-License-Identifier: GPL-2.0-or-later
#include "gateway/HostAddressMap.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace Porthole {

bool HostAddressMap::add(const QString &mapping, QString *error)
{
    const qsizetype equals = mapping.indexOf(QLatin1Char('='));
    const QString name = mapping.left(equals).trimmed();
    QString address = equals < 0 ? QString() : mapping.mid(equals + 1).trimmed();
    if (address.startsWith(QLatin1Char('[')) && address.endsWith(QLatin1Char(']')))
        address = address.mid(1, address.size() - 2);
    if (equals <= 0 || name.isEmpty() || address.isEmpty()) {
        *error = QStringLiteral("--host-address '%1' is not HOSTNAME=ADDRESS").arg(mapping);
        return false;
    }
    // A name or an IP literal; anything with spaces, slashes or ports is a mistake.
    static const QRegularExpression kName(QStringLiteral("^[A-Za-z0-9_.-]+$"));
    if (QHostAddress(address).isNull() && !kName.match(address).hasMatch()) {
        *error = QStringLiteral("--host-address '%1': '%2' is neither an IP address nor a host name")
                     .arg(mapping, address);
        return false;
    }
    m_addresses.insert(name.toLower(), address);
    return true;
}

QString HostAddressMap::addressOf(const QString &hostname) const
{
    return m_addresses.value(hostname.toLower(), hostname);
}

} // namespace Porthole
