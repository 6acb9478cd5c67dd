// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/ExternalViewer.h"

#include "base/Logging.h"
#include "console/ConsoleForwarder.h"
#include "console/RemoteViewerLauncher.h"
#include "console/VirtViewerFile.h"

#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QStandardPaths>

namespace Porthole {

namespace {

QString vncViewerProgram()
{
    return QStandardPaths::findExecutable(QStringLiteral("vncviewer"));
}

VirtViewerFile fileFor(
    ExternalViewer::Protocol protocol, const QString &host, int port, const ConsoleUrl &url, const QString &title)
{
    VirtViewerFile file;
    file.type = protocol == ExternalViewer::Protocol::Spice ? QStringLiteral("spice") : QStringLiteral("vnc");
    file.host = host;
    file.port = port;
    file.password = url.password();
    file.title = title;
    return file;
}

} // namespace

ExternalViewer::ExternalViewer(QObject *parent)
    : QObject(parent)
{ }

ExternalViewer::~ExternalViewer()
{
    // The viewer of a forward is useless without it: it goes with it.
    if (m_viewer) {
        m_viewer->disconnect(this);
        m_viewer->terminate();
        m_viewer->waitForFinished(3000);
    }
}

QString ExternalViewer::program(Protocol protocol)
{
    const QString remoteViewer = RemoteViewerLauncher::program();
    if (!remoteViewer.isEmpty() || protocol == Protocol::Spice)
        return remoteViewer;
    return vncViewerProgram();
}

QString ExternalViewer::installHint(Protocol protocol)
{
    if (protocol == Protocol::Spice)
        return RemoteViewerLauncher::installHint();
    return QStringLiteral("No VNC viewer is installed; on Debian or Ubuntu install one with: "
                          "sudo apt install virt-viewer (or tigervnc-viewer)");
}

quint16 ExternalViewer::forwardedPort() const
{
    return m_forwarder ? m_forwarder->port() : 0;
}

bool ExternalViewer::open(
    const ConsoleUrl &url, const RfbSession::Options &options, Protocol protocol, const QString &title, QString *error)
{
    if (program(protocol).isEmpty()) {
        *error = installHint(protocol);
        return false;
    }
    const bool direct = !url.isWebSocket() && url.via().isEmpty();
    if (direct && !RemoteViewerLauncher::program().isEmpty())
        return RemoteViewerLauncher::open(fileFor(protocol, url.host(), url.port(), url, title), error);
    return startForwarded(url, options, protocol, title, error);
}

bool ExternalViewer::startForwarded(
    const ConsoleUrl &url, const RfbSession::Options &options, Protocol protocol, const QString &title, QString *error)
{
    m_forwarder = std::make_unique<ConsoleForwarder>(url, options);
    if (!m_forwarder->listen(QHostAddress::LocalHost, 0, error))
        return false;
    const quint16 port = m_forwarder->port();
    m_viewer = new QProcess(this);
    m_viewer->setProcessChannelMode(QProcess::ForwardedChannels);
    QString path;
    if (!RemoteViewerLauncher::program().isEmpty()) {
        path = fileFor(protocol, QStringLiteral("127.0.0.1"), port, url, title).write(error);
        if (path.isEmpty())
            return false;
        m_viewer->setProgram(RemoteViewerLauncher::program());
        m_viewer->setArguments({path});
    } else {
        m_viewer->setProgram(vncViewerProgram());
        m_viewer->setArguments({QStringLiteral("127.0.0.1::%1").arg(port)});
    }
    connect(m_viewer, &QProcess::finished, this, [this] {
        qCInfo(lcConsole) << "external viewer exited; the forward on port" << forwardedPort() << "ends";
        m_forwarder.reset();
        Q_EMIT finished(QString());
    });
    connect(m_viewer, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        m_forwarder.reset();
        Q_EMIT finished(QStringLiteral("cannot start %1").arg(m_viewer->program()));
    });
    m_viewer->start();
    if (!m_viewer->waitForStarted(10000)) {
        if (!path.isEmpty())
            QFile::remove(path);
        *error = QStringLiteral("cannot start %1").arg(m_viewer->program());
        m_forwarder.reset();
        return false;
    }
    qCInfo(lcConsole) << "external viewer" << m_viewer->program() << "on forward port" << port << "to"
                      << url.displayString();
    return true;
}

} // namespace Porthole
