// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ConsoleUrl.h"
#include "MemoryTokenSource.h"
#include "TokenTarget.h"

#include <QHostAddress>
#include <QObject>

#include <memory>

namespace Porthole {

class TokenProxy;

// The app's embedded websockify-compatible proxy with in-memory tokens: mints
// a token for any host:port and gives the ws:// URL that reaches it. This is
// "local proxy" console access, and how tokens are tested without any change
// on the cloud side. Listens on 127.0.0.1 unless told otherwise.
class LocalTokenProxy : public QObject
{
    Q_OBJECT
public:
    explicit LocalTokenProxy(QObject *parent = nullptr);
    ~LocalTokenProxy() override;

    bool start(QString *error, const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    void stop();
    bool isRunning() const;
    quint16 port() const;
    TokenProxy *proxy() const { return m_proxy.get(); }

    // A fresh unguessable token for target, valid for ttlSeconds.
    QString mint(const TokenTarget &target, int ttlSeconds = 3600);
    void revoke(const QString &token);
    ConsoleUrl urlFor(const QString &token) const;

private:
    MemoryTokenSource m_tokens;
    std::unique_ptr<TokenProxy> m_proxy;
    QHostAddress m_address;
};

} // namespace Porthole
