// SPDX-License-Identifier: GPL-2.0-or-later
#include "demo/DemoVncTokenAddon.h"

#include "base/Logging.h"
#include "base/Redact.h"
#include "demo/DemoParams.h"
#include "demo/DemoVm.h"

#include <QRandomGenerator>

#include <algorithm>

namespace Porthole {

namespace {

// Request error codes, include/Request.h
constexpr int kNoExists = 0x400;
constexpr int kAction = 0x800;

// addon-vnctoken: rand(36**20).to_s(36), so 20 base-36 digits with the leading zeros dropped
// (19 characters one time in 36, fewer still more rarely).
QString randomBase36(int length)
{
    static const char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    QString out;
    out.reserve(length);
    QRandomGenerator *rng = QRandomGenerator::system();
    for (int i = 0; i < length; ++i) {
        const int digit = int(rng->bounded(36));
        if (digit != 0 || !out.isEmpty() || i == length - 1)
            out.append(QLatin1Char(kDigits[digit]));
    }
    return out;
}

DemoCloud::Reply addonFailure(const QString &message, int code)
{
    DemoCloud::Reply r;
    r.value = QVariantList {false, message, code};
    return r;
}

} // namespace

DemoVncTokenAddon::DemoVncTokenAddon(DemoCloud *cloud, QObject *parent)
    : QObject(parent)
    , m_cloud(cloud)
{ }

bool DemoVncTokenAddon::hasMethod(const QString &method)
{
    return method == QLatin1String("one.vm.vnctoken") || method == QLatin1String("one.vm.vnctokenonly")
        || method == QLatin1String("one.vm.vnc");
}

DemoCloud::Reply DemoVncTokenAddon::call(const QString &method, const QVariantList &params)
{
    const DemoParams p(params);
    QString session;
    int id = 0;
    if (auto f = p.stringAt(0, session))
        return *f;
    if (auto f = p.intAt(1, id))
        return *f;

    // The addon reports whatever one.vm.info said, always as NO_EXISTS.
    const DemoCloud::Reply info = m_cloud->call(QStringLiteral("one.vm.info"), QVariantList {session, id});
    const QVariantList envelope = info.value.toList();
    if (!envelope.value(0).toBool())
        return addonFailure(envelope.value(1).toString(), kNoExists);

    // Only RUNNING (3/3) and only VNC (the addon compares type.upcase), as the addon decides.
    const DemoVm vm = *m_cloud->vm(id);
    if (vm.state != 3 || vm.lcmState != 3)
        return addonFailure(
            QStringLiteral("Unsupported VM state! STATE:%1 LCM_STATE:%2").arg(vm.state).arg(vm.lcmState), kAction);
    const QString type = vm.hasGraphics ? vm.graphicsType : QString();
    if (type.isEmpty()) {
        // The real addon calls upcase on the missing TYPE (nil) and Sinatra answers HTTP 500.
        DemoCloud::Reply crash;
        crash.httpStatus = 500;
        return crash;
    }
    if (type.compare(QLatin1String("VNC"), Qt::CaseInsensitive) != 0)
        return addonFailure(QStringLiteral("Graphics type '%1' but 'VNC' expected").arg(type), kNoExists);

    const int port = std::max(vm.graphicsPort, 0);
    // One token per VM, as the addon writes one file per VM for websockify: every request, by
    // anyone, replaces the VM's token, and the one handed out before stops working.
    const QString token = randomBase36(20);
    const QString target = vm.hostname + QLatin1Char(':') + QString::number(port);
    if (const auto old = m_byVm.constFind(id); old != m_byVm.cend())
        m_tokens.remove(old->first);
    m_byVm.insert(id, {token, target});
    m_tokens.insert(token, target);
    qCInfo(lcCloud).noquote() << QStringLiteral("demo cloud: console token %1 for VM %2 -> %3:%4")
                                     .arg(redact(token))
                                     .arg(id)
                                     .arg(vm.hostname)
                                     .arg(port);
    Q_EMIT tokenIssued(token, id, vm.hostname, quint16(port));

    if (method == QLatin1String("one.vm.vnctokenonly"))
        return DemoCloud::Reply::success(token);
    if (method == QLatin1String("one.vm.vnc")) {
        // Ruby's Hash#to_xml in the addon: upper-cased keys, values NOT escaped.
        const QString xml
            = QStringLiteral("<VM><ID>%1</ID><HOST>%2</HOST><TYPE>%3</TYPE><PORT>%4</PORT>"
                             "<LISTEN>%5</LISTEN><PASSWORD>%6</PASSWORD><WSS>%7</WSS><TOKEN>%8</TOKEN></VM>")
                  .arg(QString::number(id), vm.hostname, type, QString::number(port), vm.graphicsListen,
                      vm.graphicsPasswd, m_wss ? QStringLiteral("true") : QStringLiteral("false"), token);
        return DemoCloud::Reply::success(xml);
    }
    QVariantMap data;
    data.insert(QStringLiteral("id"), id);
    data.insert(QStringLiteral("host"), vm.hostname);
    data.insert(QStringLiteral("type"), type);
    data.insert(QStringLiteral("port"), port);
    data.insert(QStringLiteral("listen"), vm.graphicsListen);
    data.insert(QStringLiteral("password"), vm.graphicsPasswd);
    data.insert(QStringLiteral("wss"), m_wss);
    data.insert(QStringLiteral("token"), token);
    return DemoCloud::Reply::success(data);
}

QByteArray DemoVncTokenAddon::tokenFile() const
{
    QByteArray out = QByteArrayLiteral("# console tokens issued by the Porthole demo cloud\n");
    for (const auto &[token, target] : m_byVm)
        out += token.toUtf8() + QByteArrayLiteral(": ") + target.toUtf8() + '\n';
    return out;
}

} // namespace Porthole
