// SPDX-License-Identifier: GPL-2.0-or-later
// wss:// through websockify --ssl-only with a self-signed certificate: untrusted, trusted
// through a CA file, and pinned by fingerprint; the session and the probe.
#include "ConsolePeers.h"
#include "console/ConsoleProbe.h"
#include "console/RfbSession.h"

#include <gtest/gtest.h>

#include <QCryptographicHash>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>

using namespace Porthole;
using namespace PortholeTest;

namespace {

class WssIntegration : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        s_cert = new TestCertificate;
        s_server = new XvncServer;
        s_proxy = new Websockify;
        PORTHOLE_REQUIRE_PEER(s_cert->create(s_dir->path()));
        PORTHOLE_REQUIRE_PEER(s_server->start(QStringLiteral("320x200")));
        PORTHOLE_REQUIRE_PEER(s_proxy->start({QStringLiteral("vm: 127.0.0.1:%1").arg(s_server->port())},
            {QStringLiteral("--cert"), s_cert->certFile, QStringLiteral("--key"), s_cert->keyFile,
                QStringLiteral("--ssl-only")}));
    }
    void SetUp() override { ASSERT_TRUE(peerSetupError().isEmpty()) << peerSetupError().toStdString(); }
    static void TearDownTestSuite()
    {
        delete s_proxy;
        delete s_server;
        delete s_cert;
        delete s_dir;
    }

    static ConsoleUrl url() { return consoleUrl(s_proxy->url(QStringLiteral("vm"), QStringLiteral("wss"))); }
    static QByteArray fingerprint()
    {
        const auto certs = QSslCertificate::fromPath(s_cert->certFile);
        return certs.isEmpty() ? QByteArray() : certs.first().digest(QCryptographicHash::Sha256).toHex(':').toUpper();
    }

    static QTemporaryDir *s_dir;
    static TestCertificate *s_cert;
    static XvncServer *s_server;
    static Websockify *s_proxy;
};

QTemporaryDir *WssIntegration::s_dir = nullptr;
TestCertificate *WssIntegration::s_cert = nullptr;
XvncServer *WssIntegration::s_server = nullptr;
Websockify *WssIntegration::s_proxy = nullptr;

} // namespace

TEST_F(WssIntegration, UntrustedCertificateIsATlsFailureNamingTheCertificate)
{
    RfbSession session;
    session.open(url());
    EXPECT_FALSE(waitFirstFrame(session));
    EXPECT_EQ(session.error(), ConsoleError::TlsFailure) << session.errorText().toStdString();
    EXPECT_TRUE(session.errorText().contains(u"porthole-test")) << session.errorText().toStdString();
    EXPECT_TRUE(session.errorText().contains(QString::fromLatin1(fingerprint()))) << session.errorText().toStdString();
}

TEST_F(WssIntegration, TrustedThroughCaFile)
{
    RfbSession session;
    RfbSession::Options options;
    options.wssCaFile = s_cert->certFile;
    session.open(url(), options);
    EXPECT_TRUE(waitFirstFrame(session)) << session.errorText().toStdString();
    EXPECT_EQ(session.desktopSize(), QSize(320, 200));
}

TEST_F(WssIntegration, PinnedFingerprint)
{
    RfbSession session;
    RfbSession::Options options;
    options.wssPin = *CertificatePin::parse(QString::fromLatin1(fingerprint()));
    session.open(url(), options);
    EXPECT_TRUE(waitFirstFrame(session)) << session.errorText().toStdString();
}

TEST_F(WssIntegration, WrongPinIsRefused)
{
    RfbSession session;
    RfbSession::Options options;
    options.wssPin = *CertificatePin::parse(QString(64, u'a'));
    session.open(url(), options);
    EXPECT_FALSE(waitFirstFrame(session));
    EXPECT_EQ(session.error(), ConsoleError::TlsFailure);
    EXPECT_TRUE(session.errorText().contains(u"pinned")) << session.errorText().toStdString();
}

TEST_F(WssIntegration, ProbeReportsTheCertificate)
{
    const ProbeReport untrusted = ConsoleProbe::run(url(), {});
    EXPECT_EQ(untrusted.error, ConsoleError::TlsFailure) << untrusted.toText().toStdString();
    EXPECT_EQ(untrusted.exitCode(), 5);
    ASSERT_FALSE(untrusted.steps.isEmpty());
    EXPECT_EQ(untrusted.steps.last().name, u"tls");
    const QJsonObject cert = untrusted.steps.last().data.value(QStringLiteral("certificate")).toObject();
    EXPECT_EQ(cert.value(QStringLiteral("subject")).toString(), u"porthole-test");
    EXPECT_EQ(cert.value(QStringLiteral("sha256")).toString(), QString::fromLatin1(fingerprint()));

    ConsoleProbe::Options options;
    options.caFile = s_cert->certFile;
    const ProbeReport trusted = ConsoleProbe::run(url(), options);
    EXPECT_TRUE(trusted.ok()) << trusted.toText().toStdString();

    ConsoleProbe::Options pinned;
    pinned.pin = *CertificatePin::parse(QString::fromLatin1(fingerprint()));
    EXPECT_TRUE(ConsoleProbe::run(url(), pinned).ok());
}

TEST_F(WssIntegration, DerCaFilesAreTrustedByTheSessionAndTheProbe)
{
    // The help has always said "PEM or DER"; the probe and the console used to read PEM only.
    const QString der = s_dir->filePath(QStringLiteral("ca.der"));
    {
        QFile file(der);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write(QSslCertificate::fromPath(s_cert->certFile).value(0).toDer());
    }
    ConsoleProbe::Options probeOptions;
    probeOptions.caFile = der;
    const ProbeReport report = ConsoleProbe::run(url(), probeOptions);
    EXPECT_TRUE(report.ok()) << report.toText().toStdString();

    RfbSession session;
    RfbSession::Options options;
    options.wssCaFile = der;
    session.open(url(), options);
    EXPECT_TRUE(waitFirstFrame(session)) << session.errorText().toStdString();
}

TEST_F(WssIntegration, ACaFileWithNoCertificateIsNamed)
{
    const QString junk = s_dir->filePath(QStringLiteral("junk.pem"));
    {
        QFile file(junk);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
        file.write("not a certificate\n");
    }
    ConsoleProbe::Options probeOptions;
    probeOptions.caFile = junk;
    const ProbeReport report = ConsoleProbe::run(url(), probeOptions);
    EXPECT_EQ(report.error, ConsoleError::TlsFailure);
    EXPECT_TRUE(report.meaning.contains(u"holds no certificate")) << report.meaning.toStdString();

    RfbSession session;
    RfbSession::Options options;
    options.wssCaFile = junk;
    session.open(url(), options);
    EXPECT_FALSE(waitFirstFrame(session));
    EXPECT_EQ(session.error(), ConsoleError::TlsFailure);
    EXPECT_TRUE(session.errorText().contains(u"holds no certificate")) << session.errorText().toStdString();
}

namespace {

// A TLS server that records every byte a client sends after the handshake.
class RecordingTlsServer : public QTcpServer
{
public:
    RecordingTlsServer(const QString &certFile, const QString &keyFile)
        : m_certificate(QSslCertificate::fromPath(certFile).value(0))
    {
        QFile file(keyFile);
        if (file.open(QIODevice::ReadOnly))
            m_key = QSslKey(&file, QSsl::Rsa);
    }
    QByteArray received;

protected:
    void incomingConnection(qintptr descriptor) override
    {
        auto *socket = new QSslSocket(this);
        socket->setSocketDescriptor(descriptor);
        socket->setLocalCertificate(m_certificate);
        socket->setPrivateKey(m_key);
        QObject::connect(socket, &QSslSocket::readyRead, socket, [this, socket] { received += socket->readAll(); });
        socket->startServerEncryption();
    }

private:
    QSslCertificate m_certificate;
    QSslKey m_key;
};

} // namespace

TEST_F(WssIntegration, AWrongPinStopsTheConsoleBeforeTheTokenIsSent)
{
    // The CA file vouches for the server, so no TLS error stops the upgrade; only the pin can.
    RecordingTlsServer server(s_cert->certFile, s_cert->keyFile);
    ASSERT_TRUE(server.listen(QHostAddress::LocalHost));
    RfbSession session;
    RfbSession::Options options;
    options.wssCaFile = s_cert->certFile;
    options.wssPin = *CertificatePin::parse(QString(64, u'a'));
    session.open(
        consoleUrl(QStringLiteral("wss://127.0.0.1:%1/websockify?token=SECRET-TOKEN-1234").arg(server.serverPort())),
        options);
    EXPECT_FALSE(waitFirstFrame(session, 10000));
    EXPECT_EQ(session.error(), ConsoleError::TlsFailure) << session.errorText().toStdString();
    EXPECT_TRUE(session.errorText().contains(u"pinned")) << session.errorText().toStdString();
    EXPECT_FALSE(server.received.contains("SECRET-TOKEN")) << "the token went to a server the pin does not name";
}
