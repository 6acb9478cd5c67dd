// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QLocalServer;

namespace Porthole {

// The per-user socket through which a second `porthole --connect` hands its console URL
// (and a VNC password read from stdin) to the Porthole already running. Both secrets
// cross it, so it lives in a directory only this user can enter ($XDG_RUNTIME_DIR, else
// a 0700 /tmp/porthole-UID checked before use), and each end checks the other's uid
// (SO_PEERCRED): a socket or directory planted by another local user gets nothing.
class InstanceChannel : public QObject
{
    Q_OBJECT
public:
    explicit InstanceChannel(QObject *parent = nullptr);
    ~InstanceChannel() override;

    // The socket's path, its directory made or checked; empty with *error when unsafe.
    // PORTHOLE_INSTANCE names the socket inside the directory (tests).
    static QString socketPath(QString *error);
    // Sends one line to the running instance and waits for its "ok". False when none
    // runs, or when the socket is not this user's (*error then says so).
    static bool send(const QByteArray &line, QString *error);
    // True when the process at the other end of a local socket runs as this user.
    static bool peerIsThisUser(qintptr descriptor);

    // Takes lines from later instances; never removes a socket that still answers.
    bool listen(QString *error);
    bool isListening() const;

Q_SIGNALS:
    void received(const QByteArray &line);

private:
    QLocalServer *m_server = nullptr;
};

} // namespace Porthole
