// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/TypeTextJob.h"

#include "console/RfbSession.h"

namespace Porthole {

TypeTextJob::TypeTextJob(RfbSession *session, const QString &text, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    // In the body: m_skipped is declared (and default-initialised) after m_strokes.
    m_strokes = KeyMapper::typeText(text, &m_skipped);
    m_timer.setInterval(qMax(0, intervalMs));
    connect(&m_timer, &QTimer::timeout, this, &TypeTextJob::step);
}

void TypeTextJob::start()
{
    if (m_timer.interval() == 0) {
        while (!m_done)
            step();
        return;
    }
    m_timer.start();
}

void TypeTextJob::cancel()
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    // A press without its release would leave a key held on the server (a letter, Shift).
    QList<quint32> held;
    for (int i = 0; i < m_next; ++i) {
        if (m_strokes[i].down)
            held.append(m_strokes[i].keysym);
        else
            held.removeOne(m_strokes[i].keysym);
    }
    for (auto it = held.crbegin(); m_session && it != held.crend(); ++it)
        m_session->sendKey(*it, false);
    Q_EMIT finished(true);
}

void TypeTextJob::step()
{
    if (m_done)
        return;
    if (!m_session || m_session->state() != RfbSession::State::Connected) {
        cancel();
        return;
    }
    if (m_next < m_strokes.size()) {
        const auto &stroke = m_strokes[m_next];
        m_session->sendKey(stroke.keysym, stroke.down);
        ++m_next;
        Q_EMIT progress(m_next, int(m_strokes.size()));
    }
    if (m_next >= m_strokes.size()) {
        m_done = true;
        m_timer.stop();
        Q_EMIT finished(false);
    }
}

} // namespace Porthole
