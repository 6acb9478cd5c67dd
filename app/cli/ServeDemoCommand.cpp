// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/cli/ServeDemoCommand.h"

#include "app/cli/CliSession.h"
#include "base/UnixSignalWatcher.h"
#include "demo/DemoCloud.h"
#include "demo/DemoCloudServer.h"
#include "demo/DemoEnvironment.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>

#include <csignal>

namespace Porthole {

int ServeDemoCommand::run(CliSession &session, const QStringList &)
{
    QHostAddress address(QHostAddress::LocalHost);
    quint16 port = 0;
    QString error;
    if (!session.listenOption(&address, &port, &error))
        return session.usage(error);
    DemoEnvironment *demo = session.demo();
    if (session.isSet(QStringLiteral("vms"))) {
        bool ok = false;
        const int extra = session.value(QStringLiteral("vms")).toInt(&ok);
        if (!ok || extra < 0 || extra > 1000000)
            return session.usage(
                QStringLiteral("--vms wants a number of VMs, got \"%1\"").arg(session.value(QStringLiteral("vms"))));
        demo->cloud()->setExtraVms(extra);
    }
    if (!demo->start(address, port)) {
        return session.fail({QStringLiteral("demo-unavailable"),
            QStringLiteral("the demo cloud cannot listen on %1:%2: %3")
                .arg(address.toString())
                .arg(port)
                .arg(demo->errorString()),
            ExitStatus::Unreachable});
    }
    const QString endpoint = demo->endpoint().toString();
    const DemoCloudServer *server = demo->server();
    QJsonObject consoles; // VM ID → its live desktop
    for (int id : demo->consoleVmIds())
        consoles.insert(QString::number(id), demo->consoleUrl(id));
    QTextStream &out = session.out();
    if (session.json()) {
        out << QJsonDocument(
            QJsonObject {{QStringLiteral("endpoint"), endpoint}, {QStringLiteral("user"), server->demoUser()},
                {QStringLiteral("password"), server->demoPassword()}, {QStringLiteral("vnctoken_endpoint"), endpoint},
                {QStringLiteral("consoles"), consoles}})
                   .toJson(QJsonDocument::Compact)
            << '\n';
    } else {
        out << "Porthole demo cloud (OpenNebula " << demo->cloud()->version() << " API) at " << endpoint << '\n'
            << "  user " << server->demoUser() << ", password " << server->demoPassword() << '\n'
            << "  addon-vnctoken at the same endpoint (not on port 2644)\n"
            << "  try: echo " << server->demoPassword() << " | porthole-cli --endpoint " << endpoint << " --user "
            << server->demoUser() << " --password-stdin vms\n"
            << "  and: echo " << server->demoPassword() << " | porthole-cli --endpoint " << endpoint << " --user "
            << server->demoUser() << " --password-stdin --vnctoken-endpoint " << endpoint << " token "
            << demo->consoleVmIds().value(0) << '\n';
        for (auto it = consoles.begin(); it != consoles.end(); ++it)
            out << "  VM " << it.key() << " console: " << it.value().toString() << '\n';
        out << "Press Ctrl+C to stop.\n";
    }
    out.flush();
    auto *signals = new UnixSignalWatcher({SIGINT, SIGTERM}, &session);
    QObject::connect(
        signals, &UnixSignalWatcher::received, &session, [&session] { session.finish(exitCode(ExitStatus::Ok)); });
    return -1;
}

} // namespace Porthole
