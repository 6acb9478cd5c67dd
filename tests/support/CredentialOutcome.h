// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "credentials/CredentialJob.h"

#include <gtest/gtest.h>

#include <QSignalSpy>

namespace PortholeTest {

// What a finished credential job reported.
struct CredentialOutcome
{
    Porthole::CredentialJob::Status status = Porthole::CredentialJob::Status::Failed;
    QString secret;
    bool persistent = false;
    QString message;
};

// Waits for one job; a job that never finishes fails the test instead of hanging it.
inline CredentialOutcome await(Porthole::CredentialJob *job, int timeoutMs = 60000)
{
    CredentialOutcome out;
    bool done = false;
    QObject::connect(job, &Porthole::CredentialJob::finished, [&](Porthole::CredentialJob *j) {
        out = {j->status(), j->secret(), j->persistent(), j->message()};
        done = true;
    });
    QSignalSpy spy(job, &Porthole::CredentialJob::finished);
    if (!done)
        spy.wait(timeoutMs);
    EXPECT_TRUE(done) << "credential job did not finish";
    return out;
}

} // namespace PortholeTest
