// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>
#include <QString>

namespace Porthole {

// One read, write or delete on a credential store. Emits finished() exactly
// once, always after the call that created it has returned, then deletes itself
// on the next turn of the event loop (connect before returning to the loop).
class CredentialJob : public QObject
{
    Q_OBJECT
public:
    enum class Operation
    {
        Read,
        Write,
        Remove
    };
    enum class Status
    {
        Ok,
        NotFound, // read or delete of a key the store does not hold
        Denied, // the user refused to unlock the keychain
        Failed,
    };

    CredentialJob(Operation operation, QString key, QObject *parent = nullptr);

    Operation operation() const { return m_operation; }
    const QString &key() const { return m_key; }
    Status status() const { return m_status; }
    bool succeeded() const { return m_status == Status::Ok; }
    const QString &secret() const { return m_secret; } // Read only
    // False when the secret went to (or came from) memory only, e.g. because
    // no Secret Service answered: it is gone when the application quits.
    bool persistent() const { return m_persistent; }
    // A sentence for the user: why it failed, or where the secret was kept.
    const QString &message() const { return m_message; }

    // Used by the stores.
    void finish(Status status, const QString &secret, bool persistent, const QString &message);

Q_SIGNALS:
    void finished(Porthole::CredentialJob *job);

private:
    Operation m_operation;
    QString m_key;
    Status m_status = Status::Failed;
    QString m_secret;
    bool m_persistent = false;
    QString m_message;
    bool m_finished = false;
};

} // namespace Porthole
