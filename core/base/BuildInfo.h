// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace Porthole {

// "Porthole 0.1.0 (Qt 6.4.2, libvncclient 0.9.14)": for About. Each program names the libraries
// it links beyond Qt (porthole-proxy links no libvncclient, so it names none).
QString buildDescription(const QStringList &libraries = {});

// "0.1.0 (Qt 6.4.2, libvncclient 0.9.14)": the application version, which --version prints after
// the program's name ("porthole 0.1.0 (…)", the form help2man reads for the man pages).
QString versionDescription(const QStringList &libraries = {});

} // namespace Porthole
