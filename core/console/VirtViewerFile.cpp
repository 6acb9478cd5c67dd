// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/VirtViewerFile.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryFile>

#include <unistd.h>

namespace Porthole {

namespace {

// GKeyFile values: one line, with \n, \t and \\ escaped.
QByteArray value(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'\n', QStringLiteral("\\n"));
    escaped.replace(u'\r', QStringLiteral("\\r"));
    escaped.replace(u'\t', QStringLiteral("\\t"));
    return escaped.toUtf8();
}

QString runtimeDirectory(QString *error)
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty()) {
        dir = QStringLiteral("/tmp/porthole-%1").arg(getuid());
        QDir().mkpath(dir);
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }
    if (!QDir(dir).exists()) {
        *error = QStringLiteral("there is no runtime directory (%1) to write the remote-viewer file in").arg(dir);
        return QString();
    }
    return dir;
}

} // namespace

QByteArray VirtViewerFile::text(QString *error) const
{
    QByteArray out = "[virt-viewer]\n";
    out += "type=" + value(type) + '\n';
    out += "host=" + value(host) + '\n';
    out += "port=" + QByteArray::number(port) + '\n';
    if (password)
        out += "password=" + value(*password) + '\n';
    if (!title.isEmpty())
        out += "title=" + value(title) + '\n';
    out += "delete-this-file=1\n";
    if (tlsPort > 0) {
        out += "tls-port=" + QByteArray::number(tlsPort) + '\n';
        if (!hostSubject.isEmpty())
            out += "host-subject=" + value(hostSubject) + '\n';
        if (!caFile.isEmpty()) {
            QFile ca(caFile);
            if (!ca.open(QIODevice::ReadOnly)) {
                if (error)
                    *error = QStringLiteral("cannot read the CA file %1: %2").arg(caFile, ca.errorString());
                return QByteArray();
            }
            out += "ca=" + value(QString::fromLatin1(ca.readAll())) + '\n';
        }
    }
    return out;
}

QString VirtViewerFile::write(QString *error) const
{
    const QByteArray content = text(error);
    if (content.isEmpty())
        return QString();
    const QString dir = runtimeDirectory(error);
    if (dir.isEmpty())
        return QString();
    // QTemporaryFile creates the file 0600 and exclusively: no other user can read the
    // password, and no link planted under the name is followed.
    QTemporaryFile file(dir + QStringLiteral("/porthole-XXXXXX.vv"));
    file.setAutoRemove(false);
    if (!file.open() || file.write(content) != content.size() || !file.flush()) {
        *error = QStringLiteral("cannot write the remote-viewer file in %1: %2").arg(dir, file.errorString());
        file.remove();
        return QString();
    }
    return file.fileName();
}

} // namespace Porthole
