// SPDX-License-Identifier: GPL-2.0-or-later
#include "tokens/ConsoleUrl.h"

#include <gtest/gtest.h>

using Porthole::ConsoleUrl;

namespace {

ConsoleUrl parsed(const char *text)
{
    QString error;
    auto url = ConsoleUrl::parse(QString::fromUtf8(text), &error);
    EXPECT_TRUE(url.has_value()) << text << ": " << error.toStdString();
    return url.value_or(ConsoleUrl());
}

QString errorOf(const char *text)
{
    QString error;
    auto url = ConsoleUrl::parse(QString::fromUtf8(text), &error);
    EXPECT_FALSE(url.has_value()) << text;
    return error;
}

} // namespace

TEST(ConsoleUrl, PlainWebSocketWithToken)
{
    const auto url = parsed("ws://proxy.example:29876/websockify?token=abc123");
    EXPECT_EQ(url.scheme(), ConsoleUrl::Scheme::WebSocket);
    EXPECT_EQ(url.host(), u"proxy.example");
    EXPECT_EQ(url.port(), 29876);
    EXPECT_EQ(url.path(), u"/websockify");
    EXPECT_EQ(url.token(), u"abc123");
    EXPECT_FALSE(url.password().has_value());
    EXPECT_FALSE(url.encrypt());
    EXPECT_EQ(url.webSocketUrl().toString(), u"ws://proxy.example:29876/websockify?token=abc123");
}

TEST(ConsoleUrl, SecureWebSocketDefaultsPortAndPath)
{
    const auto url = parsed("wss://one.example?token=T1");
    EXPECT_TRUE(url.encrypt());
    EXPECT_EQ(url.port(), 443);
    EXPECT_EQ(url.path(), u"/");
    EXPECT_EQ(url.token(), u"T1");
    EXPECT_EQ(url.webSocketUrl().toString(), u"wss://one.example:443/?token=T1");
}

TEST(ConsoleUrl, WebSocketKeepsOtherQueryItems)
{
    const auto url = parsed("ws://h:1/p?a=1&token=x%2By&b=2");
    EXPECT_EQ(url.token(), u"x+y");
    EXPECT_EQ(url.extraQuery(), u"a=1&b=2");
    const auto again = ConsoleUrl::parse(url.webSocketUrl().toString());
    ASSERT_TRUE(again);
    EXPECT_EQ(again->token(), u"x+y");
    EXPECT_EQ(again->extraQuery(), u"a=1&b=2");
}

TEST(ConsoleUrl, WebSocketWithoutToken)
{
    const auto url = parsed("ws://127.0.0.1:6080/");
    EXPECT_TRUE(url.token().isEmpty());
    EXPECT_EQ(url.webSocketUrl().toString(), u"ws://127.0.0.1:6080/");
}

TEST(ConsoleUrl, NoVncPageWithEncodedPath)
{
    const auto url = parsed("https://novnc.example/vnc.html?host=proxy&port=29876"
                            "&path=websockify%3Ftoken%3DTOK&encrypt=1&password=s3cret&autoconnect=true");
    EXPECT_EQ(url.scheme(), ConsoleUrl::Scheme::SecureWebSocket);
    EXPECT_EQ(url.host(), u"proxy");
    EXPECT_EQ(url.port(), 29876);
    EXPECT_EQ(url.path(), u"/websockify");
    EXPECT_EQ(url.token(), u"TOK");
    ASSERT_TRUE(url.password().has_value());
    EXPECT_EQ(*url.password(), u"s3cret");
}

TEST(ConsoleUrl, NoVncPathWithLeadingSlashAndUnencoded)
{
    const auto url = parsed("http://h/vnc_lite.html?host=p&port=6080&path=/websockify?token=Q");
    // "?token=Q" after an unencoded '?' is the page's own query: QUrl splits at the first '?',
    // so path=/websockify?token=Q arrives whole. noVNC itself dials "ws://p:6080/" + path.
    EXPECT_EQ(url.path(), u"//websockify");
    EXPECT_EQ(url.token(), u"Q");
    EXPECT_FALSE(url.encrypt());
}

TEST(ConsoleUrl, NoVncEncryptDefaultsFromPageScheme)
{
    EXPECT_TRUE(parsed("https://h/vnc.html?host=p&port=1&path=x").encrypt());
    EXPECT_FALSE(parsed("http://h/vnc.html?host=p&port=1&path=x").encrypt());
    EXPECT_FALSE(parsed("https://h/vnc.html?host=p&port=1&path=x&encrypt=0").encrypt());
    EXPECT_TRUE(parsed("http://h/vnc.html?host=p&port=1&path=x&encrypt=true").encrypt());
}

TEST(ConsoleUrl, NoVncDefaultsHostPortAndPathFromPage)
{
    const auto url = parsed("http://novnc.example:6080/vnc_auto.html?token=abc");
    EXPECT_EQ(url.host(), u"novnc.example");
    EXPECT_EQ(url.port(), 6080);
    EXPECT_EQ(url.path(), u"/websockify");
    EXPECT_EQ(url.token(), u"abc");
    EXPECT_EQ(parsed("https://novnc.example/vnc.html").port(), 443);
}

TEST(ConsoleUrl, NoVncReadsTheFragmentToo)
{
    const auto url = parsed("http://h:6080/vnc.html?host=a&port=1#host=b&path=websockify%3Ftoken%3DF");
    EXPECT_EQ(url.host(), u"b");
    EXPECT_EQ(url.port(), 1);
    EXPECT_EQ(url.token(), u"F");
}

TEST(ConsoleUrl, SunstoneFive)
{
    const auto url = parsed("https://sunstone.example:9869/vnc?host=sunstone.example&port=29876"
                            "&token=sun5tok&encrypt=true&title=vm1&password=null");
    EXPECT_EQ(url.scheme(), ConsoleUrl::Scheme::SecureWebSocket);
    EXPECT_EQ(url.host(), u"sunstone.example");
    EXPECT_EQ(url.port(), 29876);
    EXPECT_EQ(url.path(), u"/");
    EXPECT_EQ(url.token(), u"sun5tok");
    EXPECT_FALSE(url.password().has_value()) << "Sunstone's 'null' means no password";
    EXPECT_EQ(url.webSocketUrl().toString(), u"wss://sunstone.example:29876/?token=sun5tok");
}

TEST(ConsoleUrl, SunstoneFiveWithoutEncryptOnHttpPage)
{
    const auto url = parsed("http://s:9869/vnc?host=s&port=29876&token=t&encrypt=false&password=pw");
    EXPECT_FALSE(url.encrypt());
    EXPECT_EQ(url.password().value_or(QString()), u"pw");
}

TEST(ConsoleUrl, SunstoneSixSocketParameter)
{
    const QByteArray inner = "wss://fireedge.example:29876/websockify?token=six";
    const QString page = QStringLiteral("https://fireedge.example/fireedge/sunstone/vnc?socket=")
        + QString::fromLatin1(inner.toBase64());
    QString error;
    const auto url = ConsoleUrl::parse(page, &error);
    ASSERT_TRUE(url) << error.toStdString();
    EXPECT_EQ(url->scheme(), ConsoleUrl::Scheme::SecureWebSocket);
    EXPECT_EQ(url->host(), u"fireedge.example");
    EXPECT_EQ(url->port(), 29876);
    EXPECT_EQ(url->token(), u"six");
}

TEST(ConsoleUrl, SunstoneSixSocketPercentEncodedAndUrlSafe)
{
    const QByteArray inner = "ws://h:1/?token=~~~???";
    ASSERT_TRUE(inner.toBase64().contains('+') || inner.toBase64().contains('/'));
    const QString standard = QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(inner.toBase64())));
    EXPECT_EQ(parsed(("http://x/vnc?socket=" + standard.toStdString()).c_str()).token(), u"~~~???");
    const QString urlSafe
        = QString::fromLatin1(inner.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    EXPECT_EQ(parsed(("http://x/vnc?socket=" + urlSafe.toStdString()).c_str()).token(), u"~~~???");
}

TEST(ConsoleUrl, SunstoneSixBadSocket)
{
    EXPECT_TRUE(errorOf("https://x/vnc?socket=!!!notbase64").contains(u"'socket' parameter"));
    const QString notWs = QString::fromLatin1(QByteArray("http://elsewhere/").toBase64());
    EXPECT_TRUE(errorOf(("https://x/vnc?socket=" + notWs.toStdString()).c_str()).contains(u"ws://"));
}

TEST(ConsoleUrl, VncDefaultsTo5900)
{
    const auto url = parsed("vnc://10.0.0.5");
    EXPECT_EQ(url.scheme(), ConsoleUrl::Scheme::Vnc);
    EXPECT_FALSE(url.isWebSocket());
    EXPECT_EQ(url.port(), 5900);
    EXPECT_TRUE(url.webSocketUrl().isEmpty());
    EXPECT_EQ(url.connectUrl().toString(), u"vnc://10.0.0.5:5900");
}

TEST(ConsoleUrl, VncPortIsATcpPortNotADisplay)
{
    EXPECT_EQ(parsed("vnc://host:5901").port(), 5901);
    EXPECT_EQ(parsed("vnc://host:1").port(), 1);
}

TEST(ConsoleUrl, VncPasswordInUserInfo)
{
    EXPECT_EQ(parsed("vnc://:pa%20ss@host").password().value_or(QString()), u"pa ss");
}

TEST(ConsoleUrl, IPv6Host)
{
    const auto url = parsed("ws://[::1]:6080/websockify?token=x");
    EXPECT_EQ(url.host(), u"::1");
    EXPECT_EQ(url.webSocketUrl().toString(), u"ws://[::1]:6080/websockify?token=x");
}

TEST(ConsoleUrl, JunkGivesSentences)
{
    EXPECT_TRUE(errorOf("").contains(u"empty"));
    EXPECT_TRUE(errorOf("   ").contains(u"empty"));
    EXPECT_TRUE(errorOf("hello world").contains(u"not a console URL"));
    EXPECT_TRUE(errorOf("myhost:1").contains(u"vnc://myhost:5901"));
    EXPECT_TRUE(errorOf("ftp://h/x").contains(u"scheme 'ftp'"));
    EXPECT_TRUE(errorOf("ws://").contains(u"no host"));
    EXPECT_TRUE(errorOf("https://example.com/index.html").contains(u"not a console"));
    EXPECT_TRUE(errorOf("http://h/vnc.html?port=99999").contains(u"not a TCP port"));
    EXPECT_TRUE(errorOf("http://h/vnc.html?port=abc").contains(u"not a TCP port"));
    EXPECT_TRUE(errorOf("http://h/vnc.html?encrypt=maybe").contains(u"neither true nor false"));
    EXPECT_FALSE(errorOf("ws://h:99999999/").isEmpty());
}

TEST(ConsoleUrl, ErrorsDoNotEchoWholeTokens)
{
    const QString error = errorOf("ftp://h/x?token=supersecrettoken");
    EXPECT_FALSE(error.contains(u"supersecrettoken")) << error.toStdString();
    EXPECT_TRUE(error.contains(u"supe…"));
}

TEST(ConsoleUrl, NoVncBuilderRoundTrips)
{
    const auto url = ConsoleUrl::webSocket(
        true, QStringLiteral("proxy"), 29876, QStringLiteral("/websockify"), QStringLiteral("t&k=1"));
    const QUrl page = url.noVncUrl(QUrl(QStringLiteral("https://novnc.example/vnc.html")));
    EXPECT_TRUE(page.toString().contains(u"path=websockify%3Ftoken%3Dt%2526k%253D1")) << page.toString().toStdString();
    // The token is encoded twice: once inside the WebSocket path, once as the path parameter.
    const auto back = ConsoleUrl::parse(page.toString());
    ASSERT_TRUE(back);
    EXPECT_EQ(*back, url);
    EXPECT_EQ(back->token(), u"t&k=1");
}

TEST(ConsoleUrl, NoVncBuilderPasswordOnlyWhenAsked)
{
    auto url = parsed("ws://h:1/websockify?token=t");
    url.setPassword(QStringLiteral("pw"));
    const QUrl page(QStringLiteral("http://h/vnc.html"));
    EXPECT_FALSE(url.noVncUrl(page).toString().contains(u"password"));
    const auto back = ConsoleUrl::parse(url.noVncUrl(page, true).toString());
    ASSERT_TRUE(back);
    EXPECT_EQ(back->password().value_or(QString()), u"pw");
}

TEST(ConsoleUrl, DisplayStringRedactsToken)
{
    const auto url = parsed("ws://h:1/websockify?token=abcdefghijkl");
    EXPECT_EQ(url.displayString(), u"ws://h:1/websockify?token=abcd…");
}

TEST(ConsoleUrl, SunstoneSixSocketCarriesThePasswordInside)
{
    // Sunstone 6's console/vnc.js reads the password from inside the encoded URL.
    const QByteArray inner = "ws://fe:29876/?port=5905&encrypt=no&password=s3cret&token=T0K3N";
    const QString page
        = QStringLiteral("https://fe/fireedge/sunstone/vnc?socket=") + QString::fromLatin1(inner.toBase64());
    const ConsoleUrl url = parsed(page.toStdString().c_str());
    EXPECT_EQ(url.password().value_or(QString()), u"s3cret");
    EXPECT_EQ(url.token(), u"T0K3N");
    // The proxy gets only the token: no password (websockify logs the path), no client hints.
    EXPECT_TRUE(url.extraQuery().isEmpty()) << url.extraQuery().toStdString();
    const QString sent = url.webSocketUrl().toString();
    EXPECT_FALSE(sent.contains(u"s3cret")) << sent.toStdString();
    EXPECT_FALSE(sent.contains(u"port=")) << sent.toStdString();
    EXPECT_FALSE(sent.contains(u"encrypt=")) << sent.toStdString();
    EXPECT_TRUE(sent.endsWith(u"?token=T0K3N")) << sent.toStdString();
}

TEST(ConsoleUrl, APastedWebSocketUrlGivesUpItsPassword)
{
    const ConsoleUrl url = parsed("ws://proxy:29876/websockify?token=T&password=pw&keep=1");
    EXPECT_EQ(url.password().value_or(QString()), u"pw");
    EXPECT_EQ(url.extraQuery(), u"keep=1");
    EXPECT_FALSE(url.webSocketUrl().toString().contains(u"pw"));
    // Sunstone's "null" is no password, and is not sent either.
    const ConsoleUrl none = parsed("ws://proxy:29876/websockify?token=T&password=null");
    EXPECT_FALSE(none.password().has_value());
    EXPECT_TRUE(none.extraQuery().isEmpty());
}

// noVNC's host= is free text: it must be a host name or address as written (issue 16), and
// port 0 is refused in every form, as port=0 already was.
TEST(ConsoleUrl, NoVncHostMustBeAHostAndPortZeroIsNoPort)
{
    EXPECT_TRUE(errorOf("http://h/vnc.html?host=evil/x&port=1&path=x").contains(u"host=evil/x"))
        << qPrintable(errorOf("http://h/vnc.html?host=evil/x&port=1&path=x"));
    EXPECT_TRUE(errorOf("http://h/vnc.html?host=1&port=1").contains(u"is not a host name or address"));
    EXPECT_EQ(parsed("http://h/vnc.html?host=Node-7.Example&port=6080").host(), u"node-7.example");
    EXPECT_EQ(parsed("http://h/vnc.html?host=%5B::1%5D&port=6080").host(), u"::1");
    EXPECT_EQ(parsed("http://h/vnc.html?host=10.0.0.7&port=6080").host(), u"10.0.0.7");
    for (const char *zero : {"ws://h:0/websockify?token=t", "vnc://h:0", "http://h:0/vnc.html?host=p"})
        EXPECT_TRUE(errorOf(zero).contains(u"port 0")) << zero << ": " << qPrintable(errorOf(zero));
    EXPECT_TRUE(errorOf("http://h/vnc.html?host=p&port=0").contains(u"not a TCP port"));
}

TEST(ConsoleUrl, NoVncUrlRoundTripsEveryPath)
{
    const QUrl page(QStringLiteral("http://fe/vnc.html"));
    for (const QString &path : {QStringLiteral("/"), QStringLiteral("/websockify"), QStringLiteral("//x"),
             QStringLiteral("/a//b/"), QStringLiteral("///")}) {
        const ConsoleUrl url = ConsoleUrl::webSocket(false, QStringLiteral("p"), 6080, path, QStringLiteral("T"));
        const QString text = url.noVncUrl(page).toString();
        const std::optional<ConsoleUrl> back = ConsoleUrl::parse(text);
        ASSERT_TRUE(back) << qPrintable(text);
        EXPECT_EQ(back->path(), path) << qPrintable(text);
        EXPECT_EQ(back->webSocketUrl(), url.webSocketUrl()) << qPrintable(text);
    }
}

// Found by fuzz_console_url: noVNC's path= arrives decoded, a ws:// URL's path encoded, so a
// console read from a noVNC link named another path once connectUrl() was read back
// (/wé vs /w%C3%A9). The path now has one, encoded, spelling.
TEST(ConsoleUrl, PathHasOneSpellingWhateverTheForm)
{
    const ConsoleUrl page = parsed("http://h/vnc.html?host=p&port=6080&path=w%C3%A9%20x%3Ftoken%3Dt");
    EXPECT_EQ(page.path(), u"/w%C3%A9%20x");
    EXPECT_EQ(page.token(), u"t");
    const ConsoleUrl again = parsed(page.connectUrl().toString(QUrl::FullyEncoded).toUtf8().constData());
    EXPECT_EQ(again.path(), page.path());
    EXPECT_EQ(again, page);
    EXPECT_EQ(parsed("ws://p:6080/w%C3%A9%20x?token=t").path(), page.path());
    // A '%' that starts no escape is a character of the path, and stays one.
    EXPECT_EQ(parsed("http://h/vnc.html?host=p&port=1&path=a%25zz").path(), u"/a%25zz");
}

// Found by fuzz_console_url: QUrl::errorString() ends with the whole URL it could not read, and
// a '?' pasted for '&' puts the token into port= or encrypt=; no refusal shows a token whole.
TEST(ConsoleUrl, RefusalsNeverQuoteATokenWhole)
{
    const char *secret = "SECRETtoken0123456789";
    for (const QString &text :
        {QStringLiteral("http://sunstone.example:ost=sun&port=29876&token=SECRETtoken0123456789"),
            QStringLiteral("ws://h:99999999/?token=SECRETtoken0123456789"),
            QStringLiteral("http://h/vnc.html?host=p&port=6080?token=SECRETtoken0123456789"),
            QStringLiteral("http://h/vnc.html?host=p&encrypt=1?token=SECRETtoken0123456789"),
            QStringLiteral("http://h/vnc.html?host=p/x?token=SECRETtoken0123456789&port=1")}) {
        QString error;
        EXPECT_FALSE(ConsoleUrl::parse(text, &error)) << qPrintable(text);
        EXPECT_FALSE(error.isEmpty());
        EXPECT_FALSE(error.contains(QLatin1String(secret))) << qPrintable(error);
    }
    // What was wrong is still said.
    EXPECT_TRUE(errorOf("ws://h:99999999/?token=t").contains(u"port"))
        << qPrintable(errorOf("ws://h:99999999/?token=t"));
    EXPECT_TRUE(errorOf("http://h/vnc.html?port=abc").contains(u"port=abc"));
}

// Found by fuzz_console_url (and issue 16): a path starting with "//" lost a slash through
// noVncUrl(); noVNC dials "ws://host:port/" + path, so path=/x is read as //x.
TEST(ConsoleUrl, ADoubleSlashPathSurvivesTheNoVncLink)
{
    for (const char *text : {"wss://one.example:443//x/vnc?token=t", "ws://h:1//?token=t", "ws://h:1/x//y?token=t"}) {
        const ConsoleUrl url = parsed(text);
        const QUrl page = url.noVncUrl(QUrl(QStringLiteral("http://proxy.example:6080/vnc.html")));
        const ConsoleUrl back = parsed(page.toString(QUrl::FullyEncoded).toUtf8().constData());
        EXPECT_EQ(back.path(), url.path()) << text << " -> " << qPrintable(page.toString());
        EXPECT_EQ(back, url) << text;
    }
}

// Found by fuzz_console_url: an empty query item ("&&", or one a removed password= left) stayed in
// extraQuery once and was dropped when connectUrl() was read back: another console.
TEST(ConsoleUrl, EmptyQueryItemsDoNotSurviveOnce)
{
    const ConsoleUrl url = parsed("ws://[::1]:6080/websvnc?a=1&&password=pw&b=2&");
    EXPECT_EQ(url.extraQuery(), u"a=1&b=2");
    EXPECT_EQ(url.password(), std::optional<QString>(QStringLiteral("pw")));
    EXPECT_EQ(
        parsed(url.connectUrl().toString(QUrl::FullyEncoded).toUtf8().constData()).extraQuery(), url.extraQuery());
}
