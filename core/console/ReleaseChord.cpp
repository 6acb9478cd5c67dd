// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/ReleaseChord.h"

#include <QCoreApplication>

#include <utility>

namespace Porthole {

namespace {

constexpr Qt::KeyboardModifiers kAllowed = Qt::ControlModifier | Qt::AltModifier | Qt::ShiftModifier | Qt::MetaModifier;

// The order a key sequence names them in.
constexpr std::pair<Qt::KeyboardModifier, const char *> kNames[] = {
    {Qt::ControlModifier, "Ctrl"},
    {Qt::AltModifier, "Alt"},
    {Qt::ShiftModifier, "Shift"},
    {Qt::MetaModifier, "Meta"},
};

Qt::KeyboardModifiers modifierOf(int key)
{
    switch (key) {
    case Qt::Key_Control:
        return Qt::ControlModifier;
    case Qt::Key_Alt:
        return Qt::AltModifier;
    case Qt::Key_Shift:
        return Qt::ShiftModifier;
    case Qt::Key_Meta:
    case Qt::Key_Super_L:
    case Qt::Key_Super_R:
        return Qt::MetaModifier;
    default:
        return Qt::NoModifier;
    }
}

} // namespace

std::optional<ReleaseChord> ReleaseChord::fromModifiers(Qt::KeyboardModifiers modifiers)
{
    if ((modifiers & ~kAllowed) || qPopulationCount(uint(modifiers.toInt())) < 2)
        return std::nullopt;
    return ReleaseChord(modifiers);
}

std::optional<ReleaseChord> ReleaseChord::fromText(const QString &text)
{
    Qt::KeyboardModifiers modifiers;
    for (const QString &part : text.split(u'+', Qt::SkipEmptyParts)) {
        const QString name = part.trimmed().toLower();
        if (name == u"ctrl")
            modifiers |= Qt::ControlModifier;
        else if (name == u"alt")
            modifiers |= Qt::AltModifier;
        else if (name == u"shift")
            modifiers |= Qt::ShiftModifier;
        else if (name == u"meta")
            modifiers |= Qt::MetaModifier;
        else
            return std::nullopt;
    }
    return fromModifiers(modifiers);
}

QStringList ReleaseChord::choices()
{
    return {QStringLiteral("Ctrl+Alt"), QStringLiteral("Ctrl+Shift"), QStringLiteral("Alt+Shift"),
        QStringLiteral("Ctrl+Alt+Shift")};
}

QString ReleaseChord::text() const
{
    QStringList parts;
    for (const auto &[modifier, name] : kNames) {
        if (m_modifiers & modifier)
            parts << QLatin1String(name);
    }
    return parts.join(u'+');
}

QString ReleaseChord::displayText() const
{
    // Qt's own translations name the modifiers ("Strg" in German), in the context QShortcut.
    QStringList parts;
    for (const auto &[modifier, name] : kNames) {
        if (m_modifiers & modifier)
            parts << QCoreApplication::translate("QShortcut", name);
    }
    return parts.join(u'+');
}

void ReleaseChord::press(int key)
{
    const Qt::KeyboardModifiers modifier = modifierOf(key);
    if (!(m_modifiers & modifier)) {
        // Any other key (another modifier included) makes it a different chord.
        if (m_down)
            m_spoiled = true;
        return;
    }
    if (!m_down) {
        m_complete = false;
        m_spoiled = false;
    }
    m_down |= modifier;
    if (m_down == m_modifiers)
        m_complete = true;
}

bool ReleaseChord::release(int key)
{
    const Qt::KeyboardModifiers modifier = modifierOf(key);
    if (!(m_modifiers & modifier) || !(m_down & modifier))
        return false;
    m_down &= ~modifier;
    if (m_down)
        return false;
    const bool fired = m_complete && !m_spoiled;
    reset();
    return fired;
}

void ReleaseChord::reset()
{
    m_down = Qt::NoModifier;
    m_complete = false;
    m_spoiled = false;
}

} // namespace Porthole
