// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QtGlobal>

namespace Porthole {

// One request from the GUI thread to the RFB worker; plain values, copied into the queue.
struct RfbCommand
{
    enum class Type
    {
        Key,
        ExtendedKey,
        Pointer,
        CutText,
        Resize,
        UpdateRequest,
        Quit
    };

    Type type = Type::Quit;
    quint32 keysym = 0;
    quint32 scancode = 0; // XT scancode for QEMU extended key events
    bool down = false;
    int x = 0;
    int y = 0; // pointer position, or the requested desktop size (Resize)
    int buttons = 0; // RFB button mask
    bool incremental = true; // UpdateRequest
    QByteArray text; // CutText, already Latin-1
};

} // namespace Porthole
