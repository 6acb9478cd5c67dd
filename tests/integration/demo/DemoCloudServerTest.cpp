// SPDX-License-Identifier: GPL-2.0-or-later
// The demo cloud over real HTTP on 127.0.0.1: the Abyss-like transport
// (status codes, headers, HTML pages, one request per connection, partial and
// slow clients), oned's answers replayed from the recorded requests, and the
// lead's XML-RPC codec on both ends.
#include "demo/DemoCloudServer.h"

#include "DemoCloudTestUtil.h"
#include "TestSupport.h"
#include "demo/DemoCloud.h"
#include "xmlrpc/XmlRpcReader.h"
#include "xmlrpc/XmlRpcWriter.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpSocket>

#include <memory>
#include <vector>

using namespace Porthole;

namespace {

constexpr int kWaitMs = 30000; // generous: CI machines are loaded

const QString kAdmin = QStringLiteral("oneadmin:password");

struct HttpAnswer
{
    int status = 0;
    QByteArray contentType;
    QByteArray connection;
    QByteArray server;
    QByteArray body;
    bool finished = false;
};

class DemoCloudServerTest : public ::testing::Test
{
protected:
    DemoCloudServer server;
    QNetworkAccessManager network;

    void SetUp() override
    {
        ASSERT_TRUE(server.listen(QHostAddress::LocalHost, 0)) << qPrintable(server.errorString());
    }
    void TearDown() override { server.close(); }

    HttpAnswer send(const QByteArray &verb, const QByteArray &body, const QUrl &url = {})
    {
        QNetworkRequest request(url.isEmpty() ? server.endpoint() : url);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/xml"));
        QNetworkReply *reply = network.sendCustomRequest(request, verb, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        HttpAnswer a;
        a.finished = reply->isFinished() || done.wait(kWaitMs);
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.contentType = reply->rawHeader("Content-Type");
        a.connection = reply->rawHeader("Connection");
        a.server = reply->rawHeader("Server");
        a.body = reply->readAll();
        reply->deleteLater();
        return a;
    }

    HttpAnswer post(const QByteArray &body) { return send("POST", body); }

    std::unique_ptr<XmlRpcReader> rpc(const QString &method, const QVariantList &params, QByteArray *raw = nullptr)
    {
        const HttpAnswer a = post(XmlRpcWriter::methodCall(method, params));
        EXPECT_TRUE(a.finished);
        EXPECT_EQ(a.status, 200);
        EXPECT_EQ(a.contentType, QByteArrayLiteral("text/xml; charset=utf-8"));
        if (raw)
            *raw = a.body;
        auto reader = XmlRpcReader::parse(XmlRpcReader::Kind::Response, a.body);
        EXPECT_FALSE(reader->hasError()) << qPrintable(reader->errorString());
        return reader;
    }

    QVariant okResult(const QString &method, const QVariantList &params)
    {
        const auto reader = rpc(method, params);
        const QVariantList env = reader->value().toList();
        EXPECT_EQ(env.size(), 3);
        EXPECT_TRUE(env.value(0).toBool()) << qPrintable(env.value(1).toString());
        return env.value(1);
    }

    // A raw socket client for what QNetworkAccessManager will not send.
    std::unique_ptr<QTcpSocket> rawConnect()
    {
        auto socket = std::make_unique<QTcpSocket>();
        QSignalSpy connected(socket.get(), &QTcpSocket::connected);
        socket->connectToHost(QHostAddress::LocalHost, server.port());
        EXPECT_TRUE(connected.wait(kWaitMs));
        return socket;
    }

    // Everything the server sends until it closes the connection. The server
    // shares this thread, so waiting must spin the event loop (QSignalSpy::wait),
    // never block in waitForReadyRead().
    static QByteArray readUntilClosed(QTcpSocket &socket)
    {
        QByteArray all;
        QObject guard;
        QObject::connect(&socket, &QTcpSocket::readyRead, &guard, [&] { all += socket.readAll(); });
        QSignalSpy closed(&socket, &QTcpSocket::disconnected);
        if (socket.state() == QAbstractSocket::ConnectedState)
            closed.wait(kWaitMs);
        all += socket.readAll();
        return all;
    }

    static QByteArray request(const QByteArray &body)
    {
        return QByteArrayLiteral("POST /RPC2 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nContent-Length: ")
            + QByteArray::number(body.size()) + QByteArrayLiteral("\r\n\r\n") + body;
    }

    static QList<int> idsIn(const QString &poolXml)
    {
        QList<int> ids;
        static const QRegularExpression re(QStringLiteral("<VM><ID>(\\d+)</ID>"));
        auto it = re.globalMatch(poolXml);
        while (it.hasNext())
            ids.append(it.next().captured(1).toInt());
        return ids;
    }
};

TEST_F(DemoCloudServerTest, EndpointAndCredentials)
{
    EXPECT_EQ(server.endpoint(), QUrl(QStringLiteral("http://127.0.0.1:%1/RPC2").arg(server.port())));
    EXPECT_NE(server.port(), 0);
    EXPECT_EQ(server.demoUser(), QStringLiteral("oneadmin"));
    EXPECT_EQ(server.demoPassword(), QStringLiteral("password"));
}

TEST_F(DemoCloudServerTest, VersionWithAbyssHeaders)
{
    const HttpAnswer a = post(XmlRpcWriter::methodCall(QStringLiteral("one.system.version"), {kAdmin}));
    ASSERT_TRUE(a.finished);
    EXPECT_EQ(a.status, 200);
    EXPECT_EQ(a.contentType, QByteArrayLiteral("text/xml; charset=utf-8"));
    EXPECT_EQ(a.connection, QByteArrayLiteral("close"));
    EXPECT_EQ(a.server, QByteArrayLiteral("Xmlrpc-c_Abyss/1.33.14"));
    const auto reader = XmlRpcReader::parse(XmlRpcReader::Kind::Response, a.body);
    ASSERT_FALSE(reader->hasError());
    EXPECT_EQ(reader->value().toList(), (QVariantList {true, QStringLiteral("6.10.5"), 0}));
}

TEST_F(DemoCloudServerTest, BadPasswordEnvelopeEndsWithI8)
{
    QByteArray raw;
    const auto reader = rpc(QStringLiteral("one.user.info"), {QStringLiteral("oneadmin:wrong"), -1}, &raw);
    EXPECT_TRUE(raw.contains("<i8>-1</i8>")) << raw.constData();
    const QVariantList env = reader->value().toList();
    ASSERT_EQ(env.size(), 5);
    EXPECT_EQ(env.at(0), QVariant(false));
    EXPECT_EQ(env.at(1).toString(), QStringLiteral("[one.user.info] User couldn't be authenticated, aborting call."));
    EXPECT_EQ(env.at(2), QVariant(256));
    EXPECT_EQ(env.at(3), QVariant(-1));
    EXPECT_EQ(env.at(4).typeId(), QMetaType::LongLong);
    EXPECT_EQ(env.at(4).toLongLong(), -1);
}

TEST_F(DemoCloudServerTest, GetIs405WithAbyssPage)
{
    const HttpAnswer a = send("GET", QByteArray());
    ASSERT_TRUE(a.finished);
    EXPECT_EQ(a.status, 405);
    EXPECT_EQ(a.contentType, QByteArrayLiteral("text/html"));
    EXPECT_EQ(a.body, PortholeTest::fixture(QStringLiteral("opennebula-live/protocol__GET.response.xml")));
}

TEST_F(DemoCloudServerTest, EmptyPostIs400WithAbyssPage)
{
    const HttpAnswer a = post(QByteArray());
    ASSERT_TRUE(a.finished);
    EXPECT_EQ(a.status, 400);
    EXPECT_EQ(a.body, PortholeTest::fixture(QStringLiteral("opennebula-live/protocol__empty_body.response.xml")));
}

TEST_F(DemoCloudServerTest, OtherPathIs404)
{
    QUrl url = server.endpoint();
    url.setPath(QStringLiteral("/nope"));
    const HttpAnswer a = send("POST", XmlRpcWriter::methodCall(QStringLiteral("one.system.version"), {kAdmin}), url);
    EXPECT_EQ(a.status, 404);
    EXPECT_TRUE(a.body.contains("it's not the one you requested: '/nope'")) << a.body.constData();
}

TEST_F(DemoCloudServerTest, MalformedXmlIsFault503)
{
    const HttpAnswer a
        = post(PortholeTest::fixture(QStringLiteral("opennebula-live/protocol__malformed_xml.request.xml")));
    EXPECT_EQ(a.status, 200);
    const auto reader = XmlRpcReader::parse(XmlRpcReader::Kind::Response, a.body);
    ASSERT_FALSE(reader->hasError());
    ASSERT_TRUE(reader->isFault());
    EXPECT_EQ(reader->faultCode(), -503);
    EXPECT_TRUE(reader->faultString().startsWith(
        QStringLiteral("Call XML not a proper XML-RPC call.  Call is not valid XML.  ")))
        << qPrintable(reader->faultString());

    // Well-formed XML that is not a methodCall is refused the same way, without the "not valid XML" part.
    const HttpAnswer b = post(QByteArrayLiteral("<?xml version=\"1.0\"?><hello/>"));
    const auto r2 = XmlRpcReader::parse(XmlRpcReader::Kind::Response, b.body);
    ASSERT_TRUE(r2->isFault());
    EXPECT_EQ(r2->faultCode(), -503);
    EXPECT_TRUE(r2->faultString().startsWith(QStringLiteral("Call XML not a proper XML-RPC call.  ")));
    EXPECT_FALSE(r2->faultString().contains(QStringLiteral("Call is not valid XML")));
}

TEST_F(DemoCloudServerTest, EntityExpansionIsRefused)
{
    const QByteArray bomb = QByteArrayLiteral(
        "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
        "<methodCall><methodName>one.system.version</methodName><params><param><value><string>&b;</string></value>"
        "</param></params></methodCall>");
    const HttpAnswer a = post(bomb);
    const auto reader = XmlRpcReader::parse(XmlRpcReader::Kind::Response, a.body);
    ASSERT_TRUE(reader->isFault());
    EXPECT_EQ(reader->faultCode(), -503);
}

// Requests whose answers do not depend on what the recorded cloud held: the
// demo must answer them exactly as the real oned 6.10.5 did.
TEST_F(DemoCloudServerTest, ReplaysOfRecordedRequestsGiveOnedsAnswers)
{
    const char *const cases[] = {
        "one.system.version__ok",
        "one.system.version__bad_session",
        "one.user.info__bad_password",
        "one.user.info__unknown_user",
        "one.user.info__empty_session",
        "one.user.info__session_without_colon",
        "one.user.info__nonexistent_user_id",
        "one.user.login__bad_password",
        "one.user.login__token_expire_0_invalidate",
        "one.vm.info__nonexistent_9999",
        "one.vm.info__negative_id",
        "one.vm.info__bad_session",
        "one.vm.info__string_id",
        "one.vm.info__double_id",
        "one.vm.info__missing_id",
        "one.vm.info__session_as_int",
        "one.vm.info__as_alice_oneadmin_vm",
        "one.vmpool.info__filter_-5_invalid",
        "one.vmpool.info__state_99_invalid",
        "one.vmpool.info__state_-3_invalid",
        "one.vmpool.info__json_query_6th_param",
        "one.vmpool.info__only_4_params",
        "one.vmpool.info__bad_session",
        "one.vmpool.info__string_filter_flag",
        "one.vmpool.info__page_offset10_limit2_past_end",
        "one.vmpool.infoextended__bad_session",
        "one.no.such.method__unknown_method",
    };
    for (const char *name : cases) {
        SCOPED_TRACE(name);
        const QString stem = QStringLiteral("opennebula-live/") + QLatin1String(name);
        const QByteArray requestBody = PortholeTest::fixture(stem + QStringLiteral(".request.xml"));
        const auto expected = XmlRpcReader::parse(
            XmlRpcReader::Kind::Response, PortholeTest::fixture(stem + QStringLiteral(".response.xml")));
        ASSERT_FALSE(expected->hasError());
        const HttpAnswer a = post(requestBody);
        ASSERT_EQ(a.status, 200);
        const auto actual = XmlRpcReader::parse(XmlRpcReader::Kind::Response, a.body);
        ASSERT_FALSE(actual->hasError()) << qPrintable(actual->errorString());
        EXPECT_EQ(actual->isFault(), expected->isFault());
        EXPECT_EQ(actual->faultCode(), expected->faultCode());
        EXPECT_EQ(actual->faultString(), expected->faultString());
        EXPECT_EQ(actual->value(), expected->value()) << qPrintable(actual->value().toList().value(1).toString());
    }
}

TEST_F(DemoCloudServerTest, UntypedSessionAndI4AreAccepted)
{
    const HttpAnswer a = post(
        PortholeTest::fixture(QStringLiteral("opennebula-live/one.vmpool.info__i4_tags_untyped_string.request.xml")));
    const auto reader = XmlRpcReader::parse(XmlRpcReader::Kind::Response, a.body);
    const QVariantList env = reader->value().toList();
    ASSERT_EQ(env.size(), 3);
    EXPECT_TRUE(env.at(0).toBool());
    EXPECT_EQ(idsIn(env.at(1).toString()), (QList<int> {9, 7, 6, 5, 4, 3, 2, 1, 0}));
}

TEST_F(DemoCloudServerTest, LoginTokenOverHttp)
{
    const QString token
        = okResult(QStringLiteral("one.user.login"), {kAdmin, QStringLiteral("oneadmin"), QString(), 3600, -1})
              .toString();
    ASSERT_EQ(token.size(), 64);
    const QString session = QStringLiteral("oneadmin:") + token;
    EXPECT_TRUE(okResult(QStringLiteral("one.user.info"), {session, -1})
                    .toString()
                    .contains(QStringLiteral("<LOGIN_TOKEN><TOKEN>") + token));
    EXPECT_EQ(okResult(QStringLiteral("one.user.login"), {kAdmin, QStringLiteral("oneadmin"), token, 0, -1}).toString(),
        token);
    const QVariantList env = rpc(QStringLiteral("one.system.version"), {session})->value().toList();
    ASSERT_EQ(env.size(), 5);
    EXPECT_EQ(env.at(2), QVariant(256));
}

TEST_F(DemoCloudServerTest, PagingAndFilters)
{
    EXPECT_EQ(
        idsIn(okResult(QStringLiteral("one.vmpool.info"), {kAdmin, -2, 0, -2, -1}).toString()), (QList<int> {9, 7}));
    EXPECT_EQ(okResult(QStringLiteral("one.vmpool.info"), {kAdmin, -2, 50, -2, -1}).toString(),
        QStringLiteral("<VM_POOL></VM_POOL>"));
    EXPECT_EQ(idsIn(okResult(QStringLiteral("one.vmpool.infoextended"), {kAdmin, -2, -1, -1, -2}).toString()),
        (QList<int> {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}));
    EXPECT_EQ(idsIn(okResult(QStringLiteral("one.vmpool.info"), {QStringLiteral("alice:alicepass"), -2, -1, -1, -1})
                        .toString()),
        (QList<int> {9}));
    const QVariantList env = rpc(QStringLiteral("one.vmpool.info"), {kAdmin, -2, -1, -1, 42})->value().toList();
    ASSERT_EQ(env.size(), 5);
    EXPECT_EQ(env.at(1).toString(), QStringLiteral("[one.vmpool.info] Incorrect filter_flag, state"));
    EXPECT_EQ(env.at(2), QVariant(4096));
}

TEST_F(DemoCloudServerTest, VmInfoOverHttp)
{
    EXPECT_TRUE(okResult(QStringLiteral("one.vm.info"), {kAdmin, 1})
                    .toString()
                    .contains(QStringLiteral("<TYPE><![CDATA[vnc]]></TYPE>")));
    const QVariantList env = rpc(QStringLiteral("one.vm.info"), {kAdmin, 9999})->value().toList();
    ASSERT_EQ(env.size(), 5);
    EXPECT_EQ(env.at(1).toString(), QStringLiteral("[one.vm.info] Error getting virtual machine [9999]."));
    EXPECT_EQ(env.at(3), QVariant(9999));
}

TEST_F(DemoCloudServerTest, VncTokenMethodsOverHttp)
{
    QSignalSpy issued(server.cloud(), &DemoCloud::consoleTokenIssued);
    const QVariantMap data = okResult(QStringLiteral("one.vm.vnctoken"), {kAdmin, 0}).toMap();
    EXPECT_EQ(data.keys(),
        (QStringList {QStringLiteral("host"), QStringLiteral("id"), QStringLiteral("listen"),
            QStringLiteral("password"), QStringLiteral("port"), QStringLiteral("token"), QStringLiteral("type"),
            QStringLiteral("wss")}));
    EXPECT_EQ(data.value(QStringLiteral("port")), QVariant(5900));
    EXPECT_EQ(data.value(QStringLiteral("wss")), QVariant(false));
    EXPECT_EQ(server.cloud()->consoleTarget(data.value(QStringLiteral("token")).toString()),
        QStringLiteral("node-1.demo:5900"));

    const QString only = okResult(QStringLiteral("one.vm.vnctokenonly"), {kAdmin, 1}).toString();
    EXPECT_FALSE(server.cloud()->consoleTarget(only).isEmpty());

    const QString xml = okResult(QStringLiteral("one.vm.vnc"), {kAdmin, 2}).toString();
    EXPECT_TRUE(xml.contains(QStringLiteral("<PASSWORD>s3cr&t</PASSWORD>"))) << qPrintable(xml);
    EXPECT_EQ(issued.size(), 3);

    const QVariantList spice = rpc(QStringLiteral("one.vm.vnctoken"), {kAdmin, 3})->value().toList();
    EXPECT_EQ(spice, (QVariantList {false, QStringLiteral("Graphics type 'SPICE' but 'VNC' expected"), 1024}));
    const QVariantList off = rpc(QStringLiteral("one.vm.vnctoken"), {kAdmin, 5})->value().toList();
    EXPECT_EQ(off, (QVariantList {false, QStringLiteral("Unsupported VM state! STATE:8 LCM_STATE:0"), 2048}));
    EXPECT_EQ(issued.size(), 3);
}

TEST_F(DemoCloudServerTest, TenThousandVmsServedCompletelyByPaging)
{
    server.cloud()->setExtraVms(10000);
    QList<int> all;
    int pages = 0;
    for (int offset = 0;; offset += 1000) {
        const QList<int> page
            = idsIn(okResult(QStringLiteral("one.vmpool.info"), {kAdmin, -2, offset, -1000, -2}).toString());
        ++pages;
        all += page;
        if (page.size() < 1000 || pages > 20)
            break;
    }
    EXPECT_EQ(pages, 11);
    ASSERT_EQ(all.size(), 10010);
    for (int i = 0; i < all.size(); ++i)
        ASSERT_EQ(all.at(i), 10009 - i);
}

TEST_F(DemoCloudServerTest, PartialReadsAreReassembled)
{
    const QByteArray whole = request(XmlRpcWriter::methodCall(QStringLiteral("one.system.version"), {kAdmin}));
    auto socket = rawConnect();
    // Byte by byte through the header, then the body in two pieces.
    const qsizetype headerEnd = whole.indexOf("\r\n\r\n") + 4;
    for (qsizetype i = 0; i < headerEnd; i += 7) {
        socket->write(whole.mid(i, std::min<qsizetype>(7, headerEnd - i)));
        socket->flush();
    }
    socket->write(whole.mid(headerEnd, 20));
    socket->flush();
    QSignalSpy early(socket.get(), &QTcpSocket::readyRead);
    EXPECT_FALSE(early.wait(300)); // nothing is answered before the body is complete
    socket->write(whole.mid(headerEnd + 20));
    const QByteArray answer = readUntilClosed(*socket);
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 200 OK\r\n")) << answer.constData();
    EXPECT_TRUE(answer.contains("<string>6.10.5</string>"));
}

TEST_F(DemoCloudServerTest, ExpectContinueIsAnswered)
{
    const QByteArray body = XmlRpcWriter::methodCall(QStringLiteral("one.system.version"), {kAdmin});
    auto socket = rawConnect();
    QSignalSpy ready(socket.get(), &QTcpSocket::readyRead);
    socket->write(QByteArrayLiteral("POST /RPC2 HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: ")
        + QByteArray::number(body.size()) + QByteArrayLiteral("\r\n\r\n"));
    ASSERT_TRUE(ready.wait(kWaitMs));
    EXPECT_EQ(socket->readAll(), QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
    socket->write(body);
    const QByteArray answer = readUntilClosed(*socket);
    EXPECT_TRUE(answer.startsWith("HTTP/1.1 200 OK\r\n")) << answer.constData();
    EXPECT_TRUE(answer.contains("<string>6.10.5</string>"));
}

TEST_F(DemoCloudServerTest, OneRequestPerConnection)
{
    const QByteArray one = request(XmlRpcWriter::methodCall(QStringLiteral("one.system.version"), {kAdmin}));
    auto socket = rawConnect();
    socket->write(one + one); // a pipelined second request is not answered
    const QByteArray answer = readUntilClosed(*socket);
    EXPECT_EQ(answer.count("HTTP/1.1 200 OK"), 1);
    EXPECT_TRUE(answer.contains("Connection: close\r\n"));
    EXPECT_NE(socket->state(), QAbstractSocket::ConnectedState);
}

TEST_F(DemoCloudServerTest, SlowClientDoesNotBlockOthers)
{
    auto slow = rawConnect();
    slow->write("POST /RPC2 HTTP/1.1\r\nContent-Le");
    slow->flush();
    // While the slow client sits on half a header, others are served.
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(okResult(QStringLiteral("one.system.version"), {kAdmin}).toString(), QStringLiteral("6.10.5"));
    EXPECT_GE(server.openConnections(), 1);
    EXPECT_EQ(slow->state(), QAbstractSocket::ConnectedState);
}

TEST_F(DemoCloudServerTest, ManyConcurrentConnections)
{
    constexpr int kClients = 64;
    const QByteArray req = request(XmlRpcWriter::methodCall(QStringLiteral("one.vm.info"), {kAdmin, 0}));
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < kClients; ++i) {
        sockets.push_back(rawConnect());
        sockets.back()->write(req.left(req.size() / 2));
    }
    for (auto &s : sockets)
        s->write(req.mid(req.size() / 2));
    int answered = 0;
    for (auto &s : sockets) {
        const QByteArray answer = readUntilClosed(*s);
        if (answer.startsWith("HTTP/1.1 200 OK") && answer.contains("&lt;NAME&gt;web-1&lt;/NAME&gt;"))
            ++answered;
    }
    EXPECT_EQ(answered, kClients);
}

TEST_F(DemoCloudServerTest, TransportRefusals)
{
    auto expectStatus = [this](const QByteArray &raw, const QByteArray &statusLine, const QByteArray &text) {
        auto socket = rawConnect();
        socket->write(raw);
        const QByteArray answer = readUntilClosed(*socket);
        EXPECT_TRUE(answer.startsWith(statusLine)) << answer.constData();
        EXPECT_TRUE(answer.contains(text)) << answer.constData();
    };
    expectStatus("POST /RPC2 HTTP/1.1\r\nHost: x\r\n\r\n", "HTTP/1.1 411 Length Required",
        "You must send a content-length HTTP header in an XML-RPC call.");
    expectStatus("POST /RPC2 HTTP/1.1\r\nContent-Length: 12abc\r\n\r\n", "HTTP/1.1 400 Bad Request",
        "non-numeric crap in the value of your content-length HTTP header: '12abc'");
    // Too large: refused from the header alone, without waiting for the body.
    server.setMaxRequestSize(1024 * 1024);
    expectStatus("POST /RPC2 HTTP/1.1\r\nContent-Length: 2000000\r\n\r\n", "HTTP/1.1 500 Internal Server Error",
        "XML-RPC request too large (2000000 bytes)");
    expectStatus("garbage\r\n\r\n", "HTTP/1.1 400 Bad Request", "<H1>Error 400</H1>");
    expectStatus("OPTIONS /RPC2 HTTP/1.1\r\n\r\n", "HTTP/1.1 200 OK", "Allow: POST");
    // A header that never ends is cut off.
    expectStatus(
        "POST /RPC2 HTTP/1.1\r\nX-Long: " + QByteArray(70 * 1024, 'a'), "HTTP/1.1 400 Bad Request", "too large");
}

// Bad input gets an answer, never a crash: every truncation of a valid call
// and some random bytes each come back as a well-formed XML-RPC response.
TEST_F(DemoCloudServerTest, TruncatedAndRandomBodiesAlwaysGetAnAnswer)
{
    const QByteArray call
        = XmlRpcWriter::methodCall(QStringLiteral("one.vmpool.info"), {kAdmin, -2, 0, -3, -1}).trimmed();
    QList<QByteArray> bodies;
    for (qsizetype n = 1; n < call.size(); n += 3)
        bodies.append(call.left(n));
    QRandomGenerator rng(4242); // fixed seed: a failure can be replayed
    for (int i = 0; i < 40; ++i) {
        QByteArray junk(1 + rng.bounded(300), Qt::Uninitialized);
        for (char &c : junk)
            c = char(rng.bounded(256));
        bodies.append(junk);
    }
    int faults = 0;
    for (const QByteArray &body : bodies) {
        const HttpAnswer a = post(body);
        ASSERT_TRUE(a.finished);
        ASSERT_EQ(a.status, 200) << body.constData();
        const auto reader = XmlRpcReader::parse(XmlRpcReader::Kind::Response, a.body);
        ASSERT_FALSE(reader->hasError()) << qPrintable(reader->errorString());
        if (reader->isFault())
            ++faults;
    }
    EXPECT_EQ(faults, bodies.size()); // none of them is a complete call
    EXPECT_TRUE(okResult(QStringLiteral("one.system.version"), {kAdmin}).isValid()); // and the server still serves
}

// An independent XML-RPC implementation (Python's xmlrpc.client, as used for
// the oned captures) reads the demo's answers the way it read the real oned's.
TEST_F(DemoCloudServerTest, PythonXmlRpcClientUnderstandsTheDemo)
{
    const QString script = QStringLiteral(R"PY(
import json, sys, xmlrpc.client
s = xmlrpc.client.ServerProxy(sys.argv[1])
out = {}
out["version"] = s.one.system.version("oneadmin:password")
out["bad"] = s.one.user.info("oneadmin:nope", -1)
out["page"] = s.one.vmpool.info("oneadmin:password", -2, 0, -2, -1)[1][:40]
tok = s.one.vm.vnctoken("oneadmin:password", 0)[1]
out["tokenKeys"] = sorted(tok.keys())
out["port"] = tok["port"]
try:
    s.one.vm.info("oneadmin:password", "0")
except xmlrpc.client.Fault as f:
    out["fault"] = [f.faultCode, f.faultString]
print(json.dumps(out))
)PY");
    QProcess python;
    QSignalSpy finished(&python, &QProcess::finished);
    python.start(QStringLiteral("python3"), {QStringLiteral("-c"), script, server.endpoint().toString()});
    // The server runs on this thread: wait with the event loop spinning, never waitForFinished().
    ASSERT_TRUE(finished.wait(kWaitMs)) << "python3 did not finish";
    ASSERT_EQ(python.exitCode(), 0) << python.readAllStandardError().constData();
    const QJsonObject out = QJsonDocument::fromJson(python.readAllStandardOutput()).object();
    EXPECT_EQ(out.value(u"version").toArray().toVariantList(), (QVariantList {true, QStringLiteral("6.10.5"), 0}));
    EXPECT_EQ(out.value(u"bad").toArray().toVariantList(),
        (QVariantList {
            false, QStringLiteral("[one.user.info] User couldn't be authenticated, aborting call."), 256, -1, -1}));
    EXPECT_EQ(out.value(u"page").toString(), QStringLiteral("<VM_POOL><VM><ID>9</ID><UID>2</UID><GID>"));
    EXPECT_EQ(out.value(u"tokenKeys").toArray().toVariantList(),
        (QVariantList {QStringLiteral("host"), QStringLiteral("id"), QStringLiteral("listen"),
            QStringLiteral("password"), QStringLiteral("port"), QStringLiteral("token"), QStringLiteral("type"),
            QStringLiteral("wss")}));
    EXPECT_EQ(out.value(u"port").toInt(), 5900);
    EXPECT_EQ(out.value(u"fault").toArray().toVariantList(),
        (QVariantList {-501, QStringLiteral("Parameter that is supposed to be integer is not")}));
}

TEST_F(DemoCloudServerTest, IdleConnectionIsClosed)
{
    server.setIdleTimeout(300);
    auto socket = rawConnect();
    socket->write("POST /RPC2 HTTP/1.1\r\n");
    QSignalSpy closed(socket.get(), &QTcpSocket::disconnected);
    EXPECT_TRUE(closed.wait(kWaitMs));
    EXPECT_EQ(server.openConnections(), 0);
}

} // namespace
