// SPDX-License-Identifier: GPL-2.0-or-later
#include "credentials/CredentialStore.h"

namespace Porthole {

QString CredentialStore::keyFor(const QString &user, const QString &endpoint)
{
    return user + QLatin1Char('@') + endpoint;
}

} // namespace Porthole
