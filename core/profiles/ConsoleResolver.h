// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "base/Remedy.h"
#include "cloud/VirtualMachine.h"
#include "cloud/VncToken.h"
#include "profiles/ConnectionProfile.h"
#include "profiles/ConsoleTokenCache.h"
#include "tokens/ConsoleUrl.h"

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace Porthole {

class LocalTokenProxy;
class OneClient;

// Turns a VM into the console URL to open, the way the profile says consoles
// are reached: a console token from one.vm.vnctoken behind the console proxy,
// plain TCP to the VM's host and GRAPHICS PORT, or a token minted in the local
// proxy. The VNC password comes from the token answer or the VM's GRAPHICS.
class ConsoleResolver : public QObject
{
    Q_OBJECT
public:
    struct Resolution
    {
        std::optional<ConsoleUrl> url; // empty on failure
        QString error; // a sentence a person can act on
        Remedies remedies; // what error advises changing (base/Remedy.h), for the front end to name
        std::optional<VncToken> token; // when one.vm.vnctoken answered
        QString how; // "console token", "direct", "local proxy", for the token details
    };
    using Callback = std::function<void(const Resolution &)>;

    ConsoleResolver(OneClient *client, LocalTokenProxy *localProxy, QObject *parent = nullptr);

    void setProfile(const ConnectionProfile &profile)
    {
        m_profile = profile;
        m_localTokens.clear(); // VM ids of another profile are other VMs
    }
    const ConnectionProfile &profile() const { return m_profile; }
    // Demo cloud VMs have no VNC server behind them unless one was attached:
    // say so instead of letting the connection fail on a made-up host name.
    void setDemoVmsWithoutConsole(const QList<int> &vmIds) { m_demoWithoutConsole = vmIds; }

    // Why the console of vm cannot be opened at all (empty: it can be tried).
    QString whyNoConsole(const VirtualMachine &vm) const;
    // The part of that which the VM document alone decides: no graphics, not VNC, not
    // running. porthole-cli token asks it before calling the addon.
    static QString whyNoVncConsole(const VirtualMachine &vm);

    // Where remote-viewer dials a SPICE VM: its host (after the profile's overrides) and
    // GRAPHICS PORT, through the profile's SSH jump host when it has one. Every other way of
    // reaching consoles carries VNC only, so SPICE goes to the host as Sunstone sends it.
    // nullopt with *error when the VM has no SPICE console to open.
    std::optional<ConsoleUrl> spiceUrl(const VirtualMachine &vm, QString *error) const;

    // Calls back exactly once, later, on context's thread (dropped if context dies).
    // Through the local proxy a VM keeps its token while it is good (ConsoleTokenCache):
    // repeated requests for one VM add no tokens.
    void resolve(const VirtualMachine &vm, QObject *context, Callback callback);
    // A console's token was refused: it is never handed out again, the next resolve()
    // of its VM brings a fresh one.
    void tokenRefused(const QString &token) { m_localTokens.forget(token); }

private:
    void finish(QObject *context, const Callback &callback, const Resolution &resolution);

    QPointer<OneClient> m_client;
    QPointer<LocalTokenProxy> m_localProxy;
    ConnectionProfile m_profile;
    QList<int> m_demoWithoutConsole;
    ConsoleTokenCache m_localTokens;
};

} // namespace Porthole
