// SPDX-License-Identifier: GPL-2.0-or-later
#include "ConsolePeers.h"
#include "console/ScreenshotJob.h"
#include "console/WatchJob.h"

#include <gtest/gtest.h>

#include <QFileInfo>
#include <QImageReader>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Porthole;
using namespace PortholeTest;

namespace {

class ConsoleJobsIntegration : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_server = new XvncServer;
        s_proxy = new Websockify;
        PORTHOLE_REQUIRE_PEER(s_server->start(QStringLiteral("400x300")));
        PORTHOLE_REQUIRE_PEER(s_server->setRootColour(QStringLiteral("#804020")));
        PORTHOLE_REQUIRE_PEER(s_proxy->start({QStringLiteral("vm: 127.0.0.1:%1").arg(s_server->port())}));
    }
    void SetUp() override { ASSERT_TRUE(peerSetupError().isEmpty()) << peerSetupError().toStdString(); }
    static void TearDownTestSuite()
    {
        delete s_proxy;
        delete s_server;
    }

    static XvncServer *s_server;
    static Websockify *s_proxy;
};

XvncServer *ConsoleJobsIntegration::s_server = nullptr;
Websockify *ConsoleJobsIntegration::s_proxy = nullptr;

} // namespace

TEST_F(ConsoleJobsIntegration, ScreenshotWritesTheFirstCompleteFrame)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("shot.png"));
    ScreenshotJob job(consoleUrl(s_proxy->url(QStringLiteral("vm"))), {}, file, 60000);
    QSignalSpy done(&job, &ScreenshotJob::finished);
    job.start();
    ASSERT_TRUE(done.wait(60000));
    ASSERT_EQ(job.error(), ConsoleError::None) << done.first().at(1).toString().toStdString();
    QImageReader reader(file);
    EXPECT_EQ(reader.format(), "png");
    const QImage png = reader.read();
    ASSERT_EQ(png.size(), QSize(400, 300));
    EXPECT_EQ(png.pixel(0, 0) & 0xffffff, 0x804020u);
    EXPECT_EQ(png.pixel(399, 299) & 0xffffff, 0x804020u);
    EXPECT_EQ(png.pixel(200, 150) & 0xffffff, 0x804020u);
    EXPECT_GE(job.firstFrameMs(), 0);
}

TEST_F(ConsoleJobsIntegration, ScreenshotReportsTypedErrors)
{
    QTemporaryDir dir;
    ScreenshotJob job(
        consoleUrl(s_proxy->url(QStringLiteral("unknown"))), {}, dir.filePath(QStringLiteral("x.png")), 60000);
    QSignalSpy done(&job, &ScreenshotJob::finished);
    job.start();
    ASSERT_TRUE(done.wait(60000));
    EXPECT_EQ(job.error(), ConsoleError::TokenRefused);
    EXPECT_FALSE(QFileInfo::exists(dir.filePath(QStringLiteral("x.png"))));
}

TEST_F(ConsoleJobsIntegration, ScreenshotToAnUnwritablePath)
{
    ScreenshotJob job(
        consoleUrl(s_proxy->url(QStringLiteral("vm"))), {}, QStringLiteral("/nonexistent-dir/for/sure/x.png"), 60000);
    QSignalSpy done(&job, &ScreenshotJob::finished);
    job.start();
    ASSERT_TRUE(done.wait(60000));
    EXPECT_EQ(job.error(), ConsoleError::Internal);
    EXPECT_TRUE(job.errorText().contains(u"cannot write"));
}

TEST_F(ConsoleJobsIntegration, WatchSamplesEverySecondAndSummarises)
{
    WatchJob job(consoleUrl(s_proxy->url(QStringLiteral("vm"))), {}, 2500);
    QSignalSpy samples(&job, &WatchJob::sampled);
    QSignalSpy done(&job, &WatchJob::finished);
    job.start();
    ASSERT_TRUE(done.wait(60000));
    EXPECT_EQ(job.error(), ConsoleError::None) << done.first().at(1).toString().toStdString();
    EXPECT_GE(samples.size(), 1);
    const auto summary = job.summary();
    EXPECT_GE(summary.frames, 1);
    EXPECT_GT(summary.bytes, 0);
    EXPECT_GT(summary.seconds, 2.0);
    EXPECT_EQ(summary.desktopSize, QSize(400, 300));
    EXPECT_TRUE(done.first().at(1).toString().contains(u"frames in"));
    const auto first = samples.first().first().value<WatchJob::Sample>();
    EXPECT_GE(first.fps, 0.0);
    EXPECT_FALSE(WatchJob::sampleLine(first).isEmpty());
}

TEST_F(ConsoleJobsIntegration, WatchEndsWithTheSessionError)
{
    Websockify proxy;
    ASSERT_TRUE(proxy.start({QStringLiteral("vm: 127.0.0.1:%1").arg(s_server->port())}));
    WatchJob job(consoleUrl(proxy.url(QStringLiteral("vm"))), {});
    QSignalSpy connectedSpy(&job, &WatchJob::connected);
    QSignalSpy done(&job, &WatchJob::finished);
    job.start();
    ASSERT_TRUE(connectedSpy.wait(60000));
    proxy.kill();
    ASSERT_TRUE(done.wait(60000));
    EXPECT_EQ(job.error(), ConsoleError::ConnectionLost);
}
