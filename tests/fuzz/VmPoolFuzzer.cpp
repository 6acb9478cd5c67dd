// SPDX-License-Identifier: GPL-2.0-or-later
// XmlScanner and VmPoolParser on any text, whole and in the random-size pieces the XML-RPC
// reader's sink hands out (up to 64 KiB, often a few characters): the tokens, the VMs and
// whether the document is valid must not depend on where it was cut. A page limit from the
// input's hash checks that a page holding more VMs than asked for is refused either way.
#include "FuzzSupport.h"
#include "cloud/VmPoolParser.h"
#include "cloud/XmlScanner.h"

using namespace Porthole;
using namespace PortholeFuzz;

namespace {

struct Scan
{
    QStringList tokens; // "<NAME", ">NAME", "\"text" (adjacent text merged)
    bool error = false;
    QString errorString;
};

Scan scan(const QList<QString> &parts)
{
    XmlScanner scanner;
    Scan out;
    auto drain = [&] {
        for (;;) {
            const XmlScanner::Token t = scanner.next();
            switch (t) {
            case XmlScanner::Token::NeedData:
                return;
            case XmlScanner::Token::Error:
                out.error = true;
                out.errorString = scanner.errorString();
                return;
            case XmlScanner::Token::StartElement:
                out.tokens.append(u'<' + scanner.name().toString());
                break;
            case XmlScanner::Token::EndElement:
                out.tokens.append(u'>' + scanner.name().toString());
                break;
            case XmlScanner::Token::Characters:
                PORTHOLE_FUZZ_CHECK(scanner.depth() > 0, "text outside the document element was reported");
                if (!out.tokens.isEmpty() && out.tokens.last().startsWith(u'"'))
                    out.tokens.last() += scanner.text();
                else
                    out.tokens.append(u'"' + scanner.text().toString());
                break;
            }
        }
    };
    for (const QString &part : parts) {
        scanner.addData(part);
        drain();
        if (out.error)
            break;
    }
    return out;
}

struct Pool
{
    bool ok = false;
    QList<VirtualMachine> vms;
};

Pool pool(const QList<QString> &parts, int maxVms)
{
    VmPoolParser parser;
    parser.setMaxVms(maxVms);
    Pool out;
    for (const QString &part : parts) {
        parser.addData(part);
        out.vms += parser.takeVms(); // drained while the pool arrives, as OneClient does
    }
    out.ok = parser.finish();
    out.vms += parser.takeVms();
    PORTHOLE_FUZZ_CHECK(out.ok == !parser.hasError(), "finish() and hasError() disagree");
    PORTHOLE_FUZZ_CHECK(out.vms.size() <= maxVms, "a page held more VMs than asked for");
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    Cuts cuts(data, size);
    const QList<QString> whole {text};
    const QList<QString> cut = pieces(text, cuts);

    const Scan a = scan(whole);
    const Scan b = scan(cut);
    PORTHOLE_FUZZ_CHECK(a.error == b.error, "the scanner's validity depends on the cuts");
    PORTHOLE_FUZZ_CHECK(a.errorString == b.errorString, a.errorString + u" / " + b.errorString);
    // Before an error, a text node may have been handed out in part when it came in pieces
    // (text is delivered as it arrives): only the markup before the error must agree then.
    Scan x = a, y = b;
    if (a.error) {
        while (!x.tokens.isEmpty() && x.tokens.last().startsWith(u'"'))
            x.tokens.removeLast();
        while (!y.tokens.isEmpty() && y.tokens.last().startsWith(u'"'))
            y.tokens.removeLast();
    }
    if (x.tokens != y.tokens) {
        qsizetype i = 0;
        while (i < x.tokens.size() && i < y.tokens.size() && x.tokens[i] == y.tokens[i])
            ++i;
        PORTHOLE_FUZZ_CHECK(false,
            QStringLiteral("the scanner's tokens depend on the cuts: token %1, '%2' whole, '%3' in pieces")
                .arg(i)
                .arg(x.tokens.value(i).left(80), y.tokens.value(i).left(80)));
    }

    const int maxVms
        = (cuts.next() & 1) ? std::numeric_limits<int>::max() : int(1 + cuts.next() % 4); // a page of 1 to 4
    const Pool p = pool(whole, maxVms);
    const Pool q = pool(cut, maxVms);
    PORTHOLE_FUZZ_CHECK(p.ok == q.ok, "the pool's validity depends on the cuts");
    if (p.ok)
        PORTHOLE_FUZZ_CHECK(p.vms == q.vms, "the VMs depend on the cuts");
    if (maxVms == std::numeric_limits<int>::max()) {
        QString error;
        const auto once = VmPoolParser::parse(text, &error);
        PORTHOLE_FUZZ_CHECK(once.has_value() == p.ok, "parse() and the streamed parser disagree");
        PORTHOLE_FUZZ_CHECK(once.has_value() || !error.isEmpty(), "an error without a message");
    }
    return 0;
}
