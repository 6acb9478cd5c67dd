// SPDX-License-Identifier: GPL-2.0-or-later
#include "tokens/TokenTarget.h"

namespace Porthole {

QString TokenTarget::toString() const
{
    if (host.contains(QLatin1Char(':')))
        return QLatin1Char('[') + host + QStringLiteral("]:") + QString::number(port);
    return host + QLatin1Char(':') + QString::number(port);
}

static bool validHostChars(QStringView host)
{
    for (QChar c : host) {
        // Host names, IPv4 and IPv6 literals (with a zone after '%'): nothing that could
        // smuggle a path, a second address or whitespace into the dial.
        if (!(c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('-') || c == QLatin1Char('_')
                || c == QLatin1Char(':') || c == QLatin1Char('%')))
            return false;
    }
    return true;
}

TokenTarget TokenTarget::parse(QStringView text, QString *error)
{
    const QStringView t = text.trimmed();
    QStringView host;
    QStringView port;
    if (t.startsWith(QLatin1Char('['))) {
        const qsizetype close = t.indexOf(QLatin1Char(']'));
        if (close < 0) {
            *error = QStringLiteral("unclosed '[' in IPv6 target '%1'").arg(t);
            return {};
        }
        host = t.mid(1, close - 1);
        const QStringView rest = t.mid(close + 1);
        if (!rest.startsWith(QLatin1Char(':'))) {
            *error = QStringLiteral("target '%1' has no port (expected [address]:port)").arg(t);
            return {};
        }
        port = rest.mid(1);
    } else {
        const qsizetype colon = t.lastIndexOf(QLatin1Char(':'));
        if (colon < 0) {
            *error = t.isEmpty() ? QStringLiteral("empty target (expected host:port)")
                                 : QStringLiteral("target '%1' has no port (expected host:port)").arg(t);
            return {};
        }
        host = t.left(colon);
        port = t.mid(colon + 1);
    }
    if (host.isEmpty()) {
        *error = QStringLiteral("target '%1' has no host").arg(t);
        return {};
    }
    if (!validHostChars(host)) {
        *error = QStringLiteral("target host '%1' contains characters not allowed in a host name").arg(host);
        return {};
    }
    bool ok = false;
    const uint number = port.toUInt(&ok);
    if (!ok || number == 0 || number > 65535) {
        *error = QStringLiteral("target port '%1' is not a number from 1 to 65535").arg(port);
        return {};
    }
    return TokenTarget {host.toString(), quint16(number)};
}

} // namespace Porthole
