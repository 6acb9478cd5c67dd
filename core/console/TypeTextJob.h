// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "console/KeyMapper.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace Porthole {

class RfbSession;

// "Type clipboard text": sends text as paced key presses and releases, for password
// prompts and consoles with no clipboard. Keysyms only (no scancodes), so the guest's
// layout does not matter for what arrives, as long as it can produce the character.
class TypeTextJob : public QObject
{
    Q_OBJECT
public:
    // intervalMs between key events; 0 sends everything at once.
    TypeTextJob(RfbSession *session, const QString &text, int intervalMs = 15, QObject *parent = nullptr);

    void start();
    void cancel();
    int total() const { return int(m_strokes.size()); }
    int sent() const { return m_next; }
    // Characters that have no keysym (control characters other than newline and tab).
    int skippedCharacters() const { return m_skipped; }

Q_SIGNALS:
    void progress(int sent, int total);
    void finished(bool cancelled);

private:
    void step();

    QPointer<RfbSession> m_session;
    QList<KeyMapper::Stroke> m_strokes;
    QTimer m_timer;
    int m_next = 0;
    int m_skipped = 0;
    bool m_done = false;
};

} // namespace Porthole
