// SPDX-License-Identifier: GPL-2.0-or-later
// The socket a second `porthole --connect` hands its URL and VNC password to.
#include "ui/app/InstanceChannel.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

using namespace Porthole;

namespace {

constexpr int kWaitMs = 30000;

// XDG_RUNTIME_DIR and PORTHOLE_INSTANCE for one test, put back afterwards.
class RuntimeDir
{
public:
    explicit RuntimeDir(mode_t mode)
        : m_saved(qgetenv("XDG_RUNTIME_DIR"))
    {
        ::chmod(QFile::encodeName(m_dir.path()).constData(), mode);
        qputenv("XDG_RUNTIME_DIR", QFile::encodeName(m_dir.path()));
        qputenv(
            "PORTHOLE_INSTANCE", QStringLiteral("instance-test-%1").arg(QCoreApplication::applicationPid()).toUtf8());
    }
    ~RuntimeDir()
    {
        if (m_saved.isEmpty())
            qunsetenv("XDG_RUNTIME_DIR");
        else
            qputenv("XDG_RUNTIME_DIR", m_saved);
        qunsetenv("PORTHOLE_INSTANCE");
    }
    QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
    QByteArray m_saved;
};

} // namespace

TEST(InstanceChannel, ALineReachesTheRunningInstance)
{
    RuntimeDir runtime(0700);
    InstanceChannel running;
    QString error;
    ASSERT_TRUE(running.listen(&error)) << error.toStdString();
    EXPECT_TRUE(InstanceChannel::socketPath(&error).startsWith(runtime.path()));
    QSignalSpy received(&running, &InstanceChannel::received);
    std::atomic<int> sent {-1};
    // The sender blocks; the running instance needs this thread's event loop.
    std::thread second([&] { sent = InstanceChannel::send("{\"connect\":\"vnc://h:5900\"}", nullptr) ? 1 : 0; });
    EXPECT_TRUE(received.wait(kWaitMs));
    EXPECT_TRUE(QTest::qWaitFor([&] { return sent.load() >= 0; }, kWaitMs));
    second.join();
    EXPECT_EQ(sent.load(), 1) << "the sender got the running instance's ok";
    ASSERT_EQ(received.size(), 1);
    EXPECT_EQ(received.first().first().toByteArray().trimmed(), QByteArray("{\"connect\":\"vnc://h:5900\"}"));
}

TEST(InstanceChannel, ADirectoryOpenToOtherUsersIsRefused)
{
    // Anyone could plant the socket there and receive every URL with its token and password.
    RuntimeDir runtime(0777);
    QString error;
    EXPECT_TRUE(InstanceChannel::socketPath(&error).isEmpty());
    EXPECT_TRUE(error.contains(u"is open to other users")) << error.toStdString();
    EXPECT_FALSE(InstanceChannel::send("secret", &error));
    InstanceChannel channel;
    EXPECT_FALSE(channel.listen(&error));
}

TEST(InstanceChannel, ADirectoryOfAnotherUserIsRefused)
{
    if (::getuid() != 0)
        GTEST_SKIP() << "needs root to hand a directory to another uid";
    RuntimeDir runtime(0700);
    ASSERT_EQ(::chown(QFile::encodeName(runtime.path()).constData(), 65534, 65534), 0);
    QString error;
    EXPECT_TRUE(InstanceChannel::socketPath(&error).isEmpty());
    EXPECT_TRUE(error.contains(u"belongs to another user (uid 65534)")) << error.toStdString();
    EXPECT_FALSE(InstanceChannel::send("secret", &error));
}

TEST(InstanceChannel, ASocketThatAnswersIsNeverTakenOver)
{
    RuntimeDir runtime(0700);
    InstanceChannel first;
    QString error;
    ASSERT_TRUE(first.listen(&error)) << error.toStdString();
    InstanceChannel second;
    EXPECT_FALSE(second.listen(&error));
    EXPECT_TRUE(error.startsWith(u"another Porthole answers on ")) << error.toStdString();
    // The first still gets what is sent.
    QSignalSpy received(&first, &InstanceChannel::received);
    std::atomic<bool> done {false};
    std::thread sender([&] {
        InstanceChannel::send("hello", nullptr);
        done = true;
    });
    EXPECT_TRUE(received.wait(kWaitMs));
    EXPECT_TRUE(QTest::qWaitFor([&] { return done.load(); }, kWaitMs));
    sender.join();
}

TEST(InstanceChannel, ADeadSocketIsTakenOver)
{
    RuntimeDir runtime(0700);
    QString error;
    {
        InstanceChannel crashed;
        ASSERT_TRUE(crashed.listen(&error)) << error.toStdString();
    }
    // QLocalServer removes its file when it closes; leave one behind as a crash would.
    const QString path = InstanceChannel::socketPath(&error);
    QFile stale(path);
    ASSERT_TRUE(stale.open(QIODevice::WriteOnly));
    stale.close();
    InstanceChannel next;
    EXPECT_TRUE(next.listen(&error)) << error.toStdString();
}
