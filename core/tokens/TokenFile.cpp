// SPDX-License-Identifier: GPL-2.0-or-later
#include "tokens/TokenFile.h"

#include "base/Logging.h"
#include "base/Redact.h"
#include "tokens/TokenFileParser.h"

#include <QDir>
#include <QFile>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <tuple>
#include <unistd.h>

namespace Porthole {

namespace {
// Without inotify (a file system that does not report changes), a miss in a directory may
// be a file rewritten in place (the directory's mtime does not change then), so a miss stats
// every file, but not more often than this: unknown tokens from a hostile client must not
// turn into a stat() storm.
constexpr qint64 kFullStatIntervalMs = 100;
// What a directory's watch reports: a file written and closed, moved in or out, deleted,
// and the directory itself going away. Not IN_MODIFY: a file being written is incomplete.
constexpr uint32_t kWatchedEvents
    = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB;
} // namespace

TokenFile::TokenFile(const QString &path)
    : m_path(path)
{ }

TokenFile::~TokenFile()
{
    if (m_inotify >= 0)
        ::close(m_inotify);
}

QString TokenFile::description() const
{
    return pluginName() + QLatin1Char(' ') + m_path;
}

TokenFile::Stamp TokenFile::stampOf(const QString &path)
{
    Stamp stamp;
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return stamp;
    stamp.exists = true;
    stamp.isDirectory = S_ISDIR(st.st_mode);
    stamp.mtimeSec = st.st_mtim.tv_sec;
    stamp.mtimeNsec = st.st_mtim.tv_nsec;
    stamp.ctimeSec = st.st_ctim.tv_sec;
    stamp.ctimeNsec = st.st_ctim.tv_nsec;
    stamp.size = st.st_size;
    stamp.inode = st.st_ino;
    return stamp;
}

bool TokenFile::load(QString *error)
{
    // A reload that fails (SIGHUP while the file is being replaced, a directory briefly gone)
    // keeps what was read before; lookups then read the source again when it is back.
    if (m_loaded) {
        const auto kept = std::make_tuple(m_files, m_tokens, m_rootStamp, m_isDirectory);
        if (loadNow(error))
            return true;
        std::tie(m_files, m_tokens, m_rootStamp, m_isDirectory) = kept;
        m_loaded = true;
        *error += QStringLiteral("; the %1 tokens read before stay in use").arg(m_tokens.size());
        return false;
    }
    return loadNow(error);
}

bool TokenFile::loadNow(QString *error)
{
    m_files.clear();
    m_tokens.clear();
    m_loaded = false;
    if (m_inotify >= 0) {
        ::close(m_inotify);
        m_inotify = -1;
    }
    m_rootStamp = stampOf(m_path);
    if (!m_rootStamp.exists) {
        *error = QStringLiteral("token source %1 cannot be read: %2")
                     .arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    m_isDirectory = m_rootStamp.isDirectory;
    if (m_isDirectory) {
        if (!QDir(m_path).isReadable()) {
            *error = QStringLiteral("token directory %1 cannot be listed: permission denied").arg(m_path);
            return false;
        }
        // Watched before the first scan, so nothing written in between is missed.
        if (refreshes()) {
            m_inotify = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
            if (m_inotify >= 0
                && ::inotify_add_watch(m_inotify, QFile::encodeName(m_path).constData(), kWatchedEvents) < 0) {
                qCWarning(lcTokens).noquote()
                    << "cannot watch" << m_path << "for changes:" << std::strerror(errno) << "- a miss will rescan it";
                ::close(m_inotify);
                m_inotify = -1;
            }
        }
        rescanDirectory();
    } else {
        QFile probe(m_path);
        if (!probe.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("token file %1 cannot be read: %2").arg(m_path, probe.errorString());
            return false;
        }
        probe.close();
        readFile(m_path, m_rootStamp);
    }
    m_rootError.clear();
    m_loaded = true;
    m_sinceFullStat.start();
    qCInfo(lcTokens).noquote() << description() << "loaded:" << m_tokens.size() << "tokens," << problems().size()
                               << "problems";
    return true;
}

void TokenFile::dropFile(const QString &path)
{
    const auto it = m_files.constFind(path);
    if (it == m_files.cend())
        return;
    for (const QString &token : it->tokens) {
        const auto entry = m_tokens.constFind(token);
        // A duplicate defined by another file keeps its entry.
        if (entry != m_tokens.cend() && entry->file == path)
            m_tokens.erase(entry);
    }
    m_files.erase(it);
}

void TokenFile::readFile(const QString &path, const Stamp &stamp)
{
    dropFile(path);
    FileData data;
    data.stamp = stamp;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        data.problems.append(TokenProblem {path, 0, QStringLiteral("cannot be read: %1").arg(file.errorString())});
        m_files.insert(path, data);
        return;
    }
    const TokenFileParser::Result parsed = TokenFileParser::parse(file.readAll(), path);
    data.problems = parsed.problems;
    for (const TokenFileParser::Entry &e : parsed.entries) {
        const auto existing = m_tokens.constFind(e.token);
        if (existing != m_tokens.cend()) {
            data.problems.append(TokenProblem {path, e.line,
                QStringLiteral("token '%1' already defined at %2:%3; this line wins")
                    .arg(redact(e.token), existing->file, QString::number(existing->line))});
        }
        m_tokens.insert(e.token, Entry {e.target, e.error, path, e.line});
        data.tokens.append(e.token);
    }
    std::stable_sort(data.problems.begin(), data.problems.end(),
        [](const TokenProblem &a, const TokenProblem &b) { return a.line < b.line; });
    m_files.insert(path, data);
}

bool TokenFile::applyChanges()
{
    alignas(inotify_event) char buffer[16 * 1024];
    bool gone = false;
    for (;;) {
        const ssize_t got = ::read(m_inotify, buffer, sizeof buffer);
        if (got <= 0)
            break;
        for (ssize_t at = 0; at < got;) {
            const auto *event = reinterpret_cast<const inotify_event *>(buffer + at);
            at += ssize_t(sizeof(inotify_event) + event->len);
            if (event->mask & IN_Q_OVERFLOW) {
                rescanDirectory(); // more changes than the kernel kept: look at everything once
                continue;
            }
            if (event->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
                gone = true;
                continue;
            }
            const QString name = event->len > 0 ? QFile::decodeName(event->name) : QString();
            if (name.isEmpty() || name.startsWith(u'.'))
                continue;
            const QString path = QDir(m_path).filePath(name);
            const Stamp stamp = stampOf(path);
            if ((event->mask & (IN_DELETE | IN_MOVED_FROM)) || !stamp.exists || stamp.isDirectory)
                dropFile(path);
            else if (!(m_files.value(path).stamp == stamp))
                readFile(path, stamp);
        }
    }
    return !gone;
}

void TokenFile::rescanDirectory()
{
    ++m_fullScans;
    const QDir dir(m_path);
    // Dot files are editors' swap and temporary files, never Sunstone's.
    const QStringList names = dir.entryList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
    QHash<QString, bool> present;
    for (const QString &name : names) {
        const QString path = dir.filePath(name);
        present.insert(path, true);
        const Stamp stamp = stampOf(path);
        const auto known = m_files.constFind(path);
        if (known == m_files.cend() || !(known->stamp == stamp))
            readFile(path, stamp);
    }
    const QStringList knownPaths = m_files.keys();
    for (const QString &path : knownPaths) {
        if (!present.contains(path))
            dropFile(path);
    }
}

bool TokenFile::refresh()
{
    const Stamp root = stampOf(m_path);
    if (!root.exists || root.isDirectory != m_isDirectory) {
        if (m_rootError.isEmpty())
            qCWarning(lcTokens).noquote() << "token source" << m_path << "is gone; answering with the"
                                          << m_tokens.size() << "tokens read before until it is back";
        m_rootError = QStringLiteral("token source %1 is gone").arg(m_path);
        return false;
    }
    m_rootError.clear();
    if (root == m_rootStamp)
        return true;
    m_rootStamp = root;
    if (m_isDirectory)
        rescanDirectory();
    else
        readFile(m_path, root);
    return true;
}

TokenLookup TokenFile::answer(const QString &token) const
{
    const auto it = m_tokens.constFind(token);
    if (it == m_tokens.cend())
        return TokenLookup::miss();
    if (!it->error.isEmpty())
        return TokenLookup::error(TokenProblem {it->file, it->line, it->error}.toString());
    return TokenLookup::hit(it->target);
}

TokenLookup TokenFile::lookup(const QString &token)
{
    if (!m_loaded) {
        // Not loaded yet or any more (the source was missing): try again, at most every
        // interval, rather than refusing everyone until the next SIGHUP.
        QString error;
        if (m_sinceLoadTry.isValid() && m_sinceLoadTry.elapsed() < kFullStatIntervalMs)
            return TokenLookup::error(QStringLiteral("token source %1 is not loaded").arg(m_path));
        m_sinceLoadTry.start();
        if (!loadNow(&error))
            return TokenLookup::error(error);
    }
    if (token.isEmpty())
        return TokenLookup::miss();
    if (!refreshes())
        return answer(token);
    if (m_inotify >= 0) {
        // The kernel says what changed: a hit or a miss costs one read(), not a scan.
        if (!applyChanges()) {
            QString error;
            load(&error); // the directory was replaced: watch the new one (or keep the old tokens)
        }
        return answer(token);
    }

    // Gone (a non-atomic replace between its rm and its write): what was read before holds.
    if (!refresh())
        return answer(token);
    if (!m_isDirectory)
        return answer(token);

    // The file holding the token may have been rewritten in place since it was read.
    const auto it = m_tokens.constFind(token);
    if (it != m_tokens.cend()) {
        const QString file = it->file;
        const Stamp stamp = stampOf(file);
        if (!stamp.exists)
            dropFile(file);
        else if (!(m_files.value(file).stamp == stamp))
            readFile(file, stamp);
        return answer(token);
    }
    if (m_sinceFullStat.elapsed() >= kFullStatIntervalMs) {
        m_sinceFullStat.restart();
        rescanDirectory();
    }
    return answer(token);
}

QList<TokenProblem> TokenFile::problems() const
{
    QList<TokenProblem> all;
    QStringList paths = m_files.keys();
    paths.sort();
    for (const QString &path : paths)
        all.append(m_files.value(path).problems);
    return all;
}

} // namespace Porthole
