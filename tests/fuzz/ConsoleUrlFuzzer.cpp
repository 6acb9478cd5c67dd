// SPDX-License-Identifier: GPL-2.0-or-later
// ConsoleUrl::parse on any text, and the round trips the app relies on: connectUrl() and, for a
// WebSocket console, noVncUrl() parse back to the same console (the "copy noVNC link" and
// profile paths). Neither a refusal nor displayString() may quote a long token in clear.
#include "FuzzSupport.h"
#include "tokens/ConsoleUrl.h"

#include <QRegularExpression>

using namespace Porthole;
using namespace PortholeFuzz;

namespace {

bool sameConsole(const ConsoleUrl &a, const ConsoleUrl &b, bool withPassword)
{
    return a.scheme() == b.scheme() && a.host() == b.host() && a.port() == b.port() && a.path() == b.path()
        && a.token() == b.token() && a.extraQuery() == b.extraQuery() && a.via() == b.via()
        && (!withPassword || a.password() == b.password());
}

QString describeConsole(const ConsoleUrl &u)
{
    return QStringLiteral("%1 host '%2' port %3 path '%4' extra '%5' via '%6'")
        .arg(u.schemeName(), u.host(), QString::number(u.port()), u.path(), u.extraQuery(), u.via());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0; // a pasted URL; longer inputs only slow the search down
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<ConsoleUrl> url = ConsoleUrl::parse(text, &error);

    // A long token-looking value in the input must not reach a message whole.
    static const QRegularExpression tokenLike(QStringLiteral("token=([A-Za-z0-9]{16,})"));
    const QRegularExpressionMatch m = tokenLike.match(text);
    QString secret = m.hasMatch() ? m.captured(1) : QString();
    if (text.count(secret) > 1)
        secret.clear(); // the same characters elsewhere, outside the token, may be shown

    if (!url) {
        PORTHOLE_FUZZ_CHECK(!error.isEmpty(), "a refusal without a reason");
        if (!secret.isEmpty())
            PORTHOLE_FUZZ_CHECK(!error.contains(secret), QStringLiteral("a refusal quotes the token: ") + error);
        return 0;
    }
    PORTHOLE_FUZZ_CHECK(
        url->port() >= 1 && url->port() <= 65535, QStringLiteral("a port out of range: ") + describeConsole(*url));
    PORTHOLE_FUZZ_CHECK(!url->host().isEmpty(), "a console without a host");
    if (url->isWebSocket())
        PORTHOLE_FUZZ_CHECK(
            url->path().startsWith(u'/'), QStringLiteral("a WebSocket path without '/': ") + describeConsole(*url));
    const QString shown = url->displayString();
    if (url->token().size() >= 16 && !url->host().contains(url->token()) && !url->path().contains(url->token())
        && !url->via().contains(url->token()))
        PORTHOLE_FUZZ_CHECK(!shown.contains(url->token()), "displayString() shows the whole token");

    const QUrl connect = url->connectUrl();
    QString againError;
    const auto again = ConsoleUrl::parse(connect.toString(QUrl::FullyEncoded), &againError);
    PORTHOLE_FUZZ_CHECK(again.has_value(),
        QStringLiteral("connectUrl() does not parse back: ") + describeConsole(*url) + u" -> " + againError);
    PORTHOLE_FUZZ_CHECK(sameConsole(*url, *again, false),
        QStringLiteral("connectUrl() names another console: ") + describeConsole(*url) + u" -> "
            + describeConsole(*again));

    if (url->isWebSocket()) {
        const QUrl page = url->noVncUrl(QUrl(QStringLiteral("http://proxy.example:6080/vnc.html")), true);
        const auto fromPage = ConsoleUrl::parse(page.toString(QUrl::FullyEncoded), &againError);
        PORTHOLE_FUZZ_CHECK(fromPage.has_value(),
            QStringLiteral("noVncUrl() does not parse back: ") + describeConsole(*url) + u" -> " + againError);
        PORTHOLE_FUZZ_CHECK(sameConsole(*url, *fromPage, true),
            QStringLiteral("noVncUrl() names another console: ") + describeConsole(*url) + u" -> "
                + describeConsole(*fromPage));
    }
    return 0;
}
