// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/KeyMapper.h"

#include <QHash>

namespace Porthole {

namespace {

// X keysyms used here (X11/keysymdef.h).
enum : quint32
{
    XK_BackSpace = 0xff08,
    XK_Tab = 0xff09,
    XK_Clear = 0xff0b,
    XK_Return = 0xff0d,
    XK_Pause = 0xff13,
    XK_Scroll_Lock = 0xff14,
    XK_Sys_Req = 0xff15,
    XK_Escape = 0xff1b,
    XK_Multi_key = 0xff20,
    XK_Home = 0xff50,
    XK_Left = 0xff51,
    XK_Up = 0xff52,
    XK_Right = 0xff53,
    XK_Down = 0xff54,
    XK_Page_Up = 0xff55,
    XK_Page_Down = 0xff56,
    XK_End = 0xff57,
    XK_Begin = 0xff58,
    XK_Print = 0xff61,
    XK_Insert = 0xff63,
    XK_Menu = 0xff67,
    XK_Help = 0xff6a,
    XK_Num_Lock = 0xff7f,
    XK_KP_Enter = 0xff8d,
    XK_KP_Home = 0xff95,
    XK_KP_Left = 0xff96,
    XK_KP_Up = 0xff97,
    XK_KP_Right = 0xff98,
    XK_KP_Down = 0xff99,
    XK_KP_Page_Up = 0xff9a,
    XK_KP_Page_Down = 0xff9b,
    XK_KP_End = 0xff9c,
    XK_KP_Begin = 0xff9d,
    XK_KP_Insert = 0xff9e,
    XK_KP_Delete = 0xff9f,
    XK_KP_Equal = 0xffbd,
    XK_KP_Multiply = 0xffaa,
    XK_KP_Add = 0xffab,
    XK_KP_Separator = 0xffac,
    XK_KP_Subtract = 0xffad,
    XK_KP_Decimal = 0xffae,
    XK_KP_Divide = 0xffaf,
    XK_KP_0 = 0xffb0,
    XK_F1 = 0xffbe,
    XK_Shift_L = 0xffe1,
    XK_Control_L = 0xffe3,
    XK_Caps_Lock = 0xffe5,
    XK_Alt_L = 0xffe9,
    XK_Super_L = 0xffeb,
    XK_Super_R = 0xffec,
    XK_Hyper_L = 0xffed,
    XK_Hyper_R = 0xffee,
    XK_Delete = 0xffff,
    XK_ISO_Level3_Shift = 0xfe03,
    XK_ISO_Left_Tab = 0xfe20,
    XK_dead_grave = 0xfe50,
};

const QHash<int, quint32> &specialKeys()
{
    static const QHash<int, quint32> table {
        {Qt::Key_Escape, XK_Escape},
        {Qt::Key_Tab, XK_Tab},
        {Qt::Key_Backtab, XK_ISO_Left_Tab},
        {Qt::Key_Backspace, XK_BackSpace},
        {Qt::Key_Return, XK_Return},
        {Qt::Key_Enter, XK_KP_Enter},
        {Qt::Key_Insert, XK_Insert},
        {Qt::Key_Delete, XK_Delete},
        {Qt::Key_Pause, XK_Pause},
        {Qt::Key_Print, XK_Print},
        {Qt::Key_SysReq, XK_Sys_Req},
        {Qt::Key_Clear, XK_Clear},
        {Qt::Key_Home, XK_Home},
        {Qt::Key_End, XK_End},
        {Qt::Key_Left, XK_Left},
        {Qt::Key_Up, XK_Up},
        {Qt::Key_Right, XK_Right},
        {Qt::Key_Down, XK_Down},
        {Qt::Key_PageUp, XK_Page_Up},
        {Qt::Key_PageDown, XK_Page_Down},
        {Qt::Key_Shift, XK_Shift_L},
        {Qt::Key_Control, XK_Control_L},
        {Qt::Key_Meta, XK_Super_L},
        {Qt::Key_Alt, XK_Alt_L},
        {Qt::Key_AltGr, XK_ISO_Level3_Shift},
        {Qt::Key_CapsLock, XK_Caps_Lock},
        {Qt::Key_NumLock, XK_Num_Lock},
        {Qt::Key_ScrollLock, XK_Scroll_Lock},
        {Qt::Key_Super_L, XK_Super_L},
        {Qt::Key_Super_R, XK_Super_R},
        {Qt::Key_Menu, XK_Menu},
        {Qt::Key_Hyper_L, XK_Hyper_L},
        {Qt::Key_Hyper_R, XK_Hyper_R},
        {Qt::Key_Help, XK_Help},
        {Qt::Key_Multi_key, XK_Multi_key},
        {Qt::Key_Space, 0x20},
    };
    return table;
}

// Keypad keys, by what Qt reports with KeypadModifier (NumLock on and off).
quint32 keypadKeysym(int key)
{
    if (key >= Qt::Key_0 && key <= Qt::Key_9)
        return XK_KP_0 + quint32(key - Qt::Key_0);
    switch (key) {
    case Qt::Key_Asterisk:
        return XK_KP_Multiply;
    case Qt::Key_Plus:
        return XK_KP_Add;
    case Qt::Key_Comma:
        return XK_KP_Separator;
    case Qt::Key_Minus:
        return XK_KP_Subtract;
    case Qt::Key_Period:
        return XK_KP_Decimal;
    case Qt::Key_Slash:
        return XK_KP_Divide;
    case Qt::Key_Enter:
        return XK_KP_Enter;
    case Qt::Key_Equal:
        return XK_KP_Equal;
    case Qt::Key_Home:
        return XK_KP_Home;
    case Qt::Key_Left:
        return XK_KP_Left;
    case Qt::Key_Up:
        return XK_KP_Up;
    case Qt::Key_Right:
        return XK_KP_Right;
    case Qt::Key_Down:
        return XK_KP_Down;
    case Qt::Key_PageUp:
        return XK_KP_Page_Up;
    case Qt::Key_PageDown:
        return XK_KP_Page_Down;
    case Qt::Key_End:
        return XK_KP_End;
    case Qt::Key_Clear:
        return XK_KP_Begin;
    case Qt::Key_Insert:
        return XK_KP_Insert;
    case Qt::Key_Delete:
        return XK_KP_Delete;
    default:
        break;
    }
    return 0;
}

quint32 keysymForChar(char32_t ch)
{
    // Latin-1 keysyms equal their code points; the rest use the Unicode keysym range.
    if ((ch >= 0x20 && ch <= 0x7e) || (ch >= 0xa0 && ch <= 0xff))
        return quint32(ch);
    if (ch == u'\n' || ch == u'\r')
        return XK_Return;
    if (ch == u'\t')
        return XK_Tab;
    if (ch < 0x20 || (ch >= 0x7f && ch < 0xa0))
        return 0;
    return 0x01000000u | quint32(ch);
}

} // namespace

quint32 KeyMapper::keysymForQtKey(int key, const QString &text, Qt::KeyboardModifiers modifiers)
{
    if (modifiers & Qt::KeypadModifier) {
        if (const quint32 k = keypadKeysym(key))
            return k;
    }
    if (key >= Qt::Key_F1 && key <= Qt::Key_F35)
        return XK_F1 + quint32(key - Qt::Key_F1);
    // Qt's dead keys run parallel to the X dead keysyms from dead_grave on.
    if (key >= Qt::Key_Dead_Grave && key <= Qt::Key_Dead_Longsolidusoverlay)
        return XK_dead_grave + quint32(key - Qt::Key_Dead_Grave);
    if (const auto it = specialKeys().constFind(key); it != specialKeys().constEnd())
        return *it;
    const auto ucs4 = text.toUcs4();
    if (ucs4.size() == 1) {
        if (const quint32 k = keysymForChar(ucs4.first()))
            return k;
    }
    // No usable text (e.g. Ctrl+A gives "\x01"): fall back to the key, lower case unless Shift.
    if (key >= Qt::Key_A && key <= Qt::Key_Z)
        return quint32((modifiers & Qt::ShiftModifier) ? key : key - Qt::Key_A + 'a');
    if (key >= 0x20 && key <= 0xff)
        return quint32(key);
    if (key > 0xff && key < 0x01000000)
        return 0x01000000u | quint32(key);
    return 0;
}

quint32 KeyMapper::xtFromEvdev(quint32 evdev)
{
    // Linux evdev codes 1-88 are the set-1 scancodes themselves.
    if (evdev >= 1 && evdev <= 88)
        return evdev;
    static const QHash<quint32, quint32> table {
        {89, 0x73}, // KEY_RO
        {92, 0x79}, // KEY_HENKAN
        {93, 0x70}, // KEY_KATAKANAHIRAGANA
        {94, 0x7b}, // KEY_MUHENKAN
        {95, 0x5c}, // KEY_KPJPCOMMA
        {96, 0x9c}, // KEY_KPENTER      E0 1C
        {97, 0x9d}, // KEY_RIGHTCTRL    E0 1D
        {98, 0xb5}, // KEY_KPSLASH      E0 35
        {99, 0xb7}, // KEY_SYSRQ (the Print Screen key)  E0 37
        {100, 0xb8}, // KEY_RIGHTALT (AltGr)  E0 38
        {102, 0xc7}, // KEY_HOME
        {103, 0xc8}, // KEY_UP
        {104, 0xc9}, // KEY_PAGEUP
        {105, 0xcb}, // KEY_LEFT
        {106, 0xcd}, // KEY_RIGHT
        {107, 0xcf}, // KEY_END
        {108, 0xd0}, // KEY_DOWN
        {109, 0xd1}, // KEY_PAGEDOWN
        {110, 0xd2}, // KEY_INSERT
        {111, 0xd3}, // KEY_DELETE
        {113, 0xa0}, // KEY_MUTE
        {114, 0xae}, // KEY_VOLUMEDOWN
        {115, 0xb0}, // KEY_VOLUMEUP
        {116, 0xde}, // KEY_POWER
        {117, 0x59}, // KEY_KPEQUAL
        {119, 0xc6}, // KEY_PAUSE (QEMU's code for the E1 sequence)
        {121, 0x7e}, // KEY_KPCOMMA
        {124, 0x7d}, // KEY_YEN
        {125, 0xdb}, // KEY_LEFTMETA     E0 5B
        {126, 0xdc}, // KEY_RIGHTMETA    E0 5C
        {127, 0xdd}, // KEY_COMPOSE (Menu)  E0 5D
        {183, 0x64}, {184, 0x65}, {185, 0x66}, {186, 0x67}, {187, 0x68}, {188, 0x69}, // F13-F18
        {189, 0x6a}, {190, 0x6b}, {191, 0x6c}, {192, 0x6d}, {193, 0x6e}, {194, 0x76}, // F19-F24
    };
    return table.value(evdev, 0);
}

quint32 KeyMapper::xtFromWindows(quint32 scanCode)
{
    const quint32 code = scanCode & 0x7f;
    if (code == 0)
        return 0;
    return (scanCode & 0x100) ? (0x80 | code) : code;
}

KeyMapper::Stroke KeyMapper::map(const Input &input, bool down)
{
    Stroke stroke;
    stroke.down = down;
    switch (input.nativeKind) {
    case NativeKind::Xkb:
        // On X11 and Wayland Qt hands us the XKB keysym itself: it knows the layout best.
        stroke.keysym = input.nativeVirtualKey;
        if (input.nativeScanCode > 8)
            stroke.scancode = xtFromEvdev(input.nativeScanCode - 8);
        break;
    case NativeKind::Windows:
        stroke.scancode = xtFromWindows(input.nativeScanCode);
        break;
    case NativeKind::None:
        break;
    }
    if (stroke.keysym == 0)
        stroke.keysym = keysymForQtKey(input.key, input.text, input.modifiers);
    return stroke;
}

QList<KeyMapper::Stroke> KeyMapper::combo(Combo combo)
{
    constexpr Stroke ctrl {XK_Control_L, 0x1d, true};
    constexpr Stroke alt {XK_Alt_L, 0x38, true};
    QList<Stroke> presses;
    switch (combo) {
    case Combo::CtrlAltDelete:
        presses = {ctrl, alt, {XK_Delete, 0xd3, true}};
        break;
    case Combo::CtrlAltBackspace:
        presses = {ctrl, alt, {XK_BackSpace, 0x0e, true}};
        break;
    case Combo::PrintScreen:
        presses = {{XK_Print, 0xb7, true}};
        break;
    case Combo::SysRq:
        // SysRq is Alt+Print on PC keyboards; the XT code of that chord is 0x54.
        presses = {alt, {XK_Sys_Req, 0x54, true}};
        break;
    case Combo::AltTab:
        presses = {alt, {XK_Tab, 0x0f, true}};
        break;
    case Combo::Escape:
        presses = {{XK_Escape, 0x01, true}};
        break;
    case Combo::Windows:
        presses = {{XK_Super_L, 0xdb, true}};
        break;
    default: {
        const int n = int(combo) - int(Combo::CtrlAltF1); // 0..11
        const quint32 xt = n < 10 ? quint32(0x3b + n) : quint32(0x57 + (n - 10));
        presses = {ctrl, alt, {XK_F1 + quint32(n), xt, true}};
        break;
    }
    }
    QList<Stroke> strokes = presses;
    for (auto it = presses.crbegin(); it != presses.crend(); ++it)
        strokes.append({it->keysym, it->scancode, false});
    return strokes;
}

QList<KeyMapper::Stroke> KeyMapper::typeText(const QString &text, int *skipped)
{
    // The US layout's shifted symbols; letters by case.
    static const QString shifted = QStringLiteral("~!@#$%^&*()_+{}|:\"<>?");
    QList<Stroke> strokes;
    int missing = 0;
    const auto chars = text.toUcs4();
    for (char32_t ch : chars) {
        const quint32 keysym = keysymForChar(ch);
        if (keysym == 0) {
            ++missing;
            continue;
        }
        const bool shift = ch < 0x10000 && (QChar(char16_t(ch)).isUpper() || shifted.contains(QChar(char16_t(ch))));
        if (shift)
            strokes.append({XK_Shift_L, 0x2a, true});
        strokes.append({keysym, 0, true});
        strokes.append({keysym, 0, false});
        if (shift)
            strokes.append({XK_Shift_L, 0x2a, false});
    }
    if (skipped)
        *skipped = missing;
    return strokes;
}

quint32 KeyMapper::trackingId(const Input &input)
{
    // The physical key when known, else the Qt key: both are stable between press and release.
    return input.nativeScanCode ? (0x80000000u | input.nativeScanCode) : quint32(input.key);
}

KeyMapper::Stroke KeyMapper::press(const Input &input)
{
    const Stroke stroke = map(input, true);
    const quint32 id = trackingId(input);
    bool known = false;
    for (const auto &entry : std::as_const(m_pressed))
        known = known || entry.first == id;
    if (!known && stroke.keysym != 0)
        m_pressed.append({id, stroke});
    return stroke;
}

std::pair<bool, KeyMapper::Stroke> KeyMapper::release(const Input &input)
{
    const quint32 id = trackingId(input);
    for (qsizetype i = 0; i < m_pressed.size(); ++i) {
        if (m_pressed[i].first == id) {
            Stroke stroke = m_pressed[i].second;
            stroke.down = false;
            m_pressed.removeAt(i);
            return {true, stroke};
        }
    }
    // A release without a press (the press went to another window): do not send it.
    return {false, Stroke {}};
}

QList<KeyMapper::Stroke> KeyMapper::releaseAll()
{
    QList<Stroke> strokes;
    for (auto it = m_pressed.crbegin(); it != m_pressed.crend(); ++it)
        strokes.append({it->second.keysym, it->second.scancode, false});
    m_pressed.clear();
    return strokes;
}

} // namespace Porthole
