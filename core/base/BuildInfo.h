// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Porthole {

// "Porthole 0.1.0 (Qt 6.4.2, libvncclient 0.9.14)": for --version and About. Each program names
// the libraries it links beyond Qt (porthole-proxy links no libvncclient, so it names none).
QString buildDescription(const QStringList &libraries = {});

} // namespace Porthole
