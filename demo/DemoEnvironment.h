// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <map>
#include <memory>

namespace Porthole {

class DemoCloud;
class DemoCloudServer;
class DemoDesktop;

// The live demo as `porthole --demo`, `porthole-cli --demo` and `porthole-cli
// serve-demo` run it: the demo cloud's XML-RPC server, and behind every running
// VNC VM a live DemoDesktop (libvncserver, in process, on 127.0.0.1) that the
// VM's console target (history HOSTNAME and GRAPHICS PORT) points at, so VM
// documents and the addon's console tokens name a desktop that answers.
// The desktops paint text, which needs a QGuiApplication (offscreen will do);
// without one the cloud runs alone and every console VM is without a console.
class DemoEnvironment : public QObject
{
    Q_OBJECT
public:
    explicit DemoEnvironment(QObject *parent = nullptr);
    ~DemoEnvironment() override;

    // Set up the cloud (e.g. setExtraVms) before start().
    DemoCloud *cloud() const;
    DemoCloudServer *server() const { return m_server.get(); }

    // The server on address:port (0: any free port), then the desktops. False
    // only when the server cannot listen (see errorString()); a desktop that
    // cannot start leaves its VM without a console and says so in the log.
    bool start(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    QString errorString() const;
    QUrl endpoint() const;

    // The VMs with a live desktop, ascending, and each one's desktop (null: none).
    QList<int> consoleVmIds() const;
    DemoDesktop *desktop(int vmId) const;
    // Running VNC VMs with no desktop behind them (one that could not start, and
    // every generated VM): their console target is a made-up host.
    QList<int> vmsWithoutConsole() const;
    // vnc://127.0.0.1:PORT of the VM's desktop, empty when it has none. Plain RFB
    // over TCP: an in-process desktop on the loopback needs no websockify proxy.
    QString consoleUrl(int vmId) const;

private:
    std::unique_ptr<DemoCloudServer> m_server;
    std::map<int, std::unique_ptr<DemoDesktop>> m_desktops; // by VM id
    QList<int> m_failed; // console VMs whose desktop did not start
};

} // namespace Porthole
