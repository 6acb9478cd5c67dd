// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "console/RfbSession.h"

#include <QStringList>

#include <optional>

namespace Porthole {

class CliSession;
class ConsoleUrl;

// screenshot, watch, probe and forward: one console URL (or, with --demo, a demo VM's ID), no oned.
class ConsoleCommands
{
public:
    static int screenshot(CliSession &session, const QStringList &arguments);
    static int watch(CliSession &session, const QStringList &arguments);
    static int probe(CliSession &session, const QStringList &arguments);
    static int forward(CliSession &session, const QStringList &arguments);

private:
    // The one argument as a console URL; on failure *status is the exit status, reported.
    static std::optional<ConsoleUrl> consoleUrl(
        CliSession &session, const QString &command, const QStringList &arguments, int *status);
    // With --demo: a demo VM's live desktop as a console URL, its VNC password set.
    static std::optional<ConsoleUrl> demoConsole(CliSession &session, int vmId, int *status);
    static bool sessionOptions(CliSession &session, RfbSession::Options *options, QString *error);
    // --ssh-*: the jump host's files and secrets; --ssh-accept-new answers unknown keys.
    static bool sshOptions(
        CliSession &session, SshLink::Options *options, SshConnection::Secrets *secrets, QString *error);
};

} // namespace Porthole
