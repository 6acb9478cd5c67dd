// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "gateway/HostAddressMap.h"
#include "gateway/VmInfoSource.h"
#include "tokens/TokenGrant.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>

namespace Porthole {

class TokenSource;
struct ProxyMetrics;
struct VirtualMachine;

// The addon-vnctoken XML-RPC API (storpool/addon-vnctoken's vnctoken-server.rb) served by
// the console gateway, with the gateway minting the tokens itself:
//
//   one.vm.vnctoken(session, vmid)      → [true, {id, host, type, port, listen, password,
//                                          wss, token}, 0]
//   one.vm.vnctokenonly(session, vmid)  → [true, "token", 0]
//   one.vm.vnc(session, vmid)           → [true, "<VM><ID>…</ID>…<TOKEN>…</TOKEN></VM>", 0]
//   one.vm.vnctokenrevoke(session, token) → [true, true, 0]   (not in the addon)
//
// Failures are the addon's envelope [false, message, code]: 0x0400 when one.vm.info
// fails (oned's own message: authentication and authorization included; or a sentence
// naming oned when it did not answer, or "oned is slow" while maxOnedCalls wait), 0x0800 for a VM in a state without a
// console, 0x0400 for graphics other than VNC, 0x1000 for an unknown method or wrong parameters, 0x4000 when the token
// store cannot record the token (the addon's "Cannot create VNC proxy token."). A body that is not an XML-RPC call at
// all (malformed, a DOCTYPE, too large) gets an XML-RPC <fault> with xmlrpc-c's codes, since it names no method.
//
// Every check is oned's, made with the caller's session: the gateway holds no
// credentials. Revoking needs the same right as minting: one.vm.info on the token's VM.
class GatewayMethods
{
public:
    struct Settings
    {
        // 0: no time limit; the token lasts while its VM is in a console state (recheckStates()).
        int ttlSeconds = 3600;
        bool oneTimeTokens = false;
        bool wss = false; // the "wss" member: the gateway serves TLS
        HostAddressMap hosts;
        // Token requests waiting for oned at once; more are refused at once (0x0400, "oned
        // is slow"), so a hung oned cannot pile up connections without bound.
        int maxOnedCalls = 256;
    };
    // The XML-RPC response document (the body of the HTTP answer).
    using Done = std::function<void(const QByteArray &document)>;

    // vms and tokens are not owned and must outlive this object; metrics may be null.
    GatewayMethods(Settings settings, VmInfoSource *vms, TokenSource *tokens, ProxyMetrics *metrics = nullptr);
    ~GatewayMethods();

    // One XML-RPC call; done is called exactly once, possibly before call() returns
    // (a malformed body) or later (after oned answered).
    void call(const QByteArray &body, Done done);

    // --token-ttl 0: asks oned again, as each token's minter, about every such token's VM and
    // revokes the tokens whose VM left its console states (or whose minter oned no longer
    // accepts). For this the caller's session is kept in this process's memory only, never
    // in the token store, a log or a file; a restarted gateway forgets it, and its tokens
    // then last until revoked. ConsoleGateway calls this every 30 s.
    void recheckStates();
    const Settings &settings() const { return m_settings; }
    qsizetype watchedTokens() const { return m_watched.size(); }

    // Called after a token was revoked, to close its live sessions (--close-on-revoke).
    std::function<void(const QString &token)> onRevoked;
    // For tests: the clock that stamps expiry times.
    std::function<QDateTime()> now = [] { return QDateTime::currentDateTimeUtc(); };

    static QStringList methodNames();
    // xmlrpc-c's fault codes, used for bodies that are not a call.
    static constexpr int kFaultParse = -503;
    static constexpr int kFaultLimit = -509;
    // The addon's (and oned's) error codes.
    static constexpr int kNoExists = 0x0400;
    static constexpr int kAction = 0x0800;
    static constexpr int kApi = 0x1000;
    static constexpr int kAllocate = 0x4000;

    // The fault for a body that was not read (too large, chunked): counted as refused.
    QByteArray refuseBody(const QString &why, int faultCode, const QByteArray &label);

private:
    void mint(const QString &method, const QString &session, int vmId, const Done &done);
    void finishMint(
        const QString &method, const QString &session, int vmId, const VirtualMachine &vm, const Done &done);
    void revoke(const QString &session, const QString &token, const Done &done);
    // vmInfo with the in-flight bound; false (done already called) when refused.
    bool askOned(
        const QString &session, int vmId, const Done &done, std::function<void(const VmInfoSource::Result &)> then);
    QByteArray failure(const QString &message, int code, const QByteArray &label);
    QByteArray success(const QVariant &value);

    Settings m_settings;
    VmInfoSource *m_vms;
    TokenSource *m_tokens;
    ProxyMetrics *m_metrics;
    int m_onedCalls = 0;
    struct Watch
    {
        QString session;
        int vmId = -1;
    };
    QHash<QString, Watch> m_watched; // ttl 0: token → its minter and VM
    qsizetype m_recheckOffset = 0; // where an interrupted recheck goes on
    // Answers still owed when this object dies are dropped: callbacks check it.
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace Porthole
