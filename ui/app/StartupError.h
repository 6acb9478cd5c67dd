// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

#include <cstdio>

namespace Porthole {

// A failure that ends porthole before it opens a window (a console URL it cannot use, a demo
// that does not start). It always goes to stderr as "porthole: …". Started from a desktop file
// or the vnc:// handler (Terminal=false) stderr is no terminal and nobody reads it, so then
// the same text is shown in a message box too. Not on the offscreen or minimal platform: no
// one could see the box there, and a modal box would keep a scripted run from ending.
class StartupError
{
public:
    // Whether the message box is wanted: only when stderr is not a terminal and windows show.
    static bool wantsDialog(bool stderrIsTerminal, bool windowsShow) { return !stderrIsTerminal && windowsShow; }
    static bool stderrIsTerminal(); // isatty(STDERR_FILENO)
    static bool windowsShow(); // a platform other than offscreen or minimal

    // Writes the text to err, shows it in a critical message box when wantsDialog() (a
    // QApplication must exist then), and returns exitCode for main() to return.
    static int report(const QString &text, int exitCode, bool stderrIsTerminal,
        bool windowsShow = StartupError::windowsShow(), std::FILE *err = stderr);
};

} // namespace Porthole
