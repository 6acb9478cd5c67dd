// SPDX-License-Identifier: GPL-2.0-or-later
#include "credentials/KeychainCredentialStore.h"

#include "base/Logging.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

namespace Porthole {

namespace {
CredentialJob::Status statusOf(const QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoError:
        return CredentialJob::Status::Ok;
    case QKeychain::EntryNotFound:
        return CredentialJob::Status::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return CredentialJob::Status::Denied;
    default:
        return CredentialJob::Status::Failed;
    }
}
} // namespace

KeychainCredentialStore::KeychainCredentialStore(QString service, QObject *parent)
    : CredentialStore(parent)
    , m_service(std::move(service))
{ }

bool KeychainCredentialStore::meansNoKeychain(const QKeychain::Job *job)
{
    // QtKeychain reports a missing Secret Service as NoBackendAvailable, but a
    // session bus without the service (or no bus) as OtherError from libsecret.
    switch (job->error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        return true;
    default:
        return false;
    }
}

void KeychainCredentialStore::fallBack(const QString &reason)
{
    if (m_fellBack)
        return;
    m_fellBack = true;
    m_fallbackReason = reason;
    qCWarning(lcCredentials) << "no keychain available:" << reason << "- secrets are kept for this session only";
    Q_EMIT fellBackToSession(description());
}

QString KeychainCredentialStore::description() const
{
    if (!m_fellBack)
        return tr("Secrets are kept in the system keychain.");
    return tr("No keychain available (no Secret Service: %1): the secret is kept for this session only.")
        .arg(m_fallbackReason);
}

void KeychainCredentialStore::finishFromSession(CredentialJob *job, CredentialJob *sessionJob)
{
    connect(sessionJob, &CredentialJob::finished, job, [this, job](CredentialJob *done) {
        job->finish(done->status(), done->secret(), false,
            done->status() == CredentialJob::Status::Ok ? description() : done->message());
    });
}

CredentialJob *KeychainCredentialStore::read(const QString &key)
{
    auto *job = new CredentialJob(CredentialJob::Operation::Read, key, this);
    if (m_fellBack) {
        finishFromSession(job, m_session.read(key));
        return job;
    }
    auto *kj = new QKeychain::ReadPasswordJob(m_service, this);
    kj->setAutoDelete(true);
    kj->setKey(key);
    connect(kj, &QKeychain::Job::finished, job, [this, job, kj] {
        if (kj->error() == QKeychain::NoError) {
            job->finish(CredentialJob::Status::Ok, kj->textData(), true, description());
        } else if (statusOf(kj) == CredentialJob::Status::NotFound) {
            job->finish(CredentialJob::Status::NotFound, {}, true, tr("No secret is stored for %1.").arg(job->key()));
        } else if (meansNoKeychain(kj)) {
            fallBack(kj->errorString());
            finishFromSession(job, m_session.read(job->key()));
        } else {
            job->finish(
                statusOf(kj), {}, true, tr("The keychain refused to read the secret: %1").arg(kj->errorString()));
        }
    });
    kj->start();
    return job;
}

CredentialJob *KeychainCredentialStore::write(const QString &key, const QString &secret)
{
    auto *job = new CredentialJob(CredentialJob::Operation::Write, key, this);
    if (m_fellBack) {
        finishFromSession(job, m_session.write(key, secret));
        return job;
    }
    auto *kj = new QKeychain::WritePasswordJob(m_service, this);
    kj->setAutoDelete(true);
    kj->setKey(key);
    kj->setTextData(secret);
    // The secret is only needed again if the keychain turns out to be missing.
    connect(kj, &QKeychain::Job::finished, job, [this, job, kj, secret] {
        if (kj->error() == QKeychain::NoError) {
            job->finish(CredentialJob::Status::Ok, {}, true, description());
        } else if (meansNoKeychain(kj)) {
            fallBack(kj->errorString());
            finishFromSession(job, m_session.write(job->key(), secret));
        } else {
            job->finish(
                statusOf(kj), {}, true, tr("The keychain refused to store the secret: %1").arg(kj->errorString()));
        }
    });
    kj->start();
    return job;
}

CredentialJob *KeychainCredentialStore::remove(const QString &key)
{
    auto *job = new CredentialJob(CredentialJob::Operation::Remove, key, this);
    // A secret kept for the session goes too, whatever the keychain says.
    const bool hadSessionCopy = m_session.contains(key);
    if (hadSessionCopy)
        m_session.remove(key);
    if (m_fellBack) {
        job->finish(hadSessionCopy ? CredentialJob::Status::Ok : CredentialJob::Status::NotFound, {}, false, {});
        return job;
    }
    auto *kj = new QKeychain::DeletePasswordJob(m_service, this);
    kj->setAutoDelete(true);
    kj->setKey(key);
    connect(kj, &QKeychain::Job::finished, job, [this, job, kj, hadSessionCopy] {
        if (kj->error() == QKeychain::NoError || statusOf(kj) == CredentialJob::Status::NotFound) {
            job->finish(hadSessionCopy ? CredentialJob::Status::Ok : statusOf(kj), {}, true, {});
        } else if (meansNoKeychain(kj)) {
            fallBack(kj->errorString());
            job->finish(CredentialJob::Status::Ok, {}, false, {});
        } else {
            job->finish(
                statusOf(kj), {}, true, tr("The keychain refused to delete the secret: %1").arg(kj->errorString()));
        }
    });
    kj->start();
    return job;
}

} // namespace Porthole
