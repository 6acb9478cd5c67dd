// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace Porthole {

// A virt-viewer connection file (.vv), as Sunstone hands SPICE consoles to remote-viewer:
// an INI [virt-viewer] group with type, host, port, password, title, TLS fields when the
// server has a TLS port, and delete-this-file=1 so that remote-viewer removes the file (and
// the password in it) as soon as it has read it.
struct VirtViewerFile
{
    QString type = QStringLiteral("spice"); // "spice" or "vnc"
    QString host;
    int port = 0;
    int tlsPort = 0; // 0: no TLS port
    QString caFile; // PEM, read into the file's ca= field (TLS only)
    QString hostSubject; // the certificate subject remote-viewer checks (TLS only)
    std::optional<QString> password;
    QString title;

    // The file's text; *error when the CA file cannot be read.
    QByteArray text(QString *error = nullptr) const;
    // Writes it, 0600, as a new file in the user's runtime directory ($XDG_RUNTIME_DIR, else
    // a 0700 directory of ours under /tmp); returns its path, or empty with *error.
    QString write(QString *error) const;
};

} // namespace Porthole
