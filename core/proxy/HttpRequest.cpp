// SPDX-License-Identifier: GPL-2.0-or-later
#include "proxy/HttpRequest.h"

#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace Porthole {

bool HttpRequest::fail(int status, const QString &reason)
{
    m_errorStatus = status;
    m_errorReason = reason;
    return false;
}

HttpRequest::Parse HttpRequest::parse(const QByteArray &buffer, qsizetype *headSize)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0) {
        if (buffer.size() >= kMaxHeadSize) {
            fail(431, QStringLiteral("request head larger than %1 bytes").arg(kMaxHeadSize));
            return Parse::Error;
        }
        // Anything that does not even start like an HTTP method is not worth waiting for.
        for (qsizetype i = 0; i < qMin<qsizetype>(buffer.size(), 8); ++i) {
            const char c = buffer[i];
            if (!(c >= 'A' && c <= 'Z') && !(c == ' ' && i > 0)) {
                fail(400, QStringLiteral("this is not an HTTP request"));
                return Parse::Error;
            }
            if (c == ' ')
                break;
        }
        return Parse::Incomplete;
    }
    if (end + 4 > kMaxHeadSize) {
        fail(431, QStringLiteral("request head larger than %1 bytes").arg(kMaxHeadSize));
        return Parse::Error;
    }
    *headSize = end + 4;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    // Only the end of the request line is trimmed (its '\r'): a head that starts with a blank is
    // refused before it is complete, so it must be refused when it comes whole too.
    QByteArray first = lines.value(0);
    while (!first.isEmpty() && QChar::isSpace(uchar(first.back())))
        first.chop(1);
    const QList<QByteArray> requestLine = first.split(' ');
    if (requestLine.size() != 3 || !requestLine[2].startsWith("HTTP/1.")) {
        fail(400, QStringLiteral("malformed request line"));
        return Parse::Error;
    }
    // The same rule whether the head came in one read or many: a method of capital
    // letters, and a target that is a path (origin form; this is no forward proxy).
    const bool methodOk = !requestLine[0].isEmpty()
        && std::all_of(requestLine[0].cbegin(), requestLine[0].cend(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (!methodOk || !requestLine[1].startsWith('/')) {
        fail(400, QStringLiteral("malformed request line"));
        return Parse::Error;
    }
    m_method = requestLine[0];
    m_target = requestLine[1];
    m_version = requestLine[2];
    if (lines.size() - 1 > kMaxHeaders) {
        fail(431, QStringLiteral("more than %1 header lines").arg(kMaxHeaders));
        return Parse::Error;
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            fail(400, QStringLiteral("malformed header line %1").arg(i + 1));
            return Parse::Error;
        }
        m_headers.append({line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    return Parse::Complete;
}

QString HttpRequest::path() const
{
    const qsizetype q = m_target.indexOf('?');
    return QUrl::fromPercentEncoding(q < 0 ? m_target : m_target.left(q));
}

QString HttpRequest::queryValue(const QString &name) const
{
    const qsizetype q = m_target.indexOf('?');
    if (q < 0)
        return {};
    const QList<QByteArray> pairs = m_target.mid(q + 1).split('&');
    const QByteArray key = name.toUtf8();
    for (const QByteArray &pair : pairs) {
        const qsizetype eq = pair.indexOf('=');
        const QByteArray k = eq < 0 ? pair : pair.left(eq);
        if (QUrl::fromPercentEncoding(k).toUtf8() == key) {
            QByteArray v = eq < 0 ? QByteArray() : pair.mid(eq + 1);
            v.replace('+', ' ');
            return QUrl::fromPercentEncoding(v);
        }
    }
    return {};
}

QString HttpRequest::cookie(const QString &name) const
{
    const QByteArray key = name.toUtf8();
    for (const auto &h : m_headers) {
        if (h.first != "cookie")
            continue;
        const QList<QByteArray> parts = h.second.split(';');
        for (const QByteArray &part : parts) {
            const QByteArray p = part.trimmed();
            const qsizetype eq = p.indexOf('=');
            if (eq > 0 && p.left(eq) == key)
                return QUrl::fromPercentEncoding(p.mid(eq + 1));
        }
    }
    return {};
}

QByteArray HttpRequest::header(QByteArrayView name) const
{
    QByteArray value;
    for (const auto &h : m_headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
            if (!value.isEmpty())
                value += ", ";
            value += h.second;
        }
    }
    return value;
}

bool HttpRequest::headerHasToken(QByteArrayView name, QByteArrayView token) const
{
    const QList<QByteArray> parts = header(name).split(',');
    for (const QByteArray &part : parts) {
        if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

} // namespace Porthole
