// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/RemoteViewerLauncher.h"

#include "base/Logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

namespace Porthole {

QString RemoteViewerLauncher::program()
{
    return QStandardPaths::findExecutable(QStringLiteral("remote-viewer"));
}

QString RemoteViewerLauncher::installHint()
{
    return QStringLiteral("remote-viewer is not installed; on Debian or Ubuntu install it with: "
                          "sudo apt install virt-viewer");
}

bool RemoteViewerLauncher::open(const VirtViewerFile &file, QString *error, qint64 *pid, QString *filePath)
{
    const QString viewer = program();
    if (viewer.isEmpty()) {
        *error = installHint();
        return false;
    }
    const QString path = file.write(error);
    if (path.isEmpty())
        return false;
    qint64 started = 0;
    if (!QProcess::startDetached(viewer, {path}, QString(), &started)) {
        QFile::remove(path);
        *error = QStringLiteral("cannot start %1").arg(viewer);
        return false;
    }
    qCInfo(lcConsole) << "remote-viewer" << started << "for" << file.type << file.host << file.port;
    if (QCoreApplication::instance())
        QTimer::singleShot(kFileLifetimeMs, QCoreApplication::instance(), [path] { QFile::remove(path); });
    if (pid)
        *pid = started;
    if (filePath)
        *filePath = path;
    return true;
}

} // namespace Porthole
