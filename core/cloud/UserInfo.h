// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QMetaType>
#include <QString>
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

    // Reads ID, NAME, GID and GNAME directly below <USER>; everything else
    // (the password hash, login tokens, quotas) is skipped. Refuses a DOCTYPE.
    static std::optional<UserInfo> parse(QStringView document, QString *error = nullptr);

    friend bool operator==(const UserInfo &, const UserInfo &) = default;
};

} // namespace Porthole

Q_DECLARE_METATYPE(Porthole::UserInfo)
