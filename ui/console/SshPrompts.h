// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>

namespace Porthole {

class SshConnection;

// The desktop app's answers to SSH jump host questions: an unknown host key (shown with its
// SHA-256 fingerprint: trust once, trust for good, or refuse), a key's passphrase, a
// password. Hooked on every connection SshConnectionPool::shared() makes; the dialogs are
// opened with open(), so the GUI never blocks while libssh's thread waits for the answer.
class SshPrompts : public QObject
{
    Q_OBJECT
public:
    explicit SshPrompts(QObject *parent = nullptr);

private:
    void watch(SshConnection *connection);
};

} // namespace Porthole
