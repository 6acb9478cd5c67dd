// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

namespace Porthole {

// The exit statuses of Porthole's programs, in one table. porthole-cli maps every
// OneError and ConsoleError onto it (docs/ARCHITECTURE.md, "Exit codes"); the proxy
// and the desktop app use Ok, Failure and Usage.
enum class ExitStatus
{
    Ok = 0,
    Failure = 1, // something failed that no other status describes (porthole-proxy --check, a worker)
    Usage = 2, // the command line, a console URL or the credentials are wrong
    Refused = 3, // authentication or authorization refused, by oned or by the VNC server
    NotFound = 4, // no such VM, user or token
    Unreachable = 5, // network, TLS or HTTP failure, a timeout, a console that dropped
    Protocol = 6, // an answer that could not be understood, or another oned error
};

struct ExitStatusInfo
{
    ExitStatus status;
    const char *meaning; // for people: porthole-cli's help is generated from these
};

// Every status in order, with its meaning.
inline constexpr ExitStatusInfo kExitStatuses[] = {
    {ExitStatus::Ok, "ok"},
    {ExitStatus::Failure, "failure"},
    {ExitStatus::Usage, "usage"},
    {ExitStatus::Refused, "authentication or authorization refused"},
    {ExitStatus::NotFound, "not found"},
    {ExitStatus::Unreachable, "network, TLS or HTTP error"},
    {ExitStatus::Protocol, "an answer that could not be understood or another oned error"},
};

constexpr int exitCode(ExitStatus status)
{
    return static_cast<int>(status);
}

} // namespace Porthole
