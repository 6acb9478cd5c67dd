// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tokens/TokenSource.h"
#include "tokens/TokenTarget.h"

#include <QElapsedTimer>
#include <QHash>
#include <QStringList>

namespace Porthole {

// websockify's TokenFile: one file, or every regular file of a directory (Sunstone
// writes one "one-<VMID>" file per console). Unlike websockify it does not re-read
// everything per connection: a directory is watched with inotify and only the files it
// reports are read again, so a file written a moment before the browser connects is seen
// and an unknown token costs one read() however many files there are; a single file is
// stat()ed per lookup and re-read when it changed.
class TokenFile : public TokenSource
{
public:
    explicit TokenFile(const QString &path);
    ~TokenFile() override;
    TokenFile(const TokenFile &) = delete;
    TokenFile &operator=(const TokenFile &) = delete;

    bool load(QString *error) override;
    TokenLookup lookup(const QString &token) override;
    QList<TokenProblem> problems() const override;
    qsizetype tokenCount() const override { return m_tokens.size(); }
    QString description() const override;
    // How often every file of the directory was looked at (load, overflow, or no inotify).
    qint64 fullScans() const { return m_fullScans; }

protected:
    // ReadOnlyTokenFile reads once and never looks again.
    virtual bool refreshes() const { return true; }
    virtual QString pluginName() const { return QStringLiteral("TokenFile"); }

private:
    struct Stamp
    {
        qint64 mtimeSec = -1;
        qint64 mtimeNsec = 0;
        qint64 ctimeSec = 0;
        qint64 ctimeNsec = 0;
        qint64 size = -1;
        quint64 inode = 0;
        bool isDirectory = false;
        bool exists = false;
        friend bool operator==(const Stamp &, const Stamp &) = default;
    };
    struct FileData
    {
        Stamp stamp;
        QStringList tokens;
        QList<TokenProblem> problems;
    };
    struct Entry
    {
        TokenTarget target;
        QString error;
        QString file;
        int line = 0;
    };

    static Stamp stampOf(const QString &path);
    void readFile(const QString &path, const Stamp &stamp);
    void dropFile(const QString &path);
    bool loadNow(QString *error);
    void rescanDirectory();
    // Applies what inotify reported since the last call; false when the directory is gone.
    bool applyChanges();
    // Brings the cache up to date with the disk; false when the source vanished.
    bool refresh();
    TokenLookup answer(const QString &token) const;

    QString m_path;
    bool m_isDirectory = false;
    bool m_loaded = false;
    Stamp m_rootStamp;
    QString m_rootError;
    QHash<QString, FileData> m_files;
    QHash<QString, Entry> m_tokens;
    QElapsedTimer m_sinceFullStat;
    QElapsedTimer m_sinceLoadTry;
    int m_inotify = -1; // watches the directory; -1 for a single file or without inotify
    qint64 m_fullScans = 0;
};

} // namespace Porthole
