// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "demo/DemoCloud.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QString>
#include <QVariantList>

#include <utility>

namespace Porthole {

// StorPool's addon-vnctoken as the demo cloud serves it: a Sinatra app next to
// oned whose methods (one.vm.vnctoken, one.vm.vnctokenonly, one.vm.vnc) ask oned
// for the VM with the caller's session (one.vm.info), accept only a RUNNING VM
// with VNC graphics, and hand out a console token for the VM's host:port, kept
// here the way the addon writes them for websockify. Answers are [true, data, 0]
// or the addon's own 3-element [false, message, code].
class DemoVncTokenAddon : public QObject
{
    Q_OBJECT

public:
    // cloud: the oned the addon asks (not owned, outlives the addon).
    explicit DemoVncTokenAddon(DemoCloud *cloud, QObject *parent = nullptr);

    static bool hasMethod(const QString &method);
    DemoCloud::Reply call(const QString &method, const QVariantList &params);

    // The "wss" member (vnc_proxy_support_wss in the addon's configuration).
    void setWss(bool wss) { m_wss = wss; }

    // The tokens that work now, one per VM (the newest): token → "host:port", the websockify
    // token-file grammar's right-hand side.
    QHash<QString, QString> tokens() const { return m_tokens; }
    QString target(const QString &token) const { return m_tokens.value(token); }
    // The same by VM ID in websockify's token-file grammar ("token: host:port" lines).
    QByteArray tokenFile() const;

Q_SIGNALS:
    void tokenIssued(const QString &token, int vmId, const QString &host, quint16 port);

private:
    DemoCloud *m_cloud;
    bool m_wss = false;
    QHash<QString, QString> m_tokens;
    QMap<int, std::pair<QString, QString>> m_byVm; // VM ID → its token and "host:port"
};

} // namespace Porthole
