// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/OneError.h"

namespace Porthole {

OneError::OneError(Kind kind, QString message, int code)
    : m_kind(kind)
    , m_message(std::move(message))
    , m_code(code)
{ }

OneError OneError::fromOned(int code, const QString &onedMessage)
{
    struct Entry
    {
        int code;
        Kind kind;
        const char *advice;
    };
    static const Entry table[] = {
        {0x100, Kind::Authentication, "check the user name and password or login token"},
        {0x200, Kind::Authorization,
            "the signed-in user is not allowed to do this; ask the cloud administrator for rights"},
        {0x400, Kind::NotFound, "check the ID (porthole-cli vms lists what you may see)"},
        {0x800, Kind::Action, "the object is not in a state that allows this"},
        {0x1000, Kind::Api, "the request was malformed; this is a bug in Porthole or an incompatible oned"},
        {0x2000, Kind::Internal, "oned failed internally; see oned.log on the front-end"},
        {0x4000, Kind::Allocate, "oned could not allocate the object"},
        {0x8000, Kind::Locked, "the object is locked; unlock it or wait"},
        {0x10000, Kind::Replication, "the federation is replicating; try again shortly"},
    };
    OneError error(Kind::UnknownOnedCode,
        QStringLiteral("oned said: %1 (error code %2)").arg(onedMessage, QString::number(code)), code);
    for (const Entry &entry : table) {
        if (entry.code == code)
            error = OneError(
                entry.kind, QStringLiteral("oned said: %1 (%2)").arg(onedMessage, QLatin1String(entry.advice)), code);
    }
    if (error.kind() == Kind::Authentication)
        error.m_remedies = Remedy::Credentials;
    error.m_onedText = onedMessage;
    return error;
}

OneError OneError::fromAddon(int code, const QString &addonMessage, const QString &addon)
{
    const auto said = [&](Kind kind, const char *advice) {
        return OneError(kind,
            QStringLiteral("addon-vnctoken at %1 said: %2 (%3)").arg(addon, addonMessage, QLatin1String(advice)), code);
    };
    if (code == 0x400) {
        // vnctoken-server.rb get_vm: oned's own words when oned answered, OCA's when it could not ask.
        if (addonMessage.startsWith(u"[one.")) {
            if (addonMessage.contains(u"couldn't be authenticated"))
                return said(Kind::Authentication,
                    "oned refused the credentials the addon passed on: check the user name and password or login "
                    "token")
                    .withRemedies(Remedy::Credentials);
            if (addonMessage.contains(u"Not authorized"))
                return said(Kind::Authorization,
                    "the signed-in user may not use this VM; ask the cloud administrator for rights");
            return said(Kind::NotFound, "check the ID (porthole-cli vms lists what you may see)");
        }
        if (addonMessage.startsWith(u"Graphics type"))
            return said(Kind::NotFound, "the VM has no VNC console; the addon makes tokens for VNC consoles only");
        return said(Kind::Network,
            "addon-vnctoken could not reach oned: is oned running, and is the addon's one_xmlrpc right? See "
            "vnctoken.log on the front-end");
    }
    switch (code) {
    case 0x200:
        return said(Kind::Authentication, "the addon could not sign in to oned with these credentials");
    case 0x800:
        return said(Kind::Action, "the addon makes tokens only for RUNNING VMs (STATE 3, LCM_STATE 3)");
    case 0x1000:
        return said(Kind::Api, "this addon does not know the method; try --method vnctoken");
    case 0x4000:
        return said(Kind::Allocate, "the addon could not write the token file; see vnctoken.log on the front-end");
    default:
        break;
    }
    return OneError(Kind::UnknownOnedCode,
        QStringLiteral("addon-vnctoken at %1 said: %2 (error code %3)").arg(addon, addonMessage, QString::number(code)),
        code);
}

ExitStatus OneError::exitStatus() const
{
    switch (m_kind) {
    case Kind::None:
        return ExitStatus::Ok;
    case Kind::Authentication:
    case Kind::Authorization:
        return ExitStatus::Refused;
    case Kind::NotFound:
        return ExitStatus::NotFound;
    case Kind::Network:
    case Kind::Tls:
    case Kind::Http:
    case Kind::Timeout:
        return ExitStatus::Unreachable;
    default:
        return ExitStatus::Protocol;
    }
}

QString OneError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("none");
    case Kind::Authentication:
        return QStringLiteral("authentication");
    case Kind::Authorization:
        return QStringLiteral("authorization");
    case Kind::NotFound:
        return QStringLiteral("not-found");
    case Kind::Action:
        return QStringLiteral("action");
    case Kind::Api:
        return QStringLiteral("api");
    case Kind::Internal:
        return QStringLiteral("internal");
    case Kind::Allocate:
        return QStringLiteral("allocate");
    case Kind::Locked:
        return QStringLiteral("locked");
    case Kind::Replication:
        return QStringLiteral("replication");
    case Kind::UnknownOnedCode:
        return QStringLiteral("oned-error");
    case Kind::Fault:
        return QStringLiteral("fault");
    case Kind::Network:
        return QStringLiteral("network");
    case Kind::Tls:
        return QStringLiteral("tls");
    case Kind::Http:
        return QStringLiteral("http");
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::BadResponse:
        return QStringLiteral("bad-response");
    case Kind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QString();
}

} // namespace Porthole
