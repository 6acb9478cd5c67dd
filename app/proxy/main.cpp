// SPDX-License-Identifier: GPL-2.0-or-later
#include "BuildInfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("porthole-proxy"));
    QCoreApplication::setApplicationVersion(Porthole::buildDescription());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("websockify-compatible token proxy (not yet implemented)."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);
    return 0;
}
