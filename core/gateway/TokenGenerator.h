// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace Porthole {

// A console token: 128 bits from the system's random source, as 32 lower-case hex
// digits (safe in a URL query, a cookie, a websockify token file and a Redis key).
// addon-vnctoken used rand(36**20), about 103 bits from Ruby's Mersenne Twister.
class TokenGenerator
{
public:
    static QString generate();
};

} // namespace Porthole
