// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "console/RfbSession.h"
#include "tokens/ConsoleUrl.h"

#include <QObject>

#include <memory>

class QProcess;

namespace Porthole {

class ConsoleForwarder;

// A console handed to a viewer outside Porthole, as Sunstone hands SPICE to remote-viewer and
// `virtctl vnc` hands VNC to any client: virt-viewer's remote-viewer (both protocols, told by a
// .vv file that carries the password and deletes itself), else TigerVNC's vncviewer (VNC
// only; it asks for the password itself). A console the viewer can dial itself (plain TCP,
// no jump host) gets a detached viewer that outlives Porthole. Any other (a WebSocket token,
// an SSH jump host) is first exposed on 127.0.0.1 by a ConsoleForwarder, which lives exactly
// as long as the viewer it serves; finished() then says when that viewer is gone.
class ExternalViewer : public QObject
{
    Q_OBJECT
public:
    enum class Protocol
    {
        Vnc,
        Spice
    };

    explicit ExternalViewer(QObject *parent = nullptr);
    ~ExternalViewer() override;

    // The program that would show protocol; empty when none is installed.
    static QString program(Protocol protocol);
    // What to tell someone without one.
    static QString installHint(Protocol protocol);

    // false with *error (no viewer, nothing to listen on, not started). options are the
    // forward's (TLS trust, SSH keys); the viewer does the VNC authentication itself.
    bool open(const ConsoleUrl &url, const RfbSession::Options &options, Protocol protocol, const QString &title,
        QString *error);
    // The local port of the forward; 0 when the viewer dials the console itself.
    quint16 forwardedPort() const;

Q_SIGNALS:
    // The forwarded viewer exited; text says why when it failed to run.
    void finished(const QString &text);

private:
    bool startForwarded(const ConsoleUrl &url, const RfbSession::Options &options, Protocol protocol,
        const QString &title, QString *error);

    std::unique_ptr<ConsoleForwarder> m_forwarder;
    QProcess *m_viewer = nullptr;
};

} // namespace Porthole
