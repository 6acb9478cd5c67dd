// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

#include <optional>

namespace Porthole {

// A jump host as the user wrote it: ssh://[user@]host[:port] or [user@]host[:port].
// User and port stay empty/0 when not given, so that ~/.ssh/config can supply them
// (OpenSSH's order: the command line wins over the config file).
class SshTarget
{
public:
    static std::optional<SshTarget> parse(const QString &text, QString *error = nullptr);

    QString user() const { return m_user; }
    QString host() const { return m_host; }
    int port() const { return m_port; } // 0: from ~/.ssh/config, else 22
    void setUser(const QString &user) { m_user = user; }

    // ssh://user@host:port with what was given; also the key of a shared connection.
    QString toString() const;

    bool operator==(const SshTarget &) const = default;

private:
    QString m_user;
    QString m_host;
    int m_port = 0;
};

} // namespace Porthole
