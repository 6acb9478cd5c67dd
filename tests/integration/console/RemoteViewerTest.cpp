// SPDX-License-Identifier: GPL-2.0-or-later
// SPICE consoles in virt-viewer's remote-viewer: the .vv file Porthole writes, opened by a real
// remote-viewer on Xvfb against a real SPICE server (QEMU, no disk).
#include "ConsolePeers.h"
#include "XvfbPeer.h"
#include "console/RemoteViewerLauncher.h"
#include "console/VirtViewerFile.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <csignal>

using namespace Porthole;
using namespace PortholeTest;

TEST(VirtViewerFile, HoldsWhatRemoteViewerNeedsAndTlsOnlyWithATlsPort)
{
    VirtViewerFile file;
    file.host = QStringLiteral("node-7");
    file.port = 5907;
    file.password = QStringLiteral("pw\nwith newline");
    file.title = QStringLiteral("VM 7 (web-1)");
    QString error;
    const QByteArray text = file.text(&error);
    EXPECT_TRUE(text.startsWith("[virt-viewer]\ntype=spice\nhost=node-7\nport=5907\n")) << text.constData();
    EXPECT_TRUE(text.contains("password=pw\\nwith newline\n"));
    EXPECT_TRUE(text.contains("title=VM 7 (web-1)\n"));
    EXPECT_TRUE(text.contains("delete-this-file=1\n"));
    EXPECT_FALSE(text.contains("tls-port"));

    QTemporaryDir dir;
    QFile ca(dir.filePath(QStringLiteral("ca.pem")));
    ASSERT_TRUE(ca.open(QIODevice::WriteOnly));
    ca.write("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
    ca.close();
    file.tlsPort = 5908;
    file.caFile = ca.fileName();
    file.hostSubject = QStringLiteral("CN=node-7");
    const QByteArray tls = file.text(&error);
    EXPECT_TRUE(tls.contains("tls-port=5908\n"));
    EXPECT_TRUE(tls.contains("host-subject=CN=node-7\n"));
    EXPECT_TRUE(tls.contains("ca=-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n\n"));

    const QString path = file.write(&error);
    ASSERT_FALSE(path.isEmpty()) << error.toStdString();
    const QFile::Permissions permissions = QFileInfo(path).permissions();
    EXPECT_TRUE(permissions.testFlag(QFile::ReadOwner) && permissions.testFlag(QFile::WriteOwner));
    EXPECT_FALSE(permissions
        & (QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup | QFile::ReadOther | QFile::WriteOther
            | QFile::ExeOther));
    EXPECT_TRUE(path.startsWith(QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation)));
    EXPECT_TRUE(path.endsWith(QStringLiteral(".vv")));
    QFile::remove(path);
}

TEST(RemoteViewer, OpensASpiceConsoleFromTheWrittenFile)
{
    if (RemoteViewerLauncher::program().isEmpty())
        GTEST_FAIL() << RemoteViewerLauncher::installHint().toStdString();
    const quint16 port = freePort();
    QProcess qemu;
    qemu.setProcessChannelMode(QProcess::MergedChannels);
    qemu.start(QStringLiteral("qemu-system-x86_64"),
        {QStringLiteral("-S"), QStringLiteral("-nodefaults"), QStringLiteral("-m"), QStringLiteral("64"),
            QStringLiteral("-vga"), QStringLiteral("qxl"), QStringLiteral("-display"), QStringLiteral("none"),
            QStringLiteral("-spice"), QStringLiteral("port=%1,addr=127.0.0.1,disable-ticketing=on").arg(port),
            QStringLiteral("-net"), QStringLiteral("none")});
    ASSERT_TRUE(qemu.waitForStarted(20000));
    ASSERT_TRUE(waitForPort(port, 30000)) << qemu.readAll().constData();

    XvfbPeer x;
    ASSERT_TRUE(x.start());
    qputenv("DISPLAY", x.display().toLatin1());
    VirtViewerFile file;
    file.host = QStringLiteral("127.0.0.1");
    file.port = port;
    file.title = QStringLiteral("Porthole SPICE test %1").arg(port);
    QString error;
    qint64 pid = 0;
    QString path;
    ASSERT_TRUE(RemoteViewerLauncher::open(file, &error, &pid, &path)) << error.toStdString();
    // The title comes from our file: remote-viewer parsed it and connected.
    EXPECT_TRUE(x.waitForWindow(file.title)) << x.windowTree().toStdString();
    // delete-this-file=1: remote-viewer removed the file (and its password) after reading it.
    EXPECT_FALSE(QFileInfo::exists(path));
    ::kill(pid_t(pid), SIGTERM);
    qemu.kill();
    qemu.waitForFinished(10000);
}
