// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "credentials/CredentialJob.h"

#include <QObject>
#include <QString>

#include <memory>

namespace Porthole {

// Where passwords and login tokens are kept between runs. Never a config file:
// ProfileStore writes settings, a CredentialStore holds the secrets they name.
// Every operation is asynchronous (a keychain may ask the user to unlock it).
class CredentialStore : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    // The key the desktop app files a profile's secret under: "user@endpoint".
    static QString keyFor(const QString &user, const QString &endpoint);

    virtual CredentialJob *read(const QString &key) = 0;
    virtual CredentialJob *write(const QString &key, const QString &secret) = 0;
    virtual CredentialJob *remove(const QString &key) = 0;

    // True while secrets outlive the process (a keychain answered, or none was tried yet).
    virtual bool isPersistent() const = 0;
    // For the user: "the system keychain", or why secrets are kept for this session only.
    virtual QString description() const = 0;

Q_SIGNALS:
    // The store stopped being persistent; message says why, in words.
    void fellBackToSession(const QString &message);
};

// The store the desktop app keeps secrets in: the system keychain (KeychainCredentialStore), or,
// in a build without QtKeychain (PORTHOLE_WITH_KEYCHAIN=OFF), this session only.
std::unique_ptr<CredentialStore> makeSystemCredentialStore();

} // namespace Porthole
