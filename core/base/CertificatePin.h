// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <optional>

class QSslCertificate;

namespace Porthole {

// The SHA-256 fingerprint of the one server certificate a person vouched for, whoever
// signed it. Parsed once from what people type and show ("AB:CD:…", any case, colons,
// spaces or a "sha256/" prefix) and compared as the 32-byte digest, so no layer below
// has to guess whether a QByteArray holds hex text or raw bytes.
class CertificatePin
{
public:
    CertificatePin() = default;

    // nullopt unless text holds exactly 64 hex digits once separators are dropped.
    static std::optional<CertificatePin> parse(QStringView text);
    // The certificate's own digest: the pin that trusts exactly this certificate.
    static CertificatePin of(const QSslCertificate &certificate);

    bool isNull() const { return m_digest.isEmpty(); }
    bool matches(const QSslCertificate &certificate) const;
    // "AB:CD:…", the form CertificateInfo::fingerprint shows.
    QString toString() const;
    const QByteArray &digest() const { return m_digest; }

    friend bool operator==(const CertificatePin &a, const CertificatePin &b) { return a.m_digest == b.m_digest; }

private:
    explicit CertificatePin(QByteArray digest)
        : m_digest(std::move(digest))
    { }

    QByteArray m_digest; // 32 bytes, or empty: no pin
};

} // namespace Porthole

Q_DECLARE_METATYPE(Porthole::CertificatePin)
