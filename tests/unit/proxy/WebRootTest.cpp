// SPDX-License-Identifier: GPL-2.0-or-later
#include "proxy/WebRoot.h"

#include <gtest/gtest.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using Porthole::WebRoot;

TEST(WebRoot, ServesFilesAndRefusesEscapes)
{
    QTemporaryDir dir;
    QDir(dir.path()).mkdir(QStringLiteral("app"));
    QFile f(dir.filePath(QStringLiteral("app/ui.js")));
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("let x = 1;\n");
    f.close();
    const WebRoot root(dir.path());

    const QByteArray ok = root.respond("GET", QStringLiteral("/app/ui.js"));
    EXPECT_TRUE(ok.startsWith("HTTP/1.1 200 OK\r\n"));
    EXPECT_TRUE(ok.contains("Content-Type: text/javascript\r\n"));
    EXPECT_TRUE(ok.endsWith("let x = 1;\n"));
    EXPECT_TRUE(root.respond("HEAD", QStringLiteral("/app/ui.js")).endsWith("\r\n\r\n"));
    EXPECT_TRUE(root.respond("GET", QStringLiteral("/app/../../etc/passwd")).startsWith("HTTP/1.1 404"));
    EXPECT_TRUE(root.respond("GET", QStringLiteral("/missing.html")).startsWith("HTTP/1.1 404"));
    EXPECT_TRUE(root.respond("POST", QStringLiteral("/app/ui.js")).startsWith("HTTP/1.1 405"));
    const QByteArray listing = root.respond("GET", QStringLiteral("/"));
    EXPECT_TRUE(listing.startsWith("HTTP/1.1 200 OK\r\n"));
    EXPECT_TRUE(listing.contains("href=\"/app\""));
}

TEST(WebRoot, ContentTypes)
{
    EXPECT_EQ(WebRoot::contentType(QStringLiteral("vnc_lite.html")), QByteArray("text/html; charset=utf-8"));
    EXPECT_EQ(WebRoot::contentType(QStringLiteral("x.SVG")), QByteArray("image/svg+xml"));
    EXPECT_EQ(WebRoot::contentType(QStringLiteral("blob")), QByteArray("application/octet-stream"));
}

TEST(WebRoot, NoDotfilesNoLinksOutOfTheRootAndEscapedListings)
{
    QTemporaryDir outside;
    QFile secret(outside.filePath(QStringLiteral("secret.txt")));
    ASSERT_TRUE(secret.open(QIODevice::WriteOnly));
    secret.write("outside the root\n");
    secret.close();
    QTemporaryDir dir;
    QFile dot(dir.filePath(QStringLiteral(".htpasswd")));
    ASSERT_TRUE(dot.open(QIODevice::WriteOnly));
    dot.write("admin:hash\n");
    dot.close();
    ASSERT_TRUE(QFile::link(outside.path(), dir.filePath(QStringLiteral("out"))));
    QFile odd(dir.filePath(QStringLiteral("a\"b<c>.txt")));
    ASSERT_TRUE(odd.open(QIODevice::WriteOnly));
    odd.close();
    const WebRoot root(dir.path());

    EXPECT_TRUE(root.respond("GET", QStringLiteral("/.htpasswd")).startsWith("HTTP/1.1 404"));
    EXPECT_TRUE(root.respond("GET", QStringLiteral("/out/secret.txt")).startsWith("HTTP/1.1 404"));
    EXPECT_TRUE(root.respond("GET", QStringLiteral("/out/")).startsWith("HTTP/1.1 404"));
    const QByteArray listing = root.respond("GET", QStringLiteral("/"));
    EXPECT_FALSE(listing.contains("htpasswd"));
    EXPECT_FALSE(listing.contains("href=\"/a\"b")) << listing.constData();
    EXPECT_TRUE(listing.contains("href=\"/a%22b%3Cc%3E.txt\"")) << listing.constData();
    EXPECT_TRUE(listing.contains("a&quot;b&lt;c&gt;.txt")) << listing.constData();
}
