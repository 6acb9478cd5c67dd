// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "base/CertificatePin.h"
#include "console/ProbeReport.h"
#include "ssh/SshConnection.h"
#include "tokens/ConsoleUrl.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

namespace Porthole {

// The token debugger: runs a console handshake step by step (DNS, TCP, TLS, HTTP
// upgrade, RFB version, security types, authentication, ServerInit) by hand rather
// than through libvncclient, so every step is timed and observable, and stops at the
// first failure with a sentence saying what it means.
//
// Threads: the steps are written as blocking calls, each bounded by stepTimeoutMs, so
// start() runs them on a worker thread of their own (docs/ARCHITECTURE.md, "Threads").
// Nothing on the caller's thread ever waits for that worker: destroying the probe or
// starting another one abandons a running probe, which stops at its next step and
// deletes its thread; an abandoned probe never emits finished().
class ConsoleProbe : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        std::optional<QString> password; // overrides one carried by the URL
        int stepTimeoutMs = 10000;
        QString caFile; // extra CA for wss://
        CertificatePin pin; // accept exactly this wss certificate
        // vnc:// with via(): the jump host's settings; secrets only given up front (the
        // probe asks nobody), and an unknown host key is refused unless trusted here.
        SshLink::Options ssh;
        SshConnection::Secrets sshSecrets;
        bool acceptNewHostKey = false; // add an unknown key to known_hosts (accept-new)
    };

    explicit ConsoleProbe(QObject *parent = nullptr);
    ~ConsoleProbe() override;

    // Runs on a worker thread; finished() follows on this object's thread.
    void start(const ConsoleUrl &url, const Options &options);
    // Blocking variant for tests and worker threads (never from a GUI thread).
    static ProbeReport run(const ConsoleUrl &url, const Options &options);

Q_SIGNALS:
    void finished(const Porthole::ProbeReport &report);

private:
    std::shared_ptr<std::atomic<bool>> m_cancelled; // of the probe running now, if any
};

} // namespace Porthole
