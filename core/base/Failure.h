// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "base/ExitStatus.h"

#include <QJsonObject>
#include <QString>

namespace Porthole {

// One failure as a program reports it, whatever layer it came from (OneError,
// ConsoleError, the command line): a stable id for scripts, a sentence for people,
// and the exit status.
struct Failure
{
    QString id; // "not-found", "token-refused", "usage"
    QString sentence;
    ExitStatus status = ExitStatus::Failure;

    // {"error": id, "message": sentence, "exit_code": status}
    QJsonObject toJson() const;
};

} // namespace Porthole
