// SPDX-License-Identifier: GPL-2.0-or-later
#include "ConsolePeers.h"

#include <gtest/gtest.h>

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocalSocket>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <cerrno>
#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace PortholeTest {

QString &peerSetupError()
{
    static QString error;
    return error;
}

Porthole::ConsoleUrl consoleUrl(const QString &text)
{
    auto parsed = Porthole::ConsoleUrl::parse(text);
    EXPECT_TRUE(parsed.has_value()) << text.toStdString();
    return parsed.value_or(Porthole::ConsoleUrl());
}

bool waitFirstFrame(Porthole::RfbSession &session, int timeoutMs)
{
    QSignalSpy full(&session, &Porthole::RfbSession::firstFullFrame);
    QSignalSpy failed(&session, &Porthole::RfbSession::errorOccurred);
    QDeadlineTimer deadline(timeoutMs);
    while (full.isEmpty() && failed.isEmpty() && !deadline.hasExpired())
        full.wait(100);
    return !full.isEmpty();
}

bool waitForPort(quint16 port, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (socket.waitForConnected(1000))
            return true;
        // A refused connect returns at once; back off a little between attempts.
        QThread::msleep(50);
    }
    return false;
}

bool waitForPortClosed(quint16 port, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        if (!socket.waitForConnected(1000) && socket.error() == QAbstractSocket::ConnectionRefusedError)
            return true;
        socket.abort();
        QThread::msleep(50);
    }
    return false;
}

PeerProcess::~PeerProcess()
{
    kill();
}

bool PeerProcess::start(const QString &program, const QStringList &arguments)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    // Own process group, so forked children (websockify's per-connection workers) die too.
    m_process->setChildProcessModifier([] { ::setsid(); });
    m_process->start(program, arguments);
    return m_process->waitForStarted(10000);
}

void PeerProcess::kill()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    const auto pid = static_cast<pid_t>(m_process->processId());
    // SIGTERM first: X servers then remove their /tmp/.X11-unix socket and lock file.
    if (pid > 0)
        ::kill(-pid, SIGTERM);
    if (!m_process->waitForFinished(5000)) {
        if (pid > 0)
            ::kill(-pid, SIGKILL);
        m_process->kill();
        m_process->waitForFinished(10000);
    }
    // The group's other members (websockify's per-connection children) go too.
    if (pid > 0)
        ::kill(-pid, SIGKILL);
}

void PeerProcess::killHard()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    const auto pid = static_cast<pid_t>(m_process->processId());
    if (pid > 0)
        ::kill(-pid, SIGKILL);
    m_process->kill();
    m_process->waitForFinished(10000);
}

QString PeerProcess::output() const
{
    return m_process ? QString::fromLocal8Bit(m_process->readAll()) : QString();
}

bool PeerProcess::running() const
{
    return m_process && m_process->state() == QProcess::Running;
}

bool XvncServer::start(const QString &geometry, const QString &password)
{
    return start(geometry, password, password.isEmpty() ? QStringLiteral("None") : QStringLiteral("VncAuth"), {});
}

bool XvncServer::start(
    const QString &geometry, const QString &password, const QString &securityTypes, const QStringList &extraArguments)
{
    if (!m_dir.isValid())
        return false;
    // Display numbers are a machine-wide namespace: pick one with no socket and no lock.
    // A lock whose process is gone, or a socket nobody listens on, is what a server killed
    // hard leaves behind: the next X server replaces both, so such a display counts as free.
    for (int attempt = 0; attempt < 200 && m_display < 0; ++attempt) {
        const int n = 100 + int(QRandomGenerator::global()->bounded(800));
        QFile lock(QStringLiteral("/tmp/.X%1-lock").arg(n));
        if (lock.open(QIODevice::ReadOnly)) {
            // The X server takes over a lock whose process is gone.
            const pid_t owner = pid_t(lock.readAll().trimmed().toInt());
            if (owner > 0 && (::kill(owner, 0) == 0 || errno == EPERM))
                continue;
        }
        const QString socketPath = QStringLiteral("/tmp/.X11-unix/X%1").arg(n);
        if (QFileInfo::exists(socketPath)) {
            QLocalSocket probe;
            probe.connectToServer(socketPath);
            if (probe.waitForConnected(500))
                continue;
        }
        m_display = n;
    }
    m_port = freePort();
    if (m_display < 0 || m_port == 0)
        return false;
    QStringList args {QStringLiteral(":%1").arg(m_display), QStringLiteral("-rfbport"), QString::number(m_port),
        QStringLiteral("-localhost"), QStringLiteral("-geometry"), geometry, QStringLiteral("-depth"),
        QStringLiteral("24"), QStringLiteral("-nolisten"), QStringLiteral("tcp"), QStringLiteral("-AlwaysShared")};
    args << QStringLiteral("-SecurityTypes") << securityTypes << extraArguments;
    if (!password.isEmpty()) {
        QProcess vncpasswd;
        vncpasswd.start(QStringLiteral("vncpasswd"), {QStringLiteral("-f")});
        vncpasswd.write(password.toLatin1() + '\n' + password.toLatin1() + '\n');
        vncpasswd.closeWriteChannel();
        if (!vncpasswd.waitForFinished(10000) || vncpasswd.exitCode() != 0)
            return false;
        const QString file = m_dir.filePath(QStringLiteral("passwd"));
        QFile f(file);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.write(vncpasswd.readAllStandardOutput());
        f.close();
        args << QStringLiteral("-PasswordFile") << file;
    }
    if (!m_process.start(QStringLiteral("Xvnc"), args))
        return false;
    if (!waitForPort(m_port))
        return false;
    // The RFB port opens before the X socket may be usable by xsetroot; poll that too.
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        if (QFileInfo::exists(QStringLiteral("/tmp/.X11-unix/X%1").arg(m_display)))
            return true;
        QThread::msleep(20);
    }
    return false;
}

bool XvncServer::runX(const QString &program, const QStringList &arguments)
{
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISPLAY"), QStringLiteral(":%1").arg(m_display));
    p.setProcessEnvironment(env);
    p.start(program, arguments);
    return p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

bool XvncServer::setRootColour(const QString &colour)
{
    return runX(QStringLiteral("xsetroot"), {QStringLiteral("-solid"), colour});
}

bool XvncServer::xrandr(const QString &size)
{
    return runX(QStringLiteral("xrandr"), {QStringLiteral("-s"), size});
}

bool Websockify::start(const QStringList &tokenLines, const QStringList &extraArguments, quint16 port)
{
    if (!m_dir.isValid())
        return false;
    const QString file = m_dir.filePath(QStringLiteral("tokens.txt"));
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(tokenLines.join(u'\n').toUtf8() + '\n');
    f.close();
    m_port = port ? port : freePort();
    if (m_port == 0)
        return false;
    QStringList args {QStringLiteral("127.0.0.1:%1").arg(m_port), QStringLiteral("--token-plugin"),
        QStringLiteral("TokenFile"), QStringLiteral("--token-source"), file};
    args += extraArguments;
    if (!m_process.start(QStringLiteral("websockify"), args))
        return false;
    return waitForPort(m_port);
}

QString Websockify::url(const QString &token, const QString &scheme) const
{
    return QStringLiteral("%1://127.0.0.1:%2/websockify?token=%3").arg(scheme).arg(m_port).arg(token);
}

bool TestCertificate::create(const QString &directory)
{
    certFile = directory + QStringLiteral("/cert.pem");
    keyFile = directory + QStringLiteral("/key.pem");
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
            QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
            QStringLiteral("/CN=porthole-test"), QStringLiteral("-addext"),
            QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"), QStringLiteral("-keyout"), keyFile,
            QStringLiteral("-out"), certFile});
    return openssl.waitForFinished(60000) && openssl.exitCode() == 0;
}

} // namespace PortholeTest
