// SPDX-License-Identifier: GPL-2.0-or-later
#include "credentials/CredentialJob.h"

#include <QTimer>

namespace Porthole {

CredentialJob::CredentialJob(Operation operation, QString key, QObject *parent)
    : QObject(parent)
    , m_operation(operation)
    , m_key(std::move(key))
{ }

void CredentialJob::finish(Status status, const QString &secret, bool persistent, const QString &message)
{
    if (m_finished)
        return;
    m_finished = true;
    m_status = status;
    m_secret = secret;
    m_persistent = persistent;
    m_message = message;
    // Queued so that a store answering synchronously still lets its caller
    // connect to finished() first.
    QTimer::singleShot(0, this, [this] {
        Q_EMIT finished(this);
        deleteLater();
    });
}

} // namespace Porthole
