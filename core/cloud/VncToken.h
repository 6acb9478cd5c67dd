// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringView>
#include <QVariantMap>

#include <optional>

namespace Porthole {

// A console token from the addon-vnctoken service (OpenNebula's
// addon-vnctoken, e.g. github.com/storpool/addon-vnctoken
// usr/lib/one/vnctoken/vnctoken-server.rb). The service writes
// "<token>: <host>:<port>" into the websockify token directory and answers:
//   one.vm.vnctoken     a struct {id, host, type, port, listen, password, wss, token}
//   one.vm.vnctokenonly the token string alone
//   one.vm.vnc          the same members as XML built by string formatting,
//                       "<VM><ID>3</ID><HOST>node1</HOST><TYPE>VNC</TYPE>...</VM>":
//                       upper-case names, values NOT escaped.
struct VncToken
{
    int vmId = -1;
    QString host;
    QString type;
    int port = -1; // -1: unknown (vnctokenonly)
    QString listen;
    QString password;
    bool wss = false;
    QString token;
    // False for one.vm.vnctokenonly: host, type, port and whether a password is set are unknown.
    bool detailsKnown = true;

    bool passwordSet() const { return !password.isEmpty(); }

    // Member names are matched case-insensitively; integers may be XML-RPC
    // ints or strings, wss a boolean or "yes"/"true"/"1"/"only". The token is required.
    static std::optional<VncToken> fromStruct(const QVariantMap &members, QString *error = nullptr);
    // Tolerant reading of one.vm.vnc's XML: each <TAG>value</TAG> pair is
    // located by case-insensitive string search, so unescaped '<', '&' or '>'
    // in a password do not break it. Values are taken verbatim (not unescaped).
    static std::optional<VncToken> fromVncXml(QStringView xml, QString *error = nullptr);
    static VncToken fromTokenOnly(int vmId, const QString &token);

    // {"id", "host", "port", "type", "token", "password_set", "url" (null when empty)};
    // host, port, type and password_set are null when unknown. Never the password.
    QJsonObject toJson(const QString &url) const;

    friend bool operator==(const VncToken &, const VncToken &) = default;
};

} // namespace Porthole

Q_DECLARE_METATYPE(Porthole::VncToken)
