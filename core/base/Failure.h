// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "base/ExitStatus.h"
#include "base/Remedy.h"

#include <QJsonObject>
#include <QString>

#include <utility>

namespace Porthole {

// One failure as a program reports it, whatever layer it came from (OneError,
// ConsoleError, the command line): a stable id for scripts, a sentence for people,
// and the exit status.
struct Failure
{
    Failure() = default;
    // Not an aggregate, so that the many {id, sentence, status} need not spell out remedies.
    Failure(QString id, QString sentence, ExitStatus status = ExitStatus::Failure, Remedies remedies = {})
        : id(std::move(id))
        , sentence(std::move(sentence))
        , status(status)
        , remedies(remedies)
    { }

    QString id; // "not-found", "token-refused", "usage"
    QString sentence;
    ExitStatus status = ExitStatus::Failure;
    Remedies remedies; // what the front end names in its own words after the sentence

    // {"error": id, "message": sentence, "exit_code": status}; the front end words the remedies.
    QJsonObject toJson() const;
};

} // namespace Porthole
