// SPDX-License-Identifier: GPL-2.0-or-later
#include "ssh/SshTarget.h"

#include <QUrl>

namespace Porthole {

std::optional<SshTarget> SshTarget::parse(const QString &text, QString *error)
{
    const QString trimmed = text.trimmed();
    const QString withScheme = trimmed.contains(u"://") ? trimmed : QStringLiteral("ssh://") + trimmed;
    const QUrl url(withScheme, QUrl::StrictMode);
    auto fail = [&](const QString &why) -> std::optional<SshTarget> {
        // Never echo a password someone put into the URL.
        const QString shown = url.isValid() ? url.toString(QUrl::RemovePassword) : QStringLiteral("the text given");
        if (error)
            *error = QStringLiteral("'%1' is not an SSH jump host: %2").arg(shown, why);
        return std::nullopt;
    };
    if (!url.isValid() || url.scheme() != u"ssh")
        return fail(QStringLiteral("write ssh://[user@]host[:port]"));
    if (url.host().isEmpty())
        return fail(QStringLiteral("no host"));
    if (!url.password().isEmpty())
        return fail(QStringLiteral("a password does not belong in the URL (it would show in process lists); "
                                   "Porthole asks for it"));
    if ((!url.path().isEmpty() && url.path() != u"/") || url.hasQuery() || url.hasFragment())
        return fail(QStringLiteral("only user, host and port are allowed"));
    SshTarget target;
    target.m_user = url.userName();
    target.m_host = url.host();
    target.m_port = url.port(0);
    if (target.m_port < 0 || target.m_port > 65535)
        return fail(QStringLiteral("bad port"));
    return target;
}

QString SshTarget::toString() const
{
    QString text = QStringLiteral("ssh://");
    if (!m_user.isEmpty())
        text += m_user + u'@';
    text += m_host.contains(u':') ? u'[' + m_host + u']' : m_host;
    if (m_port > 0)
        text += u':' + QString::number(m_port);
    return text;
}

} // namespace Porthole
