// SPDX-License-Identifier: GPL-2.0-or-later
#include "base/BuildInfo.h"
#include "console/RfbSession.h"
#include "app/cli/CliApplication.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("porthole-cli"));
    QCoreApplication::setApplicationVersion(Porthole::buildDescription({Porthole::RfbSession::libraryVersion()}));

    Porthole::CliApplication cli;
    const int status = cli.start(QCoreApplication::arguments());
    return status >= 0 ? status : QCoreApplication::exec();
}
