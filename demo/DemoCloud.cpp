// SPDX-License-Identifier: GPL-2.0-or-later
#include "demo/DemoCloud.h"

#include "demo/DemoVm.h"
#include "demo/DemoVmXml.h"
#include "base/Logging.h"
#include "base/Redact.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>
#include <QUuid>
#include <QXmlStreamWriter>

#include <algorithm>
#include <deque>
#include <optional>
#include <vector>

namespace Porthole {

namespace {

// Request error codes, include/Request.h
constexpr int kAuthentication = 0x100;
constexpr int kAuthorization = 0x200;
constexpr int kNoExists = 0x400;
constexpr int kAction = 0x800;
constexpr int kXmlRpcApi = 0x1000;
constexpr int kInternal = 0x2000;

// xmlrpc-c's fault codes
constexpr int kFaultType = -501;
constexpr int kFaultNoSuchMethod = -506;

constexpr int kStateDone = 6;
constexpr int kStateMax = 11; // CLONING_FAILURE
constexpr qint64 kBaseTime = 1795219026;
// Console tokens are kept for the proxy; a client looping on vnctoken must not grow memory forever.
constexpr size_t kMaxConsoleTokens = 10000;

const QString kOneVmInfo = QStringLiteral("one.vm.info");

struct LoginToken
{
    QString token;
    qint64 expiration = -1; // -1: never
    int egid = -1;
};

struct DemoUser
{
    int id = 0;
    int gid = 0;
    QString name;
    QString gname;
    QString password;
    QList<LoginToken> tokens;
};

// Typed parameter access failing the way xmlrpc-c's paramList does: oned reads
// each parameter with getInt()/getString(), which raise these faults (-501).
class Params
{
public:
    explicit Params(const QVariantList &list)
        : m_list(list)
    { }

    int size() const { return int(m_list.size()); }

    // xmlrpc-c's parameter accessors: a missing or mistyped parameter is a -501 fault.
    template<typename T>
    std::optional<DemoCloud::Reply> valueAt(int i, T &out, const char *kind) const
    {
        if (i >= m_list.size())
            return notEnough();
        const QVariant &v = m_list.at(i);
        if (v.typeId() != QMetaType::fromType<T>().id())
            return fault(QStringLiteral("Parameter that is supposed to be %1 is not").arg(QLatin1String(kind)));
        out = v.value<T>();
        return std::nullopt;
    }
    std::optional<DemoCloud::Reply> intAt(int i, int &out) const { return valueAt(i, out, "integer"); }
    std::optional<DemoCloud::Reply> stringAt(int i, QString &out) const { return valueAt(i, out, "a string"); }
    std::optional<DemoCloud::Reply> boolAt(int i, bool &out) const { return valueAt(i, out, "boolean"); }
    // one.*.info(session, id[, decrypt]): the id; a decrypt flag, when given, must be a boolean.
    std::optional<DemoCloud::Reply> infoId(int &id) const
    {
        if (auto f = intAt(1, id))
            return f;
        bool decrypt = false;
        return size() > 2 ? boolAt(2, decrypt) : std::nullopt;
    }

private:
    static DemoCloud::Reply fault(const QString &message)
    {
        DemoCloud::Reply r;
        r.isFault = true;
        r.faultCode = kFaultType;
        r.faultString = message;
        return r;
    }
    static DemoCloud::Reply notEnough() { return fault(QStringLiteral("Not enough parameters")); }

    const QVariantList &m_list;
};

DemoCloud::Reply success(const QVariant &result)
{
    DemoCloud::Reply r;
    r.value = QVariantList {true, result, 0};
    return r;
}

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

// addon-vnctoken: rand(36**20).to_s(36)
QString randomBase36(int length)
{
    static const char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    QString out;
    out.reserve(length);
    QRandomGenerator *rng = QRandomGenerator::system();
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char(kDigits[rng->bounded(36)]));
    return out;
}

QString uuidFor(int vmId)
{
    static const QUuid kNamespace(QStringLiteral("{6f1c7d2e-4b1a-4c59-9a47-2f1e0c3d5b60}"));
    return QUuid::createUuidV5(kNamespace, QString::number(vmId)).toString(QUuid::WithoutBraces);
}

} // namespace

struct DemoCloud::Private
{
    QString version = QStringLiteral("6.10.5");
    Clock clock = [] { return QDateTime::currentSecsSinceEpoch(); };
    std::vector<DemoUser> users;
    std::vector<DemoVm> vms; // ascending ids
    int builtinCount = 0;
    int extra = 0;
    bool wss = false;
    QHash<QString, QString> consoleTokens;
    std::deque<QString> consoleTokenOrder; // oldest first

    DemoUser *userByName(const QString &name)
    {
        for (DemoUser &u : users)
            if (u.name == name)
                return &u;
        return nullptr;
    }
    DemoUser *userById(int id)
    {
        for (DemoUser &u : users)
            if (u.id == id)
                return &u;
        return nullptr;
    }
    DemoVm *vmById(int id)
    {
        auto it = std::lower_bound(vms.begin(), vms.end(), id, [](const DemoVm &vm, int v) { return vm.id < v; });
        return it != vms.end() && it->id == id ? &*it : nullptr;
    }

    static bool isAdmin(const DemoUser &u) { return u.gid == 0; }
    static bool mayUse(const DemoUser &u, const DemoVm &vm) { return isAdmin(u) || vm.uid == u.id; }

    // "user:secret", split at the first colon; the secret is the password or a live login token.
    DemoUser *authenticate(const QString &session)
    {
        const qsizetype colon = session.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            return nullptr;
        DemoUser *u = userByName(session.left(colon));
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

    void purgeExpired(DemoUser &u)
    {
        const qint64 t = clock();
        u.tokens.removeIf([t](const LoginToken &tok) { return tok.expiration != -1 && t >= tok.expiration; });
    }

    void buildVms();
    void appendExtras();
    QString userDocument(DemoUser &u);

    Reply systemVersion(const Params &p, DemoUser &caller);
    Reply userInfo(const Params &p, DemoUser &caller);
    Reply userLogin(const Params &p, DemoUser &caller);
    Reply vmpoolInfo(const QString &method, const Params &p, DemoUser &caller, bool extended);
    Reply vmInfo(const Params &p, DemoUser &caller);
    Reply vncToken(DemoCloud *q, const QString &method, const QVariantList &params);
};

void DemoCloud::Private::buildVms()
{
    vms.clear();
    auto make = [](int id, const QString &name, int state, int lcm) {
        DemoVm vm;
        vm.id = id;
        vm.uid = 0;
        vm.gid = 0;
        vm.uname = QStringLiteral("oneadmin");
        vm.gname = QStringLiteral("oneadmin");
        vm.name = name;
        vm.state = state;
        vm.lcmState = lcm;
        vm.stime = kBaseTime + id;
        vm.uuid = uuidFor(id);
        return vm;
    };
    auto vnc = [](DemoVm &vm, const QString &type, const QString &passwd, int port) {
        vm.hasGraphics = true;
        vm.graphicsType = type;
        vm.graphicsListen = QStringLiteral("0.0.0.0");
        vm.graphicsPasswd = passwd;
        vm.graphicsPort = port;
    };
    auto nic = [](DemoVm &vm, const QString &ip) {
        DemoVm::Nic n;
        n.ip = ip;
        n.network = QStringLiteral("demo-net");
        n.nicId = int(vm.nics.size());
        vm.nics.append(n);
    };

    // 0: the plain case every client must handle: RUNNING, TYPE "VNC", no password.
    DemoVm vm = make(0, QStringLiteral("web-1"), 3, 3);
    vnc(vm, QStringLiteral("VNC"), QString(), 5900);
    vm.hostname = QStringLiteral("node-1.demo");
    nic(vm, QStringLiteral("10.0.0.10"));
    vms.push_back(vm);

    // 1: oned stores TYPE as given, so lowercase "vnc" reaches clients.
    vm = make(1, QStringLiteral("db-1"), 3, 3);
    vnc(vm, QStringLiteral("vnc"), QString(), 5901);
    vm.hostname = QStringLiteral("node-1.demo");
    nic(vm, QStringLiteral("10.0.0.11"));
    nic(vm, QStringLiteral("192.168.50.11"));
    vms.push_back(vm);

    // 2: VNC password; '&' shows up unescaped in one.vm.vnc's answer, as with the real addon.
    vm = make(2, QStringLiteral("build-agent"), 3, 3);
    vnc(vm, QStringLiteral("VNC"), QStringLiteral("s3cr&t"), 5902);
    vm.hostname = QStringLiteral("node-2.demo");
    nic(vm, QStringLiteral("10.0.0.12"));
    vms.push_back(vm);

    // 3: SPICE only: oned assigns a port, but no VNC console exists.
    vm = make(3, QStringLiteral("spice-desktop"), 3, 3);
    vnc(vm, QStringLiteral("SPICE"), QStringLiteral("secret"), 5903);
    vm.hostname = QStringLiteral("node-2.demo");
    vms.push_back(vm);

    // 4: no GRAPHICS at all.
    vm = make(4, QStringLiteral("batch-worker"), 3, 3);
    vm.hostname = QStringLiteral("node-1.demo");
    nic(vm, QStringLiteral("10.0.0.14"));
    vms.push_back(vm);

    // 5: POWEROFF keeps its PORT (oned keeps it until DONE).
    vm = make(5, QStringLiteral("archive"), 8, 0);
    vnc(vm, QStringLiteral("VNC"), QStringLiteral("secret"), 5905);
    vm.hostname = QStringLiteral("node-2.demo");
    vm.historyAction = 20; // poweroff-hard
    vms.push_back(vm);

    // 6: PENDING: never deployed, so no PORT and no history.
    vm = make(6, QStringLiteral("queued"), 1, 0);
    vnc(vm, QStringLiteral("VNC"), QString(), -1);
    vms.push_back(vm);

    // 7: HOLD, likewise never deployed.
    vm = make(7, QStringLiteral("on-hold"), 2, 0);
    vnc(vm, QStringLiteral("VNC"), QString(), -1);
    vms.push_back(vm);

    // 8: DONE: only listed with state -2; the PORT was released.
    vm = make(8, QStringLiteral("retired"), kStateDone, 0);
    vnc(vm, QStringLiteral("VNC"), QString(), -1);
    vm.hostname = QStringLiteral("node-1.demo");
    vm.etime = vm.stime + 3600;
    vm.historyAction = 28; // terminate-hard
    vms.push_back(vm);

    // 9: alice's own VM, the only one she may USE.
    vm = make(9, QStringLiteral("alice-desktop"), 3, 3);
    vm.uid = 2;
    vm.gid = 1;
    vm.uname = QStringLiteral("alice");
    vm.gname = QStringLiteral("users");
    vnc(vm, QStringLiteral("VNC"), QStringLiteral("alicepw"), 5909);
    vm.hostname = QStringLiteral("node-2.demo");
    nic(vm, QStringLiteral("10.0.1.9"));
    vms.push_back(vm);

    for (DemoVm &v : vms)
        v.hid = v.hostname == QLatin1String("node-2.demo") ? 1 : 0;
    builtinCount = int(vms.size());
}

void DemoCloud::Private::appendExtras()
{
    vms.resize(size_t(builtinCount));
    vms.reserve(size_t(builtinCount) + size_t(extra));
    for (int i = 0; i < extra; ++i) {
        const int id = builtinCount + i;
        DemoVm vm;
        vm.id = id;
        vm.uname = QStringLiteral("oneadmin");
        vm.gname = QStringLiteral("oneadmin");
        vm.name = QStringLiteral("bulk-%1").arg(id, 5, 10, QLatin1Char('0'));
        vm.stime = kBaseTime + id;
        vm.uuid = uuidFor(id);
        vm.memoryMb = 512 << (i % 4);
        vm.vcpu = 1 + i % 4;
        // Mostly RUNNING with VNC, some powered off, a few without graphics.
        const bool off = i % 10 == 9;
        vm.state = off ? 8 : 3;
        vm.lcmState = off ? 0 : 3;
        vm.historyAction = off ? 20 : 0;
        vm.hostname = QStringLiteral("node-%1.demo").arg(i % 8 + 1);
        vm.hid = i % 8;
        if (i % 25 != 24) {
            vm.hasGraphics = true;
            vm.graphicsType = QStringLiteral("VNC");
            vm.graphicsListen = QStringLiteral("0.0.0.0");
            vm.graphicsPort = 5900 + id % 26000; // stays below oned's reserved 32768
        }
        // Unique addresses for up to four million VMs: 10.(1+high bits).(id>>8).(id).
        DemoVm::Nic n;
        n.ip = QStringLiteral("10.%1.%2.%3").arg(1 + (id >> 16 & 0x3f)).arg(id >> 8 & 0xff).arg(id & 0xff);
        n.network = QStringLiteral("demo-net");
        vm.nics.append(n);
        vms.push_back(std::move(vm));
    }
}

QString DemoCloud::Private::userDocument(DemoUser &u)
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

DemoCloud::Reply DemoCloud::Private::systemVersion(const Params &, DemoUser &)
{
    return success(version);
}

DemoCloud::Reply DemoCloud::Private::userInfo(const Params &p, DemoUser &caller)
{
    const QString method = QStringLiteral("one.user.info");
    int id = 0;
    if (auto f = p.infoId(id))
        return *f;
    // -1 is "myself", which is how `oneuser show` without an id asks.
    if (id == -1)
        id = caller.id;
    DemoUser *u = userById(id);
    if (!u)
        return failure(method, QStringLiteral("Error getting user [%1].").arg(id), kNoExists, id);
    if (!isAdmin(caller) && u->id != caller.id)
        return failure(method,
            QStringLiteral("User [%1] : Not authorized to perform USE USER [%2].").arg(caller.id).arg(id),
            kAuthorization);
    return success(userDocument(*u));
}

DemoCloud::Reply DemoCloud::Private::userLogin(const Params &p, DemoUser &caller)
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
    DemoUser *u = userByName(uname);
    if (!u)
        return failure(method, QStringLiteral("Error getting user [%1].").arg(uname), kNoExists);
    if (!isAdmin(caller) && u->id != caller.id)
        return failure(method,
            QStringLiteral("User [%1] : Not authorized to perform MANAGE USER [%2].").arg(caller.id).arg(u->id),
            kAuthorization);
    purgeExpired(*u);

    if (valid == 0) {
        // valid 0 revokes the given token
        const qsizetype removed = u->tokens.removeIf([&token](const LoginToken &t) { return t.token == token; });
        if (removed == 0)
            return failure(method, QStringLiteral("Could not find token: %1").arg(token), kXmlRpcApi);
        qCDebug(lcCloud) << "demo cloud: revoked login token" << redact(token) << "of" << u->name;
        return success(token);
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
    return success(token);
}

DemoCloud::Reply DemoCloud::Private::vmpoolInfo(const QString &method, const Params &p, DemoUser &caller, bool extended)
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
    for (auto it = vms.crbegin(); it != vms.crend(); ++it) { // API_LIST_ORDER DESC
        const DemoVm &vm = *it;
        if (!admin && vm.uid != caller.id)
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
    return success(DemoVmXml::poolDocument(selected, extended));
}

DemoCloud::Reply DemoCloud::Private::vmInfo(const Params &p, DemoUser &caller)
{
    int id = 0;
    if (auto f = p.infoId(id))
        return *f;
    // oned looks the object up before it checks rights, so an unknown id is
    // NO_EXISTS for everyone; -1 names "the pool", hence oned's odd message.
    if (id == -1)
        return failure(kOneVmInfo, QStringLiteral("Error getting virtual machine Pool."), kNoExists);
    const DemoVm *vm = vmById(id);
    if (!vm)
        return failure(kOneVmInfo, QStringLiteral("Error getting virtual machine [%1].").arg(id), kNoExists, id);
    if (!mayUse(caller, *vm))
        return failure(kOneVmInfo,
            QStringLiteral("User [%1] : Not authorized to perform USE VM [%2].").arg(caller.id).arg(id),
            kAuthorization);
    return success(DemoVmXml::fullDocument(*vm));
}

// StorPool's addon-vnctoken: a Sinatra app that calls one.vm.info with the
// caller's session and answers [true, data, 0] or a 3-element [false, message, code].
DemoCloud::Reply DemoCloud::Private::vncToken(DemoCloud *q, const QString &method, const QVariantList &params)
{
    auto addonFailure = [](const QString &message, int code) {
        Reply r;
        r.value = QVariantList {false, message, code};
        return r;
    };
    const Params p(params);
    QString session;
    int id = 0;
    if (auto f = p.stringAt(0, session))
        return *f;
    if (auto f = p.intAt(1, id))
        return *f;

    // The addon reports whatever one.vm.info said, always as NO_EXISTS.
    const Reply info = [&] {
        DemoUser *caller = authenticate(session);
        if (!caller)
            return failure(
                kOneVmInfo, QStringLiteral("User couldn't be authenticated, aborting call."), kAuthentication);
        return vmInfo(Params(QVariantList {session, id}), *caller);
    }();
    const QVariantList envelope = info.value.toList();
    if (!envelope.value(0).toBool())
        return addonFailure(envelope.value(1).toString(), kNoExists);

    // Only RUNNING (3/3) and only VNC (the addon compares type.upcase), as the addon decides.
    const DemoVm *vm = vmById(id);
    if (vm->state != 3 || vm->lcmState != 3)
        return addonFailure(
            QStringLiteral("Unsupported VM state! STATE:%1 LCM_STATE:%2").arg(vm->state).arg(vm->lcmState), kAction);
    const QString type = vm->hasGraphics ? vm->graphicsType : QString();
    if (type.compare(QLatin1String("VNC"), Qt::CaseInsensitive) != 0)
        return addonFailure(QStringLiteral("Graphics type '%1' but 'VNC' expected").arg(type), kNoExists);

    const int port = std::max(vm->graphicsPort, 0);
    const QString token = randomBase36(20);
    consoleTokens.insert(token, vm->hostname + QLatin1Char(':') + QString::number(port));
    consoleTokenOrder.push_back(token);
    if (consoleTokenOrder.size() > kMaxConsoleTokens) {
        consoleTokens.remove(consoleTokenOrder.front());
        consoleTokenOrder.pop_front();
    }
    qCInfo(lcCloud).noquote() << QStringLiteral("demo cloud: console token %1 for VM %2 -> %3:%4")
                                     .arg(redact(token))
                                     .arg(id)
                                     .arg(vm->hostname)
                                     .arg(port);
    Q_EMIT q->consoleTokenIssued(token, id, vm->hostname, quint16(port));

    if (method == QLatin1String("one.vm.vnctokenonly"))
        return success(token);
    if (method == QLatin1String("one.vm.vnc")) {
        // Ruby's Hash#to_xml in the addon: upper-cased keys, values NOT escaped.
        const QString xml
            = QStringLiteral("<VM><ID>%1</ID><HOST>%2</HOST><TYPE>%3</TYPE><PORT>%4</PORT>"
                             "<LISTEN>%5</LISTEN><PASSWORD>%6</PASSWORD><WSS>%7</WSS><TOKEN>%8</TOKEN></VM>")
                  .arg(QString::number(id), vm->hostname, type, QString::number(port), vm->graphicsListen,
                      vm->graphicsPasswd, wss ? QStringLiteral("true") : QStringLiteral("false"), token);
        return success(xml);
    }
    QVariantMap data;
    data.insert(QStringLiteral("id"), id);
    data.insert(QStringLiteral("host"), vm->hostname);
    data.insert(QStringLiteral("type"), type);
    data.insert(QStringLiteral("port"), port);
    data.insert(QStringLiteral("listen"), vm->graphicsListen);
    data.insert(QStringLiteral("password"), vm->graphicsPasswd);
    data.insert(QStringLiteral("wss"), wss);
    data.insert(QStringLiteral("token"), token);
    return success(data);
}

DemoCloud::DemoCloud(QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
    // Ids as in a fresh oned: oneadmin 0, serveradmin 1 (left out here), the first user created 2.
    d->users.push_back(DemoUser {0, 0, QStringLiteral("oneadmin"), QStringLiteral("oneadmin"), demoPassword(), {}});
    d->users.push_back(DemoUser {2, 1, QStringLiteral("alice"), QStringLiteral("users"), demoSecondPassword(), {}});
    d->buildVms();
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
        QStringLiteral("one.vm.vnctoken"),
        QStringLiteral("one.vm.vnctokenonly"),
        QStringLiteral("one.vm.vnc"),
    };
    return kMethods.contains(method);
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
    if (method.startsWith(QLatin1String("one.vm.vnc")))
        return d->vncToken(this, method, params);

    // Request::execute reads and authenticates the session before the other parameters.
    const Params p(params);
    QString session;
    if (auto f = p.stringAt(0, session))
        return *f;
    DemoUser *caller = d->authenticate(session);
    if (!caller) {
        qCDebug(lcCloud).noquote()
            << QStringLiteral("demo cloud: %1 refused for session %2").arg(method, redactSession(session));
        return failure(method, QStringLiteral("User couldn't be authenticated, aborting call."), kAuthentication);
    }
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
    return QStringLiteral("oneadmin");
}

QString DemoCloud::demoPassword()
{
    return QStringLiteral("password");
}

QString DemoCloud::demoSecondUser()
{
    return QStringLiteral("alice");
}

QString DemoCloud::demoSecondPassword()
{
    return QStringLiteral("alicepass");
}

void DemoCloud::setClock(Clock clock)
{
    d->clock = clock ? std::move(clock) : Clock([] { return QDateTime::currentSecsSinceEpoch(); });
}

qint64 DemoCloud::now() const
{
    return d->clock();
}

void DemoCloud::setExtraVms(int n)
{
    d->extra = std::max(n, 0);
    d->appendExtras();
}

int DemoCloud::extraVms() const
{
    return d->extra;
}

int DemoCloud::vmCount() const
{
    return int(d->vms.size());
}

bool DemoCloud::setConsoleTarget(int vmId, const QString &host, quint16 port)
{
    DemoVm *vm = d->vmById(vmId);
    if (!vm || !vm->hasGraphics || host.isEmpty())
        return false;
    vm->hostname = host;
    vm->graphicsPort = port;
    return true;
}

QList<int> DemoCloud::consoleVmIds() const
{
    QList<int> ids;
    for (int i = 0; i < d->builtinCount; ++i) {
        const DemoVm &vm = d->vms[size_t(i)];
        if (vm.state == 3 && vm.lcmState == 3 && vm.hasGraphics
            && vm.graphicsType.compare(QLatin1String("VNC"), Qt::CaseInsensitive) == 0)
            ids.append(vm.id);
    }
    return ids;
}

std::optional<DemoVm> DemoCloud::vm(int vmId) const
{
    const DemoVm *found = d->vmById(vmId);
    return found ? std::optional<DemoVm>(*found) : std::nullopt;
}

void DemoCloud::setVncProxyWss(bool wss)
{
    d->wss = wss;
}

QHash<QString, QString> DemoCloud::consoleTokens() const
{
    return d->consoleTokens;
}

QString DemoCloud::consoleTarget(const QString &token) const
{
    return d->consoleTokens.value(token);
}

QByteArray DemoCloud::consoleTokenFile() const
{
    QByteArray out = QByteArrayLiteral("# console tokens issued by the Porthole demo cloud\n");
    for (const QString &token : d->consoleTokenOrder)
        out += token.toUtf8() + QByteArrayLiteral(": ") + d->consoleTokens.value(token).toUtf8() + '\n';
    return out;
}

} // namespace Porthole
