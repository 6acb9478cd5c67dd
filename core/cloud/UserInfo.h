// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace Porthole {

// The signed-in user as one.user.info(-1) describes it (<USER> document).
struct UserInfo
{
    int id = -1;
    QString name;
    int gid = -1;
    QString group; // GNAME
    // LOGIN_TOKEN/TOKEN: oned shows a user their own login tokens in clear.
    QStringList loginTokens;

    // Reads ID, NAME, GID, GNAME and the login tokens below <USER>; everything else
    // (the password hash, quotas) is skipped. Refuses a DOCTYPE.
    static std::optional<UserInfo> parse(QStringView document, QString *error = nullptr);

    friend bool operator==(const UserInfo &, const UserInfo &) = default;
};

} // namespace Porthole

Q_DECLARE_METATYPE(Porthole::UserInfo)
