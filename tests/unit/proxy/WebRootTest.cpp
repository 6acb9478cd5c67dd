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
