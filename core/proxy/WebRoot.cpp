// SPDX-License-Identifier: GPL-2.0-or-later
#include "proxy/WebRoot.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

namespace Porthole {

WebRoot::WebRoot(const QString &root)
    : m_root(root.isEmpty() ? QString() : QDir(root).absolutePath())
{ }

QByteArray WebRoot::simpleResponse(
    int status, const QByteArray &reasonPhrase, const QString &body, const QByteArray &extraHeaders)
{
    const QByteArray text = body.toUtf8() + '\n';
    return "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase
        + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + QByteArray::number(text.size())
        + "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + text;
}

QByteArray WebRoot::contentType(const QString &fileName)
{
    static const struct
    {
        const char *suffix;
        const char *type;
    } types[] = {
        {"html", "text/html; charset=utf-8"},
        {"htm", "text/html; charset=utf-8"},
        {"js", "text/javascript"},
        {"mjs", "text/javascript"},
        {"css", "text/css"},
        {"json", "application/json"},
        {"svg", "image/svg+xml"},
        {"png", "image/png"},
        {"ico", "image/x-icon"},
        {"jpg", "image/jpeg"},
        {"woff", "font/woff"},
        {"woff2", "font/woff2"},
        {"ttf", "font/ttf"},
        {"txt", "text/plain; charset=utf-8"},
        {"mp3", "audio/mpeg"},
        {"oga", "audio/ogg"},
        {"wasm", "application/wasm"},
    };
    const QString suffix = QFileInfo(fileName).suffix().toLower();
    for (const auto &t : types) {
        if (suffix == QLatin1String(t.suffix))
            return t.type;
    }
    return "application/octet-stream";
}

QByteArray WebRoot::respond(const QByteArray &method, const QString &decodedPath) const
{
    if (method != "GET" && method != "HEAD")
        return simpleResponse(
            405, "Method Not Allowed", QStringLiteral("only GET and HEAD are served here"), "Allow: GET, HEAD\r\n");
    // Refuse ".." outright rather than trusting cleanPath to keep the request below the root.
    const QStringList segments = decodedPath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    // Dotfiles (.htpasswd, .git) are never served, whatever the directory holds.
    for (const QString &s : segments) {
        if (s.startsWith(QLatin1Char('.')) || s.contains(QLatin1Char('\\')) || s.contains(QChar(0)))
            return simpleResponse(404, "Not Found", QStringLiteral("not found"));
    }
    const QString relative = segments.join(QLatin1Char('/'));
    QString file = relative.isEmpty() ? m_root : m_root + QLatin1Char('/') + relative;
    QFileInfo info(file);
    // A symbolic link may point anywhere: only what resolves inside the root is served.
    const QString canonicalRoot = QFileInfo(m_root).canonicalFilePath();
    const QString canonical = info.canonicalFilePath();
    if (canonical.isEmpty() || canonicalRoot.isEmpty()
        || (canonical != canonicalRoot && !canonical.startsWith(canonicalRoot + QLatin1Char('/'))))
        return simpleResponse(404, "Not Found", QStringLiteral("not found"));
    if (info.isDir()) {
        if (QFileInfo::exists(file + QStringLiteral("/index.html"))) {
            file += QStringLiteral("/index.html");
            info.setFile(file);
        } else {
            QString html = QStringLiteral("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>porthole-proxy"
                                          "</title></head><body><ul>\n");
            const QStringList names = QDir(file).entryList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::Name);
            const QString base
                = relative.isEmpty() ? QStringLiteral("/") : QLatin1Char('/') + relative + QLatin1Char('/');
            for (const QString &name : names)
                html += QStringLiteral("<li><a href=\"%1\">%2</a></li>\n")
                            .arg(QString::fromLatin1(QUrl::toPercentEncoding(base + name, "/")).toHtmlEscaped(),
                                name.toHtmlEscaped());
            html += QStringLiteral("</ul></body></html>\n");
            const QByteArray body = html.toUtf8();
            return "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n"
                + (method == "HEAD" ? QByteArray() : body);
        }
    }
    QFile f(file);
    if (!info.isFile() || !f.open(QIODevice::ReadOnly))
        return simpleResponse(404, "Not Found", QStringLiteral("not found"));
    const QByteArray body = method == "HEAD" ? QByteArray() : f.readAll();
    return "HTTP/1.1 200 OK\r\nContent-Type: " + contentType(file) + "\r\nContent-Length: "
        + QByteArray::number(info.size()) + "\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n" + body;
}

} // namespace Porthole
