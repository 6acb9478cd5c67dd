// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "console/ConsoleError.h"
#include "console/RfbSession.h"
#include "tokens/ConsoleUrl.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace Porthole {

// `porthole-cli watch`: stay connected, report frames per second and MiB/s every
// second, and a summary at the end.
class WatchJob : public QObject
{
    Q_OBJECT
public:
    struct Sample
    {
        double atSeconds = 0; // since the first complete frame... or since connecting
        double fps = 0;
        double mibPerSecond = 0;
        qint64 frames = 0; // totals so far
        qint64 bytes = 0;
    };

    struct Summary
    {
        double seconds = 0;
        qint64 frames = 0;
        qint64 bytes = 0;
        double averageFps = 0;
        double averageMibPerSecond = 0;
        qint64 firstFrameMs = -1;
        QString desktopName;
        QSize desktopSize;
    };

    // durationMs 0: until stop().
    WatchJob(const ConsoleUrl &url, const RfbSession::Options &options, int durationMs = 0, QObject *parent = nullptr);

    void start();
    void stop();
    Summary summary() const;
    ConsoleError error() const { return m_error; }
    RfbSession &session() { return m_session; }

    static QString sampleLine(const Sample &sample);
    static QString summaryText(const Summary &summary);

Q_SIGNALS:
    void connected();
    void sampled(const Porthole::WatchJob::Sample &sample);
    void finished(Porthole::ConsoleError error, const QString &message);

private:
    void tick();
    void finish(ConsoleError error, const QString &message);

    ConsoleUrl m_url;
    RfbSession::Options m_options;
    int m_durationMs;
    RfbSession m_session;
    QTimer m_tickTimer;
    QTimer m_durationTimer;
    QElapsedTimer m_clock;
    qint64 m_lastFrames = 0;
    qint64 m_lastBytes = 0;
    qint64 m_lastTickNs = 0;
    ConsoleError m_error = ConsoleError::None;
    bool m_running = false;
    bool m_done = false;
    Summary m_final;
};

} // namespace Porthole

Q_DECLARE_METATYPE(Porthole::WatchJob::Sample)
