// SPDX-License-Identifier: GPL-2.0-or-later
#include "base/CaFile.h"
#include "base/CertificateInfo.h"
#include "base/CertificatePin.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QTemporaryDir>

using namespace Porthole;

namespace {

// Two self-signed P-256 certificates (openssl req -x509, valid until 2126).
const char kFirstPem[] = "-----BEGIN CERTIFICATE-----\n"
                         "MIIBhjCCAS2gAwIBAgIUaEYoohdf5ZrHTiUdJ3vTjFDwMt4wCgYIKoZIzj0EAwIw\n"
                         "GDEWMBQGA1UEAwwNcG9ydGhvbGUtdW5pdDAgFw0yNjEyMDMwNTM2NDlaGA8yMTI2\n"
                         "MTEwOTA1MzY0OVowGDEWMBQGA1UEAwwNcG9ydGhvbGUtdW5pdDBZMBMGByqGSM49\n"
                         "AgEGCCqGSM49AwEHA0IABMuypQ1J3FepcImMsgegM9dQzWbhdGyUpssHVY0ZGASG\n"
                         "a3Vb5v5FGv4ZIn5736wUmS53YpP2B56z4jx1Qiiv4D6jUzBRMB0GA1UdDgQWBBQn\n"
                         "3kLLQAdH6arekMbcIINgqoaL/jAfBgNVHSMEGDAWgBQn3kLLQAdH6arekMbcIINg\n"
                         "qoaL/jAPBgNVHRMBAf8EBTADAQH/MAoGCCqGSM49BAMCA0cAMEQCIDlhzUWGk6Ld\n"
                         "0oMe/b+3Pt8MR3YDNIcr01TV884HWedyAiB1k5rWsUgbfNPTn1RoMHhLLAqNrjHz\n"
                         "1b6pHN8tuTOf/g==\n"
                         "-----END CERTIFICATE-----\n";
const char kFirstSha256[]
    = "41:00:F7:7F:5A:F9:AC:12:AC:83:AA:09:3C:12:9D:06:31:04:A9:39:76:EE:E6:AF:86:EA:86:69:41:13:55:AD";
const char kSecondPem[] = "-----BEGIN CERTIFICATE-----\n"
                          "MIIBizCCATGgAwIBAgIUVYydVzZDAHLIj12MwbILHZ4GCGYwCgYIKoZIzj0EAwIw\n"
                          "GjEYMBYGA1UEAwwPcG9ydGhvbGUtdW5pdC0yMCAXDTI2MTIwMzA1MzY0OVoYDzIx\n"
                          "MjYxMTA5MDUzNjQ5WjAaMRgwFgYDVQQDDA9wb3J0aG9sZS11bml0LTIwWTATBgcq\n"
                          "hkjOPQIBBggqhkjOPQMBBwNCAAQ1EstPMM0N18IwFcp5DZudsJYtzCEd1bdvP+FC\n"
                          "N23wbd1JEqZSj4CP8dCRvKmwROUDlP+6otTpdG3jI0zZl4bbo1MwUTAdBgNVHQ4E\n"
                          "FgQU6NVmoaxK7/3a7wVb57jrZw0iOd0wHwYDVR0jBBgwFoAU6NVmoaxK7/3a7wVb\n"
                          "57jrZw0iOd0wDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiAtrYnt\n"
                          "LYukaHNdWbZNS4bcxjzbD4wjZwiXCJ8+6mssfAIhAK+RFUnRHvhP6nD2X6W2NoJv\n"
                          "RZiLFNXFUCBmcqT9x9uf\n"
                          "-----END CERTIFICATE-----\n";

QSslCertificate first()
{
    return QSslCertificate(QByteArray(kFirstPem), QSsl::Pem);
}

QSslCertificate second()
{
    return QSslCertificate(QByteArray(kSecondPem), QSsl::Pem);
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

} // namespace

TEST(CertificatePin, ParsesTheFormsPeopleTypeAndShow)
{
    const QString shown = QString::fromLatin1(kFirstSha256);
    const std::optional<CertificatePin> colons = CertificatePin::parse(shown);
    ASSERT_TRUE(colons.has_value());
    EXPECT_EQ(colons->digest().size(), 32);
    EXPECT_EQ(colons->toString(), shown);
    QString plain = shown;
    plain.remove(u':');
    EXPECT_EQ(CertificatePin::parse(plain.toLower()), colons);
    EXPECT_EQ(CertificatePin::parse(QString(u"  sha256/" + plain + u"  ")), colons);
    EXPECT_EQ(CertificatePin::parse(QString(shown).replace(u':', u' ')), colons);
}

TEST(CertificatePin, RefusesAnythingButSixtyFourHexDigits)
{
    EXPECT_FALSE(CertificatePin::parse(u""));
    EXPECT_FALSE(CertificatePin::parse(u"0011"));
    EXPECT_FALSE(CertificatePin::parse(QString(63, u'a')));
    EXPECT_FALSE(CertificatePin::parse(QString(65, u'a')));
    EXPECT_FALSE(CertificatePin::parse(QStringLiteral("zz").repeated(32)));
    // Non-ASCII digits must not sneak through toLatin1().
    EXPECT_FALSE(CertificatePin::parse(QString(QString(63, u'a') + QChar(0x0661))));
    EXPECT_TRUE(CertificatePin().isNull());
}

TEST(CertificatePin, MatchesExactlyItsCertificate)
{
    ASSERT_FALSE(first().isNull());
    ASSERT_FALSE(second().isNull());
    const CertificatePin pin = *CertificatePin::parse(QString::fromLatin1(kFirstSha256));
    EXPECT_TRUE(pin.matches(first()));
    EXPECT_FALSE(pin.matches(second()));
    EXPECT_FALSE(pin.matches(QSslCertificate()));
    EXPECT_FALSE(CertificatePin().matches(first()));
    EXPECT_EQ(CertificatePin::of(first()), pin);
    EXPECT_EQ(CertificateInfo::fingerprint(first()), QString::fromLatin1(kFirstSha256));
}

TEST(CaFile, ReadsPemBundlesAndDer)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QString error;
    const QString bundle = writeFile(dir, QStringLiteral("bundle.pem"), QByteArray(kFirstPem) + kSecondPem);
    const QList<QSslCertificate> both = CaFile::load(bundle, &error);
    ASSERT_EQ(both.size(), 2) << error.toStdString();
    EXPECT_EQ(both[0], first());
    EXPECT_EQ(both[1], second());

    const QString der = writeFile(dir, QStringLiteral("ca.der"), second().toDer());
    const QList<QSslCertificate> one = CaFile::load(der, &error);
    ASSERT_EQ(one.size(), 1) << error.toStdString();
    EXPECT_EQ(one[0], second());
}

TEST(CaFile, SaysWhyAFileGivesNoCertificate)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    QString error;
    EXPECT_TRUE(CaFile::load(dir.filePath(QStringLiteral("missing.pem")), &error).isEmpty());
    EXPECT_TRUE(error.startsWith(u"cannot read CA file ")) << error.toStdString();

    const QString junk = writeFile(dir, QStringLiteral("junk.pem"), "not a certificate\n");
    EXPECT_TRUE(CaFile::load(junk, &error).isEmpty());
    EXPECT_EQ(error, QStringLiteral("CA file %1 holds no certificate (PEM or DER expected)").arg(junk));

    const QString truncated = writeFile(dir, QStringLiteral("cut.der"), first().toDer().left(100));
    EXPECT_TRUE(CaFile::load(truncated, &error).isEmpty());
    EXPECT_TRUE(error.contains(u"holds no certificate")) << error.toStdString();
}
