// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/ProbeReport.h"

#include <QJsonArray>

namespace Porthole {

namespace {

QString outcomeName(ProbeReport::Step::Outcome outcome)
{
    switch (outcome) {
    case ProbeReport::Step::Outcome::Ok:
        return QStringLiteral("ok");
    case ProbeReport::Step::Outcome::Failed:
        return QStringLiteral("failed");
    case ProbeReport::Step::Outcome::Skipped:
        break;
    }
    return QStringLiteral("skipped");
}

} // namespace

QString ProbeReport::meaningWith(const QString &remedyWords) const
{
    return remedyWords.isEmpty() ? meaning : QStringLiteral("%1 (%2)").arg(meaning, remedyWords);
}

QString ProbeReport::toText(const QString &remedyWords) const
{
    QString text = QStringLiteral("probe %1\n").arg(target);
    for (const Step &step : steps) {
        text += QStringLiteral("  %1 %2 %3  %4\n")
                    .arg(outcomeName(step.outcome).leftJustified(7), step.name.leftJustified(16),
                        QStringLiteral("%1 ms").arg(step.elapsedMs, 0, 'f', 1).rightJustified(10), step.summary);
    }
    if (ok())
        text += QStringLiteral("result: ok\n");
    else
        text += QStringLiteral("result: %1 (exit %2): %3\n")
                    .arg(consoleErrorId(error))
                    .arg(exitCode())
                    .arg(meaningWith(remedyWords));
    return text;
}

QJsonObject ProbeReport::toJson(const QString &remedyWords) const
{
    QJsonArray list;
    for (const Step &step : steps) {
        QJsonObject o;
        o.insert(QStringLiteral("step"), step.name);
        o.insert(QStringLiteral("outcome"), outcomeName(step.outcome));
        o.insert(QStringLiteral("elapsed_ms"), step.elapsedMs);
        o.insert(QStringLiteral("summary"), step.summary);
        if (!step.data.isEmpty())
            o.insert(QStringLiteral("data"), step.data);
        list.append(o);
    }
    QJsonObject root;
    root.insert(QStringLiteral("target"), target);
    root.insert(QStringLiteral("ok"), ok());
    root.insert(QStringLiteral("error"), consoleErrorId(error));
    root.insert(QStringLiteral("exit_code"), exitCode());
    if (!meaning.isEmpty())
        root.insert(QStringLiteral("meaning"), meaningWith(remedyWords));
    root.insert(QStringLiteral("steps"), list);
    return root;
}

} // namespace Porthole
