// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tokens/TokenFile.h"

namespace Porthole {

// websockify's ReadOnlyTokenFile: read at start (and on SIGHUP), never looked at again.
class ReadOnlyTokenFile : public TokenFile
{
public:
    using TokenFile::TokenFile;

protected:
    bool refreshes() const override { return false; }
    QString pluginName() const override { return QStringLiteral("ReadOnlyTokenFile"); }
};

} // namespace Porthole
