// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <string>
#include <vector>

namespace Porthole {

// Takes console secrets out of what other users see of this process's command line (ps,
// /proc/PID/cmdline): an argument that is a URL with a password, or carries token=,
// password= or socket= (Sunstone's base64 URL, looked into for a password), is copied for the program and then
// overwritten after its scheme in the process's own argument memory. Made first in main();
// the copies outlive the QCoreApplication that is given argc() and argv().
class ArgvScrubber
{
public:
    ArgvScrubber(int argc, char **argv);

    int &argc() { return m_argc; }
    char **argv() { return m_argv.data(); }
    // Whether one of them held a password (worth a warning: --password-stdin keeps it out).
    bool scrubbedPassword() const { return m_password; }
    bool scrubbedAny() const { return m_any; }

    // Whether argument is such a URL; *password when it holds a password.
    static bool holdsSecret(const std::string &argument, bool *password);

private:
    std::vector<std::string> m_copies;
    std::vector<char *> m_argv;
    int m_argc = 0;
    bool m_password = false;
    bool m_any = false;
};

} // namespace Porthole
