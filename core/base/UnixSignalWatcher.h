// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QObject>

#include <initializer_list>

class QSocketNotifier;

namespace Porthole {

// Turns SIGINT, SIGTERM, SIGHUP … into a Qt signal on the event loop (the
// self-pipe trick: the handler only writes a byte). One watcher per process.
class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(std::initializer_list<int> signalNumbers, QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

Q_SIGNALS:
    void received(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Porthole
