// SPDX-License-Identifier: GPL-2.0-or-later
#include "xmlrpc/XmlRpcExchange.h"

#include "base/CertificateInfo.h"
#include "base/Logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>

namespace Porthole {
namespace {

constexpr qsizetype kErrorBodyShown = 4096;
constexpr qint64 kReadBuffer = 256 * 1024;

// "502 Bad Gateway" out of an HTML error page: its <title>, else its first <h1>, else its first line.
QString summariseBody(const QByteArray &body)
{
    const QString text = QString::fromUtf8(body);
    static const QRegularExpression titled(
        QStringLiteral("<(title|h1)[^>]*>([^<]{1,200})<"), QRegularExpression::CaseInsensitiveOption);
    const auto match = titled.match(text);
    if (match.hasMatch())
        return match.captured(2).simplified();
    return text.section(QLatin1Char('\n'), 0, 0).simplified().left(200);
}

} // namespace

XmlRpcExchange::XmlRpcExchange(
    QNetworkAccessManager *network, QUrl url, QString method, QByteArray body, Options options, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_url(std::move(url))
    , m_method(std::move(method))
    , m_body(std::move(body))
    , m_options(std::move(options))
{
    m_silence.setSingleShot(true);
    m_silence.setInterval(m_options.timeoutMs);
    connect(&m_silence, &QTimer::timeout, this, [this] {
        stop(OneError(OneError::Kind::Timeout,
            QStringLiteral("%1 did not answer within %2 s: the server is unreachable, overloaded or hung; if it "
                           "is only slow, allow it more time")
                .arg(where())
                .arg(m_options.timeoutMs / 1000.0))
                 .withRemedies(Remedy::Timeout));
    });
}

XmlRpcExchange::~XmlRpcExchange()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QString XmlRpcExchange::where() const
{
    return QStringLiteral("%1 (%2)").arg(m_url.toDisplayString(QUrl::RemoveUserInfo), m_method);
}

void XmlRpcExchange::start()
{
    QNetworkRequest request(m_url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/xml"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Porthole/" PORTHOLE_VERSION));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    // The body carries the session string: never let Qt re-send it to where a redirect points.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    // Qt would otherwise allocate a "zero-copy" buffer as large as the whole answer.
    request.setAttribute(QNetworkRequest::MaximumDownloadBufferSizeAttribute, 0);
    if (m_url.scheme() == u"https")
        request.setSslConfiguration(m_options.tls);
    m_reply = m_network->post(request, m_body);
    m_body.clear();
    // Backpressure: Qt's HTTP thread would otherwise buffer a whole large answer ahead of the parser.
    m_reply->setReadBufferSize(kReadBuffer);
    connect(m_reply, &QNetworkReply::readyRead, this, &XmlRpcExchange::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &XmlRpcExchange::onFinished);
    connect(m_reply, &QNetworkReply::sslErrors, this, &XmlRpcExchange::onSslErrors);
    connect(m_reply, &QNetworkReply::encrypted, this, &XmlRpcExchange::onEncrypted);
    m_silence.start();
}

void XmlRpcExchange::abort()
{
    stop(OneError(OneError::Kind::Cancelled, QStringLiteral("cancelled")));
}

void XmlRpcExchange::onReadyRead()
{
    if (m_done)
        return;
    m_silence.start();
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200) {
        // Keep the start of an error page for the message; drop the rest.
        m_errorBody += m_reply->read(std::max<qint64>(0, kErrorBodyShown - m_errorBody.size()));
        m_reply->readAll();
        return;
    }
    while (m_reply->bytesAvailable() > 0 && !m_reader.hasError()) {
        const QByteArray data = m_reply->read(kReadBuffer);
        m_received += data.size();
        if (m_received > m_options.maxResponseBytes) {
            stop(OneError(OneError::Kind::BadResponse,
                QStringLiteral("the answer of %1 is larger than %2 MiB; stopped reading it")
                    .arg(where())
                    .arg(m_options.maxResponseBytes / (1024 * 1024))));
            return;
        }
        m_reader.addData(data);
    }
    if (m_reader.hasError())
        stopMalformed();
}

void XmlRpcExchange::stopMalformed()
{
    const bool html = m_reply->header(QNetworkRequest::ContentTypeHeader).toString().contains(u"html");
    stop(OneError(OneError::Kind::BadResponse,
        QStringLiteral("the answer of %1 is %2, not an XML-RPC response (%3): is this oned's "
                       "XML-RPC endpoint?")
            .arg(
                where(), html ? QStringLiteral("an HTML page") : QStringLiteral("malformed"), m_reader.errorString())));
}

void XmlRpcExchange::onFinished()
{
    if (m_done)
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 0 && status != 200) {
        onReadyRead();
        stop(httpError(status));
        return;
    }
    if (m_reply->error() != QNetworkReply::NoError) {
        stop(networkError());
        return;
    }
    onReadyRead();
    if (m_done)
        return;
    if (!m_reader.finish()) {
        // The reader reads the last piece of a body when it ends: bad content found there is
        // malformed as anywhere else.
        if (m_received > 0 && !m_reader.endedEarly()) {
            stopMalformed();
            return;
        }
        stop(OneError(OneError::Kind::BadResponse,
            m_received == 0 ? QStringLiteral("%1 answered with an empty body").arg(where())
                            : QStringLiteral("the answer of %1 is not a complete XML-RPC response after "
                                             "%2 bytes (%3)")
                                  .arg(where())
                                  .arg(m_received)
                                  .arg(m_reader.errorString())));
        return;
    }
    stop(OneError());
}

void XmlRpcExchange::onSslErrors(const QList<QSslError> &errors)
{
    const QSslCertificate certificate = m_reply->sslConfiguration().peerCertificate().isNull()
        ? errors.value(0).certificate()
        : m_reply->sslConfiguration().peerCertificate();
    if (!m_options.pin.isNull()) {
        if (m_options.pin.matches(certificate)) {
            m_reply->ignoreSslErrors(); // the pin is the trust decision
            return;
        }
        onEncrypted(); // reports the mismatch
        return;
    }
    QStringList reasons;
    for (const QSslError &error : errors)
        reasons << error.errorString();
    if (m_options.insecure) {
        m_reply->ignoreSslErrors();
        Q_EMIT tlsWarning(
            QStringLiteral("--insecure: accepting the untrusted certificate of %1 (%2): %3")
                .arg(m_url.host(), reasons.join(QStringLiteral("; ")), CertificateInfo::describe(certificate)));
        return;
    }
    const QString fingerprint = CertificateInfo::fingerprint(certificate);
    stop(OneError(OneError::Kind::Tls,
        QStringLiteral("the certificate of %1 is not trusted (%2): %3. If it is the right one, trust the CA that "
                       "signed it or pin the certificate SHA-256 %4")
            .arg(m_url.host(), reasons.join(QStringLiteral("; ")), CertificateInfo::describe(certificate), fingerprint))
             .withRemedies(Remedy::CaFile | Remedy::CertificatePin, fingerprint));
}

void XmlRpcExchange::onEncrypted()
{
    if (m_options.pin.isNull() || m_done)
        return;
    const QSslCertificate certificate = m_reply->sslConfiguration().peerCertificate();
    if (m_options.pin.matches(certificate))
        return;
    stop(OneError(OneError::Kind::Tls,
        QStringLiteral("the certificate of %1 does not match the pinned fingerprint %2: the server "
                       "presented %3. The certificate was replaced or the connection is intercepted; "
                       "check it before changing the pinned fingerprint")
            .arg(m_url.host(), m_options.pin.toString(), CertificateInfo::describe(certificate)))
             .withRemedies(Remedy::CertificatePin));
}

OneError XmlRpcExchange::httpError(int status) const
{
    const QString reason = m_reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    const QString body = summariseBody(m_errorBody);
    if (status >= 300 && status < 400) {
        const QUrl target = m_reply->header(QNetworkRequest::LocationHeader).toUrl();
        return OneError(OneError::Kind::Http,
            QStringLiteral("%1 answered HTTP %2 %3, a redirect to %4: Porthole does not follow redirects, which "
                           "would carry the credentials to another address; if that is oned, use it as the endpoint")
                .arg(where())
                .arg(status)
                .arg(reason,
                    target.isEmpty() ? QStringLiteral("nowhere") : target.toDisplayString(QUrl::RemoveUserInfo)),
            status);
    }
    return OneError(OneError::Kind::Http,
        QStringLiteral("%1 answered HTTP %2 %3%4: the endpoint is not oned's XML-RPC API, or a proxy in "
                       "front of it failed")
            .arg(where())
            .arg(status)
            .arg(reason, body.isEmpty() ? QString() : QStringLiteral(" (\"%1\")").arg(body)),
        status);
}

OneError XmlRpcExchange::networkError() const
{
    using Kind = OneError::Kind;
    const QString host = m_url.host();
    const QString hostPort = QStringLiteral("%1:%2").arg(host).arg(m_url.port(m_url.scheme() == u"https" ? 443 : 80));
    switch (m_reply->error()) {
    case QNetworkReply::ConnectionRefusedError:
        return OneError(Kind::Network,
            QStringLiteral("could not connect to %1: connection refused by %2. %3")
                .arg(where(), hostPort, m_options.refusedAdvice))
            .withRemedies(m_options.refusedRemedies);
    case QNetworkReply::HostNotFoundError:
        return OneError(Kind::Network,
            QStringLiteral("could not connect to %1: the host name \"%2\" could not be resolved (DNS). "
                           "Check the endpoint.")
                .arg(where(), host));
    case QNetworkReply::TimeoutError:
        return OneError(Kind::Timeout, QStringLiteral("%1 timed out").arg(where()));
    case QNetworkReply::RemoteHostClosedError:
        if (m_received > 0) {
            return OneError(Kind::BadResponse,
                QStringLiteral("the answer of %1 was cut off after %2 bytes: the "
                               "server closed the connection mid-answer")
                    .arg(where())
                    .arg(m_received));
        }
        return OneError(
            Kind::Network, QStringLiteral("%1 closed the connection without answering%2").arg(where(), grpcHint()));
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::UnknownNetworkError:
        if (m_url.scheme() == u"https") {
            return OneError(Kind::Tls,
                QStringLiteral("the TLS handshake with %1 failed: %2. Is it an https "
                               "endpoint?")
                    .arg(hostPort, m_reply->errorString()));
        }
        break;
    default:
        break;
    }
    return OneError(Kind::Network, QStringLiteral("%1 failed: %2").arg(where(), m_reply->errorString()));
}

QString XmlRpcExchange::grpcHint() const
{
    // oned 7.x also serves gRPC (HTTP/2 only, port 2634), and hangs up on an HTTP/1.1 POST;
    // 7.x's CLI reads an endpoint without /RPC2 as a gRPC address.
    if (m_url.port() != 2634 && m_url.path().endsWith(u"RPC2"))
        return QString();
    QUrl xmlRpc = m_url;
    xmlRpc.setPort(2633);
    xmlRpc.setPath(QStringLiteral("/RPC2"));
    return QStringLiteral(". Is this oned 7.x's gRPC endpoint (port 2634)? It does not speak XML-RPC; oned's "
                          "XML-RPC endpoint is %1")
        .arg(xmlRpc.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment));
}

void XmlRpcExchange::stop(OneError error)
{
    if (m_done)
        return;
    m_done = true;
    m_error = std::move(error);
    m_silence.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        if (m_error.isError())
            m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    if (m_error.isError())
        qCDebug(lcCloud) << "exchange failed:" << m_error.message();
    Q_EMIT finished();
}

} // namespace Porthole
