// SPDX-License-Identifier: GPL-2.0-or-later
// The RFB client (RfbSession: libvncclient on its worker thread, Porthole's callbacks) against a
// scripted server: the input is everything the server says, delivered through the in-memory
// transport as soon as it opens, then the link ends. The session must end (connected or not) by
// failing with an error, never by a crash, an abort in the library or a hang (libFuzzer's
// -timeout). Only the security types Porthole lets libvncclient negotiate can be reached, which
// is what keeps the Diffie-Hellman abort of issue 16 (ARD, MSLogon II) away.
//
// libvncclient itself is Debian's uninstrumented build: coverage guides only through Porthole's
// side, so the seed corpus holds whole valid sessions (every encoding Porthole asks for) for the
// mutations to start from.
#include "FuzzSupport.h"
#include "console/InMemoryTransport.h"
#include "console/RfbSession.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QTimer>

using namespace Porthole;
using namespace PortholeFuzz;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    // The session's queued signals need an event loop; its log lines would drown libFuzzer's.
    static QCoreApplication app(*argc, *argv);
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false\n*.info=false\n*.warning=false"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray script(reinterpret_cast<const char *>(data), qsizetype(size));
    RfbSession::Options options;
    options.password = QStringLiteral("fuzz"); // VNC authentication goes on to its result
    options.connectTimeoutMs = 0; // the end of the script ends the session, not a timer
    options.pingIntervalMs = 0;

    RfbSession session;
    auto transport = std::make_unique<InMemoryTransport>();
    InMemoryTransport *memory = transport.get();
    QEventLoop loop;
    QObject::connect(&session, &RfbSession::errorOccurred, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    QObject::connect(&session, &RfbSession::closed, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    session.open(std::move(transport), ConsoleUrl::vnc(QStringLiteral("scripted.test")), options);
    // Connected after open(): the session's own handler (which starts the worker) runs first.
    QObject::connect(memory, &ConsoleTransport::opened, memory, [memory, script] {
        memory->deliver(script);
        memory->peerClose();
    });
    loop.exec();

    const RfbSession::State state = session.state();
    PORTHOLE_FUZZ_CHECK(state == RfbSession::State::Failed || state == RfbSession::State::Closed,
        "the session did not end with its script");
    PORTHOLE_FUZZ_CHECK(session.error() != ConsoleError::None, "a session that ended without an error");
    PORTHOLE_FUZZ_CHECK(!session.errorText().isEmpty(), "an error without a message");
    const QSize desktop = session.desktopSize();
    PORTHOLE_FUZZ_CHECK(
        desktop.isEmpty() || (desktop.width() <= 16384 && desktop.height() <= 16384), "an absurd desktop");
    if (qEnvironmentVariableIsSet("PORTHOLE_FUZZ_VERBOSE"))
        std::fprintf(stderr, "state %d, %s\n", int(state), qPrintable(session.errorText()));
    session.close();
    return 0;
}
