// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace Porthole {

// Text someone else wrote (a server's VM name, a client's header) as a terminal or a log
// may show it: control characters (C0, DEL, C1) become a visible \xNN, so the text cannot
// move the cursor, recolour the terminal or fake a log line.
QString printableText(QStringView text);

} // namespace Porthole
