// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "credentials/CredentialStore.h"
#include "credentials/SessionCredentialStore.h"

namespace QKeychain {
class Job;
}

namespace Porthole {

// Secrets in the system keychain through QtKeychain (Secret Service on Linux:
// GNOME Keyring, KWallet; Keychain on macOS; Credential Manager on Windows).
//
// When no keychain answers (no Secret Service on the session bus, no bus at
// all), the store says so once through fellBackToSession() and from then on
// keeps secrets in memory for this session only, so signing in still works.
class KeychainCredentialStore : public CredentialStore
{
    Q_OBJECT
public:
    explicit KeychainCredentialStore(QString service = QStringLiteral("Porthole"), QObject *parent = nullptr);

    CredentialJob *read(const QString &key) override;
    CredentialJob *write(const QString &key, const QString &secret) override;
    CredentialJob *remove(const QString &key) override;
    bool isPersistent() const override { return !m_fellBack; }
    QString description() const override;

    const QString &service() const { return m_service; }
    // Why the keychain was given up, empty while it works.
    const QString &fallbackReason() const { return m_fallbackReason; }

private:
    // Maps a QtKeychain failure; true when it means "there is no keychain here".
    static bool meansNoKeychain(const QKeychain::Job *job);
    void fallBack(const QString &reason);
    void finishFromSession(CredentialJob *job, CredentialJob *sessionJob);

    QString m_service;
    bool m_fellBack = false;
    QString m_fallbackReason;
    SessionCredentialStore m_session;
};

} // namespace Porthole
