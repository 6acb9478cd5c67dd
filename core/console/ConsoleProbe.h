// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "console/ProbeReport.h"
#include "tokens/ConsoleUrl.h"

#include <QObject>

#include <optional>

class QThread;

namespace Porthole {

// The token debugger: runs a console handshake step by step (DNS, TCP, TLS, HTTP
// upgrade, RFB version, security types, authentication, ServerInit) by hand rather
// than through libvncclient, so every step is timed and observable, and stops at the
// first failure with a sentence saying what it means.
class ConsoleProbe : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        std::optional<QString> password; // overrides one carried by the URL
        int stepTimeoutMs = 10000;
        QString caFile; // extra CA for wss://
        QByteArray pinnedSha256; // accept exactly this wss certificate (hex)
    };

    explicit ConsoleProbe(QObject *parent = nullptr);
    ~ConsoleProbe() override;

    // Runs on its own thread; finished() follows.
    void start(const ConsoleUrl &url, const Options &options);
    // Blocking variant for the command line and tests (never from a GUI thread).
    static ProbeReport run(const ConsoleUrl &url, const Options &options);

Q_SIGNALS:
    void finished(const Porthole::ProbeReport &report);

private:
    QThread *m_thread = nullptr;
};

} // namespace Porthole
