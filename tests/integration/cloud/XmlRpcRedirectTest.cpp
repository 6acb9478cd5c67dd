// SPDX-License-Identifier: GPL-2.0-or-later
// The request body carries the session string (user:password): a redirect must never
// carry it to another origin.
#include "FakeOned.h"
#include "cloud/OneCall.h"
#include "cloud/OneClient.h"

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTcpSocket>

using namespace Porthole;
using PortholeTest::FakeOned;

namespace {

constexpr int kWaitMs = 30000;

bool finish(OneCall *call)
{
    if (call->isFinished())
        return true;
    QSignalSpy done(call, &OneCall::finished);
    return done.wait(kWaitMs);
}

QByteArray versionAnswer()
{
    return FakeOned::httpResponse(200, "OK", "text/xml",
        "<?xml version=\"1.0\"?><methodResponse><params><param><value><array><data>"
        "<value><boolean>1</boolean></value><value><string>7.4.0</string></value>"
        "<value><i4>0</i4></value></data></array></value></param></params></methodResponse>");
}

} // namespace

TEST(XmlRpcRedirect, ACrossOriginRedirectIsNotFollowed)
{
    int thiefRequests = 0;
    FakeOned thief([&](QTcpSocket *socket, const QByteArray &) {
        ++thiefRequests;
        socket->write(versionAnswer());
    });
    for (const int status : {301, 302, 307, 308}) {
        FakeOned redirecting([&](QTcpSocket *socket, const QByteArray &) {
            socket->write("HTTP/1.1 " + QByteArray::number(status) + " Moved\r\nLocation: "
                + thief.endpoint().toString().toUtf8() + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        });
        OneSettings settings;
        settings.endpoint = redirecting.endpoint();
        settings.user = QStringLiteral("oneadmin");
        settings.secret = QStringLiteral("s3cret-password");
        settings.timeoutMs = 10000;
        OneClient client(settings);
        OneCall *call = client.version();
        ASSERT_TRUE(finish(call)) << status;
        EXPECT_FALSE(call->succeeded()) << status;
        EXPECT_EQ(call->error().kind(), OneError::Kind::Http)
            << status << ": " << call->error().message().toStdString();
        EXPECT_TRUE(call->error().message().contains(u"redirect")) << call->error().message().toStdString();
        EXPECT_FALSE(call->error().message().contains(u"s3cret")) << call->error().message().toStdString();
    }
    EXPECT_EQ(thiefRequests, 0) << "the session string went to another origin";
}
