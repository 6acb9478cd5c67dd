// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "tokens/TokenSource.h"

#include <QDateTime>
#include <QHash>

namespace Porthole {

// Tokens held in memory: the desktop app's local proxy and the tests. A token may
// expire at a given time and may be good for one session only.
class MemoryTokenSource : public TokenSource
{
public:
    enum class Use
    {
        Reusable,
        OneTime
    };

    void add(const QString &token, const TokenTarget &target, const QDateTime &expiresAt = {}, Use use = Use::Reusable);
    void remove(const QString &token);
    void clear() { m_tokens.clear(); }

    bool load(QString *) override { return true; }
    TokenLookup lookup(const QString &token) override;
    qsizetype tokenCount() const override { return m_tokens.size(); }
    QString description() const override { return QStringLiteral("in-memory tokens"); }

private:
    struct Entry
    {
        TokenTarget target;
        QDateTime expiresAt;
        Use use = Use::Reusable;
        bool used = false;
    };
    QHash<QString, Entry> m_tokens;
};

} // namespace Porthole
