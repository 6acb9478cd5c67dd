// SPDX-License-Identifier: GPL-2.0-or-later
#include "gateway/GatewayMethods.h"

#include "base/Logging.h"
#include "base/Redact.h"
#include "cloud/VirtualMachine.h"
#include "gateway/ConsoleStates.h"
#include "gateway/TokenGenerator.h"
#include "gateway/VmInfoSource.h"
#include "proxy/ProxyMetrics.h"
#include "tokens/TokenSource.h"
#include "xmlrpc/XmlRpcReader.h"
#include "xmlrpc/XmlRpcWriter.h"

#include <QMetaType>

namespace Porthole {

namespace {

const QString kVncToken = QStringLiteral("one.vm.vnctoken");
const QString kVncTokenOnly = QStringLiteral("one.vm.vnctokenonly");
const QString kVnc = QStringLiteral("one.vm.vnc");
const QString kRevoke = QStringLiteral("one.vm.vnctokenrevoke");

bool isInteger(const QVariant &value)
{
    return value.typeId() == QMetaType::Int || value.typeId() == QMetaType::LongLong;
}

} // namespace

GatewayMethods::GatewayMethods(Settings settings, VmInfoSource *vms, TokenSource *tokens, ProxyMetrics *metrics)
    : m_settings(std::move(settings))
    , m_vms(vms)
    , m_tokens(tokens)
    , m_metrics(metrics)
{
    if (m_metrics)
        m_metrics->gateway = true;
}

GatewayMethods::~GatewayMethods()
{
    *m_alive = false;
}

QStringList GatewayMethods::methodNames()
{
    return {kVncToken, kVncTokenOnly, kVnc, kRevoke};
}

QByteArray GatewayMethods::success(const QVariant &value)
{
    return XmlRpcWriter::response(QVariantList {true, value, 0});
}

QByteArray GatewayMethods::failure(const QString &message, int code, const QByteArray &label)
{
    if (m_metrics)
        ++m_metrics->mintsRefused[label];
    return XmlRpcWriter::response(QVariantList {false, message, code});
}

QByteArray GatewayMethods::refuseBody(const QString &why, int faultCode, const QByteArray &label)
{
    if (m_metrics)
        ++m_metrics->mintsRefused[label];
    qCInfo(lcProxy).noquote() << "gateway: refused an XML-RPC call:" << why;
    return XmlRpcWriter::fault(faultCode, why);
}

void GatewayMethods::call(const QByteArray &body, Done done)
{
    const auto reader = XmlRpcReader::parse(XmlRpcReader::Kind::Call, body);
    if (reader->hasError()) {
        // The reader refuses a DOCTYPE (entity expansion) as it does for oned's answers.
        done(
            refuseBody(QStringLiteral("not an XML-RPC call: %1").arg(reader->errorString()), kFaultParse, "malformed"));
        return;
    }
    const QString method = reader->methodName();
    const QVariantList &params = reader->params();
    if (!methodNames().contains(method)) {
        // The addon's own text: Ruby prints the list as ["a", "b"].
        QStringList quoted;
        for (const QString &name : methodNames())
            quoted << QLatin1Char('"') + name + QLatin1Char('"');
        done(failure(QStringLiteral("Unknown method '%1'. Expected [%2]")
                         .arg(method.left(200), quoted.join(QStringLiteral(", "))),
            kApi, "unknown_method"));
        return;
    }
    if (params.size() < 2 || params[0].typeId() != QMetaType::QString
        || (method == kRevoke ? params[1].typeId() != QMetaType::QString : !isInteger(params[1]))) {
        done(failure(
            QStringLiteral("%1 takes (session string, %2)")
                .arg(method, method == kRevoke ? QStringLiteral("token string") : QStringLiteral("VM ID integer")),
            kApi, "bad_parameters"));
        return;
    }
    const QString session = params[0].toString();
    if (method == kRevoke) {
        revoke(session, params[1].toString(), done);
        return;
    }
    const qlonglong id = params[1].toLongLong();
    if (id < 0 || id > std::numeric_limits<int>::max()) {
        done(failure(QStringLiteral("VM ID %1 is out of range").arg(id), kApi, "bad_parameters"));
        return;
    }
    mint(method, session, int(id), done);
}

bool GatewayMethods::askOned(
    const QString &session, int vmId, const Done &done, std::function<void(const VmInfoSource::Result &)> then)
{
    if (m_onedCalls >= m_settings.maxOnedCalls) {
        done(failure(
            QStringLiteral("oned is slow: %1 token requests already wait for its answer; try again").arg(m_onedCalls),
            kNoExists, "oned_busy"));
        return false;
    }
    ++m_onedCalls;
    std::weak_ptr<bool> alive = m_alive;
    m_vms->vmInfo(session, vmId, [this, alive, then = std::move(then)](const VmInfoSource::Result &result) {
        if (alive.expired())
            return;
        --m_onedCalls;
        then(result);
    });
    return true;
}

void GatewayMethods::mint(const QString &method, const QString &session, int vmId, const Done &done)
{
    askOned(session, vmId, done, [this, method, session, vmId, done](const VmInfoSource::Result &result) {
        if (!result.vm) {
            // As the addon: whatever one.vm.info said, as NO_EXISTS.
            done(failure(result.message, kNoExists, result.onedAnswered ? "oned_refused" : "oned_unreachable"));
            return;
        }
        finishMint(method, session, vmId, *result.vm, done);
    });
}

void GatewayMethods::finishMint(
    const QString &method, const QString &session, int vmId, const VirtualMachine &vm, const Done &done)
{
    if (!ConsoleStates::allowsConsole(vm.state, vm.lcmState)) {
        done(failure(QStringLiteral("Unsupported VM state! STATE:%1 LCM_STATE:%2").arg(vm.state).arg(vm.lcmState),
            kAction, "state"));
        return;
    }
    const QString type = vm.graphics ? vm.graphics->type : QString();
    if (type.compare(QLatin1String("VNC"), Qt::CaseInsensitive) != 0) {
        done(failure(QStringLiteral("Graphics type '%1' but 'VNC' expected").arg(type), kNoExists, "graphics"));
        return;
    }
    if (vm.host.isEmpty() || !vm.graphics->hasPort() || vm.graphics->port == 0 || vm.graphics->port > 65535) {
        done(failure(QStringLiteral("VM %1 has no host or VNC port yet").arg(vmId), kAction, "no_target"));
        return;
    }
    TokenGrant grant;
    grant.target = TokenTarget {m_settings.hosts.addressOf(vm.host), quint16(vm.graphics->port)};
    grant.vmId = vmId;
    grant.user = session.section(QLatin1Char(':'), 0, 0);
    if (m_settings.ttlSeconds > 0)
        grant.expiresAt = now().addSecs(m_settings.ttlSeconds);
    grant.oneTime = m_settings.oneTimeTokens;
    const QString token = TokenGenerator::generate();
    QString error;
    if (!m_tokens->issue(token, grant, &error)) {
        done(failure(QStringLiteral("Cannot create VNC proxy token. %1").arg(error), kAllocate, "store"));
        return;
    }
    if (m_metrics)
        ++m_metrics->tokensMinted;
    if (m_settings.ttlSeconds == 0)
        m_watched.insert(token, Watch {session, vmId});
    qCInfo(lcProxy).noquote() << QStringLiteral("gateway: token %1 for VM %2 (user %3) -> %4%5")
                                     .arg(redact(token), QString::number(vmId), grant.user, grant.target.toString(),
                                         grant.expiresAt.isValid()
                                             ? QStringLiteral(", until ") + grant.expiresAt.toString(Qt::ISODate)
                                             : QString());

    if (method == kVncTokenOnly) {
        done(success(token));
        return;
    }
    const bool wss = m_settings.wss;
    if (method == kVnc) {
        // Ruby's Hash#to_xml in the addon: upper-cased keys, values not escaped.
        done(success(
            QStringLiteral("<VM><ID>%1</ID><HOST>%2</HOST><TYPE>%3</TYPE><PORT>%4</PORT>"
                           "<LISTEN>%5</LISTEN><PASSWORD>%6</PASSWORD><WSS>%7</WSS><TOKEN>%8</TOKEN></VM>")
                .arg(QString::number(vmId), vm.host, type, QString::number(vm.graphics->port), vm.graphics->listen,
                    vm.graphics->password, wss ? QStringLiteral("true") : QStringLiteral("false"), token)));
        return;
    }
    // "host" is oned's HOSTNAME, as the addon reports it; the gateway dials the mapped address.
    QVariantMap data;
    data.insert(QStringLiteral("id"), vmId);
    data.insert(QStringLiteral("host"), vm.host);
    data.insert(QStringLiteral("type"), type);
    data.insert(QStringLiteral("port"), vm.graphics->port);
    data.insert(QStringLiteral("listen"), vm.graphics->listen);
    data.insert(QStringLiteral("password"), vm.graphics->password);
    data.insert(QStringLiteral("wss"), wss);
    data.insert(QStringLiteral("token"), token);
    done(success(data));
}

void GatewayMethods::revoke(const QString &session, const QString &token, const Done &done)
{
    TokenGrant grant;
    const TokenLookup found = m_tokens->grantOf(token, &grant);
    if (found.status == TokenLookup::Status::SourceError) {
        done(failure(QStringLiteral("Cannot revoke VNC proxy token. %1").arg(found.reason), kAllocate, "store"));
        return;
    }
    if (!found.found() || grant.vmId < 0) {
        done(failure(QStringLiteral("Unknown token '%1'").arg(redact(token)), kNoExists, "unknown_token"));
        return;
    }
    askOned(session, grant.vmId, done, [this, token, session, done](const VmInfoSource::Result &result) {
        if (!result.vm) {
            done(failure(result.message, kNoExists, result.onedAnswered ? "oned_refused" : "oned_unreachable"));
            return;
        }
        QString error;
        if (!m_tokens->revoke(token, &error)) {
            done(failure(QStringLiteral("Cannot revoke VNC proxy token. %1").arg(error), kAllocate, "store"));
            return;
        }
        if (m_metrics)
            ++m_metrics->tokensRevoked;
        qCInfo(lcProxy).noquote() << QStringLiteral("gateway: token %1 revoked by %2")
                                         .arg(redact(token), session.section(QLatin1Char(':'), 0, 0));
        if (onRevoked)
            onRevoked(token);
        done(success(true));
    });
}

void GatewayMethods::recheckStates()
{
    // One oned call per minter and VM, however many tokens they share.
    QHash<QPair<QString, int>, QStringList> groups;
    for (auto it = m_watched.cbegin(); it != m_watched.cend(); ++it)
        groups[{it->session, it->vmId}].append(it.key());
    const QList<QPair<QString, int>> keys = groups.keys();
    for (qsizetype i = 0; i < keys.size(); ++i) {
        const QPair<QString, int> &key = keys[(m_recheckOffset + i) % keys.size()];
        // Leave room for the token requests of people waiting; the next pass goes on from here.
        if (m_onedCalls >= m_settings.maxOnedCalls / 2) {
            m_recheckOffset = (m_recheckOffset + i) % keys.size();
            return;
        }
        QStringList tokens;
        for (const QString &token : groups.value(key)) {
            TokenGrant grant;
            const TokenLookup found = m_tokens->grantOf(token, &grant);
            if (found.status == TokenLookup::Status::SourceError)
                return;
            if (!found.found() || grant.revoked)
                m_watched.remove(token);
            else
                tokens.append(token);
        }
        if (tokens.isEmpty())
            continue;
        const int vmId = key.second;
        askOned(
            key.first, vmId, [](const QByteArray &) {},
            [this, tokens, vmId](const VmInfoSource::Result &result) {
                QString why;
                if (!result.vm && result.onedAnswered)
                    why = QStringLiteral("oned no longer accepts its minter: %1").arg(result.message);
                else if (result.vm && !ConsoleStates::allowsConsole(result.vm->state, result.vm->lcmState))
                    why = QStringLiteral("VM %1 left its console states (%2)")
                              .arg(vmId)
                              .arg(result.vm->longStateName());
                if (why.isEmpty())
                    return; // still good, or oned did not answer this time: ask again later
                for (const QString &token : tokens) {
                    if (!m_watched.remove(token))
                        continue;
                    QString error;
                    if (!m_tokens->revoke(token, &error)) {
                        qCWarning(lcProxy).noquote() << "gateway: could not end token" << redact(token) << ":" << error;
                        continue;
                    }
                    if (m_metrics)
                        ++m_metrics->tokensRevoked;
                    qCInfo(lcProxy).noquote() << QStringLiteral("gateway: token %1 ended: %2").arg(redact(token), why);
                    if (onRevoked)
                        onRevoked(token);
                }
            });
    }
    m_recheckOffset = 0;
}

} // namespace Porthole
