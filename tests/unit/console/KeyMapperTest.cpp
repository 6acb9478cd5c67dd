// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/KeyMapper.h"

#include "console/GrabChord.h"

#include <gtest/gtest.h>

using Porthole::KeyMapper;
using Stroke = KeyMapper::Stroke;

namespace {

KeyMapper::Input qtKey(int key, const QString &text = QString(), Qt::KeyboardModifiers mods = Qt::NoModifier)
{
    KeyMapper::Input input;
    input.key = key;
    input.text = text;
    input.modifiers = mods;
    return input;
}

KeyMapper::Input xkb(quint32 keycode, quint32 keysym, int key = 0)
{
    KeyMapper::Input input;
    input.key = key;
    input.nativeKind = KeyMapper::NativeKind::Xkb;
    input.nativeScanCode = keycode;
    input.nativeVirtualKey = keysym;
    return input;
}

} // namespace

TEST(KeyMapper, PrintableCharactersUseTheirText)
{
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_A, QStringLiteral("a"), {}), 0x61u);
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_A, QStringLiteral("A"), Qt::ShiftModifier), 0x41u);
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_Eacute, QStringLiteral("é"), {}), 0xe9u);
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_unknown, QStringLiteral("€"), {}), 0x010020acu);
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_Space, QStringLiteral(" "), {}), 0x20u);
}

TEST(KeyMapper, ControlCharactersFallBackToTheKey)
{
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_C, QStringLiteral("\x03"), Qt::ControlModifier), 0x63u);
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_C, QString(), Qt::ControlModifier | Qt::ShiftModifier), 0x43u);
}

TEST(KeyMapper, SpecialKeys)
{
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_Escape, {}, {}), 0xff1bu);
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_Return, QStringLiteral("\r"), {}), 0xff0du);
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_Delete, {}, {}), 0xffffu);
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_AltGr, {}, {}), 0xfe03u);
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_CapsLock, {}, {}), 0xffe5u);
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_NumLock, {}, {}), 0xff7fu);
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_ScrollLock, {}, {}), 0xff14u);
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_Backtab, {}, Qt::ShiftModifier), 0xfe20u);
}

TEST(KeyMapper, FunctionKeysUpToF24AndBeyond)
{
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_F1, {}, {}), 0xffbeu);
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_F12, {}, {}), 0xffc9u);
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_F24, {}, {}), 0xffd5u);
}

TEST(KeyMapper, DeadKeys)
{
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_Dead_Grave, {}, {}), 0xfe50u);
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_Dead_Acute, {}, {}), 0xfe51u);
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_Dead_Circumflex, {}, {}), 0xfe52u);
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_Dead_Diaeresis, {}, {}), 0xfe57u);
}

TEST(KeyMapper, Numpad)
{
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_7, QStringLiteral("7"), Qt::KeypadModifier), 0xffb7u);
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_Enter, QStringLiteral("\r"), Qt::KeypadModifier), 0xff8du);
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_Home, {}, Qt::KeypadModifier), 0xff95u);
    EXPECT_EQ(KeyMapper::keysymForQtKey(Qt::Key_Asterisk, QStringLiteral("*"), Qt::KeypadModifier), 0xffaau);
}

TEST(KeyMapper, EvdevToXt)
{
    EXPECT_EQ(KeyMapper::xtFromEvdev(1), 0x01u); // Esc
    EXPECT_EQ(KeyMapper::xtFromEvdev(30), 0x1eu); // A
    EXPECT_EQ(KeyMapper::xtFromEvdev(44), 0x2cu); // Z
    EXPECT_EQ(KeyMapper::xtFromEvdev(88), 0x58u); // F12
    EXPECT_EQ(KeyMapper::xtFromEvdev(100), 0xb8u); // AltGr = E0 38
    EXPECT_EQ(KeyMapper::xtFromEvdev(103), 0xc8u); // Up = E0 48
    EXPECT_EQ(KeyMapper::xtFromEvdev(96), 0x9cu); // KP Enter = E0 1C
    EXPECT_EQ(KeyMapper::xtFromEvdev(125), 0xdbu); // Left Meta = E0 5B
    EXPECT_EQ(KeyMapper::xtFromEvdev(183), 0x64u); // F13
    EXPECT_EQ(KeyMapper::xtFromEvdev(194), 0x76u); // F24
    EXPECT_EQ(KeyMapper::xtFromEvdev(0), 0u);
    EXPECT_EQ(KeyMapper::xtFromEvdev(0xffff), 0u);
}

TEST(KeyMapper, WindowsScanCodes)
{
    EXPECT_EQ(KeyMapper::xtFromWindows(0x1e), 0x1eu);
    EXPECT_EQ(KeyMapper::xtFromWindows(0x148), 0xc8u); // extended Up
    EXPECT_EQ(KeyMapper::xtFromWindows(0x11d), 0x9du); // right Ctrl
    EXPECT_EQ(KeyMapper::xtFromWindows(0), 0u);
}

TEST(KeyMapper, XkbEventsUseTheNativeKeysymAndScancode)
{
    // X keycode 52 = evdev 44 = 'z' on a US layout, 'y' on German: keysym follows the layout.
    const Stroke s = KeyMapper::map(xkb(52, 0x79, Qt::Key_Y), true);
    EXPECT_EQ(s.keysym, 0x79u);
    EXPECT_EQ(s.scancode, 0x2cu);
    EXPECT_TRUE(s.down);
    // No native keysym: the Qt key decides.
    const Stroke fallback = KeyMapper::map(xkb(9, 0, Qt::Key_Escape), false);
    EXPECT_EQ(fallback.keysym, 0xff1bu);
    EXPECT_EQ(fallback.scancode, 0x01u);
}

TEST(KeyMapper, CtrlAltDeleteComboPressesThenReleasesInReverse)
{
    const auto strokes = KeyMapper::combo(KeyMapper::Combo::CtrlAltDelete);
    ASSERT_EQ(strokes.size(), 6);
    EXPECT_EQ(strokes[0], (Stroke {0xffe3, 0x1d, true}));
    EXPECT_EQ(strokes[1], (Stroke {0xffe9, 0x38, true}));
    EXPECT_EQ(strokes[2], (Stroke {0xffff, 0xd3, true}));
    EXPECT_EQ(strokes[3], (Stroke {0xffff, 0xd3, false}));
    EXPECT_EQ(strokes[4], (Stroke {0xffe9, 0x38, false}));
    EXPECT_EQ(strokes[5], (Stroke {0xffe3, 0x1d, false}));
}

TEST(KeyMapper, CtrlAltFunctionKeys)
{
    EXPECT_EQ(KeyMapper::combo(KeyMapper::Combo::CtrlAltF1)[2], (Stroke {0xffbe, 0x3b, true}));
    EXPECT_EQ(KeyMapper::combo(KeyMapper::Combo::CtrlAltF10)[2], (Stroke {0xffc7, 0x44, true}));
    EXPECT_EQ(KeyMapper::combo(KeyMapper::Combo::CtrlAltF11)[2], (Stroke {0xffc8, 0x57, true}));
    EXPECT_EQ(KeyMapper::combo(KeyMapper::Combo::CtrlAltF12)[2], (Stroke {0xffc9, 0x58, true}));
    EXPECT_EQ(KeyMapper::combo(KeyMapper::Combo::Windows).size(), 2);
}

TEST(KeyMapper, TypeTextMakesPressReleasePairs)
{
    int skipped = -1;
    const auto strokes = KeyMapper::typeText(QStringLiteral("aé\n€"), &skipped);
    ASSERT_EQ(strokes.size(), 8);
    EXPECT_EQ(skipped, 0);
    EXPECT_EQ(strokes[0], (Stroke {0x61, 0, true}));
    EXPECT_EQ(strokes[1], (Stroke {0x61, 0, false}));
    EXPECT_EQ(strokes[2].keysym, 0xe9u);
    EXPECT_EQ(strokes[4].keysym, 0xff0du);
    EXPECT_EQ(strokes[6].keysym, 0x010020acu);
}

// Capitals and shifted symbols come with Shift held, as a keyboard types them, never with
// Caps_Lock (which a guest may track and leave on).
TEST(KeyMapper, TypeTextShiftsCapitalsAndSymbols)
{
    const auto strokes = KeyMapper::typeText(QStringLiteral("A!b"));
    const Stroke shiftDown {0xffe1, 0x2a, true};
    const Stroke shiftUp {0xffe1, 0x2a, false};
    ASSERT_EQ(strokes.size(), 10);
    EXPECT_EQ(strokes[0], shiftDown);
    EXPECT_EQ(strokes[1], (Stroke {0x41, 0, true}));
    EXPECT_EQ(strokes[2], (Stroke {0x41, 0, false}));
    EXPECT_EQ(strokes[3], shiftUp);
    EXPECT_EQ(strokes[4], shiftDown);
    EXPECT_EQ(strokes[5].keysym, 0x21u);
    EXPECT_EQ(strokes[7], shiftUp);
    EXPECT_EQ(strokes[8], (Stroke {0x62, 0, true}));
    for (const Stroke &s : strokes)
        EXPECT_NE(s.keysym, 0xffe5u) << "no Caps_Lock";
}

TEST(KeyMapper, ReleaseSendsWhatThePressSent)
{
    KeyMapper mapper;
    // Pressed as 'y' (layout at press time), released after the layout switched to 'z'.
    const Stroke down = mapper.press(xkb(52, 0x79));
    EXPECT_EQ(mapper.pressedCount(), 1);
    const auto [known, up] = mapper.release(xkb(52, 0x7a));
    EXPECT_TRUE(known);
    EXPECT_EQ(up.keysym, down.keysym);
    EXPECT_FALSE(up.down);
    EXPECT_EQ(mapper.pressedCount(), 0);
}

TEST(KeyMapper, UnpairedReleaseIsDropped)
{
    KeyMapper mapper;
    EXPECT_FALSE(mapper.release(qtKey(Qt::Key_A, QStringLiteral("a"))).first);
}

TEST(KeyMapper, ReleaseAllOnFocusLoss)
{
    KeyMapper mapper;
    mapper.press(xkb(37, 0xffe3)); // Control_L
    mapper.press(xkb(64, 0xffe9)); // Alt_L
    mapper.press(xkb(37, 0xffe3)); // auto-repeat: still one entry
    const auto released = mapper.releaseAll();
    ASSERT_EQ(released.size(), 2);
    EXPECT_EQ(released[0], (Stroke {0xffe9, 0x38, false}));
    EXPECT_EQ(released[1], (Stroke {0xffe3, 0x1d, false}));
    EXPECT_EQ(mapper.pressedCount(), 0);
    EXPECT_TRUE(mapper.releaseAll().isEmpty());
}

TEST(GrabChord, IsCtrlAltGAndNothingElse)
{
    using Porthole::GrabChord;
    EXPECT_TRUE(GrabChord::matches(Qt::Key_G, Qt::ControlModifier | Qt::AltModifier));
    EXPECT_TRUE(GrabChord::matches(Qt::Key_G, Qt::ControlModifier | Qt::AltModifier | Qt::ShiftModifier));
    EXPECT_FALSE(GrabChord::matches(Qt::Key_G, Qt::ControlModifier));
    EXPECT_FALSE(GrabChord::matches(Qt::Key_G, Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier));
    EXPECT_FALSE(GrabChord::matches(Qt::Key_Delete, Qt::ControlModifier | Qt::AltModifier));
    EXPECT_EQ(GrabChord::text(), QStringLiteral("Ctrl+Alt+G"));
}
