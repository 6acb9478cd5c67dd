// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "base/Remedy.h"

#include <QCoreApplication>
#include <QString>

namespace Porthole {

// The desktop's names for the remedies core's sentences advise (base/Remedy.h): the
// sign-in fields that set them, never porthole-cli's flags.
class RemedyFields
{
    Q_DECLARE_TR_FUNCTIONS(Porthole::RemedyFields)
public:
    static QString words(Remedies remedies); // "the CA file or Certificate pin field"
    // sentence, then the fields in parentheses when there are any.
    static QString sentence(const QString &sentence, Remedies remedies);
};

} // namespace Porthole
