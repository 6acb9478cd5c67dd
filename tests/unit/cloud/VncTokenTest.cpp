// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/VncToken.h"

#include <gtest/gtest.h>

#include <QJsonDocument>

using namespace Qt::StringLiterals;
using Porthole::VncToken;

namespace {

VncToken expectedToken()
{
    VncToken t;
    t.vmId = 3;
    t.host = u"node1"_s;
    t.type = u"VNC"_s;
    t.port = 5903;
    t.listen = u"0.0.0.0"_s;
    t.password = u"p<&>w"_s;
    t.wss = true;
    t.token = u"abc123"_s;
    return t;
}

} // namespace

TEST(VncToken, FromStructAsTheAddonSendsIt)
{
    const QVariantMap members {
        {u"id"_s, 3},
        {u"host"_s, u"node1"_s},
        {u"type"_s, u"VNC"_s},
        {u"port"_s, 5903},
        {u"listen"_s, u"0.0.0.0"_s},
        {u"password"_s, u"p<&>w"_s},
        {u"wss"_s, true},
        {u"token"_s, u"abc123"_s},
    };
    QString error;
    const auto t = VncToken::fromStruct(members, &error);
    ASSERT_TRUE(t) << error.toStdString();
    EXPECT_EQ(*t, expectedToken());
}

TEST(VncToken, FromStructTolerantTypes)
{
    QVariantMap members {
        {u"ID"_s, u"3"_s},
        {u"Host"_s, u"node1"_s},
        {u"port"_s, u" 5903 "_s},
        {u"wss"_s, u"yes"_s},
        {u"token"_s, u"t"_s},
        {u"port_extra"_s, 1},
    };
    auto t = VncToken::fromStruct(members);
    ASSERT_TRUE(t);
    EXPECT_EQ(t->vmId, 3);
    EXPECT_EQ(t->host, u"node1");
    EXPECT_EQ(t->port, 5903);
    EXPECT_TRUE(t->wss);
    EXPECT_FALSE(t->passwordSet());
    for (const QVariant &w :
        {QVariant(u"true"_s), QVariant(u"1"_s), QVariant(1), QVariant(true), QVariant(u"only"_s)}) {
        members[u"wss"_s] = w;
        EXPECT_TRUE(VncToken::fromStruct(members)->wss) << w.toString().toStdString();
    }
    for (const QVariant &w : {QVariant(u"no"_s), QVariant(u"0"_s), QVariant(0), QVariant(false), QVariant(u""_s)}) {
        members[u"wss"_s] = w;
        EXPECT_FALSE(VncToken::fromStruct(members)->wss) << w.toString().toStdString();
    }
    members.remove(u"wss"_s);
    members.remove(u"port"_s);
    t = VncToken::fromStruct(members);
    ASSERT_TRUE(t);
    EXPECT_FALSE(t->wss);
    EXPECT_EQ(t->port, -1);
    members[u"port"_s] = qlonglong(5904);
    EXPECT_EQ(VncToken::fromStruct(members)->port, 5904);
}

TEST(VncToken, FromStructErrors)
{
    QString error;
    EXPECT_FALSE(VncToken::fromStruct({{u"id"_s, 1}, {u"port"_s, 5900}}, &error));
    EXPECT_EQ(error, u"the vnctoken answer has no token");
    EXPECT_FALSE(VncToken::fromStruct({{u"token"_s, u"t"_s}, {u"port"_s, u"many"_s}}, &error));
    EXPECT_EQ(error, u"the vnctoken answer's 'port' is not a port number: 'many'");
    EXPECT_FALSE(VncToken::fromStruct({{u"token"_s, u"t"_s}, {u"port"_s, 70000}}, &error));
    EXPECT_EQ(error, u"the vnctoken answer's 'port' is not a port number: '70000'");
    EXPECT_FALSE(VncToken::fromStruct({{u"token"_s, u"t"_s}, {u"id"_s, QVariantList()}}, &error));
    EXPECT_EQ(error, u"the vnctoken answer's 'id' is not an integer");
}

TEST(VncToken, FromVncXmlWithUnescapedValues)
{
    // The addon builds this with "<%s>%s</%s>" % [k.upcase, v, k.upcase]: no escaping.
    const QString xml = u"<VM><ID>3</ID><HOST>node1</HOST><TYPE>VNC</TYPE><PORT>5903</PORT><LISTEN>0.0.0.0</LISTEN>"
                        "<PASSWORD>p<&>w</PASSWORD><WSS>true</WSS><TOKEN>abc123</TOKEN></VM>"_s;
    QString error;
    const auto t = VncToken::fromVncXml(xml, &error);
    ASSERT_TRUE(t) << error.toStdString();
    EXPECT_EQ(*t, expectedToken());

    const QString vncRoot = u"<VNC><ID>3</ID><HOST>node1</HOST><PORT>5903</PORT><PASSWORD>p<&>w</PASSWORD>"
                            "<TOKEN>abc123</TOKEN><TYPE>VNC</TYPE></VNC>"_s;
    const auto v = VncToken::fromVncXml(vncRoot, &error);
    ASSERT_TRUE(v) << error.toStdString();
    EXPECT_EQ(v->port, 5903);
    EXPECT_EQ(v->password, u"p<&>w");
    EXPECT_FALSE(v->wss);
}

TEST(VncToken, FromVncXmlTolerant)
{
    // lower-case names, whitespace, an XML declaration, a password that looks like markup
    const QString xml = u"<?xml version=\"1.0\"?>\n<vm>\n  <id> 7 </id>\n  <host>node2</host>\n  <port>5907</port>\n"
                        "  <password><ID>99</ID></password>\n  <wss>no</wss>\n  <token>\n tok \n</token>\n</vm>\n"_s;
    QString error;
    const auto t = VncToken::fromVncXml(xml, &error);
    ASSERT_TRUE(t) << error.toStdString();
    EXPECT_EQ(t->vmId, 7);
    EXPECT_EQ(t->host, u"node2");
    EXPECT_EQ(t->port, 5907);
    EXPECT_EQ(t->password, u"<ID>99</ID>");
    EXPECT_EQ(t->token, u"tok");
    EXPECT_FALSE(t->wss);
    EXPECT_TRUE(t->type.isEmpty());

    const auto empty = VncToken::fromVncXml(u"<VM><PASSWORD/><TOKEN>x</TOKEN></VM>", &error);
    ASSERT_TRUE(empty);
    EXPECT_FALSE(empty->passwordSet());
    EXPECT_EQ(empty->port, -1);
}

TEST(VncToken, FromVncXmlErrors)
{
    QString error;
    EXPECT_FALSE(VncToken::fromVncXml(u"<VM><ID>3</ID></VM>", &error));
    EXPECT_EQ(error, u"the one.vm.vnc answer has no <TOKEN>");
    EXPECT_FALSE(VncToken::fromVncXml(u"", &error));
    EXPECT_EQ(error, u"the one.vm.vnc answer has no <TOKEN>");
    EXPECT_FALSE(VncToken::fromVncXml(u"<VM><TOKEN>t</TOKEN><PORT>59x</PORT></VM>", &error));
    EXPECT_EQ(error, u"the one.vm.vnc answer's <PORT> is not a port number: '59x'");
    EXPECT_FALSE(VncToken::fromVncXml(u"<VM><TOKEN>t</TOKEN><ID>three</ID></VM>", &error));
    EXPECT_EQ(error, u"the one.vm.vnc answer's <ID> is not an integer: 'three'");
    EXPECT_FALSE(VncToken::fromVncXml(u"<VM><TOKEN>unterminated", &error));
}

TEST(VncToken, TokenOnlyAndJson)
{
    const VncToken only = VncToken::fromTokenOnly(4, u" tok4\n"_s);
    EXPECT_EQ(only.vmId, 4);
    EXPECT_EQ(only.token, u"tok4");
    EXPECT_FALSE(only.detailsKnown);
    const QJsonObject expectedOnly {
        {u"id"_s, 4},
        {u"host"_s, QJsonValue::Null},
        {u"port"_s, QJsonValue::Null},
        {u"type"_s, QJsonValue::Null},
        {u"token"_s, u"tok4"_s},
        {u"password_set"_s, QJsonValue::Null}, // one.vm.vnctokenonly says nothing of a password (D9)
        {u"url"_s, QJsonValue::Null},
    };
    EXPECT_EQ(only.toJson(QString()), expectedOnly);

    const QString url = u"wss://proxy:29876/websockify?token=abc123"_s;
    const QJsonObject expected {
        {u"id"_s, 3},
        {u"host"_s, u"node1"_s},
        {u"port"_s, 5903},
        {u"type"_s, u"VNC"_s},
        {u"token"_s, u"abc123"_s},
        {u"password_set"_s, true},
        {u"url"_s, url},
    };
    const QJsonObject json = expectedToken().toJson(url);
    EXPECT_EQ(json, expected);
    EXPECT_FALSE(QJsonDocument(json).toJson().contains("p<&>w"));
}
