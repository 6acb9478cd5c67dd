// SPDX-License-Identifier: GPL-2.0-or-later
// VeNCrypt inside RFB (libvncclient's GnuTLS over our socket pair): TigerVNC's X509Vnc
// with a CA file, and anonymous TLSVnc.
#include "ConsolePeers.h"
#include "console/RfbSession.h"

#include <gtest/gtest.h>

#include <QSignalSpy>

using namespace Porthole;
using namespace PortholeTest;

// libvncclient 0.9.14 never frees the GnuTLS X509 credentials it builds for X509Vnc
// (about 23 KB per connection, all inside GnuTLS/libtasn1): a library defect, not ours.
// Suppressed for this binary only, so the ASan run stays meaningful everywhere else.
extern "C" const char *__lsan_default_suppressions()
{
    return "leak:gnutls_certificate_allocate_credentials\nleak:libgnutls.so\nleak:libtasn1.so\n";
}

namespace {

constexpr int kWaitMs = 30000;

} // namespace

TEST(VeNCryptIntegration, X509VncWithCaFileAndPassword)
{
    QTemporaryDir dir;
    TestCertificate cert;
    ASSERT_TRUE(cert.create(dir.path()));
    XvncServer server;
    ASSERT_TRUE(server.start(QStringLiteral("320x240"), QStringLiteral("sesame12"), QStringLiteral("X509Vnc"),
        {QStringLiteral("-X509Cert"), cert.certFile, QStringLiteral("-X509Key"), cert.keyFile}))
        << server.log().toStdString();
    ASSERT_TRUE(server.setRootColour(QStringLiteral("#102030")));
    RfbSession session;
    RfbSession::Options options;
    options.password = QStringLiteral("sesame12");
    options.vencryptCaFile = cert.certFile;
    session.open(ConsoleUrl::vnc(QStringLiteral("127.0.0.1"), server.port()), options);
    ASSERT_TRUE(waitFirstFrame(session)) << session.errorText().toStdString();
    EXPECT_EQ(session.frame().pixel(100, 100) & 0xffffff, 0x102030u);
    // Updates keep flowing through GnuTLS (the buffered/pending check of the worker loop).
    QSignalSpy frames(&session, &RfbSession::frameUpdated);
    ASSERT_TRUE(server.setRootColour(QStringLiteral("#405060")));
    QDeadlineTimer deadline(kWaitMs);
    while ((session.frame().pixel(100, 100) & 0xffffff) != 0x405060u && !deadline.hasExpired())
        frames.wait(100);
    EXPECT_EQ(session.frame().pixel(100, 100) & 0xffffff, 0x405060u);
}

TEST(VeNCryptIntegration, X509VncWithoutTheCaFails)
{
    QTemporaryDir dir;
    TestCertificate cert;
    ASSERT_TRUE(cert.create(dir.path()));
    XvncServer server;
    ASSERT_TRUE(server.start(QStringLiteral("320x240"), QStringLiteral("sesame12"), QStringLiteral("X509Vnc"),
        {QStringLiteral("-X509Cert"), cert.certFile, QStringLiteral("-X509Key"), cert.keyFile}));
    RfbSession session;
    RfbSession::Options options;
    options.password = QStringLiteral("sesame12");
    session.open(ConsoleUrl::vnc(QStringLiteral("127.0.0.1"), server.port()), options);
    EXPECT_FALSE(waitFirstFrame(session));
    EXPECT_EQ(session.error(), ConsoleError::TlsFailure) << session.errorText().toStdString();
}

TEST(VeNCryptIntegration, AnonymousTlsVnc)
{
    XvncServer server;
    ASSERT_TRUE(server.start(QStringLiteral("320x240"), QStringLiteral("sesame12"), QStringLiteral("TLSVnc"), {}))
        << server.log().toStdString();
    RfbSession session;
    RfbSession::Options options;
    options.password = QStringLiteral("sesame12");
    session.open(ConsoleUrl::vnc(QStringLiteral("127.0.0.1"), server.port()), options);
    EXPECT_TRUE(waitFirstFrame(session)) << session.errorText().toStdString();
}
