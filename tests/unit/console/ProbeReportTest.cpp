// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/ProbeReport.h"

#include <gtest/gtest.h>

#include <QJsonArray>

using namespace Porthole;

namespace {

ProbeReport failedAtUpgrade()
{
    ProbeReport report;
    report.target = QStringLiteral("ws://127.0.0.1:29876/websockify?token=abcd…");
    report.steps = {
        {QStringLiteral("resolve"), ProbeReport::Step::Outcome::Ok, 0.31, QStringLiteral("127.0.0.1 is an address"),
            {}},
        {QStringLiteral("connect"), ProbeReport::Step::Outcome::Ok, 1.5, QStringLiteral("connected"), {}},
        {QStringLiteral("tls"), ProbeReport::Step::Outcome::Skipped, 0, QStringLiteral("not used (ws://)"), {}},
        {QStringLiteral("upgrade"), ProbeReport::Step::Outcome::Failed, 12.0, QStringLiteral("HTTP 403 Forbidden"),
            {{QStringLiteral("status"), 403}}},
    };
    report.error = ConsoleError::TokenRefused;
    report.meaning = QStringLiteral("the proxy refused token 'abcd…'");
    return report;
}

} // namespace

TEST(ProbeReport, TextHasAnAlignedLineEachStepAndTheResult)
{
    const QString text = failedAtUpgrade().toText();
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 6) << text.toStdString();
    EXPECT_EQ(lines[0].toStdString(), std::string("probe ws://127.0.0.1:29876/websockify?token=abcd…"));
    EXPECT_EQ(lines[1].toStdString(), std::string("  ok      resolve              0.3 ms  127.0.0.1 is an address"));
    EXPECT_EQ(lines[3].toStdString(), std::string("  skipped tls                  0.0 ms  not used (ws://)"));
    EXPECT_EQ(lines[4].toStdString(), std::string("  failed  upgrade             12.0 ms  HTTP 403 Forbidden"));
    EXPECT_EQ(lines[5].toStdString(), std::string("result: token-refused (exit 4): the proxy refused token 'abcd…'"));
}

TEST(ProbeReport, JsonCarriesTheStepsTheErrorAndTheExitCode)
{
    const QJsonObject json = failedAtUpgrade().toJson();
    EXPECT_FALSE(json.value(QStringLiteral("ok")).toBool());
    EXPECT_EQ(json.value(QStringLiteral("error")).toString(), u"token-refused");
    EXPECT_EQ(json.value(QStringLiteral("exit_code")).toInt(), 4);
    EXPECT_EQ(json.value(QStringLiteral("meaning")).toString(), u"the proxy refused token 'abcd…'");
    const QJsonArray steps = json.value(QStringLiteral("steps")).toArray();
    ASSERT_EQ(steps.size(), 4);
    EXPECT_EQ(steps[2].toObject().value(QStringLiteral("outcome")).toString(), u"skipped");
    EXPECT_FALSE(steps[2].toObject().contains(QStringLiteral("data")));
    EXPECT_EQ(
        steps[3].toObject().value(QStringLiteral("data")).toObject().value(QStringLiteral("status")).toInt(), 403);
}

TEST(ProbeReport, ASuccessSaysOkAndHasNoMeaning)
{
    ProbeReport report;
    report.target = QStringLiteral("vnc://127.0.0.1:5900");
    EXPECT_TRUE(report.ok());
    EXPECT_EQ(report.exitCode(), 0);
    EXPECT_TRUE(report.toText().endsWith(u"result: ok\n"));
    EXPECT_FALSE(report.toJson().contains(QStringLiteral("meaning")));
    EXPECT_TRUE(report.toJson().value(QStringLiteral("ok")).toBool());
}
