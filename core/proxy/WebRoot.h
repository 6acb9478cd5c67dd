// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace Porthole {

// --web DIR: serves files below DIR (Debian's /usr/share/novnc works unchanged) with
// GET and HEAD. Paths are cleaned and must stay below the root; "/" lists the files
// or serves index.html.
class WebRoot
{
public:
    explicit WebRoot(const QString &root);

    bool isEnabled() const { return !m_root.isEmpty(); }
    // A complete HTTP/1.1 response (with Connection: close) for the request.
    QByteArray respond(const QByteArray &method, const QString &decodedPath) const;

    static QByteArray contentType(const QString &fileName);
    static QByteArray simpleResponse(
        int status, const QByteArray &reasonPhrase, const QString &body, const QByteArray &extraHeaders = {});

private:
    QString m_root;
};

} // namespace Porthole
