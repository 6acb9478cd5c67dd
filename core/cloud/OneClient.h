// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/MonitoringParser.h"
#include "cloud/OneCall.h"
#include "cloud/OneSettings.h"
#include "cloud/VirtualMachine.h"
#include "cloud/VmActions.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QSslConfiguration>

namespace Porthole {

class XmlRpcReader;
struct OneRequest;

// An OpenNebula session over oned's XML-RPC API. Every method starts the work
// and returns at once; the OneCall (owned by the client) says when it is done.
//
// Results: version() and login() a QString, whoami() a UserInfo, vms() a
// QList<VirtualMachine>, vm() a VirtualMachine, consoleToken() a VncToken.
class OneClient : public QObject
{
    Q_OBJECT
public:
    // The most an answer that is not a streamed VM pool may be (see post()).
    static constexpr qint64 kMaxWholeAnswerBytes = 64LL * 1024 * 1024;

    enum class TokenMethod
    {
        VncToken,
        VncTokenOnly,
        Vnc
    }; // the addon-vnctoken methods

    struct VmQuery
    {
        int filter = -2; // -4 my group, -3 mine, -2 all, -1 mine and my groups, >= 0 that user's
        int state = -1; // -2 any, -1 any but DONE, 0..11 exactly that STATE
        bool extended = false; // one.vmpool.infoextended: full bodies, as one.vm.info gives them
    };

    explicit OneClient(OneSettings settings, QObject *parent = nullptr);

    const OneSettings &settings() const { return m_settings; }
    // The TLS configuration every call uses; fails on an unreadable --ca-file.
    bool prepareTls(QString *error);

    OneCall *version();
    OneCall *whoami();
    OneCall *login(int ttlSeconds);
    // Revokes the login token this session signs in with (oned: one.user.login with lifetime 0).
    OneCall *revokeToken();
    OneCall *vms(const VmQuery &query);
    OneCall *vm(int id);
    // The same as another user: the console gateway asks oned with its caller's session,
    // so oned's own rights decide; the client's own credentials are not used.
    OneCall *vmAs(const QString &session, int id);
    OneCall *consoleToken(int id, TokenMethod method = TokenMethod::VncToken);
    // one.vm.vnctokenrevoke on the vnctoken endpoint (a Porthole console gateway; the addon
    // has no such method). The result is true.
    OneCall *revokeConsoleToken(const QString &token);

    // VM administration (cloud/VmRequests.h has the signatures). Results: vmAction(),
    // snapshotRevert() and snapshotDelete() the VM id oned answers, snapshotCreate() the new
    // snapshot's id, vmDetails() a VmDetails, vmMonitoring() a QList<VmMonitoringRecord> (streamed:
    // at most maxRecords, the newest, are kept).
    OneCall *vmAction(int id, VmAction action);
    OneCall *vmDetails(int id);
    OneCall *vmMonitoring(int id, qsizetype maxRecords = MonitoringParser::kDefaultMaxRecords);
    OneCall *snapshotCreate(int id, const QString &name);
    OneCall *snapshotRevert(int id, int snapshotId);
    OneCall *snapshotDelete(int id, int snapshotId);

    // A plain call with the session prepended; the result is the envelope's value.
    OneCall *call(const QString &method, const QVariantList &arguments);

Q_SIGNALS:
    void tlsWarning(const QString &warning);

private:
    using ResultHandler = std::function<void(const QVariant &result)>;
    void post(OneCall *call, const QUrl &url, const QString &method, const QVariantList &arguments,
        const std::function<void(XmlRpcReader &)> &prepare, ResultHandler onResult);
    void post(OneCall *call, const QUrl &url, const QString &session, const QString &method,
        const QVariantList &arguments, const std::function<void(XmlRpcReader &)> &prepare, ResultHandler onResult);
    OneCall *intCall(const OneRequest &request);
    void fetchVmPage(OneCall *call, const VmQuery &query, int offset, std::shared_ptr<QList<VirtualMachine>> collected);

    OneSettings m_settings;
    QNetworkAccessManager m_network;
    QSslConfiguration m_tls;
};

} // namespace Porthole
