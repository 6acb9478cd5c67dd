// SPDX-License-Identifier: GPL-2.0-or-later
#include "profiles/HostOverrides.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace Porthole {

HostOverrides::HostOverrides(const QStringList &mappings, const QString &defaultDomain)
    : m_mappings(mappings)
    , m_defaultDomain(defaultDomain.trimmed())
{
    while (m_defaultDomain.startsWith(u'.'))
        m_defaultDomain.remove(0, 1);
}

bool HostOverrides::parse(const QString &text, QStringList *mappings, QString *error)
{
    mappings->clear();
    static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
    for (const QString &entry : text.split(separators, Qt::SkipEmptyParts)) {
        const qsizetype equals = entry.indexOf(u'=');
        if (equals <= 0 || equals == entry.size() - 1) {
            *error = QStringLiteral("'%1' is not HOSTNAME=ADDRESS").arg(entry);
            return false;
        }
        mappings->append(entry);
    }
    return true;
}

QString HostOverrides::addressOf(const QString &hostname) const
{
    for (const QString &mapping : m_mappings) {
        const qsizetype equals = mapping.indexOf(u'=');
        if (equals > 0 && mapping.left(equals).compare(hostname, Qt::CaseInsensitive) == 0) {
            QString address = mapping.mid(equals + 1);
            if (address.startsWith(u'[') && address.endsWith(u']'))
                address = address.mid(1, address.size() - 2);
            return address;
        }
    }
    // Only a bare name gets the domain: an address or a full name is already where to go.
    if (!m_defaultDomain.isEmpty() && !hostname.isEmpty() && !hostname.contains(u'.')
        && QHostAddress(hostname).isNull())
        return hostname + u'.' + m_defaultDomain;
    return hostname;
}

} // namespace Porthole
