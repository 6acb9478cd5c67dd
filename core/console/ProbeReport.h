// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "base/Remedy.h"
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
    Remedies remedies; // what meaning advises changing, for the front end to name its control

    bool ok() const { return error == ConsoleError::None; }
    int exitCode() const { return consoleExitCode(error); }
    // remedyWords: the front end's name for the remedies ("--ca-file, --pin-sha256"), in
    // parentheses after the meaning.
    QString toText(const QString &remedyWords = QString()) const;
    QJsonObject toJson(const QString &remedyWords = QString()) const;
    QString meaningWith(const QString &remedyWords) const;
};

} // namespace Porthole

Q_DECLARE_METATYPE(Porthole::ProbeReport)
