// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/ScreenshotJob.h"

#include <QImageWriter>

namespace Porthole {

ScreenshotJob::ScreenshotJob(const ConsoleUrl &url, const RfbSession::Options &options, const QString &outputPath,
    int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_options(options)
    , m_outputPath(outputPath)
    , m_timeoutMs(timeoutMs)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        finish(ConsoleError::Timeout,
            QStringLiteral("no complete frame from %1 within %2 s")
                .arg(m_url.displayString())
                .arg(m_timeoutMs / 1000.0));
    });
    connect(&m_session, &RfbSession::errorOccurred, this,
        [this](ConsoleError error, const QString &text) { finish(error, text); });
    connect(&m_session, &RfbSession::firstFullFrame, this, [this] {
        m_firstFrameMs = m_session.firstFrameMs();
        m_image = m_session.frame();
        QImageWriter writer(m_outputPath, "png");
        if (!writer.write(m_image)) {
            finish(
                ConsoleError::Internal, QStringLiteral("cannot write %1: %2").arg(m_outputPath, writer.errorString()));
            return;
        }
        finish(ConsoleError::None,
            QStringLiteral("saved %1x%2 screenshot of \"%3\" to %4")
                .arg(m_image.width())
                .arg(m_image.height())
                .arg(m_session.desktopName(), m_outputPath));
    });
}

void ScreenshotJob::start()
{
    // The whole job, handshake included, is bounded by our own timer.
    RfbSession::Options options = m_options;
    options.connectTimeoutMs = 0;
    if (m_timeoutMs > 0)
        m_timer.start(m_timeoutMs);
    m_session.open(m_url, options);
}

void ScreenshotJob::finish(ConsoleError error, const QString &message)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    m_error = error;
    m_errorText = error == ConsoleError::None ? QString() : message;
    m_session.close();
    Q_EMIT finished(error, message);
}

} // namespace Porthole
