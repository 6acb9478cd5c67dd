// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/ConsoleError.h"

#include "console/ProbeReport.h"

#include <gtest/gtest.h>

#include <QJsonArray>

using namespace Porthole;

TEST(ConsoleError, ExitCodesFollowTheCliContract)
{
    EXPECT_EQ(consoleExitCode(ConsoleError::None), 0);
    EXPECT_EQ(consoleExitCode(ConsoleError::InvalidUrl), 2);
    EXPECT_EQ(consoleExitCode(ConsoleError::WrongPassword), 3);
    EXPECT_EQ(consoleExitCode(ConsoleError::PasswordRequired), 3);
    EXPECT_EQ(consoleExitCode(ConsoleError::UnsupportedSecurity), 3);
    EXPECT_EQ(consoleExitCode(ConsoleError::TokenRefused), 4);
    EXPECT_EQ(consoleExitCode(ConsoleError::ProxyUnreachable), 5);
    EXPECT_EQ(consoleExitCode(ConsoleError::ServerUnreachable), 5);
    EXPECT_EQ(consoleExitCode(ConsoleError::TlsFailure), 5);
    EXPECT_EQ(consoleExitCode(ConsoleError::TargetDown), 5);
    EXPECT_EQ(consoleExitCode(ConsoleError::ConnectionLost), 5);
    EXPECT_EQ(consoleExitCode(ConsoleError::Timeout), 5);
    EXPECT_EQ(consoleExitCode(ConsoleError::ProtocolError), 6);
}

TEST(ConsoleError, IdsAreDistinct)
{
    QStringList ids;
    for (int e = int(ConsoleError::None); e <= int(ConsoleError::Internal); ++e)
        ids << consoleErrorId(ConsoleError(e));
    ids.removeDuplicates();
    EXPECT_EQ(ids.size(), int(ConsoleError::Internal) + 1);
}

TEST(ProbeReport, TextAndJsonCarryStepsAndMeaning)
{
    ProbeReport report;
    report.target = QStringLiteral("ws://h:1/websockify?token=abcd…");
    report.steps.append(
        {QStringLiteral("resolve"), ProbeReport::Step::Outcome::Ok, 1.5, QStringLiteral("h -> 1.2.3.4"), {}});
    report.steps.append({QStringLiteral("upgrade"), ProbeReport::Step::Outcome::Failed, 3.0,
        QStringLiteral("connection closed"), {{QStringLiteral("status"), 0}}});
    report.error = ConsoleError::TokenRefused;
    report.meaning = QStringLiteral("the token is probably unknown or expired");
    const QString text = report.toText();
    EXPECT_TRUE(text.contains(u"resolve"));
    EXPECT_TRUE(text.contains(u"failed"));
    EXPECT_TRUE(text.contains(u"token-refused (exit 4)"));
    const QJsonObject json = report.toJson();
    EXPECT_FALSE(json.value(QStringLiteral("ok")).toBool());
    EXPECT_EQ(json.value(QStringLiteral("exit_code")).toInt(), 4);
    EXPECT_EQ(json.value(QStringLiteral("steps")).toArray().size(), 2);
    EXPECT_EQ(
        json.value(QStringLiteral("steps")).toArray().at(1).toObject().value(QStringLiteral("outcome")).toString(),
        u"failed");
}
