// SPDX-License-Identifier: GPL-2.0-or-later
#include "demo/DemoCloud.h"

#include "base/Logging.h"
#include "base/Redact.h"
#include "demo/DemoDataSet.h"
#include "demo/DemoParams.h"
#include "demo/DemoVm.h"
#include "demo/DemoVmAdmin.h"
#include "demo/DemoVmXml.h"
#include "demo/DemoVncTokenAddon.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>
#include <QVersionNumber>
#include <QXmlStreamWriter>

#include <algorithm>
#include <vector>

namespace Porthole {

namespace {

// Request error codes, include/Request.h
constexpr int kAuthentication = 0x100;
constexpr int kAuthorization = 0x200;
constexpr int kNoExists = 0x400;
constexpr int kXmlRpcApi = 0x1000;
constexpr int kInternal = 0x2000;

// xmlrpc-c's fault code for an unknown method
constexpr int kFaultNoSuchMethod = -506;

constexpr int kStateDone = 6;
constexpr int kStateMax = 11; // CLONING_FAILURE

const QString kOneVmInfo = QStringLiteral("one.vm.info");

// oned's failure_response: the fifth element is xmlrpc-c's <i8>.
DemoCloud::Reply failure(const QString &method, const QString &message, int code, int respId = -1)
{
    DemoCloud::Reply r;
    r.value = QVariantList {false, QStringLiteral("[%1] %2").arg(method, message), code, respId, qlonglong(-1)};
    return r;
}

QString sha256Hex(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator *rng = QRandomGenerator::system();
    for (char &c : raw)
        c = char(rng->bounded(256));
    return QString::fromLatin1(raw.toHex());
}

} // namespace

struct DemoCloud::Private
{
    using User = DemoDataSet::User;
    using LoginToken = DemoDataSet::LoginToken;

    QString version = QStringLiteral("6.10.5");
    Clock clock = [] { return QDateTime::currentSecsSinceEpoch(); };
    DemoDataSet data;
    std::unique_ptr<DemoVncTokenAddon> addon;
    std::unique_ptr<DemoVmAdmin> admin;

    static bool isAdmin(const User &u) { return u.gid == 0; }
    static bool mayUse(const User &u, const DemoVm &vm)
    {
        return isAdmin(u) || vm.uid == u.id || (vm.groupUse && vm.gid == u.gid);
    }

    // "user:secret", split at the first colon; the secret is the password or a live login token.
    User *authenticate(const QString &session)
    {
        const qsizetype colon = session.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            return nullptr;
        User *u = data.userByName(session.left(colon));
        if (!u)
            return nullptr;
        const QString secret = session.mid(colon + 1);
        if (secret.isEmpty())
            return nullptr;
        if (secret == u->password)
            return u;
        const qint64 t = clock();
        for (const LoginToken &tok : u->tokens)
            if (tok.token == secret && (tok.expiration == -1 || t < tok.expiration))
                return u;
        return nullptr;
    }

    void purgeExpired(User &u)
    {
        const qint64 t = clock();
        u.tokens.removeIf([t](const LoginToken &tok) { return tok.expiration != -1 && t >= tok.expiration; });
    }

    QString userDocument(User &u);

    Reply systemVersion(const DemoParams &p, User &caller);
    Reply userInfo(const DemoParams &p, User &caller);
    Reply userLogin(const DemoParams &p, User &caller);
    Reply vmpoolInfo(const QString &method, const DemoParams &p, User &caller, bool extended);
    Reply vmInfo(const DemoParams &p, User &caller);
};

QString DemoCloud::Private::userDocument(User &u)
{
    purgeExpired(u);
    QString out;
    QXmlStreamWriter w(&out);
    auto text = [&w](const QString &name, const QString &value) {
        w.writeStartElement(name);
        w.writeCharacters(value);
        w.writeEndElement();
    };
    auto cdata = [&w](const QString &name, const QString &value) {
        w.writeStartElement(name);
        w.writeCDATA(value);
        w.writeEndElement();
    };
    auto quotas = [&text] {
        text(QStringLiteral("DATASTORE_QUOTA"), QString());
        text(QStringLiteral("NETWORK_QUOTA"), QString());
        text(QStringLiteral("VM_QUOTA"), QString());
        text(QStringLiteral("IMAGE_QUOTA"), QString());
    };
    w.writeStartElement(QStringLiteral("USER"));
    text(QStringLiteral("ID"), QString::number(u.id));
    text(QStringLiteral("GID"), QString::number(u.gid));
    w.writeStartElement(QStringLiteral("GROUPS"));
    text(QStringLiteral("ID"), QString::number(u.gid));
    w.writeEndElement();
    text(QStringLiteral("GNAME"), u.gname);
    text(QStringLiteral("NAME"), u.name);
    cdata(QStringLiteral("PASSWORD"), sha256Hex(u.password));
    cdata(QStringLiteral("AUTH_DRIVER"), QStringLiteral("core"));
    text(QStringLiteral("ENABLED"), QStringLiteral("1"));
    for (const LoginToken &tok : std::as_const(u.tokens)) {
        w.writeStartElement(QStringLiteral("LOGIN_TOKEN"));
        text(QStringLiteral("TOKEN"), tok.token);
        text(QStringLiteral("EXPIRATION_TIME"), QString::number(tok.expiration));
        text(QStringLiteral("EGID"), QString::number(tok.egid));
        w.writeEndElement();
    }
    w.writeStartElement(QStringLiteral("TEMPLATE"));
    cdata(QStringLiteral("TOKEN_PASSWORD"), sha256Hex(QStringLiteral("token-password:") + u.name));
    w.writeEndElement();
    quotas();
    w.writeStartElement(QStringLiteral("DEFAULT_USER_QUOTAS"));
    quotas();
    w.writeEndElement();
    w.writeEndElement();
    return out;
}

DemoCloud::Reply DemoCloud::Private::systemVersion(const DemoParams &, User &)
{
    return Reply::success(version);
}

DemoCloud::Reply DemoCloud::Private::userInfo(const DemoParams &p, User &caller)
{
    const QString method = QStringLiteral("one.user.info");
    int id = 0;
    if (auto f = p.infoId(id))
        return *f;
    // -1 is "myself", which is how `oneuser show` without an id asks.
    if (id == -1)
        id = caller.id;
    User *u = data.userById(id);
    if (!u)
        return failure(method, QStringLiteral("Error getting user [%1].").arg(id), kNoExists, id);
    if (!isAdmin(caller) && u->id != caller.id)
        return failure(method,
            QStringLiteral("User [%1] : Not authorized to perform USE USER [%2].").arg(caller.id).arg(id),
            kAuthorization);
    return Reply::success(userDocument(*u));
}

DemoCloud::Reply DemoCloud::Private::userLogin(const DemoParams &p, User &caller)
{
    const QString method = QStringLiteral("one.user.login");
    QString uname;
    QString token;
    int valid = 0;
    int egid = -1;
    if (auto f = p.stringAt(1, uname))
        return *f;
    if (auto f = p.stringAt(2, token))
        return *f;
    if (auto f = p.intAt(3, valid))
        return *f;
    if (p.size() > 4) {
        if (auto f = p.intAt(4, egid))
            return *f;
    }
    User *u = data.userByName(uname);
    if (!u)
        return failure(method, QStringLiteral("Error getting user [%1].").arg(uname), kNoExists);
    if (!isAdmin(caller) && u->id != caller.id)
        return failure(method,
            QStringLiteral("User [%1] : Not authorized to perform MANAGE USER [%2].").arg(caller.id).arg(u->id),
            kAuthorization);
    purgeExpired(*u);

    if (valid == 0 && token.isEmpty()) {
        // oned: valid 0 with an empty token resets every login token of the user, answering "".
        u->tokens.clear();
        qCDebug(lcCloud) << "demo cloud: revoked every login token of" << u->name;
        return Reply::success(QString());
    }
    if (valid == 0) {
        // valid 0 revokes the given token
        const qsizetype removed = u->tokens.removeIf([&token](const LoginToken &t) { return t.token == token; });
        if (removed == 0)
            return failure(method, QStringLiteral("Could not find token: %1").arg(token), kXmlRpcApi);
        qCDebug(lcCloud) << "demo cloud: revoked login token" << redact(token) << "of" << u->name;
        return Reply::success(token);
    }
    if (valid < -1)
        return failure(method, QStringLiteral("Wrong valid period for token"), kXmlRpcApi);

    // An empty token asks oned to make one (64 hex digits); valid -1 never expires.
    if (token.isEmpty())
        token = randomHex(32);
    const qint64 expiration = valid == -1 ? -1 : clock() + valid;
    auto existing
        = std::find_if(u->tokens.begin(), u->tokens.end(), [&token](const LoginToken &t) { return t.token == token; });
    if (existing != u->tokens.end()) {
        existing->expiration = expiration;
        existing->egid = egid;
    } else {
        u->tokens.append(LoginToken {token, expiration, egid});
    }
    qCDebug(lcCloud) << "demo cloud: issued login token" << redact(token) << "for" << u->name << "valid" << valid
                     << "s";
    return Reply::success(token);
}

DemoCloud::Reply DemoCloud::Private::vmpoolInfo(const QString &method, const DemoParams &p, User &caller, bool extended)
{
    int filter = 0;
    int start = 0;
    int end = 0;
    int state = 0;
    // xmlrpc-c reads every parameter before oned looks at any of them.
    if (auto f = p.intAt(1, filter))
        return *f;
    if (auto f = p.intAt(2, start))
        return *f;
    if (auto f = p.intAt(3, end))
        return *f;
    if (auto f = p.intAt(4, state))
        return *f;
    if (p.size() > 5) {
        QString query;
        if (auto f = p.stringAt(5, query))
            return *f;
        if (!query.isEmpty())
            return failure(method, QStringLiteral("JSON query search is not supported by the SQL backend"), kInternal);
    }
    // RequestManagerPoolInfoFilter's order: search query, then state, then filter flag.
    if (state < -2 || state > kStateMax)
        return failure(method, QStringLiteral("Incorrect filter_flag, state"), kXmlRpcApi);
    if (filter < -4)
        return failure(method, QStringLiteral("Incorrect filter_flag"), kXmlRpcApi);

    const bool admin = isAdmin(caller);
    // PoolSQL::oid_filter: an id range only when end_id >= -1; below that it is a LIMIT.
    const bool idRange = end >= -1 && start != -1;
    const int limit = end < -1 ? -end : -1;
    // sqlite's "LIMIT start, |end|"; a negative offset counts as none.
    qint64 offset = end < -1 ? std::max(start, 0) : 0;

    std::vector<const DemoVm *> selected;
    for (auto it = data.vms().crbegin(); it != data.vms().crend(); ++it) { // API_LIST_ORDER DESC
        const DemoVm &vm = *it;
        if (!admin && !mayUse(caller, vm))
            continue; // only what the caller may USE
        bool match = false;
        switch (filter) {
        case -4:
            match = vm.gid == caller.gid;
            break;
        case -3:
            match = vm.uid == caller.id;
            break;
        case -2:
            match = true;
            break;
        case -1:
            match = vm.uid == caller.id || vm.gid == caller.gid;
            break;
        default:
            match = vm.uid == filter;
            break;
        }
        if (!match)
            continue;
        if (idRange && (vm.id < start || (end != -1 && vm.id > end)))
            continue;
        if (state == -1 ? vm.state == kStateDone : (state >= 0 && vm.state != state))
            continue;
        if (offset > 0) {
            --offset;
            continue;
        }
        selected.push_back(&vm);
        if (limit > 0 && int(selected.size()) >= limit)
            break;
    }
    return Reply::success(DemoVmXml::poolDocument(selected, extended));
}

DemoCloud::Reply DemoCloud::Private::vmInfo(const DemoParams &p, User &caller)
{
    int id = 0;
    if (auto f = p.infoId(id))
        return *f;
    // oned looks the object up before it checks rights, so an unknown id is
    // NO_EXISTS for everyone; -1 names "the pool", hence oned's odd message.
    if (id == -1)
        return failure(kOneVmInfo, QStringLiteral("Error getting virtual machine Pool."), kNoExists);
    const DemoVm *vm = data.vmById(id);
    if (!vm)
        return failure(kOneVmInfo, QStringLiteral("Error getting virtual machine [%1].").arg(id), kNoExists, id);
    if (!mayUse(caller, *vm))
        return failure(kOneVmInfo,
            QStringLiteral("User [%1] : Not authorized to perform USE VM [%2].").arg(caller.id).arg(id),
            kAuthorization);
    return Reply::success(DemoVmXml::fullDocument(*vm));
}

DemoCloud::Reply DemoCloud::Reply::success(const QVariant &result)
{
    Reply r;
    r.value = QVariantList {true, result, 0};
    return r;
}

DemoCloud::DemoCloud(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    d->addon = std::make_unique<DemoVncTokenAddon>(this);
    connect(d->addon.get(), &DemoVncTokenAddon::tokenIssued, this, &DemoCloud::consoleTokenIssued);
    d->admin = std::make_unique<DemoVmAdmin>(d->data, [this] { return d->clock(); });
    connect(d->admin.get(), &DemoVmAdmin::vmStateChanged, this, &DemoCloud::vmStateChanged);
    connect(d->admin.get(), &DemoVmAdmin::vmRebooted, this, &DemoCloud::vmRebooted);
}

DemoCloud::~DemoCloud() = default;

bool DemoCloud::hasMethod(const QString &method) const
{
    static const QStringList kMethods = {
        QStringLiteral("one.system.version"),
        QStringLiteral("one.user.info"),
        QStringLiteral("one.user.login"),
        QStringLiteral("one.vmpool.info"),
        QStringLiteral("one.vmpool.infoextended"),
        QStringLiteral("one.vm.info"),
    };
    return kMethods.contains(method) || DemoVncTokenAddon::hasMethod(method) || DemoVmAdmin::hasMethod(method);
}

DemoCloud::Reply DemoCloud::call(const QString &method, const QVariantList &params)
{
    if (!hasMethod(method)) {
        Reply r;
        r.isFault = true;
        r.faultCode = kFaultNoSuchMethod;
        r.faultString = QStringLiteral("Method '%1' not defined").arg(method);
        return r;
    }
    if (DemoVncTokenAddon::hasMethod(method))
        return d->addon->call(method, params);

    // Request::execute reads and authenticates the session before the other parameters. oned 7
    // takes a session of another type for a failed authentication; 6.10 faults in xmlrpc-c.
    const DemoParams p(params);
    const bool sessionNotString = !params.isEmpty() && params.first().typeId() != QMetaType::QString;
    QString session;
    DemoDataSet::User *caller = nullptr;
    if (!sessionNotString || QVersionNumber::fromString(d->version).majorVersion() < 7) {
        if (auto f = p.stringAt(0, session))
            return *f;
        caller = d->authenticate(session);
    }
    if (!caller) {
        qCDebug(lcCloud).noquote()
            << QStringLiteral("demo cloud: %1 refused for session %2").arg(method, redactSession(session));
        return failure(method, QStringLiteral("User couldn't be authenticated, aborting call."), kAuthentication);
    }
    if (DemoVmAdmin::hasMethod(method))
        return d->admin->call(method, p, *caller);
    if (method == QLatin1String("one.system.version"))
        return d->systemVersion(p, *caller);
    if (method == QLatin1String("one.user.info"))
        return d->userInfo(p, *caller);
    if (method == QLatin1String("one.user.login"))
        return d->userLogin(p, *caller);
    if (method == QLatin1String("one.vmpool.info"))
        return d->vmpoolInfo(method, p, *caller, false);
    if (method == QLatin1String("one.vmpool.infoextended"))
        return d->vmpoolInfo(method, p, *caller, true);
    return d->vmInfo(p, *caller);
}

QString DemoCloud::version() const
{
    return d->version;
}

void DemoCloud::setVersion(const QString &version)
{
    d->version = version;
}

QString DemoCloud::demoUser()
{
    return DemoDataSet::adminUser();
}

QString DemoCloud::demoPassword()
{
    return DemoDataSet::adminPassword();
}

QString DemoCloud::demoSecondUser()
{
    return DemoDataSet::secondUser();
}

QString DemoCloud::demoSecondPassword()
{
    return DemoDataSet::secondPassword();
}

QString DemoCloud::demoReadOnlyUser()
{
    return DemoDataSet::readOnlyUser();
}

QString DemoCloud::demoReadOnlyPassword()
{
    return DemoDataSet::readOnlyPassword();
}

void DemoCloud::setClock(Clock clock)
{
    d->clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentSecsSinceEpoch(); });
}

qint64 DemoCloud::now() const
{
    return d->clock();
}

const DemoDataSet &DemoCloud::dataSet() const
{
    return d->data;
}

void DemoCloud::setExtraVms(int n)
{
    d->data.setExtraVms(n);
}

int DemoCloud::extraVms() const
{
    return d->data.extraVms();
}

int DemoCloud::vmCount() const
{
    return int(d->data.vms().size());
}

void DemoCloud::setStepMs(int ms)
{
    d->admin->setStepMs(ms);
}

bool DemoCloud::setConsoleTarget(int vmId, const QString &host, quint16 port)
{
    return d->data.setConsoleTarget(vmId, host, port);
}

QList<int> DemoCloud::consoleVmIds() const
{
    return d->data.consoleVmIds();
}

std::optional<DemoVm> DemoCloud::vm(int vmId) const
{
    const DemoVm *found = d->data.vmById(vmId);
    return found ? std::optional<DemoVm>(*found) : std::nullopt;
}

void DemoCloud::setVncProxyWss(bool wss)
{
    d->addon->setWss(wss);
}

QHash<QString, QString> DemoCloud::consoleTokens() const
{
    return d->addon->tokens();
}

QString DemoCloud::consoleTarget(const QString &token) const
{
    return d->addon->target(token);
}

QByteArray DemoCloud::consoleTokenFile() const
{
    return d->addon->tokenFile();
}

} // namespace Porthole
