// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "app/cli/CliSession.h"
#include "cloud/OneSettings.h"

#include <QObject>

#include <optional>

class QIODevice;

namespace Porthole {

// porthole-cli's dispatcher: parses the command line against the CommandTable,
// resolves endpoint and credentials the way OpenNebula's CLI does (or starts the
// demo), runs one command and returns its exit status (base/ExitStatus.h).
class CliApplication : public QObject
{
    Q_OBJECT
public:
    CliApplication(); // stdout and stderr
    CliApplication(QIODevice *out, QIODevice *err);
    ~CliApplication() override;

    // Returns the exit status, or -1 when the command runs on and will call
    // QCoreApplication::exit() itself.
    int start(const QStringList &arguments);

private:
    // The settings of a signed-in command; on failure *failure says why.
    std::optional<OneSettings> resolveSettings(Failure *failure);

    CliSession m_session;
};

} // namespace Porthole
