// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "proxy/ProxyMetrics.h"
#include "tokens/ConsoleUrl.h"
#include "tokens/MemoryTokenSource.h"
#include "tokens/TokenTarget.h"

#include <QDateTime>
#include <QHostAddress>
#include <QObject>

#include <memory>
#include <optional>

namespace Porthole {

class TokenProxy;
class TokenSource;

// The app's embedded websockify-compatible proxy: mints in-app tokens for any
// host:port and gives the ws:// URL that reaches it ("local proxy" console
// access, and token testing without any change on the cloud side), or serves
// a websockify token file or directory. Listens on 127.0.0.1 unless told otherwise.
class LocalTokenProxy : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 0; // 0: any free port
        QString tokenPath; // empty: in-app tokens; else a TokenFile file or directory
        QString certFile; // PEM; wss:// when set
        QString keyFile;
    };
    struct Minted
    {
        QString token;
        TokenTarget target;
        QDateTime expiresAt;
    };

    explicit LocalTokenProxy(QObject *parent = nullptr);
    ~LocalTokenProxy() override;

    bool start(QString *error, const Settings &settings);
    bool start(QString *error); // 127.0.0.1, any port, in-app tokens
    void stop();
    bool isRunning() const;
    quint16 port() const;
    const Settings &settings() const { return m_settings; }
    bool tlsEnabled() const { return !m_settings.certFile.isEmpty(); }
    TokenProxy *proxy() const { return m_proxy.get(); }
    ProxyMetrics metrics() const;
    // In-app tokens can be minted unless a token file is being served.
    bool canMint() const { return m_settings.tokenPath.isEmpty(); }
    QString sourceDescription() const;

    // A fresh unguessable token for target, valid for ttlSeconds.
    QString mint(const TokenTarget &target, int ttlSeconds = 3600);
    void revoke(const QString &token);
    QList<Minted> minted() const;
    // token while it is minted here and neither revoked nor expired.
    std::optional<Minted> findMinted(const QString &token) const;
    ConsoleUrl urlFor(const QString &token) const;
    // The proxy serves no noVNC page of its own: this one is Debian's path
    // under the proxy when --web is set, else a file:// noVNC if installed.
    QUrl noVncPage() const;

Q_SIGNALS:
    void runningChanged(bool running);
    void tokensChanged();

private:
    MemoryTokenSource m_tokens;
    std::unique_ptr<TokenSource> m_fileTokens;
    std::unique_ptr<TokenProxy> m_proxy;
    Settings m_settings;
    QList<Minted> m_minted;
};

} // namespace Porthole
