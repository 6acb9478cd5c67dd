// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Porthole {

// An error sentence from core ("the proxy refused the token …", written to follow "porthole:"
// on a terminal) as a dialog or status line shows it: each line starts with a capital. A line
// that starts with a name to be typed as it is (porthole-cli, ws://…, ONE_AUTH, onevm) keeps it.
QString asSentence(const QString &text);

} // namespace Porthole
