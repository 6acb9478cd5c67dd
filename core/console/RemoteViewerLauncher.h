// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "console/VirtViewerFile.h"

#include <QString>

namespace Porthole {

// Opens a SPICE (or VNC) console in virt-viewer's remote-viewer, as Sunstone does: writes the
// .vv file (VirtViewerFile) and starts remote-viewer on it, detached (its window lives on
// after Porthole). remote-viewer removes the file once read (delete-this-file=1); should it
// never get that far, the file is removed here after kFileLifetimeMs, so the password is not
// left behind.
class RemoteViewerLauncher
{
public:
    static constexpr int kFileLifetimeMs = 30000;

    // The program, found on PATH; empty when virt-viewer is not installed.
    static QString program();
    // What to tell someone without it.
    static QString installHint();

    // false with *error (not installed, file not written, not started); *pid and *file
    // (when given) say what was started on what.
    static bool open(const VirtViewerFile &file, QString *error, qint64 *pid = nullptr, QString *filePath = nullptr);
};

} // namespace Porthole
