// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/ConsoleProbe.h"

#include "base/CaFile.h"
#include "base/CertificateInfo.h"
#include "base/Logging.h"
#include "base/Redact.h"
#include "console/CloseVerdict.h"
#include "console/RfbGreeting.h"
#include "console/RfbWorker.h"
#include "ssh/SshLink.h"
#include "websocket/WebSocketFrameParser.h"
#include "websocket/WebSocketWire.h"

// rfbEncryptBytes (VNC's DES challenge response) lives in libvncserver, declared without C linkage.
extern "C" {
#include <rfb/rfbproto.h>

// libvncclient builds its own copy of libvncserver's VNC DES as rfbClientEncryptBytes (its
// vncauth.c renames rfbEncryptBytes) and exports it without declaring it in a header. Using it keeps
// the console area off libvncserver, which only the demo desktops link.
extern "C" void rfbClientEncryptBytes(unsigned char *bytes, char *passwd);
}

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHostInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QThread>
#include <QtEndian>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <memory>

namespace Porthole {

namespace {

using Outcome = ProbeReport::Step::Outcome;

constexpr quint32 kMaxNameLength = 1 << 20;

QString securityTypeName(int type)
{
    switch (type) {
    case 0:
        return QStringLiteral("Invalid");
    case 1:
        return QStringLiteral("None");
    case 2:
        return QStringLiteral("VncAuth");
    case 5:
        return QStringLiteral("RA2");
    case 6:
        return QStringLiteral("RA2ne");
    case 16:
        return QStringLiteral("Tight");
    case 18:
        return QStringLiteral("TLS");
    case 19:
        return QStringLiteral("VeNCrypt");
    case 20:
        return QStringLiteral("SASL");
    case 30:
        return QStringLiteral("AppleARD");
    case 113:
        return QStringLiteral("MSLogon");
    default:
        break;
    }
    return QStringLiteral("type %1").arg(type);
}

// One probe, run with blocking socket calls on whatever thread calls run().
class ProbeRun : private WebSocketFrameParser::Sink
{
public:
    // cancelled (may be null) is checked between steps: an abandoned probe stops early.
    ProbeRun(const ConsoleUrl &url, const ConsoleProbe::Options &options, const std::atomic<bool> *cancelled)
        : m_url(url)
        , m_options(options)
        , m_cancelled(cancelled)
    {
        m_report.target = url.displayString();
    }

    ProbeReport run()
    {
        // In handshake order; each stops the probe on failure, and an abandoned probe stops
        // before its next step.
        using Step = bool (ProbeRun::*)();
        const std::initializer_list<Step> direct
            = {&ProbeRun::resolve, &ProbeRun::connectTcp, &ProbeRun::tls, &ProbeRun::upgrade};
        const std::initializer_list<Step> viaSsh
            = {&ProbeRun::sshConnect, &ProbeRun::sshHostKey, &ProbeRun::sshAuthenticate, &ProbeRun::sshChannel};
        for (const auto &steps : {m_url.via().isEmpty() ? direct : viaSsh,
                 {&ProbeRun::rfbVersion, &ProbeRun::securityTypes, &ProbeRun::authenticate, &ProbeRun::serverInit}}) {
            for (Step step : steps) {
                if ((m_cancelled && m_cancelled->load()) || !(this->*step)())
                    return m_report;
            }
        }
        closeNicely();
        return m_report;
    }

private:
    // ---- step bookkeeping ----
    void begin() { m_stepClock.start(); }
    bool pass(const QString &name, const QString &summary, const QJsonObject &data = {})
    {
        m_report.steps.append({name, Outcome::Ok, m_stepClock.nsecsElapsed() / 1e6, summary, data});
        return true;
    }
    void skip(const QString &name, const QString &summary)
    {
        m_report.steps.append({name, Outcome::Skipped, 0, summary, {}});
    }
    bool failStep(const QString &name, const QString &summary, ConsoleError error, const QString &meaning,
        const QJsonObject &data = {}, Remedies remedies = {})
    {
        m_report.steps.append({name, Outcome::Failed, m_stepClock.nsecsElapsed() / 1e6, summary, data});
        m_report.error = error;
        m_report.meaning = meaning;
        m_report.remedies = remedies;
        return false;
    }
    QString where() const { return QStringLiteral("%1:%2").arg(m_url.host()).arg(m_url.port()); }
    ConsoleError unreachable() const
    {
        return m_url.isWebSocket() ? ConsoleError::ProxyUnreachable : ConsoleError::ServerUnreachable;
    }
    QString peerKind() const
    {
        return m_url.isWebSocket() ? QStringLiteral("console proxy") : QStringLiteral("VNC server");
    }

    // ---- steps ----
    bool resolve()
    {
        begin();
        const QString host = m_url.host();
        QHostAddress literal;
        if (literal.setAddress(host)) {
            m_address = literal;
            return pass(QStringLiteral("resolve"), QStringLiteral("%1 is an address").arg(host),
                {{QStringLiteral("addresses"), QJsonArray {host}}});
        }
        const QHostInfo info = QHostInfo::fromName(host);
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty())
            return failStep(QStringLiteral("resolve"), QStringLiteral("%1: %2").arg(host, info.errorString()),
                unreachable(),
                QStringLiteral("the name %1 of the %2 does not resolve: check the host in the URL "
                               "and your DNS")
                    .arg(host, peerKind()));
        QJsonArray list;
        for (const auto &a : info.addresses())
            list.append(a.toString());
        m_address = info.addresses().constFirst();
        return pass(QStringLiteral("resolve"),
            QStringLiteral("%1 -> %2").arg(host, info.addresses().constFirst().toString()),
            {{QStringLiteral("addresses"), list}});
    }

    bool connectTcp()
    {
        begin();
        m_socket.connectToHost(m_address, quint16(m_url.port()));
        if (!m_socket.waitForConnected(m_options.stepTimeoutMs)) {
            const bool timedOut = m_socket.error() == QAbstractSocket::SocketTimeoutError
                || m_socket.state() == QAbstractSocket::ConnectingState;
            return failStep(QStringLiteral("connect"),
                QStringLiteral("%1: %2").arg(where(), timedOut ? QStringLiteral("timed out") : m_socket.errorString()),
                timedOut ? ConsoleError::Timeout : unreachable(),
                QStringLiteral("nothing accepts connections at %1: the %2 is not running there, or "
                               "a firewall is in the way")
                    .arg(where(), peerKind()));
        }
        m_socket.setSocketOption(QAbstractSocket::LowDelayOption, 1);
        return pass(QStringLiteral("connect"), QStringLiteral("TCP connected to %1").arg(where()));
    }

    bool tls()
    {
        if (!m_url.encrypt()) {
            skip(QStringLiteral("tls"), QStringLiteral("not used (%1://)").arg(m_url.schemeName()));
            return true;
        }
        begin();
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        if (!m_options.caFile.isEmpty()) {
            QString error;
            const QList<QSslCertificate> extra = CaFile::load(m_options.caFile, &error);
            if (extra.isEmpty())
                return failStep(QStringLiteral("tls"), error, ConsoleError::TlsFailure,
                    QStringLiteral("%1: name a file with the CA certificate in PEM or DER").arg(error));
            ssl.addCaCertificates(extra);
        }
        m_socket.setSslConfiguration(ssl);
        m_socket.setPeerVerifyName(m_url.host());
        QStringList problems;
        bool pinnedMatch = false;
        QObject::connect(&m_socket, &QSslSocket::sslErrors, &m_socket, [&](const QList<QSslError> &errors) {
            const auto chain = m_socket.peerCertificateChain();
            if (!chain.isEmpty() && m_options.pin.matches(chain.first())) {
                pinnedMatch = true;
                m_socket.ignoreSslErrors();
                return;
            }
            for (const auto &e : errors)
                problems << e.errorString();
        });
        m_socket.startClientEncryption();
        const bool ok = m_socket.waitForEncrypted(m_options.stepTimeoutMs);
        QJsonObject data;
        const auto chain = m_socket.peerCertificateChain();
        if (!chain.isEmpty())
            data.insert(QStringLiteral("certificate"), CertificateInfo::toJson(chain.first()));
        data.insert(QStringLiteral("verification"),
            problems.isEmpty() ? (pinnedMatch ? QStringLiteral("pinned fingerprint matches") : QStringLiteral("ok"))
                               : problems.join(QStringLiteral("; ")));
        if (!ok) {
            QString certText;
            if (!chain.isEmpty())
                certText = QStringLiteral(" (%1)").arg(CertificateInfo::describe(chain.first()));
            const QString why = problems.isEmpty() ? m_socket.errorString() : problems.join(QStringLiteral("; "));
            return failStep(QStringLiteral("tls"), why + certText, ConsoleError::TlsFailure,
                QStringLiteral("the TLS handshake with %1 failed: %2%3; trust its CA or pin its certificate "
                               "if you know it is right")
                    .arg(where(), why, certText),
                data, Remedy::CaFile | Remedy::CertificatePin);
        }
        if (!m_options.pin.isNull() && !chain.isEmpty() && !m_options.pin.matches(chain.first()))
            return failStep(QStringLiteral("tls"), QStringLiteral("certificate does not match the pinned fingerprint"),
                ConsoleError::TlsFailure,
                QStringLiteral("the certificate of %1 (SHA-256 %2) is not the pinned one: the proxy's "
                               "certificate changed, or someone is in the middle")
                    .arg(where(), CertificateInfo::fingerprint(chain.first())),
                data);
        return pass(QStringLiteral("tls"),
            QStringLiteral("%1, certificate '%2' from '%3' %4")
                .arg(m_socket.sessionProtocol() == QSsl::TlsV1_3 ? QStringLiteral("TLS 1.3") : QStringLiteral("TLS"),
                    chain.isEmpty() ? QString() : chain.first().subjectDisplayName(),
                    chain.isEmpty() ? QString() : chain.first().issuerDisplayName(),
                    pinnedMatch ? QStringLiteral("(pinned)") : QStringLiteral("(verified)")),
            data);
    }

    bool upgrade()
    {
        if (!m_url.isWebSocket()) {
            skip(QStringLiteral("upgrade"), QStringLiteral("not used (vnc://)"));
            return true;
        }
        begin();
        QByteArray keyBytes(16, '\0');
        for (auto &b : keyBytes)
            b = char(QRandomGenerator::global()->bounded(256));
        const QByteArray key = keyBytes.toBase64();
        const QUrl ws = m_url.webSocketUrl();
        QByteArray resource = ws.path(QUrl::FullyEncoded).toLatin1();
        if (ws.hasQuery())
            resource += '?' + ws.query(QUrl::FullyEncoded).toLatin1();
        QByteArray request = "GET " + resource + " HTTP/1.1\r\n";
        request += "Host: " + m_url.host().toUtf8() + ':' + QByteArray::number(m_url.port()) + "\r\n";
        request += "Upgrade: websocket\r\nConnection: Upgrade\r\n";
        request += "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n";
        request += "Sec-WebSocket-Protocol: binary\r\n";
        request
            += "Origin: " + QByteArray(m_url.encrypt() ? "https://" : "http://") + m_url.host().toUtf8() + "\r\n\r\n";
        m_socket.write(request);
        m_socket.flush();

        QByteArray head;
        QDeadlineTimer deadline(m_options.stepTimeoutMs);
        while (!head.contains("\r\n\r\n")) {
            if (m_socket.bytesAvailable() == 0
                && !m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
                if (m_socket.state() != QAbstractSocket::ConnectedState || !head.isEmpty() || !deadline.hasExpired()) {
                    if (head.isEmpty())
                        return failStep(QStringLiteral("upgrade"),
                            QStringLiteral("connection closed with no HTTP response"), ConsoleError::TokenRefused,
                            QStringLiteral("the proxy closed the connection before the WebSocket "
                                           "handshake: the token is probably unknown or expired "
                                           "(token '%1')")
                                .arg(redact(m_url.token())));
                    break;
                }
                return failStep(QStringLiteral("upgrade"), QStringLiteral("no HTTP response"), ConsoleError::Timeout,
                    QStringLiteral("the proxy at %1 accepted the connection but did not answer the "
                                   "WebSocket upgrade within %2 s")
                        .arg(where())
                        .arg(m_options.stepTimeoutMs / 1000.0));
            }
            head += m_socket.read(qMax<qint64>(1, qMin<qint64>(m_socket.bytesAvailable(), 4096)));
            if (head.size() > 65536)
                break;
        }
        const qsizetype end = head.indexOf("\r\n\r\n");
        QByteArray rest = end >= 0 ? head.mid(end + 4) : QByteArray();
        const QList<QByteArray> lines = (end >= 0 ? head.left(end) : head).split('\n');
        const QByteArray statusLine = lines.value(0).trimmed();
        const QList<QByteArray> parts = statusLine.split(' ');
        const int status = parts.value(1).toInt();
        QHash<QByteArray, QByteArray> headers;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines[i].indexOf(':');
            if (colon > 0)
                headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
        }
        QJsonObject data {
            {QStringLiteral("status"), status}, {QStringLiteral("status_line"), QString::fromLatin1(statusLine)}};
        if (status != 101) {
            // A refusing proxy may explain itself in the body (porthole-proxy does).
            QByteArray body = rest;
            while (m_socket.waitForReadyRead(300) && body.size() < 4096)
                body += m_socket.readAll();
            const QString reason = QString::fromUtf8(body.left(300)).simplified();
            data.insert(QStringLiteral("body"), reason);
            const QString summary
                = QStringLiteral("HTTP %1%2")
                      .arg(QString::fromLatin1(statusLine.mid(9)), reason.isEmpty() ? QString() : u": " + reason);
            if (status == 401 || status == 403 || status == 404 || status == 410)
                return failStep(QStringLiteral("upgrade"), summary, ConsoleError::TokenRefused,
                    QStringLiteral("the proxy refused token '%1' with HTTP %2%3: the token is unknown, "
                                   "expired or not yours")
                        .arg(redact(m_url.token()))
                        .arg(status)
                        .arg(reason.isEmpty() ? QString() : u" (" + reason + u')'),
                    data);
            return failStep(QStringLiteral("upgrade"), summary, ConsoleError::ProtocolError,
                QStringLiteral("the server at %1 answered the WebSocket upgrade with HTTP %2 instead of "
                               "101: is this a websockify-compatible proxy, and is the path right?")
                    .arg(where())
                    .arg(status),
                data);
        }
        const QByteArray expected = WebSocketWire::acceptKey(key);
        const QByteArray subprotocol = headers.value("sec-websocket-protocol");
        data.insert(QStringLiteral("subprotocol"), QString::fromLatin1(subprotocol));
        if (headers.value("sec-websocket-accept") != expected)
            return failStep(QStringLiteral("upgrade"), QStringLiteral("bad Sec-WebSocket-Accept"),
                ConsoleError::ProtocolError,
                QStringLiteral("the proxy at %1 answered 101 with a wrong Sec-WebSocket-Accept: not a "
                               "conforming WebSocket server")
                    .arg(where()),
                data);
        m_webSocket = true;
        if (!rest.isEmpty() && !feedFrames(rest))
            return failStep(QStringLiteral("upgrade"), m_frameError, ConsoleError::ProtocolError,
                QStringLiteral("the proxy at %1 sent a broken WebSocket frame: %2").arg(where(), m_frameError), data);
        return pass(QStringLiteral("upgrade"),
            QStringLiteral("HTTP 101, subprotocol %1")
                .arg(subprotocol.isEmpty() ? QStringLiteral("(none)") : QString::fromLatin1(subprotocol)),
            data);
    }

    // ---- through an SSH jump host: its own steps instead of resolve..upgrade ----
    bool sshFailed(const QString &name, const SshLink::Result &result, const QJsonObject &data = {})
    {
        return failStep(name, sshErrorId(result.error), consoleErrorFromSsh(result.error), result.sentence, data);
    }

    bool sshConnect()
    {
        begin();
        QString error;
        const std::optional<SshTarget> target = SshTarget::parse(m_url.via(), &error);
        if (!target)
            return failStep(QStringLiteral("ssh-connect"), error, ConsoleError::InvalidUrl, error);
        SshLink::Callbacks callbacks;
        const bool acceptNew = m_options.acceptNewHostKey;
        callbacks.hostKey = [acceptNew](const SshHostKey &) {
            return acceptNew ? SshHostKeyAnswer::TrustAlways : SshHostKeyAnswer::Refuse;
        };
        const SshConnection::Secrets secrets = m_options.sshSecrets;
        callbacks.secret = [secrets](const SshLink::SecretRequest &request) -> std::optional<QString> {
            if (request.retry)
                return std::nullopt;
            return request.kind == SshLink::SecretRequest::Kind::Password ? secrets.password : secrets.passphrase;
        };
        m_ssh = std::make_unique<SshLink>(*target, m_options.ssh, callbacks);
        const SshLink::Result result = m_ssh->connect();
        if (!result.ok())
            return sshFailed(QStringLiteral("ssh-connect"), result);
        return pass(QStringLiteral("ssh-connect"), result.sentence, {{QStringLiteral("jump_host"), m_ssh->where()}});
    }

    bool sshHostKey()
    {
        begin();
        const SshLink::Result result = m_ssh->checkHostKey();
        const SshHostKey &key = m_ssh->hostKey();
        const QJsonObject data {{QStringLiteral("type"), key.type}, {QStringLiteral("fingerprint"), key.fingerprint},
            {QStringLiteral("known_hosts"), key.knownHostsFile},
            {QStringLiteral("verdict"),
                key.verdict == SshHostKey::Verdict::Known         ? QStringLiteral("known")
                    : key.verdict == SshHostKey::Verdict::Changed ? QStringLiteral("changed")
                                                                  : QStringLiteral("unknown")}};
        if (!result.ok())
            return sshFailed(QStringLiteral("ssh-host-key"), result, data);
        return pass(QStringLiteral("ssh-host-key"), result.sentence, data);
    }

    bool sshAuthenticate()
    {
        begin();
        const SshLink::Result result = m_ssh->authenticate();
        if (!result.ok())
            return sshFailed(QStringLiteral("ssh-authentication"), result);
        return pass(QStringLiteral("ssh-authentication"), result.sentence,
            {{QStringLiteral("method"), m_ssh->authenticatedBy()}});
    }

    bool sshChannel()
    {
        begin();
        SshLink::Result result;
        m_channel = m_ssh->openChannel(m_url.host(), m_url.port(), &result);
        if (!m_channel)
            return sshFailed(QStringLiteral("ssh-channel"), result);
        return pass(QStringLiteral("ssh-channel"), result.sentence, {{QStringLiteral("target"), where()}});
    }

    // ---- RFB byte stream, through WebSocket frames or raw ----

    // Reads exactly n RFB bytes; false on EOF, close frame or timeout (m_streamProblem says which).
    bool readExact(qsizetype n, QByteArray *out)
    {
        QDeadlineTimer deadline(m_options.stepTimeoutMs);
        while (m_rfb.size() < n) {
            if (m_closeFrame || !m_frameError.isEmpty())
                return false;
            if (m_channel) {
                if (deadline.hasExpired()) {
                    m_timedOut = true;
                    return false;
                }
                char buffer[16384];
                const qint64 got
                    = m_ssh->read(m_channel, buffer, sizeof buffer, int(qMax<qint64>(1, deadline.remainingTime())));
                if (got < 0) {
                    m_eof = true;
                    return false;
                }
                m_rfb.append(buffer, got);
                continue;
            }
            if (m_socket.bytesAvailable() > 0) {
                const QByteArray bytes = m_socket.readAll();
                if (!m_webSocket)
                    m_rfb += bytes;
                else if (!feedFrames(bytes))
                    return false;
                continue;
            }
            if (deadline.hasExpired()) {
                m_timedOut = true;
                return false;
            }
            if (!m_socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
                if (m_socket.state() != QAbstractSocket::ConnectedState) {
                    m_eof = true;
                    return false;
                }
                continue;
            }
        }
        *out = m_rfb.left(n);
        m_rfb.remove(0, n);
        return true;
    }

    // The server's frames, as they arrive: data into m_rfb, a close or a ping noted.
    void binaryData(const char *data, qsizetype size) override { m_rfb.append(data, size); }
    void controlFrame(int opcode, const QByteArray &payload) override
    {
        if (opcode == WebSocketWire::Close) {
            m_closeFrame = true;
            m_closeCode = WebSocketWire::closeCode(payload);
            m_closeReason = WebSocketWire::closeReason(payload);
        } else if (opcode == WebSocketWire::Ping) {
            sendFrame(WebSocketWire::Pong, payload);
        }
    }

    // Feeds what the socket holds through the frame parser; false on a broken frame.
    bool feedFrames(QByteArray bytes)
    {
        if (m_parser.feed(bytes.data(), bytes.size(), *this))
            return true;
        m_frameError = m_parser.errorReason();
        return false;
    }

    void sendFrame(int opcode, const QByteArray &payload)
    {
        m_socket.write(WebSocketWire::frame(opcode, payload, true));
        m_socket.flush();
    }

    void writeRfb(const QByteArray &bytes)
    {
        if (m_channel) {
            m_ssh->write(m_channel, bytes);
        } else if (m_webSocket) {
            sendFrame(WebSocketWire::Binary, bytes);
        } else {
            m_socket.write(bytes);
            m_socket.flush();
        }
    }

    // Explains a stream that ended where RFB bytes were expected.
    bool streamFailed(const QString &step, const QString &expected)
    {
        if (m_closeFrame && (step == u"rfb-version" || m_closeCode == 1011)) {
            // The proxy's close code says why (porthole-proxy and websockify differ).
            const CloseVerdict verdict = CloseVerdict::beforeRfb(m_closeCode, m_closeReason, where());
            return failStep(step, QStringLiteral("WebSocket close %1 \"%2\"").arg(m_closeCode).arg(m_closeReason),
                verdict.error, verdict.meaning,
                {{QStringLiteral("close_code"), m_closeCode}, {QStringLiteral("close_reason"), m_closeReason}});
        }
        if (!m_frameError.isEmpty())
            return failStep(step, m_frameError, ConsoleError::ProtocolError,
                QStringLiteral("the proxy at %1 broke the WebSocket protocol while we waited for the %2: %3")
                    .arg(where(), expected, m_frameError));
        if (m_timedOut)
            return failStep(step,
                QStringLiteral("no %1 within %2 s").arg(expected).arg(m_options.stepTimeoutMs / 1000.0),
                ConsoleError::Timeout,
                QStringLiteral("the peer at %1 went silent while we waited for the %2").arg(where(), expected));
        QString how = m_closeFrame ? QStringLiteral("WebSocket close %1 \"%2\"").arg(m_closeCode).arg(m_closeReason)
                                   : QStringLiteral("connection closed");
        if (step == u"rfb-version")
            return failStep(step, how, m_url.isWebSocket() ? ConsoleError::TargetDown : ConsoleError::ServerUnreachable,
                QStringLiteral("the connection closed before the VNC server sent its version: the VNC "
                               "server behind %1 is down or refused us")
                    .arg(where()));
        return failStep(step, how, ConsoleError::ProtocolError,
            QStringLiteral("the connection closed in the middle of the RFB handshake, while waiting "
                           "for the %1")
                .arg(expected));
    }

    bool rfbVersion()
    {
        begin();
        QByteArray version;
        if (!readExact(12, &version))
            return streamFailed(QStringLiteral("rfb-version"), QStringLiteral("RFB version"));
        int major = 0;
        int minor = 0;
        if (!version.startsWith("RFB ") || version[7] != '.' || version[11] != '\n'
            || std::sscanf(version.constData(), "RFB %03d.%03d\n", &major, &minor) != 2)
            return failStep(QStringLiteral("rfb-version"),
                QStringLiteral("got %1").arg(QString::fromLatin1(version.toHex(' '))), ConsoleError::ProtocolError,
                QStringLiteral("the peer at %1 does not speak RFB (no \"RFB xxx.yyy\" greeting): the "
                               "token points at something that is not a VNC server")
                    .arg(where()));
        // We speak 3.3, 3.7 and 3.8; anything newer is answered with 3.8.
        m_minor = (major > 3 || minor >= 8) ? 8 : (minor >= 7 ? 7 : 3);
        writeRfb(QByteArrayLiteral("RFB 003.00") + QByteArray::number(m_minor) + '\n');
        return pass(QStringLiteral("rfb-version"),
            QStringLiteral("server %1.%2, using 3.%3").arg(major).arg(minor).arg(m_minor),
            {{QStringLiteral("server"), QStringLiteral("%1.%2").arg(major).arg(minor)},
                {QStringLiteral("used"), QStringLiteral("3.%1").arg(m_minor)}});
    }

    bool readReason(QString *reason)
    {
        QByteArray len;
        if (!readExact(4, &len))
            return false;
        const quint32 n = qFromBigEndian<quint32>(len.constData());
        if (n > 65536)
            return false;
        QByteArray text;
        if (!readExact(qsizetype(n), &text))
            return false;
        *reason = QString::fromUtf8(text);
        return true;
    }

    bool securityTypes()
    {
        begin();
        QList<int> types;
        if (m_minor == 3) {
            QByteArray t;
            if (!readExact(4, &t))
                return streamFailed(QStringLiteral("security-types"), QStringLiteral("security type"));
            types << int(qFromBigEndian<quint32>(t.constData()));
        } else {
            QByteArray count;
            if (!readExact(1, &count))
                return streamFailed(QStringLiteral("security-types"), QStringLiteral("security types"));
            if (count[0] != 0) {
                QByteArray list;
                if (!readExact(uchar(count[0]), &list))
                    return streamFailed(QStringLiteral("security-types"), QStringLiteral("security types"));
                for (char c : list)
                    types << uchar(c);
            }
        }
        if (types.isEmpty() || types == QList<int> {0}) {
            QString reason;
            readReason(&reason);
            return failStep(QStringLiteral("security-types"), QStringLiteral("none offered: %1").arg(reason),
                ConsoleError::UnsupportedSecurity,
                QStringLiteral("the VNC server refused the connection before authentication: %1")
                    .arg(reason.isEmpty() ? QStringLiteral("(no reason given)") : reason));
        }
        QJsonArray list;
        QStringList names;
        for (int t : types) {
            list.append(securityTypeName(t));
            names << securityTypeName(t);
        }
        m_types = types;
        // The viewer lets libvncclient choose only what it survives (RfbGreeting::clientSupports):
        // a server offering nothing else cannot be opened, whatever the probe could do.
        if (std::none_of(types.cbegin(), types.cend(), RfbGreeting::clientSupports))
            return failStep(QStringLiteral("security-types"), names.join(QStringLiteral(", ")),
                ConsoleError::UnsupportedSecurity,
                QStringLiteral("the VNC server offers only %1, which Porthole refuses (it speaks None, VncAuth, "
                               "VeNCrypt and TLS; Apple ARD and MSLogon II crash libvncclient 0.9.14 on hostile "
                               "parameters)")
                    .arg(names.join(QStringLiteral(", "))),
                {{QStringLiteral("offered"), list}});
        return pass(
            QStringLiteral("security-types"), names.join(QStringLiteral(", ")), {{QStringLiteral("offered"), list}});
    }

    bool authenticate()
    {
        begin();
        const std::optional<QString> password = m_options.password ? m_options.password : m_url.password();
        int chosen = 0;
        if (m_types.contains(1))
            chosen = 1;
        else if (m_types.contains(2))
            chosen = 2;
        if (chosen == 0) {
            QStringList names;
            for (int t : m_types)
                names << securityTypeName(t);
            // VeNCrypt and friends are real options for the viewer (libvncclient), not for the probe.
            skip(QStringLiteral("authentication"),
                QStringLiteral("not probed: %1 is beyond the probe (the viewer may still connect)")
                    .arg(names.join(QStringLiteral("/"))));
            m_stopAfterAuth = true;
            return true;
        }
        if (chosen == 2 && !password)
            return failStep(QStringLiteral("authentication"), QStringLiteral("VncAuth needs a password"),
                ConsoleError::PasswordRequired,
                QStringLiteral("the VNC server asks for a password and none was given "
                               "(use --password-stdin)"));
        if (m_minor != 3)
            writeRfb(QByteArray(1, char(chosen)));
        if (chosen == 2) {
            QByteArray challenge;
            if (!readExact(16, &challenge))
                return streamFailed(QStringLiteral("authentication"), QStringLiteral("VncAuth challenge"));
            // VNC uses DES with the (bit-reversed) first 8 password bytes as key.
            QByteArray key = password->toLatin1().left(8);
            key.append(QByteArray(9 - key.size(), '\0'));
            rfbClientEncryptBytes(reinterpret_cast<unsigned char *>(challenge.data()), key.data());
            writeRfb(challenge);
        }
        // RFB 3.3 and 3.7 send no SecurityResult for None.
        if (chosen == 1 && m_minor != 8)
            return pass(QStringLiteral("authentication"), QStringLiteral("None"));
        QByteArray result;
        if (!readExact(4, &result))
            return streamFailed(QStringLiteral("authentication"), QStringLiteral("security result"));
        if (qFromBigEndian<quint32>(result.constData()) != 0) {
            QString reason;
            if (m_minor == 8)
                readReason(&reason);
            return failStep(QStringLiteral("authentication"),
                QStringLiteral("%1 failed%2")
                    .arg(securityTypeName(chosen), reason.isEmpty() ? QString() : u": " + reason),
                chosen == 2 ? ConsoleError::WrongPassword : ConsoleError::UnsupportedSecurity,
                chosen == 2 ? QStringLiteral("the VNC server rejected the password%1")
                                  .arg(reason.isEmpty() ? QString() : u" (" + reason + u')')
                            : QStringLiteral("the VNC server refused the connection: %1").arg(reason));
        }
        return pass(QStringLiteral("authentication"), QStringLiteral("%1 accepted").arg(securityTypeName(chosen)),
            {{QStringLiteral("type"), securityTypeName(chosen)}});
    }

    bool serverInit()
    {
        if (m_stopAfterAuth) {
            skip(QStringLiteral("server-init"), QStringLiteral("not reached"));
            return true;
        }
        begin();
        writeRfb(QByteArray(1, char(1))); // ClientInit: shared
        QByteArray init;
        if (!readExact(24, &init))
            return streamFailed(QStringLiteral("server-init"), QStringLiteral("ServerInit"));
        const auto *b = reinterpret_cast<const uchar *>(init.constData());
        const int width = qFromBigEndian<quint16>(b);
        const int height = qFromBigEndian<quint16>(b + 2);
        const int bpp = b[4];
        const int depth = b[5];
        const bool bigEndian = b[6];
        const bool trueColour = b[7];
        const quint32 nameLength = qFromBigEndian<quint32>(b + 20);
        if (nameLength > kMaxNameLength || width == 0 || height == 0 || width > RfbWorker::kMaxDimension
            || height > RfbWorker::kMaxDimension)
            return failStep(QStringLiteral("server-init"),
                QStringLiteral("%1x%2, name of %3 bytes").arg(width).arg(height).arg(nameLength),
                ConsoleError::ProtocolError,
                QStringLiteral("the VNC server's ServerInit is not believable (%1x%2, a %3-byte name)")
                    .arg(width)
                    .arg(height)
                    .arg(nameLength));
        QByteArray name;
        if (!readExact(qsizetype(nameLength), &name))
            return streamFailed(QStringLiteral("server-init"), QStringLiteral("desktop name"));
        const QString desktop = QString::fromUtf8(name);
        const QString format = QStringLiteral("%1 bpp, depth %2, %3, %4, shifts r%5 g%6 b%7")
                                   .arg(bpp)
                                   .arg(depth)
                                   .arg(bigEndian ? QStringLiteral("big-endian") : QStringLiteral("little-endian"))
                                   .arg(trueColour ? QStringLiteral("true colour") : QStringLiteral("colour map"))
                                   .arg(b[14])
                                   .arg(b[15])
                                   .arg(b[16]);
        return pass(QStringLiteral("server-init"),
            QStringLiteral("\"%1\" %2x%3, %4").arg(desktop).arg(width).arg(height).arg(format),
            {{QStringLiteral("desktop_name"), desktop}, {QStringLiteral("width"), width},
                {QStringLiteral("height"), height}, {QStringLiteral("pixel_format"), format}});
    }

    void closeNicely()
    {
        if (m_channel) {
            SshLink::closeChannel(std::exchange(m_channel, nullptr));
            return;
        }
        if (m_webSocket) {
            sendFrame(WebSocketWire::Close, WebSocketWire::closePayload(1000, QString()));
        }
        m_socket.disconnectFromHost();
        if (m_socket.state() != QAbstractSocket::UnconnectedState)
            m_socket.waitForDisconnected(500);
    }

    ConsoleUrl m_url;
    ConsoleProbe::Options m_options;
    const std::atomic<bool> *m_cancelled;
    ProbeReport m_report;
    QElapsedTimer m_stepClock;
    QHostAddress m_address;
    QSslSocket m_socket;
    bool m_webSocket = false;
    WebSocketFrameParser m_parser {WebSocketFrameParser::Role::Client};
    QString m_frameError; // the parser's reason when a frame broke the protocol
    QByteArray m_rfb;
    bool m_closeFrame = false;
    int m_closeCode = 0;
    QString m_closeReason;
    bool m_eof = false;
    bool m_timedOut = false;
    int m_minor = 8;
    QList<int> m_types;
    bool m_stopAfterAuth = false;
    std::unique_ptr<SshLink> m_ssh;
    ssh_channel_struct *m_channel = nullptr;
};

} // namespace

ConsoleProbe::ConsoleProbe(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<Porthole::ProbeReport>();
}

ConsoleProbe::~ConsoleProbe()
{
    // Never wait for the worker here (a GUI thread would freeze for up to a step's
    // timeout): it sees the flag at its next step, and deletes itself when it ends.
    if (m_cancelled)
        m_cancelled->store(true);
}

void ConsoleProbe::start(const ConsoleUrl &url, const Options &options)
{
    if (m_cancelled)
        m_cancelled->store(true); // a probe still running is abandoned, not waited for
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    auto report = std::make_shared<ProbeReport>();
    m_cancelled = cancelled;
    QThread *thread = QThread::create([url, options, cancelled, report] {
        ProbeRun probe(url, options, cancelled.get());
        *report = probe.run();
    });
    // finished() is delivered on this object's thread; if this object is gone by then,
    // Qt drops the queued call, and the thread object still deletes itself.
    connect(thread, &QThread::finished, this, [this, cancelled, report] {
        if (!cancelled->load())
            Q_EMIT finished(*report);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

ProbeReport ConsoleProbe::run(const ConsoleUrl &url, const Options &options)
{
    ProbeRun probe(url, options, nullptr);
    return probe.run();
}

} // namespace Porthole
