// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QIcon>

namespace Porthole {

// Icons for actions: the desktop's icon theme first (freedesktop names, as KDE and GNOME
// provide them), else the SVG Porthole bundles under :/icons/actions/ with the same name, so a
// bare window manager, a container or the offscreen platform still shows an icon.
class ThemeIcon
{
public:
    // name: a freedesktop icon name that has a bundled fallback ("view-refresh").
    static QIcon named(const QString &name);
    // Whether the bundled fallback exists (every name used must have one).
    static bool hasFallback(const QString &name);
};

} // namespace Porthole
