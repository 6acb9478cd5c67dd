// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/OneClient.h"

#include "base/CaFile.h"
#include "base/Logging.h"
#include "base/Redact.h"
#include "cloud/UserInfo.h"
#include "cloud/VirtualMachine.h"
#include "cloud/VmDetails.h"
#include "cloud/VmPoolParser.h"
#include "cloud/VmRequests.h"
#include "cloud/VncToken.h"
#include "xmlrpc/XmlRpcExchange.h"
#include "xmlrpc/XmlRpcWriter.h"

#include <QSet>
#include <QSslCertificate>

namespace Porthole {
namespace {

QString typeName(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::QString:
        return QStringLiteral("a string");
    case QMetaType::Int:
    case QMetaType::LongLong:
        return QStringLiteral("an integer");
    case QMetaType::Bool:
        return QStringLiteral("a boolean");
    case QMetaType::Double:
        return QStringLiteral("a double");
    case QMetaType::QVariantList:
        return QStringLiteral("an array");
    case QMetaType::QVariantMap:
        return QStringLiteral("a struct");
    case QMetaType::QByteArray:
        return QStringLiteral("base64 data");
    default:
        return QStringLiteral("nil");
    }
}

OneError unexpected(const QString &method, const QString &what)
{
    return OneError(OneError::Kind::BadResponse,
        QStringLiteral("oned's answer to %1 could not be understood: %2").arg(method, what));
}

// oned documents travel as strings; anything else means we are not talking to oned.
bool expectString(OneCall *call, const QString &method, const QVariant &result)
{
    if (result.typeId() == QMetaType::QString)
        return true;
    call->fail(unexpected(method, QStringLiteral("it returned %1 where a string was expected").arg(typeName(result))));
    return false;
}

bool expectInt(OneCall *call, const QString &method, const QVariant &result)
{
    if (result.typeId() == QMetaType::Int || result.typeId() == QMetaType::LongLong)
        return true;
    call->fail(
        unexpected(method, QStringLiteral("it returned %1 where an integer was expected").arg(typeName(result))));
    return false;
}

} // namespace

OneClient::OneClient(OneSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_tls(QSslConfiguration::defaultConfiguration())
{ }

bool OneClient::prepareTls(QString *error)
{
    if (m_settings.caFile.isEmpty())
        return true;
    const QList<QSslCertificate> certificates = CaFile::load(m_settings.caFile, error);
    if (certificates.isEmpty())
        return false;
    m_tls.addCaCertificates(certificates); // in addition to the system's CAs
    return true;
}

void OneClient::post(OneCall *call, const QUrl &url, const QString &method, const QVariantList &arguments,
    const std::function<void(XmlRpcReader &)> &prepare, ResultHandler onResult)
{
    post(call, url, m_settings.session(), method, arguments, prepare, std::move(onResult));
}

void OneClient::post(OneCall *call, const QUrl &url, const QString &session, const QString &method,
    const QVariantList &arguments, const std::function<void(XmlRpcReader &)> &prepare, ResultHandler onResult)
{
    XmlRpcExchange::Options options;
    // Only VM pools stream their result string into a parser (prepare); any other answer is
    // read whole into memory, several bytes of it per byte received, so it gets less room.
    if (!prepare)
        options.maxResponseBytes = kMaxWholeAnswerBytes;
    options.timeoutMs = m_settings.timeoutMs;
    options.tls = m_tls;
    options.pin = m_settings.pin;
    options.insecure = m_settings.insecure;
    // one.vm.vnctoken, one.vm.vnctokenonly, one.vm.vnc: the addon's own server, not oned.
    const bool addon = method.startsWith(u"one.vm.vnc");
    if (addon) {
        options.refusedAdvice = QStringLiteral("Is addon-vnctoken running there, and is the vnctoken endpoint right? "
                                               "It defaults to the oned host, port 2644.");
        options.refusedRemedies = Remedy::VnctokenEndpoint;
    }

    qCDebug(lcCloud).noquote() << "calling" << method << "at" << url.toDisplayString(QUrl::RemoveUserInfo) << "as"
                               << redactSession(session);
    const QByteArray body = XmlRpcWriter::methodCall(method, QVariantList {session} + arguments);
    auto *exchange = new XmlRpcExchange(&m_network, url, method, body, options, call);
    if (prepare)
        prepare(exchange->reader());
    connect(exchange, &XmlRpcExchange::tlsWarning, this, &OneClient::tlsWarning);
    call->onCancel = [exchange] { exchange->abort(); };
    // oned echoes what it could not use ("Could not find token: …"): never a secret we sent.
    auto withoutSecret = [secret = m_settings.secret](QString text) {
        if (!secret.isEmpty())
            text.replace(secret, QStringLiteral("[redacted]"));
        return text;
    };
    connect(exchange, &XmlRpcExchange::finished, call,
        [call, exchange, method, withoutSecret, addon, where = url.toDisplayString(QUrl::RemoveUserInfo),
            onResult = std::move(onResult)] {
            exchange->deleteLater();
            if (exchange->error().isError()) {
                call->fail(exchange->error());
                return;
            }
            const XmlRpcReader &reader = exchange->reader();
            if (reader.isFault()) {
                call->fail(OneError(OneError::Kind::Fault,
                    QStringLiteral("oned rejected the call %1: XML-RPC fault %2, \"%3\"")
                        .arg(method)
                        .arg(reader.faultCode())
                        .arg(withoutSecret(reader.faultString())),
                    reader.faultCode()));
                return;
            }
            // oned answers [true, result, 0] or [false, "[method] message", code, resp_id(, i8)].
            const QVariantList envelope = reader.value().toList();
            if (reader.value().typeId() != QMetaType::QVariantList || envelope.isEmpty()
                || envelope[0].typeId() != QMetaType::Bool) {
                call->fail(unexpected(method,
                    QStringLiteral("it is %1, not oned's [success, result, …] array").arg(typeName(reader.value()))));
                return;
            }
            if (envelope[0].toBool()) {
                if (envelope.size() < 2) {
                    call->fail(unexpected(method, QStringLiteral("the success array holds no result")));
                    return;
                }
                onResult(envelope[1]);
                return;
            }
            if (envelope.size() < 3 || envelope[1].typeId() != QMetaType::QString
                || (envelope[2].typeId() != QMetaType::Int && envelope[2].typeId() != QMetaType::LongLong)) {
                call->fail(unexpected(method, QStringLiteral("the failure array lacks a message or an error code")));
                return;
            }
            const QString message = withoutSecret(envelope[1].toString());
            call->fail(addon ? OneError::fromAddon(envelope[2].toInt(), message, where)
                             : OneError::fromOned(envelope[2].toInt(), message));
        });
    exchange->start();
}

OneCall *OneClient::call(const QString &method, const QVariantList &arguments)
{
    auto *call = new OneCall(this);
    post(call, m_settings.endpoint, method, arguments, nullptr,
        [call](const QVariant &result) { call->succeed(result); });
    return call;
}

OneCall *OneClient::version()
{
    auto *call = new OneCall(this);
    const QString method = QStringLiteral("one.system.version");
    post(call, m_settings.endpoint, method, {}, nullptr, [call, method](const QVariant &result) {
        if (expectString(call, method, result))
            call->succeed(result);
    });
    return call;
}

OneCall *OneClient::whoami()
{
    auto *call = new OneCall(this);
    const QString method = QStringLiteral("one.user.info");
    post(call, m_settings.endpoint, method, {-1}, nullptr, [call, method](const QVariant &result) {
        if (!expectString(call, method, result))
            return;
        QString error;
        if (const auto user = UserInfo::parse(result.toString(), &error))
            call->succeed(QVariant::fromValue(*user));
        else
            call->fail(unexpected(method, QStringLiteral("the USER document is malformed: %1").arg(error)));
    });
    return call;
}

OneCall *OneClient::login(int ttlSeconds)
{
    auto *call = new OneCall(this);
    const QString method = QStringLiteral("one.user.login");
    // An empty token asks oned to generate one; -1: keep the user's effective group.
    post(call, m_settings.endpoint, method, {m_settings.user, QString(), ttlSeconds, -1}, nullptr,
        [call, method](const QVariant &result) {
            if (expectString(call, method, result))
                call->succeed(result);
        });
    return call;
}

OneCall *OneClient::revokeToken()
{
    auto *call = new OneCall(this);
    post(call, m_settings.endpoint, QStringLiteral("one.user.login"), {m_settings.user, m_settings.secret, 0, -1},
        nullptr, [call](const QVariant &result) { call->succeed(result); });
    return call;
}

OneCall *OneClient::vm(int id)
{
    return vmAs(m_settings.session(), id);
}

OneCall *OneClient::vmAs(const QString &session, int id)
{
    auto *call = new OneCall(this);
    const QString method = QStringLiteral("one.vm.info");
    post(call, m_settings.endpoint, session, method, {id, false}, nullptr, [call, method](const QVariant &result) {
        if (!expectString(call, method, result))
            return;
        QString error;
        const auto vms = VmPoolParser::parse(result.toString(), &error);
        if (!vms || vms->size() != 1)
            call->fail(unexpected(method, QStringLiteral("the VM document is malformed: %1").arg(error)));
        else
            call->succeed(QVariant::fromValue(vms->first()));
    });
    return call;
}

OneCall *OneClient::vms(const VmQuery &query)
{
    auto *call = new OneCall(this);
    fetchVmPage(call, query, 0, std::make_shared<QList<VirtualMachine>>());
    return call;
}

void OneClient::fetchVmPage(
    OneCall *call, const VmQuery &query, int offset, std::shared_ptr<QList<VirtualMachine>> collected)
{
    // oned pages when end < -1: LIMIT |end| OFFSET start. A short page is the last one.
    const QString method
        = query.extended ? QStringLiteral("one.vmpool.infoextended") : QStringLiteral("one.vmpool.info");
    const int pageSize = m_settings.pageSize;
    auto parser = std::make_shared<VmPoolParser>();
    parser->setMaxVms(pageSize);
    post(
        call, m_settings.endpoint, method, {query.filter, offset, -pageSize, query.state},
        [parser](XmlRpcReader &reader) {
            reader.streamResultArrayString(1, [parser](QStringView chunk) { parser->addData(chunk); });
        },
        [this, call, query, offset, collected, parser, method, pageSize](const QVariant &result) {
            if (!expectString(call, method, result))
                return;
            if (!parser->finish()) {
                call->fail(unexpected(
                    method, QStringLiteral("the VM_POOL document is malformed: %1").arg(parser->errorString())));
                return;
            }
            const QList<VirtualMachine> page = parser->takeVms();
            // A VM created between two pages shifts the offsets: never list one twice.
            QSet<int> seen;
            for (const VirtualMachine &vm : std::as_const(*collected))
                seen.insert(vm.id);
            const qsizetype before = collected->size();
            for (const VirtualMachine &vm : page) {
                if (!seen.contains(vm.id))
                    collected->append(vm);
            }
            Q_EMIT call->progress(QStringLiteral("%1 VMs").arg(collected->size()));
            // A short page ends the pool; so does a page with nothing new, which would
            // otherwise be asked for forever (a longer page is refused by the parser).
            if (page.size() < pageSize || collected->size() == before)
                call->succeed(QVariant::fromValue(*collected));
            else
                fetchVmPage(call, query, offset + pageSize, collected);
        });
}

OneCall *OneClient::consoleToken(int id, TokenMethod tokenMethod)
{
    auto *call = new OneCall(this);
    const QString method = tokenMethod == TokenMethod::VncToken ? QStringLiteral("one.vm.vnctoken")
        : tokenMethod == TokenMethod::VncTokenOnly              ? QStringLiteral("one.vm.vnctokenonly")
                                                                : QStringLiteral("one.vm.vnc");
    post(call, m_settings.effectiveVnctokenEndpoint(), method, {id}, nullptr,
        [call, method, tokenMethod, id](const QVariant &result) {
            QString error;
            std::optional<VncToken> token;
            if (tokenMethod == TokenMethod::VncToken) {
                if (result.typeId() != QMetaType::QVariantMap) {
                    call->fail(unexpected(
                        method, QStringLiteral("it returned %1 where a struct was expected").arg(typeName(result))));
                    return;
                }
                token = VncToken::fromStruct(result.toMap(), &error);
            } else if (!expectString(call, method, result)) {
                return;
            } else if (tokenMethod == TokenMethod::VncTokenOnly) {
                token = VncToken::fromTokenOnly(id, result.toString());
            } else {
                token = VncToken::fromVncXml(result.toString(), &error);
            }
            if (!token)
                call->fail(unexpected(method, error));
            else
                call->succeed(QVariant::fromValue(*token));
        });
    return call;
}

OneCall *OneClient::revokeConsoleToken(const QString &token)
{
    auto *call = new OneCall(this);
    post(call, m_settings.effectiveVnctokenEndpoint(), QStringLiteral("one.vm.vnctokenrevoke"), {token}, nullptr,
        [call](const QVariant &result) { call->succeed(result); });
    return call;
}

OneCall *OneClient::intCall(const OneRequest &request)
{
    auto *call = new OneCall(this);
    post(call, m_settings.endpoint, request.method, request.params, nullptr,
        [call, method = request.method](const QVariant &result) {
            if (expectInt(call, method, result))
                call->succeed(result.toInt());
        });
    return call;
}

OneCall *OneClient::vmAction(int id, VmAction action)
{
    return intCall(VmRequests::action(id, action));
}

OneCall *OneClient::snapshotCreate(int id, const QString &name)
{
    return intCall(VmRequests::snapshotCreate(id, name));
}

OneCall *OneClient::snapshotRevert(int id, int snapshotId)
{
    return intCall(VmRequests::snapshotRevert(id, snapshotId));
}

OneCall *OneClient::snapshotDelete(int id, int snapshotId)
{
    return intCall(VmRequests::snapshotDelete(id, snapshotId));
}

OneCall *OneClient::vmDetails(int id)
{
    auto *call = new OneCall(this);
    const OneRequest request = VmRequests::info(id);
    post(call, m_settings.endpoint, request.method, request.params, nullptr,
        [call, method = request.method](const QVariant &result) {
            if (!expectString(call, method, result))
                return;
            QString error;
            if (const auto details = VmDetails::parse(result.toString(), &error))
                call->succeed(QVariant::fromValue(*details));
            else
                call->fail(unexpected(method, QStringLiteral("the VM document is malformed: %1").arg(error)));
        });
    return call;
}

OneCall *OneClient::vmMonitoring(int id, qsizetype maxRecords)
{
    auto *call = new OneCall(this);
    const OneRequest request = VmRequests::monitoring(id);
    // Streamed into the parser as it arrives: the whole answer is never held.
    auto parser = std::make_shared<MonitoringParser>(maxRecords);
    post(
        call, m_settings.endpoint, request.method, request.params,
        [parser](XmlRpcReader &reader) {
            reader.streamResultArrayString(1, [parser](QStringView chunk) { parser->addData(chunk); });
        },
        [call, parser, method = request.method](const QVariant &result) {
            if (!expectString(call, method, result))
                return;
            if (!parser->finish()) {
                call->fail(unexpected(method,
                    QStringLiteral("the MONITORING_DATA document is malformed: %1").arg(parser->errorString())));
                return;
            }
            call->succeed(QVariant::fromValue(parser->records()));
        });
    return call;
}

} // namespace Porthole
