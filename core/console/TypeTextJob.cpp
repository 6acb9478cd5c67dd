// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/TypeTextJob.h"

#include "console/RfbSession.h"

namespace Porthole {

TypeTextJob::TypeTextJob(RfbSession *session, const QString &text, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_strokes(KeyMapper::typeText(text))
{
    m_skipped = int(text.toUcs4().size()) - int(m_strokes.size() / 2);
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
    // A press without its release would leave a key held on the server.
    if (m_next % 2 == 1 && m_session)
        m_session->sendKey(m_strokes[m_next].keysym, false);
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
