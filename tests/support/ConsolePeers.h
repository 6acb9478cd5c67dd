// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "TestSupport.h"
#include "console/RfbSession.h"
#include "tokens/ConsoleUrl.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace PortholeTest {

// Why the suite's peers could not be started; empty when they run. A failed ASSERT in
// SetUpTestSuite shows up in ctest as "Skipped" (not failed), so suites record the
// problem here and every test fails on it in SetUp() instead.
QString &peerSetupError();
#define PORTHOLE_REQUIRE_PEER(condition)                                                                               \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            ::PortholeTest::peerSetupError() = QStringLiteral("could not start test peers: " #condition);              \
            return;                                                                                                    \
        }                                                                                                              \
    } while (0)

// A console URL the test wrote itself: one that does not parse fails the test.
Porthole::ConsoleUrl consoleUrl(const QString &text);

// Waits for the session's first full frame, or its failure: true only for the frame.
bool waitFirstFrame(Porthole::RfbSession &session, int timeoutMs = 30000);

// Polls a TCP connect to 127.0.0.1:port until it succeeds or timeoutMs passes.
bool waitForPort(quint16 port, int timeoutMs = 20000);
// Polls until nothing accepts on 127.0.0.1:port any more (killed peers' children die late).
bool waitForPortClosed(quint16 port, int timeoutMs = 20000);

// Real peers started in their own process group and killed (whole group) on destruction.
class PeerProcess
{
public:
    PeerProcess() = default;
    ~PeerProcess();
    PeerProcess(const PeerProcess &) = delete;
    PeerProcess &operator=(const PeerProcess &) = delete;

    bool start(const QString &program, const QStringList &arguments);
    // SIGTERM to the group (X servers clean up), SIGKILL after 5 s.
    void kill();
    // SIGKILL at once: a peer that dies without a word (a crashed proxy).
    void killHard();
    QString output() const;
    bool running() const;

private:
    std::unique_ptr<QProcess> m_process;
};

// TigerVNC's Xvnc on 127.0.0.1 with a free display number and RFB port.
class XvncServer
{
public:
    ~XvncServer() = default;
    // password empty: SecurityTypes None; otherwise VncAuth with that password.
    bool start(const QString &geometry = QStringLiteral("640x480"), const QString &password = QString());
    // Any -SecurityTypes list (e.g. "X509Vnc" or "TLSVnc") plus extra Xvnc arguments.
    bool start(const QString &geometry, const QString &password, const QString &securityTypes,
        const QStringList &extraArguments);
    int display() const { return m_display; }
    quint16 port() const { return m_port; }
    // DISPLAY=:N xsetroot -solid colour (e.g. "#3366cc").
    bool setRootColour(const QString &colour);
    // DISPLAY=:N xrandr -s WxH.
    bool xrandr(const QString &size);
    QString log() const { return m_process.output(); }

private:
    bool runX(const QString &program, const QStringList &arguments);

    QTemporaryDir m_dir;
    PeerProcess m_process;
    int m_display = -1;
    quint16 m_port = 0;
};

// Debian's websockify with a TokenFile of "token: host:port" lines.
class Websockify
{
public:
    // port 0: pick a free one; otherwise reuse that port (a proxy coming back).
    bool start(const QStringList &tokenLines, const QStringList &extraArguments = {}, quint16 port = 0);
    quint16 port() const { return m_port; }
    void kill() { m_process.killHard(); }
    QString url(const QString &token, const QString &scheme = QStringLiteral("ws")) const;
    QString log() const { return m_process.output(); }

private:
    QTemporaryDir m_dir;
    PeerProcess m_process;
    quint16 m_port = 0;
};

// A self-signed certificate for 127.0.0.1/localhost made with openssl(1).
struct TestCertificate
{
    bool create(const QString &directory);
    QString certFile;
    QString keyFile;
};

} // namespace PortholeTest
