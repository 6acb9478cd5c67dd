// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/cli/CloudCommands.h"

#include "app/cli/CliSession.h"
#include "app/cli/TextTable.h"
#include "cloud/UserInfo.h"
#include "cloud/VmStates.h"
#include "cloud/VncToken.h"
#include "profiles/ConsoleResolver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

namespace Porthole {
namespace {

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

// An LCM_STATE name ("RUNNING"), which --state cannot filter by.
std::optional<int> lcmStateFromName(const QString &name)
{
    for (int i = 0; i < VmStates::lcmStateCount(); ++i) {
        if (name.trimmed().compare(VmStates::lcmStateName(i), Qt::CaseInsensitive) == 0)
            return i;
    }
    return std::nullopt;
}

QString graphicsSummary(const VirtualMachine &vm)
{
    if (!vm.graphics)
        return QStringLiteral("none");
    const VmGraphics &g = *vm.graphics;
    QString text = g.type.toUpper();
    if (!g.listen.isEmpty() || g.port >= 0)
        text += QStringLiteral(" on %1:%2").arg(g.listen, g.port >= 0 ? QString::number(g.port) : QStringLiteral("-"));
    if (g.passwordSet())
        text += QStringLiteral(", password set");
    return text;
}

} // namespace

int CloudCommands::version(CliSession &session, const QStringList &)
{
    session.whenDone(session.client()->version(), [&session](const QVariant &result) {
        if (session.json())
            session.printJson(QJsonObject {{QStringLiteral("version"), result.toString()}});
        else
            session.out() << result.toString() << '\n';
    });
    return -1;
}

int CloudCommands::whoami(CliSession &session, const QStringList &)
{
    session.whenDone(session.client()->whoami(), [&session](const QVariant &result) {
        const auto user = result.value<UserInfo>();
        if (session.json()) {
            session.printJson(QJsonObject {{QStringLiteral("id"), user.id}, {QStringLiteral("name"), user.name},
                {QStringLiteral("gid"), user.gid}, {QStringLiteral("group"), user.group}});
            return;
        }
        session.out() << TextTable::keyValues(
            {{QStringLiteral("ID"), QString::number(user.id)}, {QStringLiteral("NAME"), user.name},
                {QStringLiteral("GROUP"), QStringLiteral("%1 (%2)").arg(user.group).arg(user.gid)}});
    });
    return -1;
}

int CloudCommands::login(CliSession &session, const QStringList &)
{
    int ttl = 36000; // oneuser token-create's default
    if (session.isSet(QStringLiteral("ttl"))) {
        bool ok = false;
        ttl = session.value(QStringLiteral("ttl")).toInt(&ok);
        if (!ok || ttl < -1)
            return session.usage(QStringLiteral("--ttl wants seconds (-1: no expiry), got \"%1\"")
                                     .arg(session.value(QStringLiteral("ttl"))));
        // oned reads valid 0 with no token as "revoke them all" and answers an empty token.
        if (ttl == 0)
            return session.usage(QStringLiteral("--ttl 0 would make oned revoke every login token of the user "
                                                "instead of creating one; --ttl wants seconds from 1 up, or -1 "
                                                "for no expiry"));
    }
    const QString user = session.client()->settings().user;
    session.whenDone(session.client()->login(ttl), [&session, user, ttl](const QVariant &result) {
        if (session.json())
            session.printJson(QJsonObject {{QStringLiteral("user"), user}, {QStringLiteral("token"), result.toString()},
                {QStringLiteral("ttl"), ttl}});
        else
            session.out() << user << ':' << result.toString() << '\n'; // ready for ONE_AUTH
    });
    return -1;
}

int CloudCommands::logout(CliSession &session, const QStringList &)
{
    // Revoking sends the secret as the token to drop; a password would be echoed back in
    // oned's refusal and logged by oned. So ask oned first whether it is a login token.
    OneCall *whoami = session.client()->whoami();
    QObject::connect(whoami, &OneCall::finished, &session, [&session, whoami] {
        if (!whoami->succeeded()) {
            session.finish(session.fail(whoami->error().failure()));
            return;
        }
        const OneSettings &settings = session.client()->settings();
        if (!whoami->result().value<UserInfo>().loginTokens.contains(settings.secret)) {
            session.finish(session.fail({QStringLiteral("nothing-to-revoke"),
                QStringLiteral("%1 signs in with a password, not a login token: there is nothing to revoke "
                               "(porthole-cli login creates a login token)")
                    .arg(settings.user),
                ExitStatus::Usage}));
            return;
        }
        session.whenDone(session.client()->revokeToken(), [&session](const QVariant &) {
            if (!session.json())
                session.out() << "revoked\n";
        });
    });
    return -1;
}

int CloudCommands::vms(CliSession &session, const QStringList &)
{
    OneClient::VmQuery query;
    const QString filter = session.value(QStringLiteral("filter"));
    if (filter.isEmpty() || filter == u"all")
        query.filter = -2;
    else if (filter == u"mine")
        query.filter = -3;
    else if (filter == u"group")
        query.filter = -4;
    else if (const auto uid = CliSession::parseId(filter))
        query.filter = *uid;
    else
        return session.usage(QStringLiteral("--filter wants all, mine, group or a user ID, got \"%1\"").arg(filter));

    query.extended = session.isSet(QStringLiteral("extended"));
    const QString state = session.value(QStringLiteral("state"));
    if (state.isEmpty() || state == u"alive") {
        query.state = -1; // oned: every state but DONE
    } else if (state == u"any") {
        query.state = -2;
    } else if (const auto code = VmStates::stateFromName(state)) {
        query.state = *code;
    } else if (const auto lcm = lcmStateFromName(state)) {
        return session.usage(QStringLiteral("--state %1: %2 is an LCM state, a step within the VM state ACTIVE; "
                                            "oned filters by VM state only, so use --state ACTIVE")
                                 .arg(state, VmStates::lcmStateName(*lcm)));
    } else {
        QStringList names;
        for (int i = 0; i < VmStates::stateCount(); ++i)
            names << VmStates::stateName(i);
        return session.usage(QStringLiteral("--state wants any, alive or a VM state (%1); got \"%2\"")
                                 .arg(names.join(QStringLiteral(", ")), state));
    }

    session.whenDone(session.client()->vms(query), [&session](const QVariant &result) {
        const auto vms = result.value<QList<VirtualMachine>>();
        QTextStream &out = session.out();
        if (session.json()) {
            // One object per line, written as we go: a QJsonArray of a large pool costs
            // several times the memory of the pool itself.
            out << '[';
            for (qsizetype i = 0; i < vms.size(); ++i)
                out << (i ? ",\n " : "\n ") << QJsonDocument(vms[i].toJson()).toJson(QJsonDocument::Compact);
            out << "\n]\n";
            return;
        }
        TextTable table;
        table.addColumn(QStringLiteral("ID"), TextTable::Align::Right);
        for (const char *header : {"NAME", "OWNER", "GROUP", "STAT", "HOST", "CONSOLE", "IP"})
            table.addColumn(QString::fromLatin1(header));
        for (const VirtualMachine &vm : vms) {
            const QString console = !vm.graphics ? QStringLiteral("-")
                : vm.consolePossible()           ? vm.graphics->type.toUpper()
                                                 : vm.graphics->type.toUpper() + QStringLiteral(" (off)");
            table.addRow({QString::number(vm.id), vm.name, vm.owner, vm.group, vm.displayState(), orDash(vm.host),
                console, orDash(vm.ips.join(u','))});
        }
        out << table.render();
    });
    return -1;
}

int CloudCommands::vm(CliSession &session, const QStringList &arguments)
{
    const auto id = arguments.size() == 1 ? CliSession::parseId(arguments.first()) : std::nullopt;
    if (!id)
        return session.usage(QStringLiteral("'vm' wants one VM ID, e.g. porthole-cli vm 42"));
    session.whenDone(session.client()->vm(*id), [&session](const QVariant &result) {
        const auto vm = result.value<VirtualMachine>();
        if (session.json()) {
            session.printJson(vm.toJson());
            return;
        }
        session.out() << TextTable::keyValues({
            {QStringLiteral("ID"), QString::number(vm.id)},
            {QStringLiteral("NAME"), vm.name},
            {QStringLiteral("OWNER"), vm.owner},
            {QStringLiteral("GROUP"), vm.group},
            {QStringLiteral("STATE"), vm.stateName()},
            {QStringLiteral("LCM_STATE"), vm.lcmStateName()},
            {QStringLiteral("HOST"), orDash(vm.host)},
            {QStringLiteral("GRAPHICS"), graphicsSummary(vm)},
            {QStringLiteral("IP"), orDash(vm.ips.join(QStringLiteral(", ")))},
            {QStringLiteral("MEMORY"), QStringLiteral("%1 MiB").arg(vm.memoryMiB)},
            {QStringLiteral("CPU"), // what the template says: VCPU only when it has one
                vm.vcpu > 0 ? QStringLiteral("%1 (%2 VCPU)").arg(vm.cpu).arg(vm.vcpu) : QString::number(vm.cpu)},
            {QStringLiteral("CONSOLE"),
                vm.consolePossible() ? QStringLiteral("possible") : QStringLiteral("not possible")},
        });
    });
    return -1;
}

int CloudCommands::token(CliSession &session, const QStringList &arguments)
{
    const auto id = arguments.size() == 1 ? CliSession::parseId(arguments.first()) : std::nullopt;
    if (!id)
        return session.usage(QStringLiteral("'token' wants one VM ID, e.g. porthole-cli token 42"));
    const QString methodName = session.value(QStringLiteral("method"));
    OneClient::TokenMethod method = OneClient::TokenMethod::VncToken;
    if (methodName == u"vnctokenonly")
        method = OneClient::TokenMethod::VncTokenOnly;
    else if (methodName == u"vnc")
        method = OneClient::TokenMethod::Vnc;
    else if (!methodName.isEmpty() && methodName != u"vnctoken")
        return session.usage(
            QStringLiteral("--method wants vnctoken, vnctokenonly or vnc, got \"%1\"").arg(methodName));

    QUrl proxy;
    if (session.isSet(QStringLiteral("proxy-url"))) {
        proxy = QUrl(session.value(QStringLiteral("proxy-url")), QUrl::StrictMode);
        if (!proxy.isValid() || proxy.host().isEmpty())
            return session.usage(
                QStringLiteral("--proxy-url \"%1\" is not a URL").arg(session.value(QStringLiteral("proxy-url"))));
    }
    // The GUI's pre-check first, on oned's VM document: the addon crashes (HTTP 500) on a VM
    // without graphics and refuses other VMs in words that do not say why.
    OneCall *info = session.client()->vm(*id);
    QObject::connect(info, &OneCall::finished, &session, [&session, info, id = *id, method, proxy] {
        if (!info->succeeded()) {
            session.finish(session.fail(info->error().failure()));
            return;
        }
        const auto vm = info->result().value<VirtualMachine>();
        if (const QString why = ConsoleResolver::whyNoVncConsole(vm); !why.isEmpty()) {
            const bool vnc = vm.graphics && vm.graphics->isVnc();
            session.finish(session.fail({vnc ? QStringLiteral("not-running") : QStringLiteral("no-vnc-console"), why,
                vnc ? ExitStatus::Protocol : ExitStatus::NotFound}));
            return;
        }
        printToken(session, session.client()->consoleToken(id, method), proxy);
    });
    return -1;
}

void CloudCommands::printToken(CliSession &session, OneCall *call, const QUrl &proxy)
{
    session.whenDone(call, [&session, proxy](const QVariant &result) {
        const auto token = result.value<VncToken>();
        QString url;
        if (!proxy.isEmpty()) {
            QUrl console = proxy;
            QUrlQuery query(console);
            query.removeAllQueryItems(QStringLiteral("token"));
            query.addQueryItem(QStringLiteral("token"), QString::fromLatin1(QUrl::toPercentEncoding(token.token)));
            console.setQuery(query);
            url = console.toString(QUrl::FullyEncoded);
        }
        if (session.json()) {
            session.printJson(token.toJson(url));
            return;
        }
        QList<std::pair<QString, QString>> rows {
            {QStringLiteral("VM"), QString::number(token.vmId)},
            {QStringLiteral("TOKEN"), token.token},
            {QStringLiteral("HOST"), orDash(token.host)},
            {QStringLiteral("PORT"), token.port > 0 ? QString::number(token.port) : QStringLiteral("-")},
            {QStringLiteral("TYPE"), orDash(token.type)},
            {QStringLiteral("PASSWORD"),
                !token.detailsKnown       ? QStringLiteral("unknown")
                    : token.passwordSet() ? QStringLiteral("set")
                                          : QStringLiteral("none")},
        };
        if (!url.isEmpty())
            rows.append({QStringLiteral("URL"), url});
        session.out() << TextTable::keyValues(rows);
    });
}

int CloudCommands::revoke(CliSession &session, const QStringList &arguments)
{
    if (arguments.size() != 1 || arguments.first().isEmpty())
        return session.usage(QStringLiteral("'revoke' wants one console token, e.g. porthole-cli revoke TOKEN"));
    // A console gateway's method: the token ends, and with --close-on-revoke its sessions.
    session.whenDone(session.client()->revokeConsoleToken(arguments.first()), [&session](const QVariant &) {
        if (!session.json())
            session.out() << "revoked\n";
    });
    return -1;
}

} // namespace Porthole
