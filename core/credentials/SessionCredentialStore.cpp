// SPDX-License-Identifier: GPL-2.0-or-later
#include "credentials/SessionCredentialStore.h"

#include <QCoreApplication>

namespace Porthole {

namespace {
QString sessionOnly()
{
    return QCoreApplication::translate("Porthole::SessionCredentialStore", "The secret is kept for this session only.");
}
} // namespace

CredentialJob *SessionCredentialStore::read(const QString &key)
{
    auto *job = new CredentialJob(CredentialJob::Operation::Read, key, this);
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.cend())
        job->finish(CredentialJob::Status::NotFound, {}, false, tr("No secret is stored for %1.").arg(key));
    else
        job->finish(CredentialJob::Status::Ok, *it, false, sessionOnly());
    return job;
}

CredentialJob *SessionCredentialStore::write(const QString &key, const QString &secret)
{
    auto *job = new CredentialJob(CredentialJob::Operation::Write, key, this);
    m_secrets.insert(key, secret);
    job->finish(CredentialJob::Status::Ok, {}, false, sessionOnly());
    return job;
}

CredentialJob *SessionCredentialStore::remove(const QString &key)
{
    auto *job = new CredentialJob(CredentialJob::Operation::Remove, key, this);
    const bool had = m_secrets.remove(key) > 0;
    job->finish(had ? CredentialJob::Status::Ok : CredentialJob::Status::NotFound, {}, false, {});
    return job;
}

QString SessionCredentialStore::description() const
{
    return sessionOnly();
}

} // namespace Porthole
