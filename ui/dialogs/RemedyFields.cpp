// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/dialogs/RemedyFields.h"

#include <QStringList>

namespace Porthole {

QString RemedyFields::words(Remedies remedies)
{
    // Whole phrases, not pieces, so that translators can word each one.
    QStringList phrases;
    if (remedies & Remedy::Timeout)
        phrases << tr("the Reply timeout field");
    if ((remedies & Remedy::CaFile) && (remedies & Remedy::CertificatePin))
        phrases << tr("the CA file or Certificate pin field");
    else if (remedies & Remedy::CaFile)
        phrases << tr("the CA file field");
    else if (remedies & Remedy::CertificatePin)
        phrases << tr("the Certificate pin field");
    if (remedies & Remedy::Credentials)
        phrases << tr("the User and Password fields");
    if (remedies & Remedy::VnctokenEndpoint)
        phrases << tr("the vnctoken endpoint field");
    return phrases.join(QStringLiteral("; "));
}

QString RemedyFields::sentence(const QString &sentence, Remedies remedies)
{
    const QString fields = words(remedies);
    return fields.isEmpty() ? sentence : tr("%1 (%2)").arg(sentence, fields);
}

} // namespace Porthole
