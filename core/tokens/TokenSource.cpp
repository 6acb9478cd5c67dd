// SPDX-License-Identifier: GPL-2.0-or-later
#include "tokens/TokenSource.h"

#include "tokens/ReadOnlyTokenFile.h"
#include "tokens/TokenFile.h"
#ifdef PORTHOLE_HAVE_REDIS
#include "tokens/TokenRedis.h"
#endif

namespace Porthole {

void TokenSource::lookupAsync(const QString &token, QObject *, LookupCallback done)
{
    done(lookup(token));
}

bool TokenSource::issue(const QString &, const TokenGrant &, QString *error)
{
    *error = QStringLiteral("%1 is read-only: it cannot record new tokens").arg(description());
    return false;
}

TokenLookup TokenSource::grantOf(const QString &, TokenGrant *)
{
    return TokenLookup::error(QStringLiteral("%1 keeps no token grants").arg(description()));
}

bool TokenSource::revoke(const QString &, QString *error)
{
    *error = QStringLiteral("%1 is read-only: it cannot revoke tokens").arg(description());
    return false;
}

std::unique_ptr<TokenSource> TokenSource::create(const QString &plugin, const QString &source, QString *error)
{
    QString name = plugin;
    // websockify accepts the plugin's module path too.
    const QString prefix = QStringLiteral("websockify.token_plugins.");
    if (name.startsWith(prefix))
        name = name.mid(prefix.size());
    if (source.isEmpty()) {
        *error = QStringLiteral("the %1 token plugin needs --token-source").arg(name);
        return nullptr;
    }
    if (name == QLatin1String("TokenFile"))
        return std::make_unique<TokenFile>(source);
    if (name == QLatin1String("ReadOnlyTokenFile"))
        return std::make_unique<ReadOnlyTokenFile>(source);
    if (name == QLatin1String("TokenRedis")) {
#ifdef PORTHOLE_HAVE_REDIS
        return std::make_unique<TokenRedis>(source);
#else
        *error
            = QStringLiteral("the TokenRedis token plugin is not in this build (built with PORTHOLE_WITH_REDIS=OFF)");
        return nullptr;
#endif
    }
    *error = QStringLiteral("unknown token plugin '%1' (known: TokenFile, ReadOnlyTokenFile, TokenRedis)").arg(plugin);
    return nullptr;
}

} // namespace Porthole
