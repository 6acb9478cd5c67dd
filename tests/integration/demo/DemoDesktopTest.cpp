// SPDX-License-Identifier: GPL-2.0-or-later
// DemoDesktop: a real RFB client (RfbSession over TCP) sees its frames, and the
// keys and clicks it sends arrive on the desktop.
#include "demo/DemoDesktop.h"

#include "console/RfbSession.h"
#include "console/TypeTextJob.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>

using namespace Porthole;

namespace {
constexpr int kWaitMs = 60000;
}

TEST(DemoDesktop, ServesFramesAndTakesKeysAndClicks)
{
    DemoDesktop desktop(u"web-1"_qs);
    QString error;
    ASSERT_TRUE(desktop.start(&error, QSize(800, 600))) << error.toStdString();
    ASSERT_NE(desktop.port(), 0);

    RfbSession session;
    QSignalSpy full(&session, &RfbSession::firstFullFrame);
    session.open(ConsoleUrl::vnc(u"127.0.0.1"_qs, desktop.port()));
    ASSERT_TRUE(full.wait(kWaitMs)) << session.errorText().toStdString();
    EXPECT_EQ(session.frame().size(), QSize(800, 600));
    EXPECT_EQ(desktop.clientCount(), 1);
    // The top-left corner is the dark blue of the sky gradient, not black.
    const QColor corner(session.frame().pixel(2, 2));
    EXPECT_GT(corner.blue(), corner.red());
    EXPECT_GT(corner.blue(), 80);

    QSignalSpy typed(&desktop, &DemoDesktop::keyTyped);
    for (quint32 keysym : {quint32('h'), quint32('i')}) {
        session.sendKey(keysym, true);
        session.sendKey(keysym, false);
    }
    EXPECT_TRUE(QTest::qWaitFor([&] { return desktop.typedText() == u"hi"_qs; }, kWaitMs))
        << desktop.typedText().toStdString();

    QSignalSpy clicked(&desktop, &DemoDesktop::clicked);
    session.sendPointer(400, 300, 1);
    session.sendPointer(400, 300, 0);
    ASSERT_TRUE(clicked.count() > 0 || clicked.wait(kWaitMs));
    EXPECT_EQ(clicked.first().first().toPoint(), QPoint(400, 300));
    // The mark is drawn on the desktop and reaches the viewer.
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return QColor(session.frame().pixel(400, 300)) == QColor(0xff, 0x8a, 0x3d); }, kWaitMs));

    // The scene moves while someone watches: frames keep arriving, and the
    // animation band (filled once, then the ball moves over it) arrives whole.
    const qint64 before = session.framesReceived();
    EXPECT_TRUE(QTest::qWaitFor([&] { return session.framesReceived() > before + 3; }, kWaitMs));
    EXPECT_TRUE(
        QTest::qWaitFor([&] { return QColor(session.frame().pixel(20, 500)) == QColor(0x12, 0x25, 0x42); }, kWaitMs))
        << QColor(session.frame().pixel(20, 500)).name().toStdString();
}

TEST(DemoDesktop, AsksForTheVmPassword)
{
    DemoDesktop desktop(u"db-1"_qs, u"s3cr&t"_qs);
    QString error;
    ASSERT_TRUE(desktop.start(&error, QSize(320, 240))) << error.toStdString();

    RfbSession wrong;
    QSignalSpy failed(&wrong, &RfbSession::errorOccurred);
    RfbSession::Options options;
    options.password = u"nope"_qs;
    wrong.open(ConsoleUrl::vnc(u"127.0.0.1"_qs, desktop.port()), options);
    ASSERT_TRUE(failed.wait(kWaitMs));

    RfbSession right;
    QSignalSpy full(&right, &RfbSession::firstFullFrame);
    options.password = u"s3cr&t"_qs;
    right.open(ConsoleUrl::vnc(u"127.0.0.1"_qs, desktop.port()), options);
    ASSERT_TRUE(full.wait(kWaitMs)) << right.errorText().toStdString();
    EXPECT_EQ(right.frame().size(), QSize(320, 240));
}

TEST(DemoDesktop, EveryInputEventArrivesExactly)
{
    using Kind = DemoDesktop::InputEvent::Kind;
    DemoDesktop desktop(u"exact"_qs);
    QString error;
    ASSERT_TRUE(desktop.start(&error, QSize(640, 480))) << error.toStdString();
    RfbSession session;
    QSignalSpy full(&session, &RfbSession::firstFullFrame);
    session.open(ConsoleUrl::vnc(u"127.0.0.1"_qs, desktop.port()));
    ASSERT_TRUE(full.wait(kWaitMs)) << session.errorText().toStdString();
    // The desktop acknowledges QEMU extended key events the way QEMU does, and the
    // first full frame is the desktop itself, not the black buffer the ack stands on.
    ASSERT_TRUE(QTest::qWaitFor([&] { return session.supportsExtendedKeys(); }, kWaitMs));
    const QColor corner(session.frame().pixel(2, 2));
    EXPECT_GT(corner.blue(), 80);

    const QList<DemoDesktop::InputEvent> sent = {
        {Kind::Key, true, 'q', 0, {}},
        {Kind::Key, false, 'q', 0, {}},
        {Kind::Key, true, 0xfe03, 0, {}}, // AltGr (ISO_Level3_Shift)
        {Kind::Key, false, 0xfe03, 0, {}},
        {Kind::Key, true, 0xffbe, 0, {}}, // F1
        {Kind::Key, false, 0xffbe, 0, {}},
        {Kind::Key, true, 0xffb5, 0, {}}, // keypad 5
        {Kind::Key, false, 0xffb5, 0, {}},
        {Kind::Key, true, 'z', 0, {}, 0x2c}, // QEMU extended key events carry the XT scancode
        {Kind::Key, false, 'z', 0, {}, 0x2c},
        {Kind::Key, true, 0xfe03, 0, {}, 0xb8}, // AltGr: E0 38
        {Kind::Key, false, 0xfe03, 0, {}, 0xb8},
        {Kind::Key, true, 0xff51, 0, {}, 0xcb}, // Left: E0 4B
        {Kind::Key, false, 0xff51, 0, {}, 0xcb},
        {Kind::Pointer, false, 0, 0, QPoint(10, 20)},
        {Kind::Pointer, false, 0, 1, QPoint(11, 21)},
        {Kind::Pointer, false, 0, 0, QPoint(11, 21)},
        {Kind::Pointer, false, 0, 4, QPoint(639, 479)},
        {Kind::Pointer, false, 0, 0, QPoint(639, 479)},
    };
    for (const auto &event : sent) {
        if (event.kind == Kind::Key && event.scancode)
            session.sendExtendedKey(event.keysym, event.scancode, event.down);
        else if (event.kind == Kind::Key)
            session.sendKey(event.keysym, event.down);
        else
            session.sendPointer(event.position.x(), event.position.y(), event.buttons);
    }
    ASSERT_TRUE(QTest::qWaitFor([&] { return desktop.inputEvents().size() >= sent.size(); }, kWaitMs))
        << desktop.inputEvents().size();
    EXPECT_EQ(desktop.inputEvents(), sent); // nothing lost, merged, reordered or altered

    // "Type clipboard text": every character arrives, in order, shifted where it must be.
    const QString secret = u"Pa$$w0rd!~ Z9"_qs;
    TypeTextJob typing(&session, secret, 5);
    QSignalSpy typed(&typing, &TypeTextJob::finished);
    typing.start();
    ASSERT_TRUE(typed.wait(kWaitMs));
    EXPECT_FALSE(typed.first().first().toBool()); // not cancelled
    EXPECT_TRUE(QTest::qWaitFor([&] { return desktop.typedText().endsWith(secret); }, kWaitMs))
        << desktop.typedText().toStdString();
    // Every key pressed was released again: nothing is left held down on the VM.
    const auto held = [&] {
        int n = 0;
        for (const auto &event : desktop.inputEvents()) {
            if (event.kind == Kind::Key)
                n += event.down ? 1 : -1;
        }
        return n;
    };
    EXPECT_TRUE(QTest::qWaitFor([&] { return held() == 0; }, kWaitMs)) << held();
}
