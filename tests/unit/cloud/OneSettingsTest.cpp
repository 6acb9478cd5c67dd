// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/OneSettings.h"

#include "cloud/OneError.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace Porthole;

namespace {

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner); // as a secret must be
}

QProcessEnvironment environmentWith(std::initializer_list<std::pair<const char *, QString>> values)
{
    QProcessEnvironment environment;
    for (const auto &[name, value] : values)
        environment.insert(QLatin1String(name), value);
    return environment;
}

} // namespace

TEST(OneSettings, EndpointFollowsOpenNebulasOrder)
{
    QTemporaryDir home;
    const QString endpointFile = home.filePath(QStringLiteral(".one/one_endpoint"));
    const auto env = environmentWith({{"ONE_XMLRPC", QStringLiteral("http://from-env:2633/RPC2")}});
    QString source;

    EXPECT_EQ(OneSettings::resolveEndpoint(QString(), QProcessEnvironment(), home.path(), &source),
        QUrl(QStringLiteral("http://localhost:2633/RPC2")));
    EXPECT_EQ(source, QStringLiteral("the default"));

    writeFile(endpointFile, "http://from-file:2633/RPC2\nignored second line\n");
    EXPECT_EQ(OneSettings::resolveEndpoint(QString(), QProcessEnvironment(), home.path(), &source),
        QUrl(QStringLiteral("http://from-file:2633/RPC2")));
    EXPECT_EQ(source, endpointFile);

    EXPECT_EQ(OneSettings::resolveEndpoint(QString(), env, home.path(), &source),
        QUrl(QStringLiteral("http://from-env:2633/RPC2")));
    EXPECT_EQ(source, QStringLiteral("$ONE_XMLRPC"));

    EXPECT_EQ(OneSettings::resolveEndpoint(QStringLiteral("https://explicit/RPC2"), env, home.path(), &source),
        QUrl(QStringLiteral("https://explicit/RPC2")));
    EXPECT_EQ(source, QStringLiteral("--endpoint"));
}

TEST(OneSettings, CredentialsComeFromOneAuthThenTheHomeFile)
{
    QTemporaryDir home;
    QString error;
    EXPECT_FALSE(OneSettings::credentialsFromAuthFile(QProcessEnvironment(), home.path(), &error));
    EXPECT_TRUE(error.contains(u"no credentials")) << qPrintable(error);

    writeFile(home.filePath(QStringLiteral(".one/one_auth")), "oneadmin:pass:with:colons\n");
    auto credentials = OneSettings::credentialsFromAuthFile(QProcessEnvironment(), home.path(), &error);
    ASSERT_TRUE(credentials);
    EXPECT_EQ(credentials->user, QStringLiteral("oneadmin"));
    EXPECT_EQ(credentials->secret, QStringLiteral("pass:with:colons")); // oned splits at the first colon

    const QString other = home.filePath(QStringLiteral("token_auth"));
    writeFile(other, "alice:0123abcd\n");
    credentials = OneSettings::credentialsFromAuthFile(environmentWith({{"ONE_AUTH", other}}), home.path(), &error);
    ASSERT_TRUE(credentials);
    EXPECT_EQ(credentials->user, QStringLiteral("alice"));
    EXPECT_EQ(credentials->source, other);
}

// A password file others may read is no secret: refused as ssh and libpq refuse theirs, with
// the command that fixes it (issue 16).
TEST(OneSettings, AnAuthFileOthersMayReadIsRefused)
{
    QTemporaryDir home;
    const QString path = home.filePath(QStringLiteral(".one/one_auth"));
    writeFile(path, "oneadmin:secret-password\n");
    QFile::setPermissions(
        path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther);
    QString error;
    EXPECT_FALSE(OneSettings::credentialsFromAuthFile(QProcessEnvironment(), home.path(), &error));
    EXPECT_EQ(
        error, path + QStringLiteral(" holds a secret but other users may read it (mode 0644): run chmod 600 ") + path);
    EXPECT_FALSE(error.contains(u"secret-password"));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    EXPECT_TRUE(OneSettings::credentialsFromAuthFile(QProcessEnvironment(), home.path(), &error)) << qPrintable(error);
}

TEST(OneSettings, MalformedAuthLinesAreRefusedWithoutEchoingThem)
{
    for (const char *line : {"nocolon", ":secret", "user:"}) {
        QString error;
        EXPECT_FALSE(OneSettings::parseAuthLine(QLatin1String(line), QStringLiteral("F"), &error)) << line;
        EXPECT_EQ(error, QStringLiteral("F does not hold \"user:password\" or \"user:token\""));
    }
}

TEST(OneSettings, VnctokenEndpointDefaultsToPort2644OnTheOnedHost)
{
    OneSettings settings;
    settings.endpoint = QUrl(QStringLiteral("https://one.example:2633/RPC2"));
    EXPECT_EQ(settings.effectiveVnctokenEndpoint(), QUrl(QStringLiteral("https://one.example:2644/RPC2")));
    settings.vnctokenEndpoint = QUrl(QStringLiteral("http://tokens:9000/x"));
    EXPECT_EQ(settings.effectiveVnctokenEndpoint(), settings.vnctokenEndpoint);
}

TEST(OneError, MapsOnedCodesToKindsAndExitStatus)
{
    const struct
    {
        int code;
        OneError::Kind kind;
        int exit;
    } cases[] = {
        {0x100, OneError::Kind::Authentication, 3},
        {0x200, OneError::Kind::Authorization, 3},
        {0x400, OneError::Kind::NotFound, 4},
        {0x800, OneError::Kind::Action, 6},
        {0x1000, OneError::Kind::Api, 6},
        {0x2000, OneError::Kind::Internal, 6},
        {0x4000, OneError::Kind::Allocate, 6},
        {0x8000, OneError::Kind::Locked, 6},
        {0x10000, OneError::Kind::Replication, 6},
        {12345, OneError::Kind::UnknownOnedCode, 6},
    };
    for (const auto &c : cases) {
        const OneError error = OneError::fromOned(c.code, QStringLiteral("[one.vm.info] text"));
        EXPECT_EQ(error.kind(), c.kind) << c.code;
        EXPECT_EQ(error.exitCode(), c.exit) << c.code;
        EXPECT_EQ(error.code(), c.code);
        EXPECT_TRUE(error.message().startsWith(u"oned said: [one.vm.info] text")) << qPrintable(error.message());
    }
    EXPECT_EQ(OneError(OneError::Kind::Tls, QString()).exitCode(), 5);
    EXPECT_EQ(OneError(OneError::Kind::BadResponse, QString()).exitCode(), 6);
    EXPECT_EQ(OneError().exitCode(), 0);
}

// Core says what to check in words every front end can show; which flag or field sets it is
// a typed fact the front end names (porthole-cli: --user, the desktop: its User field).
TEST(OneError, RefusedCredentialsNameTheRemedyNotAFlag)
{
    const OneError refused
        = OneError::fromOned(0x100, QStringLiteral("[one.user.info] User couldn't be authenticated"));
    EXPECT_EQ(refused.remedies(), Remedies(Remedy::Credentials));
    EXPECT_EQ(refused.failure().remedies, Remedies(Remedy::Credentials));
    EXPECT_TRUE(refused.message().contains(u"check the user name and password or login token"));
    EXPECT_FALSE(refused.message().contains(u"--")) << qPrintable(refused.message());
    EXPECT_TRUE(refused.offeredPin().isEmpty());

    const OneError viaAddon = OneError::fromAddon(
        0x400, QStringLiteral("[one.vm.info] User couldn't be authenticated"), QStringLiteral("http://fe:2644/RPC2"));
    EXPECT_EQ(viaAddon.kind(), OneError::Kind::Authentication);
    EXPECT_EQ(viaAddon.remedies(), Remedies(Remedy::Credentials));
    EXPECT_FALSE(viaAddon.message().contains(u"--user")) << qPrintable(viaAddon.message());

    EXPECT_EQ(OneError::fromOned(0x400, QStringLiteral("[one.vm.info] gone")).remedies(), Remedies());
}

TEST(OneError, PlaceholdersInOnedsTextStayAsTheyAre)
{
    // A VM named "%1" or a message with "%L0" must not be filled in with the error code.
    const OneError unknown = OneError::fromOned(12345, QStringLiteral("[one.vm.info] VM %1 %L0 is odd"));
    EXPECT_EQ(unknown.message(), u"oned said: [one.vm.info] VM %1 %L0 is odd (error code 12345)");
}
