// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Porthole {

// Where a console token points: a VNC server's host and TCP port.
struct TokenTarget
{
    QString host;
    quint16 port = 0;

    bool isValid() const { return !host.isEmpty() && port != 0; }
    // "host:port", IPv6 hosts in brackets so the result parses back.
    QString toString() const;

    // Parses websockify's "host:port", a bracketed IPv6 "[::1]:5900", or the bare
    // IPv6 form websockify accepts ("::1:5900", split at the last colon).
    // On failure returns an invalid target and sets *error to one readable sentence.
    static TokenTarget parse(QStringView text, QString *error);

    friend bool operator==(const TokenTarget &, const TokenTarget &) = default;
};

} // namespace Porthole
