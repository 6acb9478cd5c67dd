// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Porthole {

// A profile's host address overrides: where Porthole dials a hypervisor whose name (the
// VM's HISTORY/HOSTNAME, as oned knows it) does not resolve or is not reachable from the
// operator's desk. "node-7=10.0.0.7" maps one name (case-insensitively, as DNS compares);
// a default domain completes the other bare names ("node-8" -> "node-8.dc1.example.net").
// Addresses and names with a dot are dialled as they are.
class HostOverrides
{
public:
    HostOverrides() = default;
    HostOverrides(const QStringList &mappings, const QString &defaultDomain);

    // "name=address" entries, separated by commas, semicolons or white space; false with
    // *error at the first one that is not.
    static bool parse(const QString &text, QStringList *mappings, QString *error);

    QString addressOf(const QString &hostname) const;

private:
    QStringList m_mappings;
    QString m_defaultDomain;
};

} // namespace Porthole
