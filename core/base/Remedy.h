// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QFlags>

namespace Porthole {

// A setting a person can change to get past a failure. Core's sentences say what to do in
// words that fit every front end ("trust its CA or pin the certificate"); each front end
// names its own control for it from these facts: porthole-cli its flags ("--ca-file,
// --pin-sha256"), the desktop its sign-in fields. So a GUI user is never told to pass a flag.
enum class Remedy : unsigned
{
    Timeout = 1U << 0, // wait longer for an answer
    CaFile = 1U << 1, // trust the CA that signed the certificate
    CertificatePin = 1U << 2, // trust exactly this certificate
    Credentials = 1U << 3, // the user name and password or login token
    VnctokenEndpoint = 1U << 4, // where addon-vnctoken's server is
};
Q_DECLARE_FLAGS(Remedies, Remedy)
Q_DECLARE_OPERATORS_FOR_FLAGS(Remedies)

} // namespace Porthole
