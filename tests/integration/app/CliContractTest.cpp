// SPDX-License-Identifier: GPL-2.0-or-later
// porthole-cli's contract: exit codes, messages and output formats that scripts rely on,
// against the built-in demo cloud and against servers that misbehave on purpose.
#include "FakeOned.h"
#include "TestSupport.h"
#include "demo/DemoCloud.h"
#include "demo/DemoCloudServer.h"
#include "xmlrpc/XmlRpcWriter.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <sys/resource.h>

using namespace Porthole;
using PortholeTest::FakeOned;
using PortholeTest::ProcessResult;

namespace {

ProcessResult cli(const QStringList &arguments, const QByteArray &input = {}, int timeoutMs = 60000)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("ONE_XMLRPC"));
    environment.remove(QStringLiteral("ONE_AUTH"));
    environment.insert(QStringLiteral("HOME"), QStringLiteral("/nonexistent-porthole-home"));
    return PortholeTest::runProgram(
        PortholeTest::builtProgram(QStringLiteral("app/porthole-cli")), arguments, input, timeoutMs, environment);
}

ProcessResult against(const QUrl &endpoint, QStringList arguments, const QByteArray &password = "password\n")
{
    arguments = QStringList {QStringLiteral("--endpoint"), endpoint.toString(), QStringLiteral("--user"),
                    QStringLiteral("oneadmin"), QStringLiteral("--password-stdin")}
        + arguments;
    return cli(arguments, password);
}

QByteArray xmlRpc(const QVariant &value)
{
    return FakeOned::httpResponse(200, "OK", "text/xml; charset=utf-8", XmlRpcWriter::response(value));
}

FakeOned::Responder replyWith(const QByteArray &raw)
{
    return [raw](QTcpSocket *socket, const QByteArray &) {
        socket->write(raw);
        socket->disconnectFromHost();
    };
}

class CliAgainstDemo : public ::testing::Test
{
protected:
    void SetUp() override { ASSERT_TRUE(m_demo.listen()); }
    QUrl endpoint() const { return m_demo.endpoint(); }
    QJsonArray vmsJson()
    {
        const ProcessResult run = against(endpoint(), {QStringLiteral("vms"), QStringLiteral("--json")});
        EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
        return QJsonDocument::fromJson(run.out.toUtf8()).array();
    }
    DemoCloudServer m_demo;
};

} // namespace

TEST_F(CliAgainstDemo, PrintsTheVersion)
{
    const ProcessResult run = against(endpoint(), {QStringLiteral("version")});
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_EQ(run.out, QStringLiteral("6.10.5\n"));
}

TEST_F(CliAgainstDemo, WhoamiNamesTheUser)
{
    const ProcessResult run = against(endpoint(), {QStringLiteral("whoami"), QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    const QJsonObject user = QJsonDocument::fromJson(run.out.toUtf8()).object();
    EXPECT_EQ(user.value(u"id").toInt(-1), 0);
    EXPECT_EQ(user.value(u"name").toString(), QStringLiteral("oneadmin"));
    EXPECT_EQ(user.value(u"group").toString(), QStringLiteral("oneadmin"));
}

TEST_F(CliAgainstDemo, WrongPasswordExits3WithOnedsMessage)
{
    const ProcessResult run = against(endpoint(), {QStringLiteral("vms")}, "wrong\n");
    EXPECT_EQ(run.exitCode, 3);
    EXPECT_TRUE(run.err.contains(u"[one.vmpool.info] User couldn't be authenticated, aborting call."))
        << qPrintable(run.err);
    EXPECT_FALSE(run.err.contains(u"wrong")); // the secret never appears
    EXPECT_TRUE(run.out.isEmpty());
}

TEST_F(CliAgainstDemo, UnknownVmExits4)
{
    const ProcessResult run = against(endpoint(), {QStringLiteral("vm"), QStringLiteral("9999")});
    EXPECT_EQ(run.exitCode, 4);
    EXPECT_TRUE(run.err.contains(u"[one.vm.info] Error getting virtual machine [9999].")) << qPrintable(run.err);
}

TEST_F(CliAgainstDemo, VmsJsonFollowsTheContract)
{
    const QJsonArray vms = vmsJson();
    ASSERT_GE(vms.size(), 8);
    const QStringList keys {QStringLiteral("console"), QStringLiteral("graphics"), QStringLiteral("group"),
        QStringLiteral("host"), QStringLiteral("id"), QStringLiteral("ips"), QStringLiteral("lcm_state"),
        QStringLiteral("name"), QStringLiteral("owner"), QStringLiteral("state"), QStringLiteral("state_name")};
    int consoles = 0;
    int withoutGraphics = 0;
    for (const QJsonValue &value : vms) {
        const QJsonObject vm = value.toObject();
        EXPECT_EQ(vm.keys(), keys);
        consoles += vm.value(u"console").toBool();
        if (vm.value(u"graphics").isNull()) {
            ++withoutGraphics;
            continue;
        }
        const QJsonObject graphics = vm.value(u"graphics").toObject();
        EXPECT_TRUE(graphics.contains(u"type") && graphics.contains(u"listen") && graphics.contains(u"port")
            && graphics.contains(u"password_set"));
        EXPECT_FALSE(graphics.contains(u"password"));
    }
    EXPECT_GE(consoles, 2);
    EXPECT_GE(withoutGraphics, 1);
}

TEST_F(CliAgainstDemo, VmsTableIsAligned)
{
    const ProcessResult run = against(endpoint(), {QStringLiteral("vms")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_GE(lines.size(), 9);
    EXPECT_TRUE(lines[0].contains(
        QRegularExpression(QStringLiteral("^\\s*ID\\s+NAME\\s+OWNER\\s+GROUP\\s+STAT\\s+HOST\\s+CONSOLE\\s+IP$"))))
        << qPrintable(lines[0]);
    // Every row's NAME starts in the header's NAME column, after a right-aligned ID.
    const qsizetype nameColumn = lines[0].indexOf(u"NAME");
    for (const QString &line : lines.mid(1)) {
        bool numeric = false;
        line.left(nameColumn).trimmed().toInt(&numeric);
        EXPECT_TRUE(numeric) << qPrintable(line);
        EXPECT_EQ(line.at(nameColumn - 1), u' ') << qPrintable(line);
        EXPECT_NE(line.at(nameColumn), u' ') << qPrintable(line);
    }
}

TEST_F(CliAgainstDemo, PagesThroughALargePool)
{
    m_demo.cloud()->setExtraVms(1234);
    const QJsonArray vms = vmsJson();
    EXPECT_GE(vms.size(), 1234 + 8); // more than two pages of 500
    QSet<int> ids;
    for (const QJsonValue &vm : vms)
        ids.insert(vm.toObject().value(u"id").toInt());
    EXPECT_EQ(ids.size(), vms.size());
}

TEST_F(CliAgainstDemo, VmJsonIsTheSameObjectAsInTheList)
{
    const QJsonArray vms = vmsJson();
    ASSERT_FALSE(vms.isEmpty());
    const QJsonObject listed = vms.first().toObject();
    const ProcessResult run = against(
        endpoint(), {QStringLiteral("vm"), QString::number(listed.value(u"id").toInt()), QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_EQ(QJsonDocument::fromJson(run.out.toUtf8()).object(), listed);
}

TEST_F(CliAgainstDemo, TokenForARunningVncVmBuildsTheConsoleUrl)
{
    int id = -1;
    for (const QJsonValue &vm : vmsJson()) {
        if (vm.toObject().value(u"console").toBool()) {
            id = vm.toObject().value(u"id").toInt();
            break;
        }
    }
    ASSERT_GE(id, 0);
    const ProcessResult run = against(endpoint(),
        {QStringLiteral("token"), QString::number(id), QStringLiteral("--vnctoken-endpoint"), endpoint().toString(),
            QStringLiteral("--proxy-url"), QStringLiteral("wss://frontend:29876/websockify"),
            QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    const QJsonObject token = QJsonDocument::fromJson(run.out.toUtf8()).object();
    EXPECT_EQ(token.keys(),
        (QStringList {QStringLiteral("host"), QStringLiteral("id"), QStringLiteral("password_set"),
            QStringLiteral("port"), QStringLiteral("token"), QStringLiteral("type"), QStringLiteral("url")}));
    EXPECT_EQ(token.value(u"id").toInt(), id);
    const QString value = token.value(u"token").toString();
    ASSERT_FALSE(value.isEmpty());
    EXPECT_EQ(token.value(u"url").toString(), QStringLiteral("wss://frontend:29876/websockify?token=") + value);
}

// D7: the real addon crashes (HTTP 500) on a VM without graphics; token runs the GUI's
// pre-check (ConsoleResolver::whyNoVncConsole) on one.vm.info first and never calls the addon then.
TEST_F(CliAgainstDemo, TokenForAVmWithoutAVncConsoleSaysWhyWithoutAskingTheAddon)
{
    int noGraphics = -1;
    for (const QJsonValue &vm : vmsJson()) {
        if (vm.toObject().value(u"graphics").isNull())
            noGraphics = vm.toObject().value(u"id").toInt();
    }
    ASSERT_GE(noGraphics, 0);
    struct Case
    {
        int id;
        int exit;
        QString expected;
    };
    const QList<Case> cases = {
        {noGraphics, 4, QStringLiteral("VM %1 has no graphics console configured.").arg(noGraphics)},
        {3, 4, QStringLiteral("VM 3 has a SPICE console; open it in remote-viewer.")},
        {5, 6, QStringLiteral("VM 5 is poweroff: a console needs it running.")},
    };
    for (const Case &c : cases) {
        int addonCalls = 0;
        FakeOned addon([&addonCalls](QTcpSocket *socket, const QByteArray &) {
            ++addonCalls;
            socket->write(FakeOned::httpResponse(500, "Internal Server Error", "text/html", "<h1>crash</h1>"));
            socket->disconnectFromHost();
        });
        const ProcessResult run = against(endpoint(),
            {QStringLiteral("token"), QString::number(c.id), QStringLiteral("--vnctoken-endpoint"),
                addon.endpoint().toString()});
        EXPECT_EQ(run.exitCode, c.exit) << qPrintable(run.err);
        EXPECT_TRUE(run.err.contains(c.expected)) << qPrintable(run.err);
        EXPECT_EQ(addonCalls, 0) << c.id;
    }
}

// The demo's addon behaves as the real one: HTTP 500 for a VM without graphics.
TEST_F(CliAgainstDemo, DemoAddonCrashesOnAVmWithoutGraphicsAsTheRealOneDoes)
{
    int noGraphics = -1;
    for (const QJsonValue &vm : vmsJson()) {
        if (vm.toObject().value(u"graphics").isNull())
            noGraphics = vm.toObject().value(u"id").toInt();
    }
    ASSERT_GE(noGraphics, 0);
    QNetworkAccessManager network;
    QNetworkRequest request(endpoint());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/xml"));
    QNetworkReply *reply = network.post(request,
        XmlRpcWriter::methodCall(QStringLiteral("one.vm.vnctoken"),
            {QString(m_demo.demoUser() + u':' + m_demo.demoPassword()), noGraphics}));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    ASSERT_TRUE(finished.wait(10000));
    EXPECT_EQ(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 500);
    reply->deleteLater();
}

TEST_F(CliAgainstDemo, LoginTokenWorksAsACredential)
{
    const ProcessResult login
        = against(endpoint(), {QStringLiteral("login"), QStringLiteral("--ttl"), QStringLiteral("600")});
    ASSERT_EQ(login.exitCode, 0) << qPrintable(login.err);
    const QString line = login.out.trimmed();
    ASSERT_TRUE(line.startsWith(u"oneadmin:"));
    const QString token = line.mid(9);
    EXPECT_EQ(token.size(), 64);

    QTemporaryDir home;
    QFile auth(home.filePath(QStringLiteral("one_auth")));
    ASSERT_TRUE(auth.open(QIODevice::WriteOnly));
    auth.write(line.toUtf8() + '\n');
    auth.close();
    auth.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("ONE_AUTH"), auth.fileName());
    environment.insert(QStringLiteral("ONE_XMLRPC"), endpoint().toString());
    const ProcessResult run = PortholeTest::runProgram(PortholeTest::builtProgram(QStringLiteral("app/porthole-cli")),
        {QStringLiteral("whoami")}, {}, 60000, environment);
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_TRUE(run.out.contains(u"oneadmin"));
}

TEST_F(CliAgainstDemo, LogoutRevokesTheToken)
{
    const ProcessResult login = against(endpoint(), {QStringLiteral("login")});
    ASSERT_EQ(login.exitCode, 0) << qPrintable(login.err);
    const QByteArray token = login.out.trimmed().mid(9).toUtf8() + '\n';
    EXPECT_EQ(against(endpoint(), {QStringLiteral("whoami")}, token).exitCode, 0);
    const ProcessResult logout = against(endpoint(), {QStringLiteral("logout")}, token);
    EXPECT_EQ(logout.exitCode, 0) << qPrintable(logout.err);
    EXPECT_EQ(logout.out, QStringLiteral("revoked\n"));
    const ProcessResult after = against(endpoint(), {QStringLiteral("whoami")}, token);
    EXPECT_EQ(after.exitCode, 3);
    EXPECT_TRUE(after.err.contains(u"User couldn't be authenticated")) << qPrintable(after.err);
}

TEST_F(CliAgainstDemo, ExtendedPoolHasTheSameVms)
{
    const QJsonArray plain = vmsJson();
    const ProcessResult run
        = against(endpoint(), {QStringLiteral("vms"), QStringLiteral("--extended"), QStringLiteral("--json")});
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_EQ(QJsonDocument::fromJson(run.out.toUtf8()).array(), plain);
}

TEST_F(CliAgainstDemo, DemoOptionRunsWithoutAnyServer)
{
    const ProcessResult run = cli({QStringLiteral("--demo"), QStringLiteral("vms")});
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_GE(run.out.count(u'\n'), 9);
}

TEST(CliUsage, ExitsWith2AndSaysWhy)
{
    struct Case
    {
        QStringList arguments;
        const char *expected;
    };
    const QList<Case> cases = {
        {{}, "no command given"},
        {{QStringLiteral("frobnicate")}, "unknown command 'frobnicate'"},
        {{QStringLiteral("--bogus"), QStringLiteral("version")}, "Unknown option 'bogus'"},
        {{QStringLiteral("version"), QStringLiteral("--ttl"), QStringLiteral("5")},
            "--ttl does not apply to 'version'"},
        {{QStringLiteral("--user"), QStringLiteral("a"), QStringLiteral("version")}, "--user needs exactly one of"},
        {{QStringLiteral("--endpoint"), QStringLiteral("ftp://x/"), QStringLiteral("version")},
            "is not an http:// or https:// URL"},
        {{QStringLiteral("--pin-sha256"), QStringLiteral("abc"), QStringLiteral("--demo"), QStringLiteral("version")},
            "--pin-sha256 wants 64 hex digits"},
        {{QStringLiteral("--demo"), QStringLiteral("vm")}, "'vm' wants one VM ID"},
        {{QStringLiteral("--demo"), QStringLiteral("vms"), QStringLiteral("--state"), QStringLiteral("SLEEPY")},
            "--state wants"},
        {{QStringLiteral("version")}, "no credentials"},
    };
    for (const Case &c : cases) {
        const ProcessResult run = cli(c.arguments);
        EXPECT_EQ(run.exitCode, 2) << qPrintable(c.arguments.join(u' '));
        EXPECT_TRUE(run.err.contains(QLatin1String(c.expected))) << qPrintable(run.err);
    }
}

TEST(CliNetwork, RefusedConnectionExits5)
{
    QTcpServer closed;
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    const ProcessResult run
        = against(QUrl(QStringLiteral("http://127.0.0.1:%1/RPC2").arg(port)), {QStringLiteral("version")});
    EXPECT_EQ(run.exitCode, 5);
    EXPECT_TRUE(run.err.contains(QStringLiteral("connection refused by 127.0.0.1:%1. Is oned running").arg(port)))
        << qPrintable(run.err);
}

TEST(CliNetwork, UnresolvableHostExits5)
{
    const ProcessResult run
        = against(QUrl(QStringLiteral("http://porthole-test.invalid:2633/RPC2")), {QStringLiteral("version")});
    EXPECT_EQ(run.exitCode, 5);
    EXPECT_TRUE(run.err.contains(u"the host name \"porthole-test.invalid\" could not be resolved"))
        << qPrintable(run.err);
}

TEST(CliNetwork, SilentServerTimesOut)
{
    FakeOned silent([](QTcpSocket *, const QByteArray &) {});
    const ProcessResult run
        = against(silent.endpoint(), {QStringLiteral("--timeout"), QStringLiteral("1"), QStringLiteral("version")});
    EXPECT_EQ(run.exitCode, 5);
    EXPECT_TRUE(run.err.contains(u"(one.system.version) did not answer within 1 s")) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(u"allow it more time (--timeout)\n")) << qPrintable(run.err);
}

TEST(CliBadAnswers, Http502WithHtmlExits5)
{
    FakeOned server(replyWith(FakeOned::httpResponse(502, "Bad Gateway", "text/html",
        "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>")));
    const ProcessResult run = against(server.endpoint(), {QStringLiteral("version")});
    EXPECT_EQ(run.exitCode, 5);
    EXPECT_TRUE(run.err.contains(u"answered HTTP 502 Bad Gateway (\"502 Bad Gateway\")")) << qPrintable(run.err);
}

TEST(CliBadAnswers, TruncatedBodyExits6)
{
    const QByteArray whole = xmlRpc(QVariantList {true, QStringLiteral("6.10.5"), 0});
    FakeOned server(replyWith(whole.left(whole.size() - 40)));
    const ProcessResult run = against(server.endpoint(), {QStringLiteral("version")});
    EXPECT_EQ(run.exitCode, 6) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(u"was cut off") || run.err.contains(u"not a complete XML-RPC response"))
        << qPrintable(run.err);
}

TEST(CliBadAnswers, NonXmlExits6)
{
    FakeOned server(replyWith(FakeOned::httpResponse(200, "OK", "text/plain", "hello, I am not oned")));
    const ProcessResult run = against(server.endpoint(), {QStringLiteral("version")});
    EXPECT_EQ(run.exitCode, 6);
    EXPECT_TRUE(run.err.contains(u"is malformed, not an XML-RPC response")) << qPrintable(run.err);
}

TEST(CliBadAnswers, FaultExits6WithTheFaultText)
{
    FakeOned server(replyWith(FakeOned::httpResponse(200, "OK", "text/xml",
        XmlRpcWriter::fault(-501, QStringLiteral("Parameter that is supposed to be integer is not")))));
    const ProcessResult run = against(server.endpoint(), {QStringLiteral("vm"), QStringLiteral("1")});
    EXPECT_EQ(run.exitCode, 6);
    EXPECT_TRUE(run.err.contains(
        u"oned rejected the call one.vm.info: XML-RPC fault -501, \"Parameter that is supposed to be integer is not\""))
        << qPrintable(run.err);
}

TEST(CliBadAnswers, WrongResultTypeExits6)
{
    FakeOned server(replyWith(xmlRpc(QVariantList {true, 42, 0})));
    const ProcessResult run = against(server.endpoint(), {QStringLiteral("version")});
    EXPECT_EQ(run.exitCode, 6);
    EXPECT_TRUE(run.err.contains(u"oned's answer to one.system.version could not be understood: it returned an integer "
                                 u"where a string was expected"))
        << qPrintable(run.err);
}

TEST(CliBadAnswers, EntityExpansionIsRejected)
{
    const QByteArray bomb
        = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>"
          "<methodResponse><params><param><value><array><data><value><boolean>1</boolean></value>"
          "<value><string>&b;</string></value><value><i4>0</i4></value></data></array></value></param>"
          "</params></methodResponse>";
    FakeOned server(replyWith(FakeOned::httpResponse(200, "OK", "text/xml", bomb)));
    const ProcessResult run = against(server.endpoint(), {QStringLiteral("version")});
    EXPECT_EQ(run.exitCode, 6);
    EXPECT_TRUE(run.err.contains(u"document type declarations are not allowed")) << qPrintable(run.err);
}

TEST(CliBadAnswers, A200MegabyteAnswerIsParsedInBoundedMemory)
{
    // A VM_POOL of ~200 MB in one answer, written as the client reads it. The client
    // is the only child of this process, so RUSAGE_CHILDREN's peak is its peak.
    const QByteArray head = "<?xml version=\"1.0\"?><methodResponse><params><param><value><array><data>"
                            "<value><boolean>1</boolean></value><value><string>&lt;VM_POOL&gt;";
    const QByteArray tail = "&lt;/VM_POOL&gt;</string></value><value><i4>0</i4></value></data></array></value>"
                            "</param></params></methodResponse>";
    const QByteArray response
        = PortholeTest::fixture(QStringLiteral("opennebula-live/one.vm.info__vm-vnc-upper.response.xml"));
    const qsizetype start = response.indexOf("<string>") + 8;
    const QByteArray vm = response.mid(start, response.indexOf("</string>") - start);
    ASSERT_GT(vm.size(), 2000);
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    // A sanitized debug build parses ten times slower; 20 MB still streams through every path.
    constexpr qint64 kBodyBytes = 20LL * 1024 * 1024;
#else
    constexpr qint64 kBodyBytes = 200LL * 1024 * 1024;
#endif
    const qint64 vmCount = kBodyBytes / vm.size();
    const auto vmWithId = [vm](qint64 index) {
        return QByteArray(vm).replace(QByteArrayLiteral("&lt;ID&gt;0&lt;/ID&gt;"),
            QByteArray("&lt;ID&gt;" + QByteArray::number(index) + "&lt;/ID&gt;"));
    };
    qint64 total = 0;
    // Pages as oned serves them (start, -size): the client refuses a page longer than it asked.
    FakeOned server([&](QTcpSocket *socket, const QByteArray &request) {
        static const QRegularExpression number(QStringLiteral("<(?:int|i4)>(-?\\d+)</"));
        QList<qint64> numbers;
        for (auto it = number.globalMatch(QString::fromLatin1(request)); it.hasNext();)
            numbers << it.next().captured(1).toLongLong();
        const qint64 first = numbers.value(1);
        const qint64 last = std::min(vmCount, first - numbers.value(2));
        qint64 size = head.size() + tail.size();
        for (qint64 index = first; index < last; ++index)
            size += vm.size() - 1 + QByteArray::number(index).size(); // the ID "0" becomes the index
        total += size;
        auto next = std::make_shared<qint64>(first - 1);
        FakeOned::streamResponse(socket, size, [=] {
            const qint64 index = (*next)++;
            if (index < first)
                return head;
            if (index < last)
                return vmWithId(index);
            return tail;
        });
    });
    const ProcessResult run
        = against(server.endpoint(), {QStringLiteral("vms"), QStringLiteral("--json")}, "password\n");
    ASSERT_EQ(run.exitCode, 0) << qPrintable(run.err.left(500));
    EXPECT_EQ(QJsonDocument::fromJson(run.out.toUtf8()).array().size(), vmCount);
    rusage usage {};
    ASSERT_EQ(getrusage(RUSAGE_CHILDREN, &usage), 0);
    const double peakMiB = usage.ru_maxrss / 1024.0;
    RecordProperty("peak_rss_mib", int(peakMiB));
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    GTEST_SKIP() << "parsed; the sanitizer's shadow memory makes the peak RSS meaningless (" << peakMiB << " MiB)";
#endif
    EXPECT_LT(peakMiB, 2 * 200.0) << "peak RSS " << peakMiB << " MiB for a " << total / (1024 * 1024) << " MiB answer";
}

class CliTls : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        // A fatal assertion here would show in ctest as "Skipped"; SetUp() fails instead.
        s_dir = new QTemporaryDir;
        s_made = PortholeTest::runProgram(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                QStringLiteral("/CN=porthole-test-oned"), QStringLiteral("-addext"),
                QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-keyout"),
                s_dir->filePath(QStringLiteral("key.pem")), QStringLiteral("-out"),
                s_dir->filePath(QStringLiteral("cert.pem"))});
    }
    static void TearDownTestSuite() { delete s_dir; }

    void SetUp() override
    {
        ASSERT_EQ(s_made.exitCode, 0) << "openssl could not make a certificate: " << qPrintable(s_made.err);
        QFile certFile(s_dir->filePath(QStringLiteral("cert.pem")));
        QFile keyFile(s_dir->filePath(QStringLiteral("key.pem")));
        ASSERT_TRUE(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        m_certificate = QSslCertificate(&certFile, QSsl::Pem);
        const QSslKey key(&keyFile, QSsl::Rsa);
        ASSERT_FALSE(m_certificate.isNull());
        m_server.useTls(m_certificate, key);
    }

    QString fingerprint() const
    {
        return QString::fromLatin1(m_certificate.digest(QCryptographicHash::Sha256).toHex(':'));
    }

    static QTemporaryDir *s_dir;
    static ProcessResult s_made;
    QSslCertificate m_certificate;
    FakeOned m_server {replyWith(xmlRpc(QVariantList {true, QStringLiteral("6.10.5"), 0}))};
};
QTemporaryDir *CliTls::s_dir = nullptr;
ProcessResult CliTls::s_made;

TEST_F(CliTls, UntrustedCertificateIsNamedAndRefused)
{
    const ProcessResult run = against(m_server.endpoint(), {QStringLiteral("version")});
    EXPECT_EQ(run.exitCode, 5);
    EXPECT_TRUE(run.err.contains(u"is not trusted")) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(u"subject porthole-test-oned")) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(fingerprint().toUpper())) << qPrintable(run.err);
    // Core's neutral advice, then porthole-cli's own flags for it.
    EXPECT_TRUE(run.err.contains(u"trust the CA that signed it or pin the certificate SHA-256 "_qs
        + fingerprint().toUpper() + u" (--ca-file, --pin-sha256)\n"_qs))
        << qPrintable(run.err);
}

TEST_F(CliTls, MatchingPinIsTrusted)
{
    const ProcessResult run
        = against(m_server.endpoint(), {QStringLiteral("--pin-sha256"), fingerprint(), QStringLiteral("version")});
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_EQ(run.out, QStringLiteral("6.10.5\n"));
}

TEST_F(CliTls, CertificateNotMatchingThePinIsRefused)
{
    const QString wrongPin = QStringLiteral("00").repeated(32);
    const ProcessResult run
        = against(m_server.endpoint(), {QStringLiteral("--pin-sha256"), wrongPin, QStringLiteral("version")});
    EXPECT_EQ(run.exitCode, 5);
    EXPECT_TRUE(run.err.contains(u"does not match the pinned fingerprint")) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(fingerprint().toUpper())) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(u"before changing the pinned fingerprint (--pin-sha256)\n")) << qPrintable(run.err);
}

TEST_F(CliTls, CaFileMakesTheCertificateTrusted)
{
    const ProcessResult run = against(m_server.endpoint(),
        {QStringLiteral("--ca-file"), s_dir->filePath(QStringLiteral("cert.pem")), QStringLiteral("version")});
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
}

TEST_F(CliTls, InsecureWorksButWarns)
{
    const ProcessResult run = against(m_server.endpoint(), {QStringLiteral("--insecure"), QStringLiteral("version")});
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(u"warning: --insecure")) << qPrintable(run.err);
}

// --json failures of cloud and console commands are one shape on stderr: id, sentence, exit code.
TEST_F(CliAgainstDemo, JsonFailuresOfCloudAndConsoleCommandsLookTheSame)
{
    const ProcessResult cloud
        = against(endpoint(), {QStringLiteral("--json"), QStringLiteral("vm"), QStringLiteral("9999")});
    EXPECT_EQ(cloud.exitCode, 4);
    EXPECT_TRUE(cloud.out.isEmpty()) << qPrintable(cloud.out);
    const QJsonObject cloudError = QJsonDocument::fromJson(cloud.err.toUtf8()).object();
    EXPECT_EQ(cloudError.value(u"error").toString(), QStringLiteral("not-found")) << qPrintable(cloud.err);
    EXPECT_EQ(cloudError.value(u"exit_code").toInt(), 4);
    EXPECT_TRUE(cloudError.value(u"message").toString().contains(u"Error getting virtual machine [9999]"));

    QTcpServer closed;
    ASSERT_TRUE(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    const ProcessResult console = cli({QStringLiteral("--json"), QStringLiteral("screenshot"),
        QStringLiteral("vnc://127.0.0.1:%1").arg(port), QStringLiteral("-o"), QStringLiteral("/nonexistent/x.png")});
    EXPECT_EQ(console.exitCode, 5);
    EXPECT_TRUE(console.out.isEmpty()) << qPrintable(console.out);
    const QJsonObject consoleError = QJsonDocument::fromJson(console.err.toUtf8()).object();
    EXPECT_EQ(consoleError.value(u"error").toString(), QStringLiteral("server-unreachable")) << qPrintable(console.err);
    EXPECT_EQ(consoleError.value(u"exit_code").toInt(), 5);
    EXPECT_FALSE(consoleError.value(u"message").toString().isEmpty());
    EXPECT_EQ(consoleError.keys(), cloudError.keys());
}

// D1: a password is not a login token. oned answers a revocation of one with
// "[one.user.login] Could not find token: PASSWORD" (0x1000) and logs it.
TEST_F(CliAgainstDemo, LogoutWithAPasswordSaysThereIsNothingToRevoke)
{
    const ProcessResult run
        = cli({QStringLiteral("--endpoint"), endpoint().toString(), QStringLiteral("--user"), QStringLiteral("alice"),
                  QStringLiteral("--password-stdin"), QStringLiteral("logout")},
            "alicepass\n");
    EXPECT_EQ(run.exitCode, 2) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(u"alice signs in with a password, not a login token: there is nothing to revoke"))
        << qPrintable(run.err);
    EXPECT_FALSE(run.err.contains(u"alicepass")) << qPrintable(run.err);
    EXPECT_FALSE(run.err.contains(u"Could not find token")) << qPrintable(run.err);
    EXPECT_TRUE(run.out.isEmpty());
}

TEST(CliSecrets, LogoutNeverSendsThePasswordAsAToken)
{
    QList<QByteArray> calls;
    const QString user
        = QStringLiteral("<USER><ID>2</ID><GID>1</GID><GNAME>users</GNAME><NAME>alice</NAME>"
                         "<LOGIN_TOKEN><TOKEN>0123456789abcdef</TOKEN><EXPIRATION_TIME>1</EXPIRATION_TIME>"
                         "<EGID>-1</EGID></LOGIN_TOKEN></USER>");
    FakeOned server([&](QTcpSocket *socket, const QByteArray &body) {
        calls << body;
        socket->write(xmlRpc(QVariantList {true, user, 0}));
        socket->disconnectFromHost();
    });
    const ProcessResult run = against(server.endpoint(), {QStringLiteral("logout")}, "s3cr3t-password\n");
    EXPECT_EQ(run.exitCode, 2) << qPrintable(run.err);
    for (const QByteArray &call : std::as_const(calls))
        EXPECT_FALSE(call.contains("one.user.login")) << call.constData();
    EXPECT_FALSE(calls.isEmpty());
}

// Whatever oned echoes of a secret we sent stays out of the output.
TEST(CliSecrets, OnedsEchoOfTheSecretIsRedacted)
{
    FakeOned server(replyWith(xmlRpc(QVariantList {
        false, QStringLiteral("[one.system.version] Could not find token: s3cr3t-password"), 0x1000, -1})));
    const ProcessResult run = against(server.endpoint(), {QStringLiteral("version")}, "s3cr3t-password\n");
    EXPECT_EQ(run.exitCode, 6) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(u"[one.system.version] Could not find token: [redacted]")) << qPrintable(run.err);
    EXPECT_FALSE(run.err.contains(u"s3cr3t")) << qPrintable(run.err);
}

// D2: --verbose logs the calls, never a character of the password.
TEST(CliSecrets, VerboseLogsNoCharacterOfThePassword)
{
    FakeOned server(replyWith(xmlRpc(QVariantList {true, QStringLiteral("7.4.0"), 0})));
    const ProcessResult run
        = against(server.endpoint(), {QStringLiteral("--verbose"), QStringLiteral("version")}, "Zq9xWv7kPm\n");
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(u"calling one.system.version")) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(u"oneadmin")) << qPrintable(run.err);
    EXPECT_FALSE(run.err.contains(u"Zq")) << qPrintable(run.err);
    EXPECT_FALSE(run.err.contains(u":Z")) << qPrintable(run.err);
}

TEST(CliSecrets, VerboseDemoLogsNoCharacterOfThePassword)
{
    // --demo runs the demo cloud in this process: its log lines show too.
    const ProcessResult run = cli({QStringLiteral("--demo"), QStringLiteral("--verbose"), QStringLiteral("whoami")});
    EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(u"calling one.user.info")) << qPrintable(run.err);
    EXPECT_FALSE(run.err.contains(u"pass")) << qPrintable(run.err); // the demo's password is "password"
}

// D3: a malformed --ttl is a usage error at once; the process must end, not wait forever.
TEST_F(CliAgainstDemo, MalformedTtlExits2Promptly)
{
    for (const QString &ttl : {QStringLiteral("-5"), QStringLiteral("abc")}) {
        const ProcessResult run = cli(
            {QStringLiteral("--endpoint"), endpoint().toString(), QStringLiteral("--user"), QStringLiteral("oneadmin"),
                QStringLiteral("--password-stdin"), QStringLiteral("login"), QStringLiteral("--ttl"), ttl},
            "password\n", 10000);
        EXPECT_TRUE(run.finished) << "login --ttl " << qPrintable(ttl) << " did not end within 10 s";
        EXPECT_EQ(run.exitCode, 2) << qPrintable(ttl);
        EXPECT_TRUE(run.err.contains(QStringLiteral("--ttl wants"))) << qPrintable(run.err);
        EXPECT_TRUE(run.out.isEmpty()) << qPrintable(run.out);
    }
}

// D4: oned revokes every login token of the user for --ttl 0 and answers "", which
// would make `login > ~/.one/one_auth` write "user:". Refused before anything is sent.
TEST_F(CliAgainstDemo, LoginWithTtlZeroIsRefusedAndKeepsTheTokens)
{
    const ProcessResult login = against(endpoint(), {QStringLiteral("login")});
    ASSERT_EQ(login.exitCode, 0) << qPrintable(login.err);
    const QByteArray token = login.out.trimmed().mid(9).toUtf8() + '\n';

    const ProcessResult zero
        = against(endpoint(), {QStringLiteral("login"), QStringLiteral("--ttl"), QStringLiteral("0")});
    EXPECT_EQ(zero.exitCode, 2) << qPrintable(zero.err);
    EXPECT_TRUE(zero.err.contains(u"--ttl 0 would make oned revoke every login token of the user"))
        << qPrintable(zero.err);
    EXPECT_TRUE(zero.out.isEmpty()) << qPrintable(zero.out);
    EXPECT_EQ(against(endpoint(), {QStringLiteral("whoami")}, token).exitCode, 0); // the token still works
}

// D10: --state takes any, alive (the default: all but DONE) or one VM STATE, in any case.
TEST_F(CliAgainstDemo, StateVocabularyIsUnambiguous)
{
    auto ids = [this](const QStringList &state) {
        const ProcessResult run
            = against(endpoint(), QStringList {QStringLiteral("vms"), QStringLiteral("--json")} + state);
        EXPECT_EQ(run.exitCode, 0) << qPrintable(state.join(u' ') + u'\n' + run.err);
        QList<int> list;
        for (const QJsonValue &vm : QJsonDocument::fromJson(run.out.toUtf8()).array())
            list << vm.toObject().value(u"id").toInt();
        return list;
    };
    const QList<int> alive = ids({});
    EXPECT_EQ(ids({QStringLiteral("--state"), QStringLiteral("alive")}), alive);
    const QList<int> active = ids({QStringLiteral("--state"), QStringLiteral("ACTIVE")});
    EXPECT_EQ(ids({QStringLiteral("--state"), QStringLiteral("active")}), active); // the same word, the same VMs
    EXPECT_LT(active.size(), alive.size()); // the demo has VMs in POWEROFF, HOLD, PENDING…
    EXPECT_GT(ids({QStringLiteral("--state"), QStringLiteral("any")}).size(), alive.size()); // DONE too

    const ProcessResult sleepy
        = against(endpoint(), {QStringLiteral("vms"), QStringLiteral("--state"), QStringLiteral("SLEEPY")});
    EXPECT_EQ(sleepy.exitCode, 2);
    EXPECT_TRUE(sleepy.err.contains(u"--state wants any, alive or a VM state (INIT, PENDING, HOLD, ACTIVE, "))
        << qPrintable(sleepy.err);
    EXPECT_TRUE(sleepy.err.contains(u"got \"SLEEPY\"")) << qPrintable(sleepy.err);
    EXPECT_FALSE(sleepy.err.contains(u"'s")) << qPrintable(sleepy.err);

    const ProcessResult running
        = against(endpoint(), {QStringLiteral("vms"), QStringLiteral("--state"), QStringLiteral("running")});
    EXPECT_EQ(running.exitCode, 2);
    EXPECT_TRUE(running.err.contains(u"--state running: RUNNING is an LCM state, a step within the VM state ACTIVE; "
                                     u"oned filters by VM state only, so use --state ACTIVE"))
        << qPrintable(running.err);
}

// D12: most templates carry no VCPU (oned 7.4's one.vm.info__vm_1 has CPU and MEMORY only);
// `vm ID` shows what oned says, not a VCPU count of its own. Demo VM 0 is such a VM, VM 9 has VCPU 2.
TEST_F(CliAgainstDemo, VmShowsOnlyTheCpuOnedGives)
{
    auto cpuLine = [this](int id) {
        const ProcessResult run = against(endpoint(), {QStringLiteral("vm"), QString::number(id)});
        EXPECT_EQ(run.exitCode, 0) << qPrintable(run.err);
        for (const QString &line : run.out.split(u'\n')) {
            if (line.startsWith(u"CPU "))
                return line.simplified();
        }
        return QString();
    };
    EXPECT_EQ(cpuLine(0), QStringLiteral("CPU 0.1"));
    EXPECT_EQ(cpuLine(9), QStringLiteral("CPU 0.5 (2 VCPU)"));
}

// oned 7.x serves gRPC on 2634 (HTTP/2 only): an XML-RPC POST there is closed unanswered.
// So is one to an endpoint without /RPC2, which 7.x's CLI reads as a gRPC address.
namespace {
FakeOned::Responder closeUnanswered()
{
    return [](QTcpSocket *socket, const QByteArray &) { socket->abort(); };
}
} // namespace

TEST(CliNetwork, EndpointWithoutRpc2ThatHangsUpGetsTheGrpcHint)
{
    FakeOned grpc(closeUnanswered());
    QUrl url = grpc.endpoint();
    url.setPath(QStringLiteral("/"));
    const ProcessResult run = against(url, {QStringLiteral("version")});
    EXPECT_EQ(run.exitCode, 5) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(u"closed the connection without answering")) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(u"Is this oned 7.x's gRPC endpoint (port 2634)? It does not speak XML-RPC; oned's "
                                 u"XML-RPC endpoint is http://127.0.0.1:2633/RPC2"))
        << qPrintable(run.err);
}

TEST(CliNetwork, Port2634ThatHangsUpGetsTheGrpcHint)
{
    FakeOned grpc(closeUnanswered());
    grpc.close();
    if (!grpc.listen(QHostAddress::LocalHost, 2634))
        GTEST_SKIP() << "127.0.0.1:2634 is taken: " << qPrintable(grpc.errorString());
    const ProcessResult run = against(QUrl(QStringLiteral("http://127.0.0.1:2634/RPC2")), {QStringLiteral("version")});
    EXPECT_EQ(run.exitCode, 5) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(u"Is this oned 7.x's gRPC endpoint (port 2634)?")) << qPrintable(run.err);
}

TEST(CliNetwork, AnRpc2EndpointThatHangsUpGetsNoGrpcHint)
{
    FakeOned server(closeUnanswered());
    const ProcessResult run = against(server.endpoint(), {QStringLiteral("version")});
    EXPECT_EQ(run.exitCode, 5) << qPrintable(run.err);
    EXPECT_TRUE(run.err.contains(u"closed the connection without answering")) << qPrintable(run.err);
    EXPECT_FALSE(run.err.contains(u"gRPC")) << qPrintable(run.err);
}

// D6: addon-vnctoken answers 0x0400 for every one.vm.info failure (passing on oned's
// text) and for a non-VNC console; the words, not the code, say what happened. The
// answers below are the real addon's (vnctoken-server.rb get_vm, get_vm_data).
TEST_F(CliAgainstDemo, AddonFailuresAreClassifiedByWhatTheAddonSaid)
{
    struct Case
    {
        QString message;
        int code;
        int exit;
        const char *expected;
    };
    const QList<Case> cases = {
        {QStringLiteral("[one.vm.info] User couldn't be authenticated, aborting call."), 0x400, 3,
            "oned refused the credentials the addon passed on"},
        {QStringLiteral("[one.vm.info] User [2] : Not authorized to perform USE VM [0]."), 0x400, 3,
            "the signed-in user may not use this VM"},
        {QStringLiteral("[one.vm.info] Error getting virtual machine [0]."), 0x400, 4, "check the ID"},
        {QStringLiteral("Connection refused - connect(2) for \"127.0.0.1\" port 2633"), 0x400, 5,
            "addon-vnctoken could not reach oned"},
        {QStringLiteral("Graphics type 'SPICE' but 'VNC' expected"), 0x400, 4, "makes tokens for VNC consoles only"},
        {QStringLiteral("Unsupported VM state! STATE:8 LCM_STATE:0"), 0x800, 6, "only for RUNNING VMs"},
    };
    for (const Case &c : cases) {
        FakeOned addon(replyWith(xmlRpc(QVariantList {false, c.message, c.code})));
        const ProcessResult run = against(endpoint(),
            {QStringLiteral("token"), QStringLiteral("0"), QStringLiteral("--vnctoken-endpoint"),
                addon.endpoint().toString()});
        EXPECT_EQ(run.exitCode, c.exit) << qPrintable(c.message + u'\n' + run.err);
        EXPECT_TRUE(run.err.contains(
            QStringLiteral("addon-vnctoken at %1 said: %2").arg(addon.endpoint().toDisplayString(), c.message)))
            << qPrintable(run.err);
        EXPECT_TRUE(run.err.contains(QLatin1String(c.expected))) << qPrintable(run.err);
        EXPECT_FALSE(run.err.contains(u"oned said")) << qPrintable(run.err);
        if (c.exit != 4) {
            EXPECT_FALSE(run.err.contains(u"check the ID")) << qPrintable(run.err);
        }
    }
}

// Other users see a process's command line (ps, /proc/PID/cmdline): the console URL's token
// and password are gone from it once porthole-cli runs, and it says how to keep them out.
TEST(CliSecrets, TokensAndPasswordsLeaveTheVisibleCommandLine)
{
    QTcpServer silent; // accepts and never answers: the probe waits while we look
    ASSERT_TRUE(silent.listen(QHostAddress::LocalHost, 0));
    QProcess cli;
    cli.start(PortholeTest::builtProgram(QStringLiteral("app/porthole-cli")),
        {QStringLiteral("probe"),
            QStringLiteral("ws://:vnc-pass@127.0.0.1:%1/websockify?token=cmdline-secret-token")
                .arg(silent.serverPort())});
    ASSERT_TRUE(cli.waitForStarted());
    QSignalSpy connected(&silent, &QTcpServer::newConnection);
    ASSERT_TRUE(connected.wait(30000)) << "the probe never connected";
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(cli.processId()));
    ASSERT_TRUE(cmdline.open(QIODevice::ReadOnly));
    const QByteArray shown = cmdline.readAll();
    cli.kill();
    cli.waitForFinished();
    EXPECT_TRUE(shown.contains("probe")) << shown.constData();
    EXPECT_FALSE(shown.contains("cmdline-secret")) << shown.constData();
    EXPECT_FALSE(shown.contains("vnc-pass")) << shown.constData();
    EXPECT_TRUE(QString::fromUtf8(cli.readAllStandardError()).contains(u"--password-stdin"));
}
