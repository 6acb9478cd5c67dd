// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/proxy/ProxyCommandLine.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QHostInfo>
#include <QRegularExpression>

namespace Porthole {

bool ProxyCommandLine::fail(const QString &message)
{
    m_exitStatus = 2;
    m_output = QStringLiteral("porthole-proxy: %1\n").arg(message);
    return false;
}

bool ProxyCommandLine::parseListen(const QString &text)
{
    QString host;
    QString port = text;
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QStringLiteral("]:"));
        if (close < 0)
            return fail(QStringLiteral("listen address '%1' is not [address]:port").arg(text));
        host = text.mid(1, close - 1);
        port = text.mid(close + 2);
    } else if (text.count(QLatin1Char(':')) == 1) {
        host = text.section(QLatin1Char(':'), 0, 0);
        port = text.section(QLatin1Char(':'), 1);
    }
    bool ok = false;
    const uint number = port.toUInt(&ok);
    if (!ok || number > 65535)
        return fail(QStringLiteral("listen port '%1' is not a number from 0 to 65535").arg(port));
    config.listenPort = quint16(number);
    if (host.isEmpty())
        return true;
    if (host == QLatin1String("localhost")) {
        config.listenAddress = QHostAddress::LocalHost;
        return true;
    }
    QHostAddress address(host);
    if (address.isNull()) {
        const QHostInfo info = QHostInfo::fromName(host);
        if (info.addresses().isEmpty())
            return fail(QStringLiteral("cannot resolve listen host '%1'").arg(host));
        address = info.addresses().constFirst();
    }
    config.listenAddress = address;
    return true;
}

bool ProxyCommandLine::parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "WebSocket-to-VNC token proxy, a drop-in replacement for websockify.\n"
        "Browsers connect to ws[s]://host:port/websockify?token=TOKEN (any path; or a 'token' cookie);\n"
        "the token names the VNC server, and only token targets are ever dialled.\n"
        "With --opennebula URL it is also the console gateway of an OpenNebula front-end: the\n"
        "addon-vnctoken API on /RPC2 of the same port, checked by oned as each caller, tokens minted here."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
        {QStringLiteral("token-plugin"), QStringLiteral("TokenFile (default), ReadOnlyTokenFile or TokenRedis."),
            QStringLiteral("PLUGIN"), QStringLiteral("TokenFile")},
        {QStringLiteral("token-source"),
            QStringLiteral("Token file, directory of token files, or Redis host[:port[:db[:password[:namespace]]]]."),
            QStringLiteral("SOURCE")},
        {QStringLiteral("target-config"),
            QStringLiteral("websockify's old spelling of --token-plugin TokenFile --token-source DIR."),
            QStringLiteral("DIR")},
        {QStringLiteral("cert"), QStringLiteral("PEM certificate for wss (the key may sit in the same file)."),
            QStringLiteral("FILE")},
        {QStringLiteral("key"), QStringLiteral("PEM private key, if not in the certificate file."),
            QStringLiteral("FILE")},
        {QStringLiteral("ssl-only"), QStringLiteral("Refuse plain ws (without it one port serves ws and wss).")},
        {QStringLiteral("ssl-ciphers"),
            QStringLiteral("Colon-separated cipher names in OpenSSL's spelling (default: TLS 1.3's suites and ECDHE "
                           "with AES-GCM or ChaCha20, forward secrecy only)."),
            QStringLiteral("CIPHERS")},
        {QStringLiteral("ssl-version"),
            QStringLiteral("Oldest TLS version accepted: tlsv1_2 (default) or tlsv1_3; websockify's tlsv1_1 is "
                           "refused."),
            QStringLiteral("VERSION"), QStringLiteral("tlsv1_2")},
        {QStringLiteral("allowed-origin"),
            QStringLiteral("Also take a token cookie from pages of ORIGIN (a host name or scheme://host[:port]; "
                           "repeatable); by default only from pages of the host the browser connected to."),
            QStringLiteral("ORIGIN")},
        {QStringLiteral("web"), QStringLiteral("Serve static files from DIR (e.g. /usr/share/novnc)."),
            QStringLiteral("DIR")},
        {QStringLiteral("host-token"), QStringLiteral("Take the token from the Host header, as websockify does.")},
        {QStringLiteral("heartbeat"), QStringLiteral("Send a WebSocket ping every SECONDS."),
            QStringLiteral("SECONDS")},
        {QStringLiteral("idle-timeout"),
            QStringLiteral("Close a session idle for SECONDS. Per session: unlike websockify's flag it never stops the "
                           "server."),
            QStringLiteral("SECONDS")},
        {QStringLiteral("max-connections"), QStringLiteral("Refuse sessions beyond N open ones (0: no limit)."),
            QStringLiteral("N")},
        {QStringLiteral("max-per-token"), QStringLiteral("Refuse sessions beyond N per token (0: no limit)."),
            QStringLiteral("N")},
        {QStringLiteral("log-file"), QStringLiteral("Append log lines to FILE instead of stderr."),
            QStringLiteral("FILE")},
        {QStringLiteral("verbose"), QStringLiteral("Log every connection, not only sessions.")},
        {QStringLiteral("workers"),
            QStringLiteral("Serve from N processes sharing the listening socket (more cores, and N times the "
                           "descriptor limit); the limits above then apply per process."),
            QStringLiteral("N"), QStringLiteral("1")},
        {QStringLiteral("opennebula"),
            QStringLiteral("Be the console gateway of this OpenNebula (oned's XML-RPC URL, e.g. "
                           "http://127.0.0.1:2633/RPC2): serve the addon-vnctoken API on /RPC2 of the same port, check "
                           "each request with one.vm.info as the caller, and mint the tokens."),
            QStringLiteral("URL")},
        {QStringLiteral("token-store"),
            QStringLiteral("Where the gateway keeps its tokens: memory (default) or "
                           "redis:HOST[:PORT[:DB[:PASSWORD[:NAMESPACE]]]] (shared by several gateways)."),
            QStringLiteral("STORE"), QStringLiteral("memory")},
        {QStringLiteral("token-ttl"),
            QStringLiteral("Seconds a minted token is good for (default 3600; 0: while its VM is in a console state, "
                           "asked again every 30 s as the token's minter)."),
            QStringLiteral("SECONDS"), QStringLiteral("3600")},
        {QStringLiteral("one-time-tokens"), QStringLiteral("A minted token opens one session only.")},
        {QStringLiteral("host-address"),
            QStringLiteral("Dial hypervisor HOST (oned's name for it) at ADDR; repeatable."),
            QStringLiteral("HOST=ADDR")},
        {QStringLiteral("close-on-revoke"),
            QStringLiteral("Close live sessions (with a close frame saying why) when their token expires or is "
                           "revoked.")},
        {QStringLiteral("wss"),
            QStringLiteral("Say \"wss\": true in token answers although this port has no --cert (TLS ends at nginx "
                           "in front).")},
        {QStringLiteral("oned-timeout"),
            QStringLiteral("Seconds of silence from oned after which a token request fails (default 30)."),
            QStringLiteral("SECONDS"), QStringLiteral("30")},
        {QStringLiteral("check"),
            QStringLiteral("Load the token source, print every problem with file:line and the number of tokens, exit 0 "
                           "when clean, 1 otherwise.")},
    });
    parser.addPositionalArgument(QStringLiteral("[LISTEN_HOST:]LISTEN_PORT"), QStringLiteral("Where to listen."));
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        // Parsing runs before any QCoreApplication exists (see main), so name the program here.
        m_output = parser.helpText();
        m_output.replace(QRegularExpression(QStringLiteral("^Usage: \\S+")), QStringLiteral("Usage: porthole-proxy"));
        return false;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        m_output = QStringLiteral("porthole-proxy %1\n").arg(QCoreApplication::applicationVersion());
        return false;
    }

    plugin = parser.value(QStringLiteral("token-plugin"));
    source = parser.value(QStringLiteral("token-source"));
    if (parser.isSet(QStringLiteral("target-config"))) {
        plugin = QStringLiteral("TokenFile");
        source = parser.value(QStringLiteral("target-config"));
    }
    if (parser.isSet(QStringLiteral("opennebula"))) {
        opennebula = QUrl(parser.value(QStringLiteral("opennebula")), QUrl::StrictMode);
        if (!opennebula.isValid()
            || (opennebula.scheme() != QLatin1String("http") && opennebula.scheme() != QLatin1String("https"))
            || opennebula.host().isEmpty())
            return fail(
                QStringLiteral("--opennebula needs oned's http(s) URL, e.g. http://127.0.0.1:2633/RPC2, not '%1'")
                    .arg(parser.value(QStringLiteral("opennebula"))));
        if (!source.isEmpty())
            return fail(QStringLiteral("--opennebula mints its own tokens into --token-store; drop --token-source "
                                       "and --target-config"));
        tokenStore = parser.value(QStringLiteral("token-store"));
        if (tokenStore == QLatin1String("memory")) {
            plugin = QStringLiteral("memory");
        } else if (tokenStore.startsWith(QLatin1String("redis:"))) {
            plugin = QStringLiteral("TokenRedis");
            source = tokenStore.mid(6);
        } else {
            return fail(
                QStringLiteral("--token-store is memory or redis:HOST[:PORT[:DB[:PASSWORD[:NAMESPACE]]]], not '%1'")
                    .arg(tokenStore.section(QLatin1Char(':'), 0, 1)));
        }
        for (const QString &mapping : parser.values(QStringLiteral("host-address"))) {
            QString error;
            if (!gateway.hosts.add(mapping, &error))
                return fail(error);
        }
        gateway.oneTimeTokens = parser.isSet(QStringLiteral("one-time-tokens"));
    } else {
        for (const char *name :
            {"token-store", "token-ttl", "one-time-tokens", "host-address", "close-on-revoke", "oned-timeout", "wss"}) {
            if (parser.isSet(QString::fromLatin1(name)))
                return fail(QStringLiteral("--%1 belongs to the console gateway: add --opennebula URL")
                                .arg(QLatin1String(name)));
        }
    }
    if (source.isEmpty() && !isGateway())
        return fail(QStringLiteral("no token source: pass --token-source FILE|DIR|REDIS or --target-config DIR"));
    check = parser.isSet(QStringLiteral("check"));
    if (check)
        return true; // --check needs nothing else

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return fail(positional.isEmpty() ? QStringLiteral("missing [LISTEN_HOST:]LISTEN_PORT (see --help)")
                                         : QStringLiteral("porthole-proxy relays by token only: give one "
                                                          "[LISTEN_HOST:]LISTEN_PORT and no fixed target"));
    if (!parseListen(positional.constFirst()))
        return false;

    auto number = [&](const QString &name, int fallback, int minimum, int maximum, int *out) {
        if (!parser.isSet(name)) {
            *out = fallback;
            return true;
        }
        bool ok = false;
        *out = parser.value(name).toInt(&ok);
        if (ok && *out >= minimum && *out <= maximum)
            return true;
        return fail(QStringLiteral("--%1 needs a number from %2 to %3, not '%4'")
                        .arg(name)
                        .arg(minimum)
                        .arg(maximum)
                        .arg(parser.value(name)));
    };
    constexpr int kNoLimit = 1 << 30;
    if (!number(QStringLiteral("heartbeat"), 0, 0, kNoLimit, &config.heartbeatSeconds)
        || !number(QStringLiteral("idle-timeout"), 0, 0, kNoLimit, &config.idleTimeoutSeconds)
        || !number(QStringLiteral("max-connections"), 0, 0, kNoLimit, &config.maxConnections)
        || !number(QStringLiteral("max-per-token"), 0, 0, kNoLimit, &config.maxPerToken)
        || !number(QStringLiteral("workers"), 1, 1, 64, &workers)
        || !number(QStringLiteral("token-ttl"), 3600, 0, kNoLimit, &gateway.ttlSeconds)
        || !number(QStringLiteral("oned-timeout"), 30, 1, 3600, &onedTimeoutSeconds))
        return false;
    config.closeOnRevoke = parser.isSet(QStringLiteral("close-on-revoke"));
    if (isGateway() && workers > 1 && plugin == QLatin1String("memory"))
        return fail(QStringLiteral("--workers with --opennebula needs --token-store redis:…: each worker would hold "
                                   "its own in-memory tokens"));
    config.certFile = parser.value(QStringLiteral("cert"));
    config.keyFile = parser.value(QStringLiteral("key"));
    config.sslOnly = parser.isSet(QStringLiteral("ssl-only"));
    config.sslCiphers = parser.value(QStringLiteral("ssl-ciphers"));
    const QString version = parser.value(QStringLiteral("ssl-version")).toLower();
    if (version == QLatin1String("tlsv1_2") || version == QLatin1String("default"))
        config.sslMinimum = QSsl::TlsV1_2OrLater;
    else if (version == QLatin1String("tlsv1_3"))
        config.sslMinimum = QSsl::TlsV1_3OrLater;
    else
        return fail(QStringLiteral("--ssl-version is tlsv1_2 or tlsv1_3, not '%1' (TLS 1.1 and older are broken)")
                        .arg(parser.value(QStringLiteral("ssl-version")).left(40)));
    for (const QString &origin : parser.values(QStringLiteral("allowed-origin"))) {
        const QString o = origin.trimmed().toLower();
        if (o.isEmpty() || o.endsWith(u'/') || (o.contains(QStringLiteral("://")) && !QUrl(o).isValid()))
            return fail(QStringLiteral("--allowed-origin is a host name or scheme://host[:port], not '%1'")
                            .arg(origin.left(80)));
        config.allowedOrigins << o;
    }
    config.webRoot = parser.value(QStringLiteral("web"));
    config.hostToken = parser.isSet(QStringLiteral("host-token"));
    config.verbose = parser.isSet(QStringLiteral("verbose"));
    logFile = parser.value(QStringLiteral("log-file"));
    gateway.wss = !config.certFile.isEmpty() || parser.isSet(QStringLiteral("wss"));
    if (!config.webRoot.isEmpty() && !QFileInfo(config.webRoot).isDir())
        return fail(QStringLiteral("--web %1 is not a directory").arg(config.webRoot));
    return true;
}

} // namespace Porthole
