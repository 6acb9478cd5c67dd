// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QVariant>

#include <functional>
#include <memory>
#include <optional>

namespace Porthole {

class DemoDataSet;
struct DemoVm;

// The method logic of the embedded OpenNebula-compatible demo cloud, separate
// from HTTP (DemoCloudServer carries it) and from its data (DemoDataSet). It
// answers like oned 6.10.5 (and its VM administration methods like oned 7.4, DemoVmAdmin): the same envelopes ([true,
// result, 0] / [false,
// "[method] message", code, resp_id, i8 -1]), the same error codes and message
// texts, the same pool filter and paging semantics, and VM documents shaped like
// oned's. The addon-vnctoken methods (one.vm.vnctoken, one.vm.vnctokenonly,
// one.vm.vnc) go to DemoVncTokenAddon, which answers like StorPool's
// addon-vnctoken server does.
class DemoCloud : public QObject
{
    Q_OBJECT

public:
    // What a method call produced: an XML-RPC <fault> or a response value.
    struct Reply
    {
        bool isFault = false;
        int faultCode = 0;
        QString faultString;
        QVariant value;
        int httpStatus = 0; // not 0: no XML-RPC answer, this HTTP error (the addon's crash)

        // The success envelope [true, result, 0], oned's and the addon's alike.
        static Reply success(const QVariant &result);
    };

    // Seconds since the epoch; tests install their own to expire login tokens.
    using Clock = std::function<qint64()>;

    explicit DemoCloud(QObject *parent = nullptr);
    ~DemoCloud() override;

    // params as XmlRpcReader delivers them: int, qlonglong, QString, bool, double ...
    Reply call(const QString &method, const QVariantList &params);
    bool hasMethod(const QString &method) const;

    QString version() const;
    void setVersion(const QString &version);

    // The administrator account the demo is meant to be used with.
    static QString demoUser();
    static QString demoPassword();
    // A second, unprivileged account that only sees its own VM.
    static QString demoSecondUser();
    static QString demoSecondPassword();
    // A third account in alice's group that may USE alice's VM 9 but not MANAGE it: its power
    // actions and snapshots are refused with oned's "Not authorized to perform MANAGE VM [9]".
    static QString demoReadOnlyUser();
    static QString demoReadOnlyPassword();

    void setClock(Clock clock);
    qint64 now() const;

    // The accounts and VMs the cloud answers about.
    const DemoDataSet &dataSet() const;
    // n more VMs after the built-in ones (for benchmarks and `serve-demo --vms N`).
    void setExtraVms(int n);
    int extraVms() const;
    int vmCount() const;

    // How long each transient LCM state of an accepted action lasts (DemoVmAdmin).
    void setStepMs(int ms);

    // Points a VM's console (history HOSTNAME and GRAPHICS PORT) at a real
    // VNC server, e.g. an in-process demo desktop. False for an unknown VM or
    // one without GRAPHICS.
    bool setConsoleTarget(int vmId, const QString &host, quint16 port);
    // The built-in VMs whose VNC console can be opened (RUNNING with VNC graphics).
    QList<int> consoleVmIds() const;
    // A copy of one VM, e.g. for a demo VNC desktop that needs the VM's GRAPHICS PASSWD.
    std::optional<DemoVm> vm(int vmId) const;

    // The addon's "wss" member (vnc_proxy_support_wss in its configuration).
    void setVncProxyWss(bool wss);

    // Console tokens issued so far by the addon methods: token → "host:port",
    // the websockify token-file grammar's right-hand side.
    QHash<QString, QString> consoleTokens() const;
    QString consoleTarget(const QString &token) const;
    // The same, oldest first, in websockify's token-file grammar ("token: host:port" lines).
    QByteArray consoleTokenFile() const;

Q_SIGNALS:
    void consoleTokenIssued(const QString &token, int vmId, const QString &host, quint16 port);
    // An action moved a VM to another (STATE, LCM_STATE).
    void vmStateChanged(int vmId, int state, int lcmState);
    // reboot: the guest restarts while oned keeps the VM RUNNING.
    void vmRebooted(int vmId);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Porthole
