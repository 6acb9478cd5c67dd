// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace Porthole {

// The first line of a file that holds a secret (--password-file, ONE_AUTH, ~/.one/one_auth),
// refused as ssh and libpq refuse theirs when the group or others may read it: a password
// every user of the machine can read is no secret. Pipes and terminals (--password-file
// /dev/stdin, <(pass show …)) have no such mode and are taken.
class SecretFile
{
public:
    // The line without its end of line; nothing, with *error, when the file cannot be read or
    // is readable by others.
    static std::optional<QString> firstLine(const QString &path, QString *error);
};

} // namespace Porthole
