// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/app/InstanceChannel.h"

#include "base/Logging.h"

#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>

#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace Porthole {

namespace {

constexpr qsizetype kMaxLine = 64 * 1024;

// A directory is private when it is a real directory (not a link), this user's, and
// closed to group and others.
bool isPrivateDirectory(const QString &path, QString *error)
{
    struct stat info = {};
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0) {
        *error = QStringLiteral("cannot inspect %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (!S_ISDIR(info.st_mode)) {
        *error = QStringLiteral("%1 is not a directory").arg(path);
        return false;
    }
    if (info.st_uid != ::getuid()) {
        *error = QStringLiteral("%1 belongs to another user (uid %2)").arg(path).arg(info.st_uid);
        return false;
    }
    if (info.st_mode & (S_IRWXG | S_IRWXO)) {
        *error = QStringLiteral("%1 is open to other users (mode %2)")
                     .arg(path)
                     .arg(info.st_mode & 07777, 4, 8, QLatin1Char('0'));
        return false;
    }
    return true;
}

} // namespace

InstanceChannel::InstanceChannel(QObject *parent)
    : QObject(parent)
{ }

InstanceChannel::~InstanceChannel() = default;

QString InstanceChannel::socketPath(QString *error)
{
    QString directory = qEnvironmentVariable("XDG_RUNTIME_DIR");
    if (directory.isEmpty()) {
        directory = QDir::tempPath() + QStringLiteral("/porthole-%1").arg(::getuid());
        // mkdir fails on an existing path; whoever made it, the check below decides.
        ::mkdir(QFile::encodeName(directory).constData(), 0700);
    }
    QString why;
    if (!isPrivateDirectory(directory, &why)) {
        if (error)
            *error = QStringLiteral("no private place for the instance socket: %1").arg(why);
        return {};
    }
    const QString name = qEnvironmentVariable("PORTHOLE_INSTANCE", QStringLiteral("porthole-instance"));
    return directory + u'/' + QFileInfo(name).fileName();
}

bool InstanceChannel::peerIsThisUser(qintptr descriptor)
{
    ucred peer = {};
    socklen_t length = sizeof peer;
    return ::getsockopt(int(descriptor), SOL_SOCKET, SO_PEERCRED, &peer, &length) == 0 && peer.uid == ::getuid();
}

bool InstanceChannel::send(const QByteArray &line, QString *error)
{
    const QString path = socketPath(error);
    if (path.isEmpty())
        return false;
    QLocalSocket socket;
    socket.connectToServer(path);
    if (!socket.waitForConnected(1000))
        return false;
    if (!peerIsThisUser(socket.socketDescriptor())) {
        if (error)
            *error = QStringLiteral("the instance socket %1 is served by another user; nothing was sent").arg(path);
        return false;
    }
    socket.write(line + '\n');
    // Wait for the running instance to confirm, so a dead listener is not mistaken for one.
    if (!socket.waitForBytesWritten(3000) || !socket.waitForReadyRead(5000))
        return false;
    return socket.readLine().trimmed() == "ok";
}

bool InstanceChannel::isListening() const
{
    return m_server && m_server->isListening();
}

bool InstanceChannel::listen(QString *error)
{
    if (isListening())
        return true;
    const QString path = socketPath(error);
    if (path.isEmpty())
        return false;
    // Qt makes a restricted socket elsewhere and renames it over the path, which would
    // silently take the path from a live instance: ask first whether one answers there.
    {
        QLocalSocket probe;
        probe.connectToServer(path);
        if (probe.waitForConnected(500)) {
            if (error)
                *error = QStringLiteral("another Porthole answers on %1").arg(path);
            return false;
        }
    }
    delete m_server;
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    // A stale socket file (a crashed instance's) is replaced.
    QLocalServer::removeServer(path);
    if (!m_server->listen(path)) {
        if (error)
            *error = m_server->errorString();
        return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *client = m_server->nextPendingConnection()) {
            connect(client, &QLocalSocket::disconnected, client, &QObject::deleteLater);
            if (!peerIsThisUser(client->socketDescriptor())) {
                qCWarning(lcUi) << "refused a connection to the instance socket from another user";
                client->abort();
                continue;
            }
            connect(client, &QLocalSocket::readyRead, this, [this, client] {
                if (!client->canReadLine()) {
                    if (client->bytesAvailable() > kMaxLine)
                        client->disconnectFromServer(); // not one of ours
                    return;
                }
                const QByteArray line = client->readLine(kMaxLine);
                client->write("ok\n");
                client->flush();
                client->disconnectFromServer();
                Q_EMIT received(line);
            });
        }
    });
    return true;
}

} // namespace Porthole
