// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>

namespace Porthole {

// What the server said in the clear part of an RFB handshake (RFC 6143 §7.1-7.2),
// read from the bytes the socket bridge handed to libvncclient. It lets a failed
// handshake be explained by facts (the offered security types, a refusal and its
// reason, the security result) instead of by libvncclient's log lines. Anything inside
// TLS (VeNCrypt, anonymous TLS) is beyond it.
struct RfbGreeting
{
    enum class Result
    {
        Unknown, // not (yet) in the bytes, or inside TLS
        Ok,
        Failed,
    };

    int major = 0; // 0: no complete, valid "RFB xxx.yyy\n" greeting
    int minor = 0;
    bool typesComplete = false; // the security types (or the 3.3 scheme) were read
    QList<int> securityTypes; // offered types; 3.3 servers name one
    bool refused = false; // no types: the server failed the connection (refusalReason)
    QString refusalReason;
    Result securityResult = Result::Unknown; // after None (3.8) or VncAuth
    QString failureReason; // of a failed security result (3.8)

    // serverBytes: what the server sent from the start; chosenType: the type the client
    // picked (libvncclient's authScheme, 0 when it picked none).
    static RfbGreeting parse(QByteArrayView serverBytes, int chosenType);
    // The types Porthole lets libvncclient choose (RfbWorker): None, VncAuth, TLS, VeNCrypt.
    static bool clientSupports(int type);
};

} // namespace Porthole
