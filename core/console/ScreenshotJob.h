// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "console/ConsoleError.h"
#include "console/RfbSession.h"
#include "tokens/ConsoleUrl.h"

#include <QImage>
#include <QObject>
#include <QTimer>

namespace Porthole {

// `porthole-cli screenshot`: connect, wait for the first complete frame, save it as PNG.
class ScreenshotJob : public QObject
{
    Q_OBJECT
public:
    ScreenshotJob(const ConsoleUrl &url, const RfbSession::Options &options, const QString &outputPath,
        int timeoutMs = 30000, QObject *parent = nullptr);

    void start();
    QImage image() const { return m_image; }
    ConsoleError error() const { return m_error; }
    QString errorText() const { return m_errorText; }
    // Handshake to first complete frame, in ms (-1 before).
    qint64 firstFrameMs() const { return m_firstFrameMs; }

Q_SIGNALS:
    // error None: the PNG is written.
    void finished(Porthole::ConsoleError error, const QString &message);

private:
    void finish(ConsoleError error, const QString &message);

    ConsoleUrl m_url;
    RfbSession::Options m_options;
    QString m_outputPath;
    int m_timeoutMs;
    RfbSession m_session;
    QTimer m_timer;
    QImage m_image;
    ConsoleError m_error = ConsoleError::None;
    QString m_errorText;
    qint64 m_firstFrameMs = -1;
    bool m_done = false;
};

} // namespace Porthole
