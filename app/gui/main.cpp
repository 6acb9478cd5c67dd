// SPDX-License-Identifier: GPL-2.0-or-later
#include "AboutDialog.h"
#include "BuildInfo.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("porthole"));
    QApplication::setApplicationVersion(Porthole::buildDescription());
    QApplication::setOrganizationName(QStringLiteral("Porthole"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Porthole: VM consoles for OpenNebula clouds."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    // The main window arrives with the desktop-app issue; until then show who we are.
    Porthole::AboutDialog about;
    about.show();
    return app.exec();
}
