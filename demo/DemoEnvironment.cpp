// SPDX-License-Identifier: GPL-2.0-or-later
#include "demo/DemoEnvironment.h"

#include "base/Logging.h"
#include "demo/DemoCloud.h"
#include "demo/DemoCloudServer.h"
#include "demo/DemoDataSet.h"
#include "demo/DemoDesktop.h"
#include "demo/DemoVm.h"

#include <QGuiApplication>
#include <QTimer>

namespace Porthole {

namespace {
const QString kLoopback = QStringLiteral("127.0.0.1");
constexpr int kRebootMs = 1500; // how long a rebooting demo guest stays dark
} // namespace

DemoEnvironment::DemoEnvironment(QObject *parent)
    : QObject(parent)
    , m_server(std::make_unique<DemoCloudServer>())
{ }

DemoEnvironment::~DemoEnvironment() = default;

DemoCloud *DemoEnvironment::cloud() const
{
    return m_server->cloud();
}

bool DemoEnvironment::start(const QHostAddress &address, quint16 port)
{
    if (!m_server->listen(address, port))
        return false;
    const bool canPaint = qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
    // A desktop is on while its VM runs: dark from the moment it leaves RUNNING, back when it returns.
    connect(cloud(), &DemoCloud::vmStateChanged, this, [this](int vmId, int state, int lcm) {
        if (DemoDesktop *d = desktop(vmId))
            d->setPoweredOn(state == 3 && lcm == 3);
    });
    connect(cloud(), &DemoCloud::vmRebooted, this, [this](int vmId) {
        DemoDesktop *d = desktop(vmId);
        if (!d)
            return;
        d->setPoweredOn(false);
        QTimer::singleShot(kRebootMs, d, [d] { d->setPoweredOn(true); });
    });
    for (int id : cloud()->consoleVmIds()) {
        const std::optional<DemoVm> vm = cloud()->vm(id);
        auto desktop = std::make_unique<DemoDesktop>(vm->name, vm->graphicsPasswd);
        QString error = QStringLiteral("the demo desktops need a QGuiApplication");
        if (canPaint && desktop->start(&error) && cloud()->setConsoleTarget(id, kLoopback, desktop->port())) {
            m_desktops.emplace(id, std::move(desktop));
        } else {
            qCWarning(lcCloud) << "demo VM" << id << "has no desktop:" << error;
            m_failed << id;
        }
    }
    return true;
}

QString DemoEnvironment::errorString() const
{
    return m_server->errorString();
}

QUrl DemoEnvironment::endpoint() const
{
    return m_server->endpoint();
}

QList<int> DemoEnvironment::consoleVmIds() const
{
    QList<int> ids;
    for (const auto &[id, desktop] : m_desktops)
        ids << id;
    return ids;
}

DemoDesktop *DemoEnvironment::desktop(int vmId) const
{
    const auto it = m_desktops.find(vmId);
    return it != m_desktops.end() ? it->second.get() : nullptr;
}

QList<int> DemoEnvironment::vmsWithoutConsole() const
{
    QList<int> ids = m_failed;
    const DemoDataSet &data = cloud()->dataSet();
    for (size_t i = size_t(data.builtinCount()); i < data.vms().size(); ++i) {
        if (DemoDataSet::hasVncConsole(data.vms()[i]))
            ids << data.vms()[i].id;
    }
    return ids;
}

QString DemoEnvironment::consoleUrl(int vmId) const
{
    const DemoDesktop *found = desktop(vmId);
    return found ? QStringLiteral("vnc://%1:%2").arg(kLoopback).arg(found->port()) : QString();
}

} // namespace Porthole
