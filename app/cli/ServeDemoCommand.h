// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QStringList>

namespace Porthole {

class CliSession;

// serve-demo: the built-in demo cloud and its VMs' live desktops, until SIGINT or SIGTERM.
class ServeDemoCommand
{
public:
    static int run(CliSession &session, const QStringList &arguments);
};

} // namespace Porthole
