// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/app/StartupError.h"

#include <QGuiApplication>
#include <QMessageBox>

#include <unistd.h>

namespace Porthole {

bool StartupError::stderrIsTerminal()
{
    return ::isatty(STDERR_FILENO) == 1;
}

bool StartupError::windowsShow()
{
    const QString platform = QGuiApplication::platformName();
    return platform != u"offscreen" && platform != u"minimal";
}

int StartupError::report(const QString &text, int exitCode, bool stderrIsTerminal, bool windowsShow, std::FILE *err)
{
    std::fprintf(err, "porthole: %s\n", qUtf8Printable(text));
    std::fflush(err);
    if (wantsDialog(stderrIsTerminal, windowsShow)) {
        QMessageBox box(QMessageBox::Critical, QCoreApplication::applicationName(), text, QMessageBox::Ok);
        box.setObjectName(QStringLiteral("startupError"));
        box.setTextFormat(Qt::PlainText); // it may quote a URL or a server's words
        box.setTextInteractionFlags(Qt::TextSelectableByMouse);
        box.exec();
    }
    return exitCode;
}

} // namespace Porthole
