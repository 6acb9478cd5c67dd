// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "base/ExitStatus.h"
#include "base/Failure.h"
#include "base/Remedy.h"

#include <QMetaType>
#include <QString>

namespace Porthole {

// What went wrong talking to oned, as a value: a kind that programs branch on,
// and a sentence a person can act on (what was tried, what answered, what to do).
class OneError
{
public:
    enum class Kind
    {
        None,
        // oned's own error codes (include/Request.h)
        Authentication, // 0x100
        Authorization, // 0x200
        NotFound, // 0x400
        Action, // 0x800
        Api, // 0x1000
        Internal, // 0x2000
        Allocate, // 0x4000
        Locked, // 0x8000
        Replication, // 0x10000
        UnknownOnedCode,
        // the XML-RPC layer and below
        Fault, // <fault>: the method or its parameters were rejected
        Network, // refused, unreachable, DNS
        Tls,
        Http, // an HTTP status other than 200
        Timeout,
        BadResponse, // an answer that is not what oned sends
        Cancelled,
    };

    OneError() = default;
    OneError(Kind kind, QString message, int code = 0);

    // oned's failure envelope [false, "[method] text", code, ...] keeps oned's text.
    static OneError fromOned(int code, const QString &onedMessage);
    // addon-vnctoken's failure envelope, from its server at addon. The addon answers 0x0400 for
    // every one.vm.info failure (with oned's text) and for a non-VNC console, so its words decide.
    static OneError fromAddon(int code, const QString &addonMessage, const QString &addon);

    bool isError() const { return m_kind != Kind::None; }
    Kind kind() const { return m_kind; }
    const QString &message() const { return m_message; }
    // oned's own text from its failure envelope ("[one.vm.info] User couldn't be
    // authenticated, aborting call."); empty when oned did not answer with one.
    const QString &onedText() const { return m_onedText; }
    int code() const { return m_code; }
    // What the person could change; the message says it neutrally, the front end names its control.
    Remedies remedies() const { return m_remedies; }
    // An untrusted certificate's SHA-256 ("AB:CD:…"), named in the message: pinning it is the
    // remedy if the person knows the certificate is right. Empty otherwise.
    const QString &offeredPin() const { return m_offeredPin; }
    OneError &withRemedies(Remedies remedies, const QString &offeredPin = QString())
    {
        m_remedies = remedies;
        m_offeredPin = offeredPin;
        return *this;
    }

    // porthole-cli's exit status (base/ExitStatus.h): Refused, NotFound, Unreachable or Protocol.
    ExitStatus exitStatus() const;
    int exitCode() const { return Porthole::exitCode(exitStatus()); }
    // The failure as porthole-cli reports it: kindName() as its id.
    Failure failure() const { return Failure {kindName(m_kind), m_message, exitStatus(), m_remedies}; }
    static QString kindName(Kind kind);

private:
    Kind m_kind = Kind::None;
    QString m_message;
    int m_code = 0;
    QString m_onedText;
    Remedies m_remedies;
    QString m_offeredPin;
};

} // namespace Porthole

Q_DECLARE_METATYPE(Porthole::OneError)
