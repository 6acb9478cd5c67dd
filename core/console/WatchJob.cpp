// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/WatchJob.h"

namespace Porthole {

namespace {
constexpr double kMiB = 1024.0 * 1024.0;
}

WatchJob::WatchJob(const ConsoleUrl &url, const RfbSession::Options &options, int durationMs, QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_options(options)
    , m_durationMs(durationMs)
{
    m_tickTimer.setInterval(1000);
    connect(&m_tickTimer, &QTimer::timeout, this, &WatchJob::tick);
    m_durationTimer.setSingleShot(true);
    connect(&m_durationTimer, &QTimer::timeout, this, &WatchJob::stop);
    connect(&m_session, &RfbSession::errorOccurred, this,
        [this](ConsoleError error, const QString &text) { finish(error, text); });
    connect(&m_session, &RfbSession::connected, this, [this] {
        // Rates are measured from the moment the session is up, not from the first dial.
        m_running = true;
        m_clock.start();
        m_lastTickNs = 0;
        m_lastFrames = m_session.framesReceived();
        m_lastBytes = m_session.bytesReceived();
        m_tickTimer.start();
        if (m_durationMs > 0)
            m_durationTimer.start(m_durationMs);
        Q_EMIT connected();
    });
}

void WatchJob::start()
{
    m_session.open(m_url, m_options);
}

void WatchJob::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double dt = double(now - m_lastTickNs) / 1e9;
    if (dt <= 0)
        return;
    Sample sample;
    sample.atSeconds = double(now) / 1e9;
    sample.frames = m_session.framesReceived();
    sample.bytes = m_session.bytesReceived();
    sample.fps = double(sample.frames - m_lastFrames) / dt;
    sample.mibPerSecond = double(sample.bytes - m_lastBytes) / kMiB / dt;
    m_lastTickNs = now;
    m_lastFrames = sample.frames;
    m_lastBytes = sample.bytes;
    Q_EMIT sampled(sample);
}

WatchJob::Summary WatchJob::summary() const
{
    if (m_done)
        return m_final;
    Summary s;
    s.seconds = m_running ? double(m_clock.nsecsElapsed()) / 1e9 : 0;
    s.frames = m_session.framesReceived();
    s.bytes = m_session.bytesReceived();
    if (s.seconds > 0) {
        s.averageFps = double(s.frames) / s.seconds;
        s.averageMibPerSecond = double(s.bytes) / kMiB / s.seconds;
    }
    s.firstFrameMs = m_session.firstFrameMs();
    s.desktopName = m_session.desktopName();
    s.desktopSize = m_session.desktopSize();
    return s;
}

void WatchJob::stop()
{
    finish(ConsoleError::None, QString());
}

void WatchJob::finish(ConsoleError error, const QString &message)
{
    if (m_done)
        return;
    m_final = summary();
    m_done = true;
    m_error = error;
    m_tickTimer.stop();
    m_durationTimer.stop();
    m_session.close();
    Q_EMIT finished(error, error == ConsoleError::None ? summaryText(m_final) : message);
}

QString WatchJob::sampleLine(const Sample &sample)
{
    return QStringLiteral("%1 s  %2 fps  %3 MiB/s")
        .arg(sample.atSeconds, 6, 'f', 1)
        .arg(sample.fps, 7, 'f', 1)
        .arg(sample.mibPerSecond, 8, 'f', 2);
}

QString WatchJob::summaryText(const Summary &s)
{
    return QStringLiteral("\"%1\" %2x%3: %4 frames in %5 s (%6 fps), %7 MiB (%8 MiB/s), first full frame after %9 ms")
        .arg(s.desktopName)
        .arg(s.desktopSize.width())
        .arg(s.desktopSize.height())
        .arg(s.frames)
        .arg(s.seconds, 0, 'f', 1)
        .arg(s.averageFps, 0, 'f', 1)
        .arg(double(s.bytes) / kMiB, 0, 'f', 2)
        .arg(s.averageMibPerSecond, 0, 'f', 2)
        .arg(s.firstFrameMs);
}

} // namespace Porthole
