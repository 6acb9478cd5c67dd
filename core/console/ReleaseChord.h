// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QStringList>
#include <Qt>

#include <optional>

namespace Porthole {

// The one chord that gives the keyboard back to Porthole while a console has it
// (remote-viewer's Ctrl+Alt): all of its modifier keys pressed together, then all
// released, with no other key in between. So Ctrl+Alt+Del and Ctrl+Alt+F1 still reach
// the guest, and the chord itself costs the guest nothing but two modifier taps.
// Plain, so the console view feeds it every press and release (TigerVNC's ShortcutHandler).
class ReleaseChord
{
public:
    ReleaseChord() = default; // Ctrl+Alt
    // Two or more of Ctrl, Alt, Shift and Meta.
    static std::optional<ReleaseChord> fromModifiers(Qt::KeyboardModifiers modifiers);
    // "Ctrl+Alt", "Ctrl+Shift", ... (portable text, as stored in the settings).
    static std::optional<ReleaseChord> fromText(const QString &text);
    // What the settings offer.
    static QStringList choices();

    Qt::KeyboardModifiers modifiers() const { return m_modifiers; }
    QString text() const; // portable: "Ctrl+Alt"
    QString displayText() const; // in the user's language: "Strg+Alt"

    // A key went down; never completes the chord.
    void press(int key);
    // A key went up: true on the release that completes the chord.
    bool release(int key);
    void reset();

    bool operator==(const ReleaseChord &other) const { return m_modifiers == other.m_modifiers; }

private:
    explicit ReleaseChord(Qt::KeyboardModifiers modifiers)
        : m_modifiers(modifiers)
    { }

    Qt::KeyboardModifiers m_modifiers = Qt::ControlModifier | Qt::AltModifier;
    Qt::KeyboardModifiers m_down; // the chord's modifiers held now
    bool m_complete = false; // all of them were down at once
    bool m_spoiled = false; // another key came in between
};

} // namespace Porthole
