// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QHash>
#include <QString>

namespace Porthole {

// --host-address HOSTNAME=ADDRESS: where the gateway dials a hypervisor whose name (the
// VM's last HISTORY/HOSTNAME, as oned knows it) does not resolve on the front-end, or
// resolves to an address the gateway must not use. Names compare case-insensitively, as
// DNS does; an unmapped name is dialled as it is.
class HostAddressMap
{
public:
    // "node1=10.0.0.5", "node2=[fd00::5]" or "node2=fd00::5"; false with *error otherwise.
    bool add(const QString &mapping, QString *error);
    QString addressOf(const QString &hostname) const;
    bool isEmpty() const { return m_addresses.isEmpty(); }

private:
    QHash<QString, QString> m_addresses;
};

} // namespace Porthole
