// SPDX-License-Identifier: GPL-2.0-or-later
#include "ssh/SshLink.h"

#include "base/Logging.h"

#include <QDir>
#include <QFileInfo>

#include <cstring>
#include <libssh/libssh.h>

namespace Porthole {

namespace {

QString homePath(const QString &relative)
{
    return QDir::homePath() + u'/' + relative;
}

// libssh's passphrase callback: the key file being read is passed through userdata.
struct PassphraseContext
{
    const SshLink::Callbacks *callbacks = nullptr;
    SshLink::SecretRequest request;
    bool asked = false;
    bool declined = false;
};

int passphraseCallback(const char *, char *buffer, size_t length, int, int, void *userdata)
{
    auto *context = static_cast<PassphraseContext *>(userdata);
    context->asked = true;
    if (!context->callbacks->secret) {
        context->declined = true;
        return -1;
    }
    const std::optional<QString> answer = context->callbacks->secret(context->request);
    if (!answer) {
        context->declined = true;
        return -1;
    }
    QByteArray bytes = answer->toUtf8();
    if (size_t(bytes.size()) + 1 > length) {
        bytes.fill('\0');
        return -1;
    }
    std::memcpy(buffer, bytes.constData(), size_t(bytes.size()) + 1);
    bytes.fill('\0');
    return 0;
}

QString methodNames(int methods)
{
    QStringList names;
    if (methods & SSH_AUTH_METHOD_PUBLICKEY)
        names << QStringLiteral("publickey");
    if (methods & SSH_AUTH_METHOD_PASSWORD)
        names << QStringLiteral("password");
    if (methods & SSH_AUTH_METHOD_INTERACTIVE)
        names << QStringLiteral("keyboard-interactive");
    if (methods & SSH_AUTH_METHOD_HOSTBASED)
        names << QStringLiteral("hostbased");
    return names.isEmpty() ? QStringLiteral("none") : names.join(QStringLiteral(", "));
}

} // namespace

SshLink::SshLink(const SshTarget &target, const Options &options, const Callbacks &callbacks)
    : m_target(target)
    , m_options(options)
    , m_callbacks(callbacks)
    , m_session(ssh_new())
{ }

SshLink::~SshLink()
{
    if (m_connected)
        ssh_disconnect(m_session);
    ssh_free(m_session);
}

QString SshLink::libraryError() const
{
    return QString::fromUtf8(ssh_get_error(m_session));
}

QString SshLink::where() const
{
    char *user = nullptr;
    char *host = nullptr;
    unsigned int port = 0;
    ssh_options_get(m_session, SSH_OPTIONS_USER, &user);
    ssh_options_get(m_session, SSH_OPTIONS_HOST, &host);
    ssh_options_get_port(m_session, &port);
    QString text
        = QStringLiteral("%1@%2:%3")
              .arg(user ? QString::fromUtf8(user) : m_target.user(), host ? QString::fromUtf8(host) : m_target.host())
              .arg(port ? port : 22);
    ssh_string_free_char(user);
    ssh_string_free_char(host);
    return text;
}

SshLink::Result SshLink::connect()
{
    if (!m_session)
        return {SshError::Internal, QStringLiteral("libssh could not create a session")};
    const QByteArray host = m_target.host().toUtf8();
    ssh_options_set(m_session, SSH_OPTIONS_HOST, host.constData());
    // The config is read here, once, for this host; ssh_connect() must not read it again.
    bool processConfig = false;
    ssh_options_set(m_session, SSH_OPTIONS_PROCESS_CONFIG, &processConfig);
    // ~ is $HOME here, as for known_hosts and the default keys (libssh alone would take the
    // passwd entry's home). The user's file first, then the system's: the first value wins.
    const QByteArray sshDir = QFile::encodeName(homePath(QStringLiteral(".ssh")));
    ssh_options_set(m_session, SSH_OPTIONS_SSH_DIR, sshDir.constData());
    if (m_options.readConfig) {
        const QString userConfig
            = m_options.configFile.isEmpty() ? homePath(QStringLiteral(".ssh/config")) : m_options.configFile;
        for (const QString &file : {userConfig, QStringLiteral("/etc/ssh/ssh_config")}) {
            if (!QFileInfo::exists(file))
                continue;
            const QByteArray name = QFile::encodeName(file);
            if (ssh_options_parse_config(m_session, name.constData()) != SSH_OK)
                return {SshError::Internal,
                    QStringLiteral("cannot read the SSH configuration %1: %2").arg(file, libraryError())};
        }
    }
    // What the URL says wins over the config, as on ssh's command line.
    if (!m_target.user().isEmpty()) {
        const QByteArray user = m_target.user().toUtf8();
        ssh_options_set(m_session, SSH_OPTIONS_USER, user.constData());
    }
    if (m_target.port() > 0) {
        const unsigned int port = unsigned(m_target.port());
        ssh_options_set(m_session, SSH_OPTIONS_PORT, &port);
    }
    const QByteArray knownHosts = QFile::encodeName(
        m_options.knownHostsFile.isEmpty() ? homePath(QStringLiteral(".ssh/known_hosts")) : m_options.knownHostsFile);
    ssh_options_set(m_session, SSH_OPTIONS_KNOWNHOSTS, knownHosts.constData());
    if (!m_options.globalKnownHostsFile.isEmpty()) {
        const QByteArray global = QFile::encodeName(m_options.globalKnownHostsFile);
        ssh_options_set(m_session, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, global.constData());
    }
    if (!m_options.agentSocket.isEmpty()) {
        const QByteArray agent = QFile::encodeName(m_options.agentSocket);
        ssh_options_set(m_session, SSH_OPTIONS_IDENTITY_AGENT, agent.constData());
    }
    // RFB is request/answer (a FramebufferUpdateRequest, then the frame): with Nagle on, each
    // small request waits for the ACK of the last segment, which costs a frame rate bound by
    // delayed ACKs instead of by the link.
    int noDelay = 1;
    ssh_options_set(m_session, SSH_OPTIONS_NODELAY, &noDelay);
    const long seconds = m_options.timeoutMs / 1000;
    const long micros = long(m_options.timeoutMs % 1000) * 1000;
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &seconds);
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT_USEC, &micros);

    if (ssh_connect(m_session) != SSH_OK)
        return {SshError::Unreachable,
            QStringLiteral("cannot reach the SSH jump host %1: %2").arg(where(), libraryError())};
    m_connected = true;
    return {SshError::None, QStringLiteral("connected to %1").arg(where())};
}

SshLink::Result SshLink::checkHostKey()
{
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(m_session, &key) != SSH_OK)
        return {SshError::Internal, QStringLiteral("the SSH jump host %1 sent no host key").arg(where())};
    unsigned char *hash = nullptr;
    size_t hashLength = 0;
    const int hashed = ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &hashLength);
    m_hostKey.type = QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key)));
    ssh_key_free(key);
    if (hashed != 0)
        return {SshError::Internal, QStringLiteral("cannot hash the host key of %1").arg(where())};
    char *fingerprint = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hashLength);
    m_hostKey.fingerprint = QString::fromLatin1(fingerprint);
    ssh_string_free_char(fingerprint);
    ssh_clean_pubkey_hash(&hash);

    char *host = nullptr;
    unsigned int port = 22;
    ssh_options_get(m_session, SSH_OPTIONS_HOST, &host);
    ssh_options_get_port(m_session, &port);
    m_hostKey.host
        = port == 22 ? QString::fromUtf8(host) : QStringLiteral("[%1]:%2").arg(QString::fromUtf8(host)).arg(port);
    ssh_string_free_char(host);
    m_hostKey.knownHostsFile
        = m_options.knownHostsFile.isEmpty() ? homePath(QStringLiteral(".ssh/known_hosts")) : m_options.knownHostsFile;

    const QString described = QStringLiteral("%1 key %2").arg(m_hostKey.type, m_hostKey.fingerprint);
    switch (ssh_session_is_known_server(m_session)) {
    case SSH_KNOWN_HOSTS_OK:
        m_hostKey.verdict = SshHostKey::Verdict::Known;
        return {SshError::None, QStringLiteral("%1 matches %2").arg(described, m_hostKey.knownHostsFile)};
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER:
        m_hostKey.verdict = SshHostKey::Verdict::Changed;
        return {SshError::HostKeyChanged,
            QStringLiteral("WARNING: the host key of the SSH jump host %1 has CHANGED: it now sends the %2, and "
                           "%3 holds another key for %4. Someone could be intercepting the connection (or the "
                           "host was reinstalled), so Porthole refuses to connect. If the change is expected, "
                           "remove the old key with: ssh-keygen -R '%4' -f %3")
                .arg(where(), described, m_hostKey.knownHostsFile, m_hostKey.host)};
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND:
        break;
    case SSH_KNOWN_HOSTS_ERROR:
        return {SshError::Internal,
            QStringLiteral("cannot read %1 to check the host key of %2: %3")
                .arg(m_hostKey.knownHostsFile, where(), libraryError())};
    }
    m_hostKey.verdict = SshHostKey::Verdict::Unknown;
    SshHostKeyAnswer answer = SshHostKeyAnswer::Refuse;
    if (!m_options.trustedFingerprint.isEmpty() && m_options.trustedFingerprint == m_hostKey.fingerprint)
        answer = SshHostKeyAnswer::TrustOnce;
    else if (m_callbacks.hostKey)
        answer = m_callbacks.hostKey(m_hostKey);
    switch (answer) {
    case SshHostKeyAnswer::TrustOnce:
        return {SshError::None,
            QStringLiteral("%1 is not in %2; trusted for this connection").arg(described, m_hostKey.knownHostsFile)};
    case SshHostKeyAnswer::TrustAlways:
        if (ssh_session_update_known_hosts(m_session) != SSH_OK)
            return {SshError::Internal,
                QStringLiteral("cannot add the host key of %1 to %2: %3")
                    .arg(where(), m_hostKey.knownHostsFile, libraryError())};
        return {SshError::None, QStringLiteral("%1 added to %2").arg(described, m_hostKey.knownHostsFile)};
    case SshHostKeyAnswer::Refuse:
        break;
    }
    return {SshError::HostKeyUnknown,
        QStringLiteral("the SSH jump host %1 is not known: %2 has no key for %3, and it sends the %4. Check the "
                       "fingerprint with the host's administrator, then trust it")
            .arg(where(), m_hostKey.knownHostsFile, m_hostKey.host, described)};
}

QStringList SshLink::identityFiles() const
{
    QStringList files = m_options.identityFiles;
    if (m_options.defaultIdentities) {
        char *configured = nullptr;
        if (ssh_options_get(m_session, SSH_OPTIONS_IDENTITY, &configured) == SSH_OK && configured) {
            files << QFile::decodeName(configured);
            ssh_string_free_char(configured);
        }
        for (const char *name : {"id_ed25519", "id_ecdsa", "id_rsa"})
            files << homePath(QStringLiteral(".ssh/") + QLatin1String(name));
    }
    files.removeDuplicates();
    QStringList existing;
    for (const QString &file : files)
        if (QFileInfo::exists(file))
            existing << file;
    return existing;
}

SshLink::Result SshLink::authenticate()
{
    QStringList tried;
    int rc = ssh_userauth_none(m_session, nullptr);
    if (rc == SSH_AUTH_SUCCESS) {
        m_authenticatedBy = QStringLiteral("none");
        return {SshError::None, QStringLiteral("%1 needs no authentication").arg(where())};
    }
    if (rc == SSH_AUTH_ERROR)
        return {SshError::ConnectionLost,
            QStringLiteral("the SSH jump host %1 failed during authentication: %2").arg(where(), libraryError())};
    const int methods = ssh_userauth_list(m_session, nullptr);
    if (methods & SSH_AUTH_METHOD_PUBLICKEY) {
        if (m_options.useAgent && (!m_options.agentSocket.isEmpty() || !qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK"))) {
            Result result = authenticateWithAgent(&tried);
            if (result.ok() || result.error == SshError::ConnectionLost)
                return result;
        }
        for (const QString &file : identityFiles()) {
            Result result = authenticateWithKey(file, &tried);
            if (result.ok() || result.error == SshError::ConnectionLost)
                return result;
        }
    }
    if (methods & SSH_AUTH_METHOD_PASSWORD) {
        Result result = authenticateWithPassword(&tried);
        if (result.ok() || result.error == SshError::ConnectionLost)
            return result;
    }
    return {SshError::AuthenticationFailed,
        QStringLiteral("the SSH jump host %1 refused the login (it accepts %2; tried %3). Add a key to ssh-agent "
                       "or to the host's authorized_keys, or check the user name")
            .arg(where(), methodNames(methods),
                tried.isEmpty() ? QStringLiteral("nothing: no agent, key file or password") : tried.join(u", "))};
}

SshLink::Result SshLink::authenticateWithAgent(QStringList *tried)
{
    const int rc = ssh_userauth_agent(m_session, nullptr);
    if (rc == SSH_AUTH_SUCCESS) {
        m_authenticatedBy = QStringLiteral("ssh-agent");
        return {SshError::None, QStringLiteral("authenticated as %1 with a key from ssh-agent").arg(where())};
    }
    if (rc == SSH_AUTH_ERROR && !ssh_is_connected(m_session))
        return {SshError::ConnectionLost,
            QStringLiteral("the SSH jump host %1 closed during authentication: %2").arg(where(), libraryError())};
    tried->append(QStringLiteral("ssh-agent (refused)"));
    return {SshError::AuthenticationFailed, {}};
}

SshLink::Result SshLink::authenticateWithKey(const QString &file, QStringList *tried)
{
    const QString shown = QDir::toNativeSeparators(file);
    // With a .pub next to the key the server is asked first, so a passphrase is asked
    // only for a key it would take.
    const QByteArray pubFile = QFile::encodeName(file + QStringLiteral(".pub"));
    ssh_key publicKey = nullptr;
    if (QFileInfo::exists(file + QStringLiteral(".pub"))
        && ssh_pki_import_pubkey_file(pubFile.constData(), &publicKey) == SSH_OK) {
        const int offered = ssh_userauth_try_publickey(m_session, nullptr, publicKey);
        ssh_key_free(publicKey);
        if (offered != SSH_AUTH_SUCCESS) {
            tried->append(QStringLiteral("key %1 (refused)").arg(shown));
            return {SshError::AuthenticationFailed, {}};
        }
    }
    PassphraseContext context;
    context.callbacks = &m_callbacks;
    context.request.kind = SecretRequest::Kind::Passphrase;
    context.request.keyFile = file;
    context.request.account = where();
    const QByteArray path = QFile::encodeName(file);
    for (int attempt = 0; attempt < 3; ++attempt) {
        ssh_key privateKey = nullptr;
        context.asked = false;
        context.request.retry = attempt > 0;
        if (ssh_pki_import_privkey_file(path.constData(), nullptr, passphraseCallback, &context, &privateKey)
            != SSH_OK) {
            if (context.declined) {
                tried->append(QStringLiteral("key %1 (no passphrase given)").arg(shown));
                return {SshError::AuthenticationFailed, {}};
            }
            if (context.asked)
                continue; // a wrong passphrase: ask again
            tried->append(QStringLiteral("key %1 (unreadable)").arg(shown));
            return {SshError::AuthenticationFailed, {}};
        }
        const int rc = ssh_userauth_publickey(m_session, nullptr, privateKey);
        ssh_key_free(privateKey);
        if (rc == SSH_AUTH_SUCCESS) {
            m_authenticatedBy = QStringLiteral("key ") + shown;
            return {SshError::None, QStringLiteral("authenticated as %1 with key %2").arg(where(), shown)};
        }
        if (rc == SSH_AUTH_ERROR && !ssh_is_connected(m_session))
            return {SshError::ConnectionLost,
                QStringLiteral("the SSH jump host %1 closed during authentication: %2").arg(where(), libraryError())};
        tried->append(QStringLiteral("key %1 (refused)").arg(shown));
        return {SshError::AuthenticationFailed, {}};
    }
    tried->append(QStringLiteral("key %1 (wrong passphrase, 3 times)").arg(shown));
    return {SshError::AuthenticationFailed, {}};
}

SshLink::Result SshLink::authenticateWithPassword(QStringList *tried)
{
    if (!m_callbacks.secret) {
        tried->append(QStringLiteral("no password (none can be asked for here)"));
        return {SshError::AuthenticationFailed, {}};
    }
    SecretRequest request;
    request.kind = SecretRequest::Kind::Password;
    request.account = where();
    for (int attempt = 0; attempt < 3; ++attempt) {
        request.retry = attempt > 0;
        const std::optional<QString> password = m_callbacks.secret(request);
        if (!password) {
            tried->append(
                attempt == 0 ? QStringLiteral("no password (none given)") : QStringLiteral("password (refused)"));
            return {SshError::AuthenticationFailed, {}};
        }
        QByteArray bytes = password->toUtf8();
        const int rc = ssh_userauth_password(m_session, nullptr, bytes.constData());
        bytes.fill('\0');
        if (rc == SSH_AUTH_SUCCESS) {
            m_authenticatedBy = QStringLiteral("password");
            return {SshError::None, QStringLiteral("authenticated as %1 with a password").arg(where())};
        }
        if (rc == SSH_AUTH_ERROR && !ssh_is_connected(m_session))
            return {SshError::ConnectionLost,
                QStringLiteral("the SSH jump host %1 closed during authentication: %2").arg(where(), libraryError())};
    }
    tried->append(QStringLiteral("password (refused 3 times)"));
    return {SshError::AuthenticationFailed, {}};
}

ssh_channel_struct *SshLink::openChannel(const QString &host, int port, Result *result)
{
    ssh_channel channel = ssh_channel_new(m_session);
    if (!channel) {
        *result = {SshError::Internal, QStringLiteral("libssh could not create a channel")};
        return nullptr;
    }
    const QByteArray target = host.toUtf8();
    if (ssh_channel_open_forward(channel, target.constData(), port, "127.0.0.1", 0) != SSH_OK) {
        const bool lost = !ssh_is_connected(m_session);
        *result = {lost ? SshError::ConnectionLost : SshError::ChannelRefused,
            QStringLiteral("the SSH jump host %1 could not connect to %2:%3: %4")
                .arg(where(), host)
                .arg(port)
                .arg(libraryError())};
        ssh_channel_free(channel);
        return nullptr;
    }
    *result = {SshError::None, QStringLiteral("channel to %1:%2 open through %3").arg(host).arg(port).arg(where())};
    return channel;
}

void SshLink::closeChannel(ssh_channel_struct *channel)
{
    if (!channel)
        return;
    ssh_channel_close(channel);
    ssh_channel_free(channel);
}

qint64 SshLink::read(ssh_channel_struct *channel, char *buffer, qint64 max, int timeoutMs)
{
    const int n = ssh_channel_read_timeout(channel, buffer, uint32_t(qMin<qint64>(max, 65536)), 0, timeoutMs);
    if (n == SSH_ERROR || (n == 0 && ssh_channel_is_eof(channel)))
        return -1;
    return n;
}

bool SshLink::write(ssh_channel_struct *channel, const QByteArray &data)
{
    return ssh_channel_write(channel, data.constData(), uint32_t(data.size())) == int(data.size());
}

} // namespace Porthole
