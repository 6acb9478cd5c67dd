// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "console/ConsoleError.h"

#include <QString>

namespace Porthole {

// What a WebSocket close that came before the VNC server's first byte means, by the close
// codes porthole-proxy and websockify send (docs/ARCHITECTURE.md, "Errors"): 1008 is a
// refused token, 1011 and 4014 a VNC server the proxy cannot reach (1011 "token source
// error" a proxy that cannot read its tokens), 4013 a proxy at its limits, 1001 a proxy
// shutting down. RfbSession and ConsoleProbe decide alike with it.
struct CloseVerdict
{
    ConsoleError error = ConsoleError::TargetDown;
    QString meaning; // a sentence naming the proxy and what to do

    // where: "host:port" of the proxy.
    static CloseVerdict beforeRfb(int code, const QString &reason, const QString &where);
};

} // namespace Porthole
