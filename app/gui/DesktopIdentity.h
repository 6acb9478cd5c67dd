// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Porthole {

// The names desktop shells match a window by, which must equal what resources/ installs (a test
// compares them with the .desktop file): the Wayland app id is the desktop file's name, X11's
// WM_CLASS the application name (the file's StartupWMClass).
struct DesktopIdentity
{
    static QString applicationName() { return QStringLiteral("porthole"); }
    static QString desktopFileName() { return QStringLiteral("io.github.porthole.Porthole"); }
};

} // namespace Porthole
