// SPDX-License-Identifier: GPL-2.0-or-later
#include "app/cli/CliRemedies.h"

#include <QStringList>

namespace Porthole {

QString CliRemedies::words(Remedies remedies)
{
    QStringList names;
    if (remedies & Remedy::Timeout)
        names << QStringLiteral("--timeout");
    if (remedies & Remedy::CaFile)
        names << QStringLiteral("--ca-file");
    if (remedies & Remedy::CertificatePin)
        names << QStringLiteral("--pin-sha256");
    if (remedies & Remedy::Credentials)
        names << QStringLiteral("--user, ONE_AUTH, ~/.one/one_auth");
    if (remedies & Remedy::VnctokenEndpoint)
        names << QStringLiteral("--vnctoken-endpoint");
    return names.join(QStringLiteral(", "));
}

QString CliRemedies::sentence(const Failure &failure)
{
    const QString names = words(failure.remedies);
    return names.isEmpty() ? failure.sentence : QStringLiteral("%1 (%2)").arg(failure.sentence, names);
}

} // namespace Porthole
