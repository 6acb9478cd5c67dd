// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <Qt>

#include <utility>

namespace Porthole {

// Turns Qt key events into what RFB needs: an X keysym (always) and an XT scancode
// for QEMU extended key events (0 when unknown). XT codes follow QEMU's encoding: an
// 0xE0-prefixed set-1 code becomes 0x80 | code. Also remembers which keys are down so
// that none stays stuck on the server when the view loses focus.
class KeyMapper
{
public:
    // Where the native scan code of a QKeyEvent comes from.
    enum class NativeKind
    {
        None,
        Xkb, // Linux xcb/Wayland: XKB keycode (evdev + 8); nativeVirtualKey is the keysym
        Windows, // set-1 scancode, bit 8 (0x100) for E0-extended keys
    };

    struct Input
    {
        int key = 0; // Qt::Key
        Qt::KeyboardModifiers modifiers;
        QString text;
        quint32 nativeScanCode = 0;
        quint32 nativeVirtualKey = 0;
        NativeKind nativeKind = NativeKind::None;
    };

    struct Stroke
    {
        quint32 keysym = 0;
        quint32 scancode = 0; // XT, QEMU encoding; 0 = none
        bool down = false;
        bool operator==(const Stroke &) const = default;
    };

    enum class Combo
    {
        CtrlAltDelete,
        CtrlAltBackspace,
        CtrlAltF1,
        CtrlAltF2,
        CtrlAltF3,
        CtrlAltF4,
        CtrlAltF5,
        CtrlAltF6,
        CtrlAltF7,
        CtrlAltF8,
        CtrlAltF9,
        CtrlAltF10,
        CtrlAltF11,
        CtrlAltF12,
        PrintScreen,
        SysRq,
        AltTab,
        Escape,
        Windows,
    };

    // keysym + scancode for one event (keysym 0: nothing sensible to send).
    static Stroke map(const Input &input, bool down);
    static quint32 keysymForQtKey(int key, const QString &text, Qt::KeyboardModifiers modifiers);
    static quint32 xtFromEvdev(quint32 evdev);
    static quint32 xtFromWindows(quint32 scanCode);
    // Presses then releases (in reverse order) for the Send Keys menu.
    static QList<Stroke> combo(Combo combo);
    // Characters as paced keystrokes ("type clipboard text"); keysyms only. A character a US
    // keyboard types with Shift (capitals, !@#…) comes between Shift_L down and up, as a
    // keyboard sends it, so servers that map keysyms to keys never toggle Caps_Lock for it.
    // *skipped counts characters with no keysym.
    static QList<Stroke> typeText(const QString &text, int *skipped = nullptr);

    // Tracking for the view: press() and release() return what to send; release()
    // sends the keysym that was pressed even if the layout changed in between.
    Stroke press(const Input &input);
    std::pair<bool, Stroke> release(const Input &input);
    // Releases for every key still down (focus lost, grab ended, window hidden).
    QList<Stroke> releaseAll();
    int pressedCount() const { return int(m_pressed.size()); }

private:
    static quint32 trackingId(const Input &input);

    QList<std::pair<quint32, Stroke>> m_pressed; // tracking id -> stroke sent on press
};

} // namespace Porthole
