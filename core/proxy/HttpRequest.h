// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace Porthole {

// The request head a browser sends to open a WebSocket (or fetch a noVNC file).
// Parsing is bounded: the caller gives at most kMaxHeadSize bytes.
class HttpRequest
{
public:
    static constexpr qsizetype kMaxHeadSize = 16 * 1024;
    static constexpr int kMaxHeaders = 100;

    enum class Parse
    {
        Incomplete,
        Complete,
        Error
    };

    // Looks for the end of the head in buffer; on Complete, *headSize is its length
    // including the blank line. On Error, *status/*reason describe the HTTP answer.
    Parse parse(const QByteArray &buffer, qsizetype *headSize);

    int errorStatus() const { return m_errorStatus; }
    QString errorReason() const { return m_errorReason; }

    QByteArray method() const { return m_method; }
    QByteArray target() const { return m_target; }
    // Path without the query, percent-decoded.
    QString path() const;
    // A query parameter of the target, percent-decoded ("token").
    QString queryValue(const QString &name) const;
    // A cookie by name, from every Cookie header.
    QString cookie(const QString &name) const;
    // Header value by case-insensitive name; several occurrences joined with ", ".
    QByteArray header(QByteArrayView name) const;
    bool headerHasToken(QByteArrayView name, QByteArrayView token) const;

private:
    bool fail(int status, const QString &reason);

    QByteArray m_method;
    QByteArray m_target;
    QByteArray m_version;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    int m_errorStatus = 0;
    QString m_errorReason;
};

} // namespace Porthole
