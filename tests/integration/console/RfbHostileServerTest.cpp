// SPDX-License-Identifier: GPL-2.0-or-later
// Broken and hostile servers must give typed errors, never crashes (also run under ASan/UBSan).
#include "FakeRfbServer.h"

#include "console/ConsoleProbe.h"
#include "console/RfbSession.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace Porthole;
using PortholeTest::FakeRfbServer;

namespace {

constexpr int kWaitMs = 30000;

ConsoleError sessionOutcome(FakeRfbServer::Scenario scenario)
{
    FakeRfbServer server(scenario);
    RfbSession session;
    QSignalSpy failed(&session, &RfbSession::errorOccurred);
    QSignalSpy full(&session, &RfbSession::firstFullFrame);
    session.open(ConsoleUrl::vnc(QStringLiteral("127.0.0.1"), server.port()));
    QDeadlineTimer deadline(kWaitMs);
    while (failed.isEmpty() && full.isEmpty() && !deadline.hasExpired())
        failed.wait(100);
    if (!full.isEmpty())
        return ConsoleError::None;
    EXPECT_FALSE(session.errorText().isEmpty());
    return session.error();
}

} // namespace

TEST(RfbHostileServer, HonestFakeServerWorks)
{
    // Proves the fake speaks enough RFB that the failures below are the scenarios' doing.
    EXPECT_EQ(sessionOutcome(FakeRfbServer::Scenario::Honest), ConsoleError::None);
}

TEST(RfbHostileServer, TruncatedServerInit)
{
    EXPECT_EQ(sessionOutcome(FakeRfbServer::Scenario::TruncatedServerInit), ConsoleError::ProtocolError);
}

TEST(RfbHostileServer, AbsurdDimensions)
{
    EXPECT_EQ(sessionOutcome(FakeRfbServer::Scenario::AbsurdDimensions), ConsoleError::ProtocolError);
}

TEST(RfbHostileServer, HugeNameLength)
{
    EXPECT_EQ(sessionOutcome(FakeRfbServer::Scenario::HugeNameLength), ConsoleError::ProtocolError);
}

TEST(RfbHostileServer, RectangleOutsideTheFramebuffer)
{
    EXPECT_EQ(sessionOutcome(FakeRfbServer::Scenario::RectOutside), ConsoleError::ProtocolError);
}

TEST(RfbHostileServer, ConnectionClosedMidRectangle)
{
    EXPECT_EQ(sessionOutcome(FakeRfbServer::Scenario::CloseMidRect), ConsoleError::ConnectionLost);
}

TEST(RfbHostileServer, NotRfbAtAll)
{
    EXPECT_EQ(sessionOutcome(FakeRfbServer::Scenario::BadVersion), ConsoleError::ProtocolError);
}

TEST(RfbHostileServer, ServerRefusesBeforeAuthentication)
{
    const ConsoleError e = sessionOutcome(FakeRfbServer::Scenario::ZeroSecurityTypes);
    EXPECT_TRUE(e == ConsoleError::UnsupportedSecurity || e == ConsoleError::ProtocolError) << consoleErrorId(e).toStdString();
}

namespace {

ProbeReport probe(FakeRfbServer::Scenario scenario)
{
    FakeRfbServer server(scenario);
    ConsoleProbe prober;
    QSignalSpy done(&prober, &ConsoleProbe::finished);
    ConsoleProbe::Options options;
    options.stepTimeoutMs = 5000;
    prober.start(ConsoleUrl::vnc(QStringLiteral("127.0.0.1"), server.port()), options);
    EXPECT_TRUE(done.wait(kWaitMs));
    return done.isEmpty() ? ProbeReport() : done.first().first().value<ProbeReport>();
}

} // namespace

TEST(RfbHostileServer, ProbeOnHostileServerInits)
{
    EXPECT_TRUE(probe(FakeRfbServer::Scenario::Honest).ok());
    EXPECT_EQ(probe(FakeRfbServer::Scenario::TruncatedServerInit).error, ConsoleError::ProtocolError);
    EXPECT_EQ(probe(FakeRfbServer::Scenario::AbsurdDimensions).error, ConsoleError::ProtocolError);
    EXPECT_EQ(probe(FakeRfbServer::Scenario::HugeNameLength).error, ConsoleError::ProtocolError);
    EXPECT_EQ(probe(FakeRfbServer::Scenario::ZeroSecurityTypes).error, ConsoleError::UnsupportedSecurity);
}
