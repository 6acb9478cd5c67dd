// SPDX-License-Identifier: GPL-2.0-or-later
// console_watch_bench URL [seconds]: connect, print fps and MiB/s every second and a summary.
#include "console/WatchJob.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: console_watch_bench URL [seconds]\n");
        return 2;
    }
    QString error;
    const auto url = Porthole::ConsoleUrl::parse(args.at(1), &error);
    if (!url) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    const int seconds = args.size() > 2 ? args.at(2).toInt() : 0;
    Porthole::RfbSession::Options options;
    if (qEnvironmentVariableIsSet("PORTHOLE_PASSWORD"))
        options.password = qEnvironmentVariable("PORTHOLE_PASSWORD");
    Porthole::WatchJob job(*url, options, seconds * 1000);
    QObject::connect(&job, &Porthole::WatchJob::sampled, [](const Porthole::WatchJob::Sample &s) {
        std::printf("%s\n", qPrintable(Porthole::WatchJob::sampleLine(s)));
        std::fflush(stdout);
    });
    QObject::connect(&job, &Porthole::WatchJob::finished,
                     [&job](Porthole::ConsoleError e, const QString &message) {
                         std::printf("%s\n", qPrintable(message));
                         QCoreApplication::exit(Porthole::consoleExitCode(e) == 0 && job.error() == Porthole::ConsoleError::None
                                                    ? 0
                                                    : Porthole::consoleExitCode(e));
                     });
    job.start();
    return app.exec();
}
