// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/RfbGreeting.h"

#include <gtest/gtest.h>

#include <QtEndian>

using namespace Porthole;

namespace {

QByteArray u32(quint32 value)
{
    QByteArray bytes(4, Qt::Uninitialized);
    qToBigEndian<quint32>(value, bytes.data());
    return bytes;
}

QByteArray reason(const QByteArray &text)
{
    return u32(quint32(text.size())) + text;
}

const QByteArray kChallenge(16, 'c');

// QByteArray, so the tests' concatenations (QStringBuilder) convert.
RfbGreeting greet(const QByteArray &bytes, int chosenType)
{
    return RfbGreeting::parse(bytes, chosenType);
}

} // namespace

TEST(RfbGreeting, NothingOrNotRfbHasNoVersion)
{
    EXPECT_EQ(greet("", 0).major, 0);
    EXPECT_EQ(greet("RFB 003.0", 0).major, 0);
    EXPECT_EQ(greet("HTTP/1.1 400 Bad Request\r\n", 0).major, 0);
    EXPECT_EQ(greet("RFB 00x.008\n", 0).major, 0);
}

TEST(RfbGreeting, ReadsTheOfferedTypesOf38)
{
    const RfbGreeting g = greet(QByteArray("RFB 003.008\n") + char(2) + char(6) + char(16), 0);
    EXPECT_EQ(g.major, 3);
    EXPECT_EQ(g.minor, 8);
    EXPECT_TRUE(g.typesComplete);
    EXPECT_EQ(g.securityTypes, (QList<int> {6, 16}));
    EXPECT_FALSE(g.refused);
    EXPECT_FALSE(RfbGreeting::clientSupports(6));
    EXPECT_FALSE(RfbGreeting::clientSupports(16));
    EXPECT_TRUE(RfbGreeting::clientSupports(2));
    EXPECT_TRUE(RfbGreeting::clientSupports(19));
    EXPECT_FALSE(RfbGreeting::clientSupports(30)) << "ARD aborts inside libvncclient 0.9.14";
    EXPECT_FALSE(RfbGreeting::clientSupports(113)) << "so does MSLogon II";

    // A list cut short is not complete.
    EXPECT_FALSE(greet(QByteArray("RFB 003.008\n") + char(2) + char(6), 0).typesComplete);
}

TEST(RfbGreeting, ARefusalCarriesItsReason)
{
    const RfbGreeting g = greet(QByteArray("RFB 003.008\n") + char(0) + reason("Too many security failures"), 0);
    EXPECT_TRUE(g.refused);
    EXPECT_EQ(g.refusalReason, u"Too many security failures");

    // 3.3: the server names one scheme, 0 being a failure with a reason.
    const RfbGreeting old = greet(QByteArray("RFB 003.003\n") + u32(0) + reason("go away"), 0);
    EXPECT_TRUE(old.refused);
    EXPECT_EQ(old.refusalReason, u"go away");
    const RfbGreeting vnc33 = greet(QByteArray("RFB 003.003\n") + u32(2), 0);
    EXPECT_EQ(vnc33.securityTypes, QList<int> {2});
}

TEST(RfbGreeting, ReadsTheSecurityResultAfterVncAuth)
{
    const QByteArray offer = QByteArray("RFB 003.008\n") + char(1) + char(2);
    EXPECT_EQ(greet(offer + kChallenge, 2).securityResult, RfbGreeting::Result::Unknown);
    EXPECT_EQ(greet(offer + kChallenge + u32(0), 2).securityResult, RfbGreeting::Result::Ok);
    const RfbGreeting failed = greet(offer + kChallenge + u32(1) + reason("Authentication failure"), 2);
    EXPECT_EQ(failed.securityResult, RfbGreeting::Result::Failed);
    EXPECT_EQ(failed.failureReason, u"Authentication failure");
}

TEST(RfbGreeting, NoneHasAResultFrom38OnAndTlsHidesIt)
{
    const QByteArray offer = QByteArray("RFB 003.008\n") + char(1) + char(1);
    EXPECT_EQ(greet(offer + u32(0), 1).securityResult, RfbGreeting::Result::Ok);
    EXPECT_EQ(greet(QByteArray("RFB 003.007\n") + char(1) + char(1), 1).securityResult, RfbGreeting::Result::Unknown);
    // VeNCrypt: what follows the choice is the VeNCrypt exchange, then TLS.
    const QByteArray vencrypt = QByteArray("RFB 003.008\n") + char(1) + char(19) + char(0) + char(2);
    EXPECT_EQ(greet(vencrypt, 19).securityResult, RfbGreeting::Result::Unknown);
}

TEST(RfbGreeting, HostileLengthsAreNotTrusted)
{
    // A reason length beyond the bytes seen leaves the reason empty rather than reading past them.
    const RfbGreeting g = greet(QByteArray("RFB 003.008\n") + char(0) + u32(0xffffffffu) + "x", 0);
    EXPECT_TRUE(g.refused);
    EXPECT_TRUE(g.refusalReason.isEmpty());
}
