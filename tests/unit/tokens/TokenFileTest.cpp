// SPDX-License-Identifier: GPL-2.0-or-later
#include "tokens/TokenFile.h"

#include "tokens/ReadOnlyTokenFile.h"
#include "tokens/TokenSource.h"

#include <gtest/gtest.h>

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Porthole;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate)) << qPrintable(path);
    f.write(content);
}

// Polls a lookup until it matches; the only wait is for a cache rate limit, bounded.
bool eventually(const std::function<bool()> &condition)
{
    QDeadlineTimer deadline(10000);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(20);
    }
    return true;
}

class TokenFileTest : public ::testing::Test
{
protected:
    QTemporaryDir m_dir;
    QString path(const char *name) const { return m_dir.filePath(QString::fromUtf8(name)); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
};

} // namespace

TEST_F(TokenFileTest, LoadsAFileAndLooksUp)
{
    writeFile(path("tokens"), "a: 127.0.0.1:5900\nb: [::1]:5901\n");
    TokenFile source(path("tokens"));
    QString error;
    ASSERT_TRUE(source.load(&error)) << qPrintable(error);
    EXPECT_EQ(source.tokenCount(), 2);
    const TokenLookup a = source.lookup(QStringLiteral("a"));
    ASSERT_TRUE(a.found());
    EXPECT_EQ(a.target.toString(), QStringLiteral("127.0.0.1:5900"));
    EXPECT_EQ(source.lookup(QStringLiteral("b")).target.port, 5901);
    const TokenLookup miss = source.lookup(QStringLiteral("zzz"));
    EXPECT_EQ(miss.status, TokenLookup::Status::NotFound);
    EXPECT_EQ(miss.reason, QStringLiteral("unknown token"));
    EXPECT_EQ(source.lookup(QString()).status, TokenLookup::Status::NotFound);
}

TEST_F(TokenFileTest, MissingSourceFailsTheLoadWithTheReason)
{
    TokenFile source(path("nope"));
    QString error;
    EXPECT_FALSE(source.load(&error));
    EXPECT_TRUE(error.contains(path("nope"))) << qPrintable(error);
    EXPECT_TRUE(error.contains(QStringLiteral("No such file"))) << qPrintable(error);
    EXPECT_EQ(source.lookup(QStringLiteral("a")).status, TokenLookup::Status::SourceError);
}

TEST_F(TokenFileTest, BrokenLineIsASourceErrorWithFileAndLine)
{
    writeFile(path("tokens"), "# header\nvm1: host:notaport\nvm2: h:2\n");
    TokenFile source(path("tokens"));
    QString error;
    ASSERT_TRUE(source.load(&error));
    ASSERT_EQ(source.problems().size(), 1);
    EXPECT_EQ(source.problems()[0].line, 2);
    const TokenLookup r = source.lookup(QStringLiteral("vm1"));
    EXPECT_EQ(r.status, TokenLookup::Status::SourceError);
    EXPECT_TRUE(r.reason.startsWith(path("tokens") + QStringLiteral(":2: "))) << qPrintable(r.reason);
    EXPECT_TRUE(source.lookup(QStringLiteral("vm2")).found());
}

TEST_F(TokenFileTest, FileChangesAreSeenWithoutReload)
{
    writeFile(path("tokens"), "a: h:1\n");
    TokenFile source(path("tokens"));
    QString error;
    ASSERT_TRUE(source.load(&error));
    writeFile(path("tokens"), "a: h:2\nnew: other:3\n");
    EXPECT_EQ(source.lookup(QStringLiteral("a")).target.port, 2);
    EXPECT_TRUE(source.lookup(QStringLiteral("new")).found());
    // Between the rm and the write of a non-atomic replace, what was read before holds
    // (issue 16: every session was refused until the next good SIGHUP).
    QFile::remove(path("tokens"));
    EXPECT_EQ(source.lookup(QStringLiteral("a")).target.port, 2);
    EXPECT_FALSE(source.load(&error)) << "a SIGHUP now fails ...";
    EXPECT_TRUE(error.contains(QStringLiteral("the 2 tokens read before stay in use"))) << qPrintable(error);
    EXPECT_EQ(source.lookup(QStringLiteral("new")).target.port, 3) << "... and keeps the tokens";
    writeFile(path("tokens"), "a: h:4\n");
    EXPECT_EQ(source.lookup(QStringLiteral("a")).target.port, 4);
}

TEST_F(TokenFileTest, DirectoryOfSunstoneFiles)
{
    QDir(m_dir.path()).mkdir(QStringLiteral("d"));
    writeFile(path("d/one-1"), "tok1: 10.0.0.1:5901");
    writeFile(path("d/one-2"), "tok2: 10.0.0.2:5902");
    writeFile(path("d/.one-3.swp"), "garbage that is not a token line");
    TokenFile source(path("d"));
    QString error;
    ASSERT_TRUE(source.load(&error)) << qPrintable(error);
    EXPECT_EQ(source.tokenCount(), 2);
    EXPECT_TRUE(source.problems().isEmpty());
    EXPECT_EQ(source.lookup(QStringLiteral("tok2")).target.host, QStringLiteral("10.0.0.2"));

    // Sunstone writes a new file per console request; the next lookup must see it.
    writeFile(path("d/one-3"), "tok3: 10.0.0.3:5903");
    EXPECT_EQ(source.lookup(QStringLiteral("tok3")).target.port, 5903);

    // A removed file takes its tokens with it.
    QFile::remove(path("d/one-1"));
    EXPECT_EQ(source.lookup(QStringLiteral("tok1")).status, TokenLookup::Status::NotFound);

    // A file rewritten in place: the old token disappears at once ...
    writeFile(path("d/one-2"), "tok2b: 10.0.0.2:5999");
    EXPECT_EQ(source.lookup(QStringLiteral("tok2")).status, TokenLookup::Status::NotFound);
    // ... and the new one is found (a miss rescans at most every 100 ms).
    EXPECT_TRUE(eventually([&] { return source.lookup(QStringLiteral("tok2b")).found(); }));
}

TEST_F(TokenFileTest, DirectoryProblemsNameTheirFile)
{
    QDir(m_dir.path()).mkdir(QStringLiteral("d"));
    writeFile(path("d/one-1"), "tok1: 10.0.0.1:5901\n");
    writeFile(path("d/one-2"), "\ntok1: 10.0.0.9:5909\nbroken\n");
    TokenFile source(path("d"));
    QString error;
    ASSERT_TRUE(source.load(&error));
    const QList<TokenProblem> problems = source.problems();
    ASSERT_EQ(problems.size(), 2);
    EXPECT_EQ(problems[0].file, path("d/one-2"));
    EXPECT_EQ(problems[0].line, 2);
    EXPECT_TRUE(problems[0].message.contains(QStringLiteral("already defined")));
    EXPECT_EQ(problems[1].line, 3);
}

TEST_F(TokenFileTest, ReadOnlyTokenFileReadsOnce)
{
    writeFile(path("tokens"), "a: h:1\n");
    ReadOnlyTokenFile source(path("tokens"));
    QString error;
    ASSERT_TRUE(source.load(&error));
    writeFile(path("tokens"), "a: h:2\n");
    EXPECT_EQ(source.lookup(QStringLiteral("a")).target.port, 1);
    ASSERT_TRUE(source.load(&error)); // SIGHUP
    EXPECT_EQ(source.lookup(QStringLiteral("a")).target.port, 2);
    EXPECT_TRUE(source.description().startsWith(QStringLiteral("ReadOnlyTokenFile ")));
}

TEST_F(TokenFileTest, FactoryKnowsWebsockifyPluginNames)
{
    QString error;
    EXPECT_NE(TokenSource::create(QStringLiteral("TokenFile"), QStringLiteral("/x"), &error), nullptr);
    EXPECT_NE(
        TokenSource::create(QStringLiteral("websockify.token_plugins.ReadOnlyTokenFile"), QStringLiteral("/x"), &error),
        nullptr);
    EXPECT_NE(TokenSource::create(QStringLiteral("TokenRedis"), QStringLiteral("localhost"), &error), nullptr);
    EXPECT_EQ(TokenSource::create(QStringLiteral("JWTTokenApi"), QStringLiteral("/x"), &error), nullptr);
    EXPECT_TRUE(error.contains(QStringLiteral("unknown token plugin")));
    EXPECT_EQ(TokenSource::create(QStringLiteral("TokenFile"), QString(), &error), nullptr);
    EXPECT_TRUE(error.contains(QStringLiteral("--token-source")));
}

// A watched directory: an unknown token costs no scan of its files, however many; what the
// kernel reports (new, rewritten, moved in, deleted files) is applied at the next lookup.
TEST_F(TokenFileTest, ADirectoryIsWatchedSoMissesScanNothing)
{
    QDir(m_dir.path()).mkdir(QStringLiteral("d"));
    for (int i = 0; i < 500; ++i)
        writeFile(path(QStringLiteral("d/one-%1").arg(i)),
            QStringLiteral("tok%1: 10.0.0.1:%2\n").arg(i).arg(5900 + i).toUtf8());
    TokenFile source(path("d"));
    QString error;
    ASSERT_TRUE(source.load(&error)) << qPrintable(error);
    EXPECT_EQ(source.tokenCount(), 500);
    const qint64 scans = source.fullScans();
    for (int i = 0; i < 1000; ++i)
        ASSERT_EQ(source.lookup(QStringLiteral("unknown-%1").arg(i)).status, TokenLookup::Status::NotFound);
    EXPECT_EQ(source.fullScans(), scans) << "misses rescanned the directory";

    writeFile(path("d/one-7"), "tok7b: 10.0.0.7:6007\n"); // rewritten in place, as Sunstone does
    EXPECT_EQ(source.lookup(QStringLiteral("tok7b")).target.port, 6007);
    EXPECT_EQ(source.lookup(QStringLiteral("tok7")).status, TokenLookup::Status::NotFound);
    writeFile(path("d/.one-new.tmp"), "tokmv: 10.0.0.9:6009\n");
    ASSERT_TRUE(QFile::rename(path("d/.one-new.tmp"), path("d/one-new"))); // an atomic replace
    EXPECT_EQ(source.lookup(QStringLiteral("tokmv")).target.port, 6009);
    QFile::remove(path("d/one-8"));
    EXPECT_EQ(source.lookup(QStringLiteral("tok8")).status, TokenLookup::Status::NotFound);
    EXPECT_EQ(source.fullScans(), scans);
}
