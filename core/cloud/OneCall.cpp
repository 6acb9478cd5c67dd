// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/OneCall.h"

#include <QPointer>
#include <QTimer>

namespace Porthole {

OneCall::OneCall(QObject *parent)
    : QObject(parent)
{ }

void OneCall::cancel()
{
    if (m_finished)
        return;
    if (onCancel)
        onCancel();
    fail(OneError(OneError::Kind::Cancelled, QStringLiteral("cancelled")));
}

void OneCall::succeed(QVariant result)
{
    complete(std::move(result), OneError());
}

void OneCall::fail(OneError error)
{
    complete(QVariant(), std::move(error));
}

void OneCall::complete(QVariant result, OneError error)
{
    if (m_finished)
        return;
    m_result = std::move(result);
    m_error = std::move(error);
    m_finished = true;
    onCancel = nullptr;
    // Queued, so that a caller connecting right after starting the call never misses it; then
    // gone (see the ownership rule in OneCall.h).
    // A receiver may delete the client (and so this call) from its slot.
    QTimer::singleShot(0, this, [this] {
        const QPointer<OneCall> self(this);
        Q_EMIT finished();
        if (self)
            deleteLater();
    });
}

} // namespace Porthole
