// SPDX-License-Identifier: GPL-2.0-or-later
#include "tokens/ConsoleUrl.h"

#include "base/Redact.h"

#include <QHash>
#include <QRegularExpression>
#include <QUrlQuery>

namespace Porthole {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// Query and fragment parameters the way noVNC's WebUtil.getConfigVar sees them:
// the fragment overrides the query, values are percent-decoded.
QHash<QString, QString> pageParameters(const QUrl &url)
{
    QHash<QString, QString> params;
    const auto collect = [&params](const QString &encoded) {
        const QUrlQuery query(encoded);
        const auto items = query.queryItems(QUrl::FullyDecoded);
        for (const auto &item : items)
            params.insert(item.first, item.second);
    };
    collect(url.query(QUrl::FullyEncoded));
    collect(url.fragment(QUrl::FullyEncoded));
    return params;
}

std::optional<bool> parseBool(const QString &value)
{
    const QString v = value.trimmed().toLower();
    if (v == u"1" || v == u"true" || v == u"yes" || v == u"on")
        return true;
    if (v == u"0" || v == u"false" || v == u"no" || v == u"off" || v.isEmpty())
        return false;
    return std::nullopt;
}

std::optional<int> parsePort(const QString &value)
{
    bool ok = false;
    const int port = value.trimmed().toInt(&ok);
    if (!ok || port < 1 || port > 65535)
        return std::nullopt;
    return port;
}

// Splits "websockify?token=T&x=1" into a path starting with '/', the token and the rest.
void splitResource(const QString &resource, QString *path, QString *token, QString *extra)
{
    const qsizetype q = resource.indexOf(QLatin1Char('?'));
    QString p = q < 0 ? resource : resource.left(q);
    if (!p.startsWith(QLatin1Char('/')))
        p.prepend(QLatin1Char('/'));
    // One spelling whichever form the console came in: a ws:// URL gives its path encoded, noVNC's
    // path= decoded; QUrl encodes what must be (non-ASCII, '#', a stray '%') so that the path of
    // connectUrl() reads back the same.
    QUrl encoded;
    encoded.setPath(p, QUrl::TolerantMode);
    *path = encoded.path(QUrl::FullyEncoded);
    if (q < 0)
        return;
    QUrlQuery query(resource.mid(q + 1));
    if (query.hasQueryItem(QStringLiteral("token"))) {
        *token = query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
        query.removeAllQueryItems(QStringLiteral("token"));
    }
    *extra = query.query(QUrl::FullyEncoded);
}

// Sunstone stringifies a missing password as "null" or "undefined".
std::optional<QString> realPassword(const QString &value)
{
    if (value.isEmpty() || value == u"null" || value == u"undefined")
        return std::nullopt;
    return value;
}

// Sunstone puts its viewer's own settings beside the token in the WebSocket URL (port,
// encrypt, password). The password is taken out for the RFB handshake and the rest
// dropped: the proxy needs only the token, and websockify logs the path it gets.
std::optional<QString> takeClientParameters(QString *extraQuery)
{
    QUrlQuery query(*extraQuery);
    const std::optional<QString> password
        = realPassword(query.queryItemValue(QStringLiteral("password"), QUrl::FullyDecoded));
    for (const QString &name : {QStringLiteral("password"), QStringLiteral("port"), QStringLiteral("encrypt")})
        query.removeAllQueryItems(name);
    // Without the empty items of "a=1&&b=2" (or one left by a removed item): QUrlQuery keeps them
    // once and drops them the next time, so the URL would not read back the same.
    QUrlQuery kept;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyEncoded)) {
        if (!key.isEmpty() || !value.isEmpty())
            kept.addQueryItem(key, value);
    }
    *extraQuery = kept.query(QUrl::FullyEncoded);
    return password;
}

// A host name or address as QUrl would dial it, or nothing: noVNC's host= is free text, and
// QUrl turns "evil/x" into a URL without a host and "1" into 0.0.0.1.
std::optional<QString> validHost(QString host)
{
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    QUrl url;
    url.setHost(host, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || url.host().compare(host, Qt::CaseInsensitive) != 0)
        return std::nullopt;
    return url.host();
}

// Console URLs carry tokens: never echo more than a prefix of one back.
QString shortened(const QString &text, qsizetype max)
{
    QString shown = text.size() > max ? text.left(max) + QStringLiteral("…") : text;
    static const QRegularExpression tokenValue(
        QStringLiteral("(token(?:%3D|=))([^&#%]{4})[^&#%]*"), QRegularExpression::CaseInsensitiveOption);
    shown.replace(tokenValue, QStringLiteral("\\1\\2…"));
    return shown;
}

QString quoted(const QString &text)
{
    return u'\'' + shortened(text, 60) + u'\'';
}

// A parameter's value in a message ("port=6080?token=…" when '?' was pasted for '&').
QString shownValue(const QString &value, qsizetype max = 20)
{
    return shortened(value, max);
}

// QUrl::errorString() ends with "; source was \"<the whole URL>\"; scheme = …": the token with it.
QString urlProblem(const QUrl &url)
{
    return url.errorString().section(QStringLiteral("; source was"), 0, 0);
}

} // namespace

QString ConsoleUrl::schemeName() const
{
    switch (m_scheme) {
    case Scheme::WebSocket:
        return QStringLiteral("ws");
    case Scheme::SecureWebSocket:
        return QStringLiteral("wss");
    case Scheme::Vnc:
        break;
    }
    return QStringLiteral("vnc");
}

ConsoleUrl ConsoleUrl::webSocket(bool secure, const QString &host, int port, const QString &path, const QString &token)
{
    ConsoleUrl url;
    url.m_scheme = secure ? Scheme::SecureWebSocket : Scheme::WebSocket;
    url.m_host = host;
    url.m_port = port;
    url.m_path = path.startsWith(QLatin1Char('/')) ? path : u'/' + path;
    url.m_token = token;
    return url;
}

ConsoleUrl ConsoleUrl::vnc(const QString &host, int port)
{
    ConsoleUrl url;
    url.m_scheme = Scheme::Vnc;
    url.m_host = host;
    url.m_port = port;
    return url;
}

std::optional<ConsoleUrl> ConsoleUrl::parse(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        fail(error, QStringLiteral("the console URL is empty"));
        return std::nullopt;
    }
    if (!trimmed.contains(QStringLiteral("://"))) {
        static const QRegularExpression display(QStringLiteral("^([^:/\\s]+):(\\d{1,2})$"));
        const auto m = display.match(trimmed);
        QString hint;
        if (m.hasMatch())
            hint = QStringLiteral(" (for VNC display %1 on %2 write vnc://%2:%3)")
                       .arg(m.captured(2), m.captured(1), QString::number(5900 + m.captured(2).toInt()));
        fail(error,
            QStringLiteral("%1 is not a console URL: expected ws://, wss://, vnc://, or the "
                           "http(s) address of a noVNC or Sunstone console page%2")
                .arg(quoted(trimmed), hint));
        return std::nullopt;
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid()) {
        fail(error, QStringLiteral("%1 is not a valid URL: %2").arg(quoted(trimmed), urlProblem(url)));
        return std::nullopt;
    }
    const QString scheme = url.scheme().toLower();
    if (url.host().isEmpty()) {
        fail(error, QStringLiteral("%1 has no host name").arg(quoted(trimmed)));
        return std::nullopt;
    }

    if (url.port() == 0) {
        fail(error, QStringLiteral("%1 names port 0, which is no TCP port (1-65535)").arg(quoted(trimmed)));
        return std::nullopt;
    }

    ConsoleUrl result;
    if (scheme == u"ws" || scheme == u"wss") {
        result.m_scheme = scheme == u"wss" ? Scheme::SecureWebSocket : Scheme::WebSocket;
        result.m_host = url.host();
        result.m_port = url.port(scheme == u"wss" ? 443 : 80);
        const QString query = url.query(QUrl::FullyEncoded);
        splitResource(url.path(QUrl::FullyEncoded) + (query.isEmpty() ? QString() : u'?' + query), &result.m_path,
            &result.m_token, &result.m_extraQuery);
        result.m_password = takeClientParameters(&result.m_extraQuery);
        return result;
    }
    if (scheme == u"vnc") {
        result.m_scheme = Scheme::Vnc;
        result.m_host = url.host();
        result.m_port = url.port(5900);
        if (!url.password().isEmpty())
            result.m_password = url.password(QUrl::FullyDecoded);
        result.m_via = QUrlQuery(url).queryItemValue(QStringLiteral("via"), QUrl::FullyDecoded);
        return result;
    }
    if (scheme != u"http" && scheme != u"https") {
        fail(error,
            QStringLiteral("%1 has the scheme '%2': a console URL starts with ws://, wss://, "
                           "vnc://, or is an http(s) noVNC or Sunstone page")
                .arg(quoted(trimmed), url.scheme()));
        return std::nullopt;
    }

    const QHash<QString, QString> params = pageParameters(url);
    const std::optional<QString> password = realPassword(params.value(QStringLiteral("password")));

    if (params.contains(QStringLiteral("socket"))) {
        // Sunstone 6 (FireEdge) passes the whole WebSocket URL base64-encoded.
        const QByteArray raw = params.value(QStringLiteral("socket")).trimmed().toLatin1();
        auto decoded = QByteArray::fromBase64Encoding(raw, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            decoded = QByteArray::fromBase64Encoding(
                raw, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        const QString inner = decoded ? QString::fromUtf8(*decoded).trimmed() : QString();
        if (!inner.startsWith(QStringLiteral("ws://"), Qt::CaseInsensitive)
            && !inner.startsWith(QStringLiteral("wss://"), Qt::CaseInsensitive)) {
            fail(error,
                QStringLiteral("the 'socket' parameter of %1 is not a base64-encoded ws:// or "
                               "wss:// URL")
                    .arg(quoted(trimmed)));
            return std::nullopt;
        }
        QString innerError;
        auto inside = parse(inner, &innerError);
        if (!inside) {
            fail(error,
                QStringLiteral("the 'socket' parameter of %1 holds a bad URL: %2").arg(quoted(trimmed), innerError));
            return std::nullopt;
        }
        // A password beside socket= wins over one inside it.
        if (password)
            inside->m_password = password;
        return inside;
    }

    const QString page = url.path().section(QLatin1Char('/'), -1).toLower();
    const bool noVncPage = page == u"vnc.html" || page == u"vnc_lite.html" || page == u"vnc_auto.html";
    const bool hasConsoleParams = params.contains(QStringLiteral("host")) || params.contains(QStringLiteral("port"))
        || params.contains(QStringLiteral("path")) || params.contains(QStringLiteral("token"));
    if (!noVncPage && !hasConsoleParams) {
        fail(error,
            QStringLiteral("%1 is a web page but not a console: expected a noVNC page "
                           "(vnc.html, vnc_lite.html, vnc_auto.html) or host/port/token or "
                           "socket parameters")
                .arg(quoted(trimmed)));
        return std::nullopt;
    }

    bool encrypt = scheme == u"https";
    if (params.contains(QStringLiteral("encrypt"))) {
        const auto value = parseBool(params.value(QStringLiteral("encrypt")));
        if (!value) {
            fail(error,
                QStringLiteral("encrypt=%1 in %2 is neither true nor false")
                    .arg(shownValue(params.value(QStringLiteral("encrypt"))), quoted(trimmed)));
            return std::nullopt;
        }
        encrypt = *value;
    }
    result.m_scheme = encrypt ? Scheme::SecureWebSocket : Scheme::WebSocket;
    result.m_host = url.host();
    if (const QString given = params.value(QStringLiteral("host")).trimmed(); !given.isEmpty()) {
        const std::optional<QString> host = validHost(given);
        if (!host) {
            fail(error,
                QStringLiteral("host=%1 in %2 is not a host name or address")
                    .arg(shownValue(given, 60), quoted(trimmed)));
            return std::nullopt;
        }
        result.m_host = *host;
    }
    if (params.contains(QStringLiteral("port")) && !params.value(QStringLiteral("port")).isEmpty()) {
        const auto port = parsePort(params.value(QStringLiteral("port")));
        if (!port) {
            fail(error,
                QStringLiteral("port=%1 in %2 is not a TCP port (1-65535)")
                    .arg(shownValue(params.value(QStringLiteral("port"))), quoted(trimmed)));
            return std::nullopt;
        }
        result.m_port = *port;
    } else {
        // noVNC falls back to the page's own port, then to the scheme's default.
        result.m_port = url.port(encrypt ? 443 : 80);
    }
    // noVNC's default path is "websockify"; Sunstone 5's proxy takes the token at "/".
    const QString resource = params.value(QStringLiteral("path"), noVncPage ? QStringLiteral("websockify") : QString());
    splitResource(resource, &result.m_path, &result.m_token, &result.m_extraQuery);
    // noVNC dials "ws://host:port/" + path, so path=/x means //x, exactly as noVNC requests it
    // (and noVncUrl() writes //x as path=/x; a lenient single slash lost one on the way back).
    if (noVncPage && resource.startsWith(QLatin1Char('/')))
        result.m_path.prepend(QLatin1Char('/'));
    if (result.m_token.isEmpty())
        result.m_token = params.value(QStringLiteral("token"));
    const std::optional<QString> inPath = takeClientParameters(&result.m_extraQuery);
    result.m_password = password ? password : inPath;
    return result;
}

QUrl ConsoleUrl::webSocketUrl() const
{
    if (!isWebSocket())
        return QUrl();
    QUrl url;
    url.setScheme(schemeName());
    url.setHost(m_host);
    url.setPort(m_port);
    url.setPath(m_path.isEmpty() ? QStringLiteral("/") : m_path, QUrl::TolerantMode);
    QString query;
    if (!m_token.isEmpty())
        query = QStringLiteral("token=") + QString::fromLatin1(QUrl::toPercentEncoding(m_token));
    if (!m_extraQuery.isEmpty())
        query += (query.isEmpty() ? QString() : QStringLiteral("&")) + m_extraQuery;
    if (!query.isEmpty())
        url.setQuery(query, QUrl::TolerantMode);
    return url;
}

QUrl ConsoleUrl::connectUrl() const
{
    if (isWebSocket())
        return webSocketUrl();
    QUrl url;
    url.setScheme(QStringLiteral("vnc"));
    url.setHost(m_host);
    url.setPort(m_port);
    if (!m_via.isEmpty()) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("via"), QString::fromLatin1(QUrl::toPercentEncoding(m_via)));
        url.setQuery(query);
    }
    return url;
}

QUrl ConsoleUrl::noVncUrl(const QUrl &page, bool includePassword) const
{
    QUrl url = page;
    const auto enc = [](const QString &v) { return QString::fromLatin1(QUrl::toPercentEncoding(v)); };
    QString resource = m_path.mid(1); // noVNC joins path to "ws://host:port/" itself
    QString inner;
    if (!m_token.isEmpty())
        inner = QStringLiteral("token=") + enc(m_token);
    if (!m_extraQuery.isEmpty())
        inner += (inner.isEmpty() ? QString() : QStringLiteral("&")) + m_extraQuery;
    if (!inner.isEmpty())
        resource += u'?' + inner;
    QString query = QStringLiteral("autoconnect=true&host=%1&port=%2&path=%3&encrypt=%4")
                        .arg(enc(m_host), QString::number(m_port), enc(resource),
                            encrypt() ? QStringLiteral("1") : QStringLiteral("0"));
    if (includePassword && m_password)
        query += QStringLiteral("&password=") + enc(*m_password);
    url.setQuery(query, QUrl::StrictMode);
    return url;
}

QString ConsoleUrl::displayString() const
{
    QString text = schemeName() + QStringLiteral("://") + m_host + u':' + QString::number(m_port);
    if (isWebSocket()) {
        text += m_path;
        if (!m_token.isEmpty())
            text += QStringLiteral("?token=") + redact(m_token);
    } else if (!m_via.isEmpty()) {
        text += QStringLiteral(" via ") + m_via;
    }
    return text;
}

} // namespace Porthole
