// SPDX-License-Identifier: GPL-2.0-or-later
#include "credentials/CredentialStore.h"

#ifdef PORTHOLE_HAVE_KEYCHAIN
#include "credentials/KeychainCredentialStore.h"
#else
#include "credentials/SessionCredentialStore.h"
#endif

namespace Porthole {

QString CredentialStore::keyFor(const QString &user, const QString &endpoint)
{
    return user + QLatin1Char('@') + endpoint;
}

std::unique_ptr<CredentialStore> makeSystemCredentialStore()
{
#ifdef PORTHOLE_HAVE_KEYCHAIN
    return std::make_unique<KeychainCredentialStore>();
#else
    return std::make_unique<SessionCredentialStore>();
#endif
}

} // namespace Porthole
