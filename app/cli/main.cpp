// SPDX-License-Identifier: GPL-2.0-or-later
#include "BuildInfo.h"
#include "CliApplication.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("porthole-cli"));
    QCoreApplication::setApplicationVersion(Porthole::buildDescription());

    Porthole::CliApplication cli;
    const int status = cli.start(QCoreApplication::arguments());
    return status >= 0 ? status : QCoreApplication::exec();
}
