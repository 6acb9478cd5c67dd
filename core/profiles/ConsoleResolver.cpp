// SPDX-License-Identifier: GPL-2.0-or-later
#include "profiles/ConsoleResolver.h"

#include "cloud/OneClient.h"
#include "cloud/VmStates.h"
#include "proxy/LocalTokenProxy.h"

#include <QTimer>

namespace Porthole {

ConsoleResolver::ConsoleResolver(OneClient *client, LocalTokenProxy *localProxy, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_localProxy(localProxy)
    , m_localTokens(localProxy)
{ }

QString ConsoleResolver::whyNoVncConsole(const VirtualMachine &vm)
{
    if (!vm.graphics || vm.graphics->type.isEmpty())
        return tr("VM %1 has no graphics console configured.").arg(vm.id);
    if (!vm.graphics->isVnc())
        return vm.graphics->isSpice() ? tr("VM %1 has a SPICE console; open it in remote-viewer.").arg(vm.id)
                                      : tr("VM %1 has a %2 console; Porthole opens VNC and SPICE consoles only.")
                                            .arg(vm.id)
                                            .arg(vm.graphics->type.toUpper());
    if (!vm.consolePossible())
        return tr("VM %1 is %2: a console needs it running.").arg(vm.id).arg(vm.longStateName().toLower());
    return {};
}

QString ConsoleResolver::whyNoConsole(const VirtualMachine &vm) const
{
    if (const QString why = whyNoVncConsole(vm); !why.isEmpty())
        return why;
    if (m_demoWithoutConsole.contains(vm.id))
        return tr("VM %1 is a demo VM with no console server behind it.").arg(vm.id);
    if (m_profile.consoleAccess == ConnectionProfile::ConsoleAccess::Gateway) {
        const QString scheme = m_profile.gatewayUrl.scheme();
        if ((scheme != QLatin1String("http") && scheme != QLatin1String("https"))
            || m_profile.gatewayUrl.host().isEmpty())
            return tr("Set the console gateway's URL (e.g. https://frontend:29876) in the profile.");
    } else if (m_profile.consoleAccess == ConnectionProfile::ConsoleAccess::VncToken) {
        const QString scheme = m_profile.consoleProxyUrl.scheme();
        if (scheme != QLatin1String("ws") && scheme != QLatin1String("wss"))
            return tr("Set the console proxy URL (ws:// or wss://, e.g. wss://frontend:29876/websockify) in the "
                      "profile to open consoles with tokens.");
    } else if ((vm.host.isEmpty() || !vm.graphics->hasPort()))
        return tr("VM %1 has no host or VNC port yet; oned assigns them when it deploys the VM.").arg(vm.id);
    return {};
}

std::optional<ConsoleUrl> ConsoleResolver::spiceUrl(const VirtualMachine &vm, QString *error) const
{
    if (!vm.graphics || !vm.graphics->isSpice()) {
        *error = tr("VM %1 has no SPICE console.").arg(vm.id);
        return std::nullopt;
    }
    if (!VmStates::consolePossible(vm.state, vm.lcmState)) {
        *error = tr("VM %1 is %2: a console needs it running.").arg(vm.id).arg(vm.longStateName().toLower());
        return std::nullopt;
    }
    if (vm.host.isEmpty() || !vm.graphics->hasPort()) {
        *error = tr("VM %1 has no host or SPICE port yet; oned assigns them when it deploys the VM.").arg(vm.id);
        return std::nullopt;
    }
    ConsoleUrl url = ConsoleUrl::vnc(m_profile.consoleHost(vm.host), vm.graphics->port);
    if (m_profile.consoleAccess == ConnectionProfile::ConsoleAccess::SshJump) {
        if (m_profile.effectiveSshJumpHost().isEmpty()) {
            *error = tr("Set the SSH jump host (ssh://user@frontend) in the profile.");
            return std::nullopt;
        }
        url.setVia(m_profile.effectiveSshJumpHost());
    }
    if (vm.graphics->passwordSet())
        url.setPassword(vm.graphics->password);
    return url;
}

void ConsoleResolver::finish(QObject *context, const Callback &callback, const Resolution &resolution)
{
    // Always later, so callers never see the callback inside resolve().
    QTimer::singleShot(0, context, [callback, resolution] { callback(resolution); });
}

void ConsoleResolver::resolve(const VirtualMachine &vm, QObject *context, Callback callback)
{
    Resolution out;
    const QString why = whyNoConsole(vm);
    if (!why.isEmpty()) {
        out.error = why;
        return finish(context, callback, out);
    }
    const QString vmPassword = vm.graphics->password;
    switch (m_profile.consoleAccess) {
    case ConnectionProfile::ConsoleAccess::Direct:
    case ConnectionProfile::ConsoleAccess::SshJump: {
        const bool jump = m_profile.consoleAccess == ConnectionProfile::ConsoleAccess::SshJump;
        out.how = jump ? tr("SSH jump host") : tr("direct");
        // Through a jump host the name is resolved there, but the override still applies:
        // it says where the hypervisor really is.
        ConsoleUrl url = ConsoleUrl::vnc(m_profile.consoleHost(vm.host), vm.graphics->port);
        if (jump) {
            if (m_profile.effectiveSshJumpHost().isEmpty()) {
                out.error = tr("Set the SSH jump host (ssh://user@frontend) in the profile.");
                return finish(context, callback, out);
            }
            url.setVia(m_profile.effectiveSshJumpHost());
        }
        if (!vmPassword.isEmpty())
            url.setPassword(vmPassword);
        out.url = url;
        return finish(context, callback, out);
    }
    case ConnectionProfile::ConsoleAccess::LocalProxy: {
        out.how = tr("local proxy");
        if (!m_localProxy || !m_localProxy->isRunning()) {
            out.error = tr("The local token proxy is not running; start it in the proxy panel or choose another way to "
                           "reach consoles in the profile.");
            return finish(context, callback, out);
        }
        if (!m_localProxy->canMint()) {
            out.error
                = tr("The local token proxy serves %1, so it cannot mint a token for this VM; switch it to in-app "
                     "tokens in the proxy panel.")
                      .arg(m_localProxy->sourceDescription());
            return finish(context, callback, out);
        }
        const QString token
            = m_localTokens.tokenFor(vm.id, TokenTarget {m_profile.consoleHost(vm.host), quint16(vm.graphics->port)});
        ConsoleUrl url = m_localProxy->urlFor(token);
        if (!vmPassword.isEmpty())
            url.setPassword(vmPassword);
        out.url = url;
        return finish(context, callback, out);
    }
    case ConnectionProfile::ConsoleAccess::VncToken:
    case ConnectionProfile::ConsoleAccess::Gateway:
        break;
    }
    out.how = m_profile.consoleAccess == ConnectionProfile::ConsoleAccess::Gateway ? tr("console gateway")
                                                                                   : tr("console token");
    const QUrl proxy = m_profile.effectiveConsoleProxyUrl();
    if (proxy.isEmpty() || (proxy.scheme() != QLatin1String("ws") && proxy.scheme() != QLatin1String("wss"))) {
        out.error = tr("Set the console proxy URL (ws:// or wss://, e.g. wss://frontend:29876/websockify) in the "
                       "profile to open consoles with tokens.");
        return finish(context, callback, out);
    }
    if (!m_client) {
        out.error = tr("Not signed in.");
        return finish(context, callback, out);
    }
    OneCall *call = m_client->consoleToken(vm.id);
    connect(call, &OneCall::finished, context, [call, callback, out, proxy, vmPassword]() mutable {
        if (!call->succeeded()) {
            out.error = tr("Could not get a console token: %1").arg(call->error().message());
            out.remedies = call->error().remedies();
        } else {
            const VncToken token = call->resultAs<VncToken>();
            out.token = token;
            const bool secure = proxy.scheme() == QLatin1String("wss");
            ConsoleUrl url = ConsoleUrl::webSocket(secure, proxy.host(), proxy.port(secure ? 443 : 80),
                proxy.path().isEmpty() ? QStringLiteral("/") : proxy.path(), token.token);
            const QString password = token.passwordSet() ? token.password : vmPassword;
            if (!password.isEmpty())
                url.setPassword(password);
            out.url = url;
        }
        callback(out);
    });
}

} // namespace Porthole
