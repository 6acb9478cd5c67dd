// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "base/Failure.h"
#include "base/Remedy.h"

#include <QString>

namespace Porthole {

// porthole-cli's names for the remedies core's sentences advise (base/Remedy.h): its flags
// and files, put in parentheses after the sentence.
class CliRemedies
{
public:
    static QString words(Remedies remedies); // "--ca-file, --pin-sha256"
    static QString sentence(const Failure &failure); // "… pin the certificate SHA-256 AB:… (--ca-file, --pin-sha256)"
};

} // namespace Porthole
