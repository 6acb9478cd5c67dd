// SPDX-License-Identifier: GPL-2.0-or-later
#include "SshdPeer.h"

#include "TestSupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QThread>

#include <csignal>
#include <pwd.h>
#include <unistd.h>

namespace PortholeTest {

namespace {

// Every process whose parent chain leads to pid (read from /proc).
QList<pid_t> descendants(pid_t pid)
{
    QList<pid_t> found;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    QHash<pid_t, pid_t> parentOf;
    for (const QString &entry : entries) {
        bool ok = false;
        const pid_t child = pid_t(entry.toInt(&ok));
        if (!ok)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(child));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = stat.readAll();
        // "pid (comm) state ppid ...": comm may hold spaces, so read after the last ')'.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1)
            parentOf.insert(child, pid_t(fields.at(1).toInt()));
    }
    QList<pid_t> frontier {pid};
    while (!frontier.isEmpty()) {
        const pid_t parent = frontier.takeFirst();
        for (auto it = parentOf.cbegin(); it != parentOf.cend(); ++it)
            if (it.value() == parent && !found.contains(it.key())) {
                found << it.key();
                frontier << it.key();
            }
    }
    return found;
}

} // namespace

SshdPeer::SshdPeer()
{
    if (!m_dir.isValid())
        return;
    // Keys made once per peer, so that a restarted sshd shows the same host key.
    run(QStringLiteral("ssh-keygen"),
        {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"), QString(),
            QStringLiteral("-f"), m_dir.filePath(QStringLiteral("host_ed25519"))});
    run(QStringLiteral("ssh-keygen"),
        {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"), QString(),
            QStringLiteral("-f"), m_dir.filePath(QStringLiteral("other_host_ed25519"))});
    QFile authorized(m_dir.filePath(QStringLiteral("authorized_keys")));
    authorized.open(QIODevice::WriteOnly);
}

SshdPeer::~SshdPeer()
{
    kill();
}

bool SshdPeer::run(const QString &program, const QStringList &arguments, QString *output) const
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForFinished(20000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return false;
    if (output)
        *output = QString::fromUtf8(process.readAllStandardOutput());
    return true;
}

QString SshdPeer::user() const
{
    const passwd *entry = getpwuid(getuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : QStringLiteral("root");
}

QString SshdPeer::url() const
{
    return QStringLiteral("ssh://%1@127.0.0.1:%2").arg(user()).arg(m_port);
}

QString SshdPeer::log() const
{
    return m_process.output();
}

bool SshdPeer::start(quint16 port)
{
    if (!m_dir.isValid())
        return false;
    m_port = port ? port : freePort();
    // sshd wants its privilege separation directory even when it runs as a plain user.
    QDir().mkpath(QStringLiteral("/run/sshd"));
    const QString config = m_dir.filePath(QStringLiteral("sshd_config"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    file.write(QStringLiteral("Port %1\n"
                              "ListenAddress 127.0.0.1\n"
                              "HostKey %2/host_ed25519\n"
                              "PidFile %2/sshd.pid\n"
                              "AuthorizedKeysFile %2/authorized_keys\n"
                              "UsePAM no\n"
                              "StrictModes no\n"
                              "PermitRootLogin yes\n"
                              "PubkeyAuthentication yes\n"
                              "PasswordAuthentication yes\n"
                              "KbdInteractiveAuthentication no\n"
                              "AllowTcpForwarding yes\n"
                              "PermitOpen any\n"
                              "X11Forwarding no\n"
                              "PrintMotd no\n"
                              "MaxStartups 100\n"
                              "LogLevel VERBOSE\n")
                   .arg(m_port)
                   .arg(m_dir.path())
                   .toUtf8());
    file.close();
    // sshd refuses to start unless named by an absolute path (it re-executes itself).
    if (!m_process.start(QStringLiteral("/usr/sbin/sshd"),
            {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), config}))
        return false;
    return waitForPort(m_port);
}

void SshdPeer::kill()
{
    QFile pidFile(m_dir.filePath(QStringLiteral("sshd.pid")));
    if (pidFile.open(QIODevice::ReadOnly)) {
        const pid_t pid = pid_t(pidFile.readAll().trimmed().toInt());
        if (pid > 0) {
            const QList<pid_t> children = descendants(pid);
            ::kill(pid, SIGKILL);
            for (const pid_t child : children)
                ::kill(child, SIGKILL);
        }
        pidFile.close();
        pidFile.remove();
    }
    m_process.killHard();
    if (m_port)
        waitForPortClosed(m_port);
}

QString SshdPeer::hostFingerprint() const
{
    QString output;
    run(QStringLiteral("ssh-keygen"),
        {QStringLiteral("-l"), QStringLiteral("-E"), QStringLiteral("sha256"), QStringLiteral("-f"),
            m_dir.filePath(QStringLiteral("host_ed25519.pub"))},
        &output);
    return output.section(u' ', 1, 1);
}

QString SshdPeer::writeKnownHosts(const QString &name, bool rightKey) const
{
    QFile key(m_dir.filePath(rightKey ? QStringLiteral("host_ed25519.pub") : QStringLiteral("other_host_ed25519.pub")));
    key.open(QIODevice::ReadOnly);
    const QString path = m_dir.filePath(name);
    QFile file(path);
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.write(QStringLiteral("[127.0.0.1]:%1 ").arg(m_port).toUtf8() + key.readAll());
    return path;
}

QString SshdPeer::makeUserKey(const QString &name, const QString &passphrase, bool authorized)
{
    const QString path = m_dir.filePath(name);
    QFile::remove(path);
    QFile::remove(path + QStringLiteral(".pub"));
    // The passphrase goes through argv here: a throw-away test key, never a user's secret.
    if (!run(QStringLiteral("ssh-keygen"),
            {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"), passphrase,
                QStringLiteral("-f"), path}))
        return QString();
    if (authorized) {
        QFile pub(path + QStringLiteral(".pub"));
        pub.open(QIODevice::ReadOnly);
        QFile keys(m_dir.filePath(QStringLiteral("authorized_keys")));
        keys.open(QIODevice::Append);
        keys.write(pub.readAll());
    }
    return path;
}

bool SshAgentPeer::start()
{
    if (!m_dir.isValid()
        || !m_process.start(QStringLiteral("ssh-agent"), {QStringLiteral("-D"), QStringLiteral("-a"), socket()}))
        return false;
    QDeadlineTimer deadline(10000);
    while (!QFileInfo::exists(socket()) && !deadline.hasExpired())
        QThread::msleep(20);
    return QFileInfo::exists(socket());
}

bool SshAgentPeer::add(const QString &keyFile)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("SSH_AUTH_SOCK"), socket());
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral("ssh-add"), {keyFile});
    return process.waitForFinished(10000) && process.exitCode() == 0;
}

} // namespace PortholeTest
