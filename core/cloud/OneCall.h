// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/OneError.h"

#include <QObject>
#include <QVariant>

#include <functional>

namespace Porthole {

// One operation on oned (it may take several round trips, e.g. a paged VM pool).
// Emits finished() exactly once, asynchronously; then result() or error() hold the answer.
//
// Ownership, the one rule for Porthole's asynchronous results (as KJob's auto-delete): the call is
// a child of its OneClient and deletes itself (deleteLater) right after finished() has been
// delivered. Read result() and error() in the slot connected to finished(); never keep the
// pointer past it (hold it in a QPointer if it must be cancelled earlier). A refresh every 30 s
// for a whole shift so leaves nothing behind.
class OneCall : public QObject
{
    Q_OBJECT
public:
    explicit OneCall(QObject *parent = nullptr);

    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_error.isError(); }
    const OneError &error() const { return m_error; }
    const QVariant &result() const { return m_result; }
    template<typename T> T resultAs() const { return m_result.value<T>(); }

    // Stops the operation; finished() follows with a Cancelled error.
    void cancel();

    // Used by OneClient.
    void succeed(QVariant result);
    void fail(OneError error);
    std::function<void()> onCancel;

Q_SIGNALS:
    void progress(const QString &what); // e.g. "1,500 VMs"
    void finished();

private:
    void complete(QVariant result, OneError error);

    bool m_finished = false;
    OneError m_error;
    QVariant m_result;
};

} // namespace Porthole
