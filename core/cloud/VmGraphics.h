// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace Porthole {

// TEMPLATE/GRAPHICS of a VM as oned stores it: TYPE is kept exactly as the
// user wrote it ("VNC", "vnc", "SPICE"), PORT is only present once the VM was
// deployed (and is removed again at DONE), PASSWD is returned in clear text.
struct VmGraphics
{
    QString type;
    QString listen;
    int port = -1; // -1: no PORT in the template
    QString password;

    bool passwordSet() const { return !password.isEmpty(); }
    bool isVnc() const;
    bool isSpice() const;
    bool hasPort() const { return port >= 0; }

    // {"type", "listen", "port" (null when absent), "password_set"}; never the password.
    QJsonObject toJson() const;

    friend bool operator==(const VmGraphics &, const VmGraphics &) = default;
};

} // namespace Porthole

Q_DECLARE_METATYPE(Porthole::VmGraphics)
