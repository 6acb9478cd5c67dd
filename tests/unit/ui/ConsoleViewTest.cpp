// SPDX-License-Identifier: GPL-2.0-or-later
// ConsoleView on the offscreen platform against the scripted in-memory server: what it
// paints and the exact RFB messages its input produces.
#include "ui/console/ConsoleView.h"

#include "ScriptedRfbServer.h"

#include <QTest>

using namespace Porthole;
using namespace PortholeTest;

namespace {

// Connects, delivers one full 64x32 frame of `pixel`, shows the view at `size`.
struct ViewFixture : Fixture
{
    explicit ViewFixture(QSize size = QSize(128, 96))
        : Fixture("scripted", {}, 64, 32)
        , view(&session)
    {
        EXPECT_TRUE(waitConnected());
        QSignalSpy full(&session, &RfbSession::firstFullFrame);
        server->send(ScriptedServer::rawUpdate(0, 0, 64, 32, 0x00204080));
        EXPECT_TRUE(full.wait(kScriptWaitMs));
        view.resize(size);
        view.show();
    }

    qsizetype messagesOfType(uchar type) const
    {
        qsizetype n = 0;
        for (const auto &m : std::as_const(server->messages))
            n += uchar(m[0]) == type;
        return n;
    }

    ConsoleView view;
};

} // namespace

TEST(ConsoleView, FitKeepsAspectAndLetterboxes)
{
    ViewFixture f(QSize(128, 96));
    // 64x32 into 128x96: scale 2, 128x64, centred vertically.
    EXPECT_EQ(f.view.imageRect(), QRectF(0, 16, 128, 64));
    EXPECT_EQ(f.view.toRemote(QPointF(0, 16)), QPoint(0, 0));
    EXPECT_EQ(f.view.toRemote(QPointF(127.9, 79.9)), QPoint(63, 31));
    EXPECT_EQ(f.view.toRemote(QPointF(64, 0)), QPoint(32, 0)) << "clamped into the desktop";
    const QImage shot = f.view.grab().toImage();
    EXPECT_EQ(shot.pixel(64, 48) & 0xffffff, 0x204080u);
    EXPECT_EQ(shot.pixel(64, 4) & 0xffffff, 0x000000u) << "letterbox bar";
}

TEST(ConsoleView, OneToOneUsesDevicePixels)
{
    ViewFixture f(QSize(100, 50));
    f.view.setScaleMode(ConsoleView::ScaleMode::OneToOne);
    const qreal dpr = f.view.devicePixelRatioF();
    EXPECT_EQ(f.view.imageRect().size(), QSizeF(64 / dpr, 32 / dpr));
    EXPECT_EQ(f.view.sizeHint(), (QSizeF(64, 32) / dpr).toSize());
}

TEST(ConsoleView, RepaintsTheUpdatedPixels)
{
    ViewFixture f;
    QSignalSpy frames(&f.session, &RfbSession::frameUpdated);
    f.server->send(ScriptedServer::rawUpdate(10, 10, 4, 4, 0x00ff0000));
    ASSERT_TRUE(frames.wait(kScriptWaitMs));
    const QImage shot = f.view.grab().toImage();
    // Remote (11,11) is widget (22+1, 16+22+1) at scale 2.
    EXPECT_EQ(shot.pixel(23, 39) & 0xffffff, 0xff0000u);
    EXPECT_EQ(shot.pixel(4, 20) & 0xffffff, 0x204080u);
}

TEST(ConsoleView, KeysBecomeKeyEvents)
{
    ViewFixture f;
    QTest::keyClick(&f.view, Qt::Key_A, Qt::NoModifier);
    EXPECT_EQ(f.waitMessage(rfbKeyEvent, 0), hex("0401000000000061"));
    EXPECT_EQ(f.waitMessage(rfbKeyEvent, 1), hex("0400000000000061"));
}

TEST(ConsoleView, FocusLossReleasesHeldKeys)
{
    ViewFixture f;
    QTest::keyPress(&f.view, Qt::Key_Control);
    EXPECT_EQ(f.waitMessage(rfbKeyEvent, 0), hex("040100000000ffe3"));
    QFocusEvent out(QEvent::FocusOut, Qt::ActiveWindowFocusReason);
    QCoreApplication::sendEvent(&f.view, &out);
    EXPECT_EQ(f.waitMessage(rfbKeyEvent, 1), hex("040000000000ffe3"));
}

TEST(ConsoleView, GrabChordTogglesTheGrabAndNeverReachesTheGuest)
{
    ViewFixture f;
    QSignalSpy changed(&f.view, &ConsoleView::keyboardGrabChanged);
    f.view.setKeyboardGrab(true);
    ASSERT_EQ(changed.size(), 1);
    QTest::keyClick(&f.view, Qt::Key_G, Qt::ControlModifier | Qt::AltModifier);
    EXPECT_FALSE(f.view.keyboardGrab());
    ASSERT_EQ(changed.size(), 2);
    EXPECT_FALSE(changed.last().first().toBool());
    QTest::keyClick(&f.view, Qt::Key_G, Qt::ControlModifier | Qt::AltModifier);
    EXPECT_TRUE(f.view.keyboardGrab());
    // Only the modifiers QTest pressed around the chord may reach the server, never a 'g'.
    f.session.sendClipboard(QStringLiteral("marker"));
    EXPECT_FALSE(f.waitMessage(rfbClientCutText).isEmpty());
    for (const auto &m : std::as_const(f.server->messages)) {
        if (uchar(m[0]) == rfbKeyEvent) {
            EXPECT_NE(m.right(4), hex("00000067")) << m.toHex().constData();
        }
    }
}

TEST(ConsoleView, ClicksBecomePointerEvents)
{
    ViewFixture f(QSize(128, 96));
    QTest::mouseClick(&f.view, Qt::LeftButton, Qt::NoModifier, QPoint(40, 36)); // remote (20,10)
    EXPECT_EQ(f.waitMessage(rfbPointerEvent, 0), hex("05010014000a"));
    EXPECT_EQ(f.waitMessage(rfbPointerEvent, 1), hex("05000014000a"));
}

TEST(ConsoleView, ViewOnlySendsNothing)
{
    ViewFixture f;
    f.view.setViewOnly(true);
    QTest::keyClick(&f.view, Qt::Key_B);
    QTest::mouseClick(&f.view, Qt::LeftButton, Qt::NoModifier, QPoint(40, 40));
    // A message that does go through marks the point by which earlier ones would have arrived.
    f.session.sendClipboard(QStringLiteral("marker"));
    EXPECT_FALSE(f.waitMessage(rfbClientCutText).isEmpty());
    EXPECT_EQ(f.messagesOfType(rfbKeyEvent), 0);
    EXPECT_EQ(f.messagesOfType(rfbPointerEvent), 0);
}

TEST(ConsoleView, CtrlAltDelete)
{
    ViewFixture f;
    f.view.sendCombo(KeyMapper::Combo::CtrlAltDelete);
    EXPECT_EQ(f.waitMessage(rfbKeyEvent, 2), hex("040100000000ffff"));
    EXPECT_EQ(f.waitMessage(rfbKeyEvent, 5), hex("040000000000ffe3"));
}

TEST(ConsoleView, RemoteModeAsksTheServerForTheViewSize)
{
    ViewFixture f(QSize(200, 100));
    QSignalSpy caps(&f.session, &RfbSession::capabilitiesChanged);
    f.server->send(f.server->extendedDesktopSize(7, 0));
    f.server->send(ScriptedServer::rawUpdate(0, 0, 64, 32, 0));
    QDeadlineTimer deadline(kScriptWaitMs);
    while (!f.session.supportsRemoteResize() && !deadline.hasExpired())
        caps.wait(100);
    ASSERT_TRUE(f.session.supportsRemoteResize());
    f.view.setScaleMode(ConsoleView::ScaleMode::Remote);
    const QByteArray message = f.waitMessage(rfbSetDesktopSize);
    ASSERT_EQ(message.size(), 24);
    const QSize device = (QSizeF(200, 100) * f.view.devicePixelRatioF()).toSize();
    EXPECT_EQ(qFromBigEndian<quint16>(message.constData() + 2), device.width());
    EXPECT_EQ(qFromBigEndian<quint16>(message.constData() + 4), device.height());
    EXPECT_EQ(qFromBigEndian<quint32>(message.constData() + 8), 7u);
}

// Captured, the view takes every key before a shortcut can; the release chord (Ctrl+Alt,
// pressed and released) hands shortcuts back to the application, a click takes them again.
TEST(ConsoleView, ReleaseChordHandsTheKeyboardBackToTheApplication)
{
    ViewFixture f;
    const auto shortcutTaken = [&](int key, Qt::KeyboardModifiers modifiers) {
        QKeyEvent override(QEvent::ShortcutOverride, key, modifiers);
        override.ignore();
        QCoreApplication::sendEvent(&f.view, &override);
        return override.isAccepted();
    };
    EXPECT_TRUE(shortcutTaken(Qt::Key_Q, Qt::ControlModifier)) << "Ctrl+Q is the VM's";
    QSignalSpy changed(&f.view, &ConsoleView::keyboardCaptureChanged);
    // Ctrl+Alt+Del is the guest's chord, not the release chord.
    QTest::keyClick(&f.view, Qt::Key_Delete, Qt::ControlModifier | Qt::AltModifier);
    EXPECT_TRUE(f.view.keyboardCaptured());
    QTest::keyClick(&f.view, Qt::Key_Alt, Qt::ControlModifier);
    EXPECT_FALSE(f.view.keyboardCaptured());
    ASSERT_EQ(changed.size(), 1);
    EXPECT_FALSE(shortcutTaken(Qt::Key_Q, Qt::ControlModifier)) << "Ctrl+Q is the application's";
    // Keys now are Porthole's: nothing reaches the server. A marker flushes what is under way.
    f.session.sendClipboard(QStringLiteral("marker"));
    EXPECT_FALSE(f.waitMessage(rfbClientCutText, 0).isEmpty());
    const qsizetype keysBefore = f.messagesOfType(rfbKeyEvent);
    QTest::keyClick(&f.view, Qt::Key_B);
    f.session.sendClipboard(QStringLiteral("marker"));
    EXPECT_FALSE(f.waitMessage(rfbClientCutText, 1).isEmpty());
    EXPECT_EQ(f.messagesOfType(rfbKeyEvent), keysBefore);
    // A click gives the keyboard to the VM again.
    QTest::mouseClick(&f.view, Qt::LeftButton, Qt::NoModifier, QPoint(40, 36));
    EXPECT_TRUE(f.view.keyboardCaptured());
    EXPECT_TRUE(shortcutTaken(Qt::Key_Q, Qt::ControlModifier));
    // Another chord, from the settings.
    f.view.setReleaseChord(*ReleaseChord::fromText(QStringLiteral("Ctrl+Shift")));
    QTest::keyClick(&f.view, Qt::Key_Alt, Qt::ControlModifier);
    EXPECT_TRUE(f.view.keyboardCaptured());
    QTest::keyClick(&f.view, Qt::Key_Shift, Qt::ControlModifier);
    EXPECT_FALSE(f.view.keyboardCaptured());
}
