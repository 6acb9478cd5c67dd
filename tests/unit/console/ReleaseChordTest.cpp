// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/ReleaseChord.h"

#include <gtest/gtest.h>

using Porthole::ReleaseChord;

TEST(ReleaseChord, CtrlAltPressedAndReleasedWithNothingBetween)
{
    ReleaseChord chord;
    EXPECT_EQ(chord.text(), QStringLiteral("Ctrl+Alt"));
    chord.press(Qt::Key_Control);
    chord.press(Qt::Key_Alt);
    chord.press(Qt::Key_Alt); // auto-repeat
    EXPECT_FALSE(chord.release(Qt::Key_Control)) << "Alt is still down";
    EXPECT_TRUE(chord.release(Qt::Key_Alt));
    // In the other order too.
    chord.press(Qt::Key_Alt);
    chord.press(Qt::Key_Control);
    EXPECT_FALSE(chord.release(Qt::Key_Alt));
    EXPECT_TRUE(chord.release(Qt::Key_Control));
}

TEST(ReleaseChord, AnyOtherKeyInBetweenIsTheGuestsChord)
{
    ReleaseChord chord;
    chord.press(Qt::Key_Control);
    chord.press(Qt::Key_Alt);
    chord.press(Qt::Key_Delete); // Ctrl+Alt+Del is the guest's
    chord.release(Qt::Key_Delete);
    chord.release(Qt::Key_Alt);
    EXPECT_FALSE(chord.release(Qt::Key_Control));
    chord.press(Qt::Key_Control);
    chord.press(Qt::Key_Alt);
    chord.press(Qt::Key_Shift); // a third modifier makes another chord
    chord.release(Qt::Key_Shift);
    chord.release(Qt::Key_Alt);
    EXPECT_FALSE(chord.release(Qt::Key_Control));
    // Ctrl alone is not the chord; the next clean one is.
    chord.press(Qt::Key_Control);
    EXPECT_FALSE(chord.release(Qt::Key_Control));
    chord.press(Qt::Key_Control);
    chord.press(Qt::Key_Alt);
    chord.release(Qt::Key_Control);
    EXPECT_TRUE(chord.release(Qt::Key_Alt));
}

TEST(ReleaseChord, IsConfigurableFromItsText)
{
    const auto chord = ReleaseChord::fromText(QStringLiteral("shift+ctrl"));
    ASSERT_TRUE(chord.has_value());
    EXPECT_EQ(chord->text(), QStringLiteral("Ctrl+Shift"));
    EXPECT_EQ(chord->modifiers(), Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_FALSE(ReleaseChord::fromText(QStringLiteral("Ctrl")).has_value()) << "one key is too easy to hit";
    EXPECT_FALSE(ReleaseChord::fromText(QStringLiteral("Ctrl+Q")).has_value());
    for (const QString &choice : ReleaseChord::choices())
        EXPECT_EQ(ReleaseChord::fromText(choice)->text(), choice);
    ReleaseChord copy = *chord;
    copy.press(Qt::Key_Shift);
    copy.press(Qt::Key_Control);
    copy.release(Qt::Key_Shift);
    EXPECT_TRUE(copy.release(Qt::Key_Control));
}
