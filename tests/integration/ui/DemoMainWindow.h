// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

// The main window signed in to a demo cloud as its demo user, shown, as the UI tests start it.
#include "cloud/OneClient.h"
#include "demo/DemoCloud.h"
#include "profiles/ConnectionProfile.h"
#include "proxy/LocalTokenProxy.h"
#include "ui/app/MainWindow.h"

#include <QSettings>
#include <QUrl>

#include <memory>

namespace PortholeTest {

inline std::unique_ptr<Porthole::MainWindow> demoMainWindow(const QUrl &endpoint, Porthole::LocalTokenProxy *proxy,
    QSettings *settings,
    Porthole::ConnectionProfile::ConsoleAccess access = Porthole::ConnectionProfile::ConsoleAccess::LocalProxy,
    const QString &name = QStringLiteral("Demo"))
{
    using namespace Porthole;
    ConnectionProfile profile;
    profile.name = name;
    profile.endpoint = endpoint;
    profile.user = DemoCloud::demoUser();
    profile.consoleAccess = access;
    auto client = std::make_unique<OneClient>(profile.toOneSettings(DemoCloud::demoPassword()));
    auto window = std::make_unique<MainWindow>(std::move(client), profile, proxy, settings);
    window->show();
    return window;
}

} // namespace PortholeTest
