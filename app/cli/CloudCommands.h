// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QStringList>
#include <QUrl>

namespace Porthole {

class CliSession;
class OneCall;

// The commands that talk to oned and the addon: the session's OneClient is signed in
// (CommandTable: Needs::SignIn). Each returns -1 and finishes the session when its call does,
// or an exit status at once.
class CloudCommands
{
public:
    static int version(CliSession &session, const QStringList &arguments);
    static int whoami(CliSession &session, const QStringList &arguments);
    static int login(CliSession &session, const QStringList &arguments);
    static int logout(CliSession &session, const QStringList &arguments);
    static int vms(CliSession &session, const QStringList &arguments);
    static int vm(CliSession &session, const QStringList &arguments);
    static int token(CliSession &session, const QStringList &arguments);
    static int revoke(CliSession &session, const QStringList &arguments);

private:
    static void printToken(CliSession &session, OneCall *call, const QUrl &proxy);
};

} // namespace Porthole
