// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "profiles/ConnectionProfile.h"

#include <QList>
#include <QProcessEnvironment>

#include <optional>

class QSettings;

namespace Porthole {

// Connection profiles in QSettings (group "profiles"). Secrets never go there:
// there is no field for them, and writing removes any "password"/"secret" key
// an older or hand-edited file may hold.
class ProfileStore
{
public:
    explicit ProfileStore(QSettings *settings); // not owned

    // The stored profiles; when there are none, one built from ONE_XMLRPC and
    // ONE_AUTH (OpenNebula's CLI rules), so a first run starts filled in.
    QList<ConnectionProfile> load() const;
    void save(const QList<ConnectionProfile> &profiles);
    QString lastUsed() const;
    void setLastUsed(const QString &name);

    // The first-run profile, and the secret ONE_AUTH holds (to pre-fill the
    // password box; it is not stored). Empty when nothing is set.
    struct FromEnvironment
    {
        ConnectionProfile profile;
        QString secret;
        QString source; // where the endpoint came from, for a tooltip
    };
    static std::optional<FromEnvironment> fromEnvironment(
        const QProcessEnvironment &environment, const QString &homeDir);

private:
    QSettings *m_settings;
};

} // namespace Porthole
