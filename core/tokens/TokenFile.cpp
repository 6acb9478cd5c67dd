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
#include <sys/stat.h>

namespace Porthole {

namespace {
// A miss in a directory may be a file rewritten in place (the directory's mtime does
// not change then), so a miss stats every file, but not more often than this: unknown
// tokens from a hostile client must not turn into a stat() storm.
constexpr qint64 kFullStatIntervalMs = 100;
} // namespace

TokenFile::TokenFile(const QString &path)
    : m_path(path)
{ }

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
    m_files.clear();
    m_tokens.clear();
    m_loaded = false;
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

void TokenFile::rescanDirectory()
{
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
    if (!m_loaded)
        return TokenLookup::error(QStringLiteral("token source %1 is not loaded").arg(m_path));
    if (token.isEmpty())
        return TokenLookup::miss();
    if (!refreshes())
        return answer(token);

    if (!refresh())
        return TokenLookup::error(m_rootError);
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
