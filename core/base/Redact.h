// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Porthole {

// Secrets (passwords, session strings, console tokens) are shown in logs and
// messages as their first four characters and an ellipsis, never in full.
QString redact(QStringView secret);

// "user:secret" session strings keep the user and show no character of the secret,
// which may be a password: "user:…".
QString redactSession(QStringView session);

} // namespace Porthole
