// SPDX-License-Identifier: GPL-2.0-or-later
// The proxy's request head (HttpRequest) on any bytes, given whole and, as ProxySession does
// when a head comes in two reads, first a prefix and then the whole buffer to the same object.
// Both must reach the same verdict and read the same request; a complete head then goes
// through ProxyHandshake::decide with every option on and off.
#include "FuzzSupport.h"
#include "proxy/HttpRequest.h"
#include "proxy/ProxyHandshake.h"

using namespace Porthole;
using namespace PortholeFuzz;

namespace {

struct Reading
{
    HttpRequest::Parse parse = HttpRequest::Parse::Incomplete;
    qsizetype headSize = -1;
    QString summary;
};

QString summarize(const HttpRequest &r, HttpRequest::Parse parse)
{
    if (parse == HttpRequest::Parse::Error)
        return QStringLiteral("error %1 %2").arg(r.errorStatus()).arg(r.errorReason());
    if (parse == HttpRequest::Parse::Incomplete)
        return QStringLiteral("incomplete");
    return QString::fromLatin1(r.method().toHex()) + u' ' + QString::fromLatin1(r.target().toHex()) + u' ' + r.path()
        + u'|' + r.queryValue(QStringLiteral("token")) + u'|' + r.cookie(QStringLiteral("token")) + u'|'
        + QString::fromLatin1(r.header("host").toHex()) + u'|' + QString::fromLatin1(r.header("origin").toHex())
        + (r.headerHasToken("connection", "upgrade") ? u'U' : u'-')
        + (r.headerHasToken("upgrade", "websocket") ? u'W' : u'-');
}

Reading read(const QByteArray &buffer, qsizetype split)
{
    HttpRequest request;
    Reading out;
    if (split < buffer.size()) {
        out.parse = request.parse(buffer.left(split), &out.headSize);
        if (out.parse != HttpRequest::Parse::Incomplete) {
            out.summary = summarize(request, out.parse);
            return out;
        }
    }
    out.parse = request.parse(buffer, &out.headSize);
    out.summary = summarize(request, out.parse);
    if (out.parse == HttpRequest::Parse::Error)
        PORTHOLE_FUZZ_CHECK(request.errorStatus() == 400 || request.errorStatus() == 431, "an odd error status");
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // The proxy never gives more than the limit and one byte.
    const QByteArray buffer(
        reinterpret_cast<const char *>(data), qMin<qsizetype>(qsizetype(size), HttpRequest::kMaxHeadSize + 1));
    Cuts cuts(data, size);
    const Reading whole = read(buffer, buffer.size());
    const Reading split = read(buffer, cuts.splitPoint(buffer.size()));
    // A prefix may be refused early only where the whole buffer is refused too.
    PORTHOLE_FUZZ_CHECK(whole.parse == split.parse,
        QStringLiteral("one read and two reads disagree: ") + whole.summary + u" / " + split.summary);
    PORTHOLE_FUZZ_CHECK(whole.parse != HttpRequest::Parse::Complete || whole.summary == split.summary,
        "one read and two reads read different requests");
    if (whole.parse == HttpRequest::Parse::Complete) {
        PORTHOLE_FUZZ_CHECK(whole.headSize == split.headSize, "the head's size depends on the reads");
        PORTHOLE_FUZZ_CHECK(whole.headSize > 0 && whole.headSize <= buffer.size(), "a head size out of the buffer");
        HttpRequest request;
        qsizetype headSize = 0;
        request.parse(buffer, &headSize);
        const uint64_t bits = cuts.next();
        ProxyHandshake::Options options;
        options.hostToken = bits & 1;
        options.webRoot = bits & 2;
        options.rpc = bits & 4;
        if (bits & 8)
            options.allowedOrigins = {QStringLiteral("portal.example"), QStringLiteral("https://other.example:8443")};
        const ProxyHandshake::Decision d = ProxyHandshake::decide(request, options);
        if (d.route == ProxyHandshake::Route::Answer)
            PORTHOLE_FUZZ_CHECK(d.answer.startsWith("HTTP/1.1 "), "an answer that is not an HTTP response");
        // No token: refused after the upgrade, whatever a source would say.
        if (d.route == ProxyHandshake::Route::WebSocket && d.token.isEmpty())
            PORTHOLE_FUZZ_CHECK(ProxyHandshake::refusalFor(d.token, TokenLookup::hit({QStringLiteral("h"), 1})),
                "a WebSocket without a token is not refused");
    } else if (whole.parse == HttpRequest::Parse::Error) {
        HttpRequest request;
        qsizetype headSize = 0;
        request.parse(buffer, &headSize);
        PORTHOLE_FUZZ_CHECK(ProxyHandshake::malformedAnswer(request).startsWith("HTTP/1.1 4"), "a refusal not 4xx");
    }
    return 0;
}
