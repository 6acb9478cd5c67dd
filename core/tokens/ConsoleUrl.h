// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace Porthole {

// One console endpoint, whatever form the user pasted:
//   ws[s]://host:port/path?token=T
//   noVNC pages (vnc.html, vnc_lite.html, vnc_auto.html) with host/port/path/encrypt/password,
//     read from the query and from the fragment (noVNC reads both; the fragment wins)
//   Sunstone 5 (/vnc?host=&port=&token=&encrypt=&password=)
//   Sunstone 6 / FireEdge (?socket=BASE64 of the WebSocket URL)
//   vnc://[:password@]host[:port][?via=ssh://[user@]jump[:port]]
// vnc:// follows RFC 7869: the port is a TCP port (default 5900), never a display
// number, so vnc://host:1 means TCP port 1. TigerVNC's "host:1" display shorthand is
// not a URL and is rejected with a hint instead of guessing.
class ConsoleUrl
{
public:
    enum class Scheme
    {
        WebSocket,
        SecureWebSocket,
        Vnc
    };

    // Parses text; on failure returns nullopt and a sentence in *error.
    static std::optional<ConsoleUrl> parse(const QString &text, QString *error = nullptr);

    Scheme scheme() const { return m_scheme; }
    QString schemeName() const;
    bool isWebSocket() const { return m_scheme != Scheme::Vnc; }
    bool encrypt() const { return m_scheme == Scheme::SecureWebSocket; }
    QString host() const { return m_host; }
    int port() const { return m_port; }
    // Always starts with '/'; empty for vnc://.
    QString path() const { return m_path; }
    // Other query items of the WebSocket URL besides the token, encoded, without '?'.
    QString extraQuery() const { return m_extraQuery; }
    QString token() const { return m_token; }
    // The VNC password when the pasted URL carried one (noVNC and Sunstone may).
    std::optional<QString> password() const { return m_password; }

    void setPassword(const std::optional<QString> &password) { m_password = password; }
    // vnc:// only: the SSH jump host (ssh://[user@]host[:port]) that dials host:port for us;
    // empty for a direct connection. Checked by SshTarget::parse where it is used.
    QString via() const { return m_via; }
    void setVia(const QString &via) { m_via = via; }

    // ws[s]://host:port/path?token=T; empty for vnc://.
    QUrl webSocketUrl() const;
    // vnc://host:port[?via=…] for TCP, otherwise the WebSocket URL.
    QUrl connectUrl() const;
    // A noVNC page URL (page = e.g. http://host:6080/vnc.html) that opens this console.
    QUrl noVncUrl(const QUrl &page, bool includePassword = false) const;
    // For logs and messages: the token shortened with redact(), no password.
    QString displayString() const;

    static ConsoleUrl webSocket(bool secure, const QString &host, int port, const QString &path, const QString &token);
    static ConsoleUrl vnc(const QString &host, int port = 5900);

    bool operator==(const ConsoleUrl &) const = default;

private:
    Scheme m_scheme = Scheme::WebSocket;
    QString m_host;
    int m_port = 0;
    QString m_path;
    QString m_extraQuery;
    QString m_token;
    std::optional<QString> m_password;
    QString m_via;
};

} // namespace Porthole
