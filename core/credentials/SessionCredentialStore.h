// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "credentials/CredentialStore.h"

#include <QHash>

namespace Porthole {

// Secrets in memory for the life of the process: what is left when no
// keychain is available, and what tests use.
class SessionCredentialStore : public CredentialStore
{
    Q_OBJECT
public:
    using CredentialStore::CredentialStore;

    CredentialJob *read(const QString &key) override;
    CredentialJob *write(const QString &key, const QString &secret) override;
    CredentialJob *remove(const QString &key) override;
    bool isPersistent() const override { return false; }
    QString description() const override;

    bool contains(const QString &key) const { return m_secrets.contains(key); }

private:
    QHash<QString, QString> m_secrets;
};

} // namespace Porthole
