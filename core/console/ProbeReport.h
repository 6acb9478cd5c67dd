// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "console/ConsoleError.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>

namespace Porthole {

// The outcome of a console probe: each handshake step with its timing, and what the
// first failure means.
struct ProbeReport
{
    struct Step
    {
        enum class Outcome
        {
            Ok,
            Failed,
            Skipped
        };
        QString name; // "resolve", "connect", "tls", "upgrade", "rfb-version", ...
        Outcome outcome = Outcome::Ok;
        double elapsedMs = 0;
        QString summary; // one line for people
        QJsonObject data; // the facts, for --json
    };

    QString target; // the console URL, token redacted
    QList<Step> steps;
    ConsoleError error = ConsoleError::None;
    QString meaning; // the sentence explaining the failure; empty when all went well

    bool ok() const { return error == ConsoleError::None; }
    int exitCode() const { return consoleExitCode(error); }
    QString toText() const;
    QJsonObject toJson() const;
};

} // namespace Porthole

Q_DECLARE_METATYPE(Porthole::ProbeReport)
