// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QMetaType>
#include <QString>

namespace Porthole {

// One relaying session as an operator sees it; the token is already redacted.
struct ProxySessionInfo
{
    quint64 id = 0;
    QString client; // address:port, or the X-Forwarded-For address
    QString token; // first four characters and an ellipsis
    QString target; // host:port the token names
    quint64 bytesToTarget = 0;
    quint64 bytesToClient = 0;
    qint64 durationMs = 0;
};

} // namespace Porthole

Q_DECLARE_METATYPE(Porthole::ProxySessionInfo)
