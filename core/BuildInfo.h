// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Porthole {

// "Porthole 0.1.0 (Qt 6.4.2, libvncclient 0.9.14)": for --version and About.
QString buildDescription();

} // namespace Porthole
