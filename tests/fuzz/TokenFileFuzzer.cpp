// SPDX-License-Identifier: GPL-2.0-or-later
// websockify's token-file grammar (TokenFileParser) on any bytes: every token taken is visible
// ASCII, every line is either an entry, a problem or skipped, and a target taken without error
// writes back to text that parses to the same target.
#include "FuzzSupport.h"
#include "tokens/TokenFileParser.h"

using namespace Porthole;
using namespace PortholeFuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray content(reinterpret_cast<const char *>(data), qsizetype(size));
    const TokenFileParser::Result result = TokenFileParser::parse(content, QStringLiteral("fuzz.tokens"));
    const qsizetype lines = content.count('\n') + 1;
    int lastLine = 0;
    for (const TokenFileParser::Entry &e : result.entries) {
        PORTHOLE_FUZZ_CHECK(!e.token.isEmpty(), "an empty token");
        for (QChar c : e.token)
            PORTHOLE_FUZZ_CHECK(c >= u'!' && c <= u'~', "a token with a character that is not visible ASCII");
        PORTHOLE_FUZZ_CHECK(e.line > lastLine && e.line <= lines, "entries out of line order");
        lastLine = e.line;
        if (e.error.isEmpty()) {
            PORTHOLE_FUZZ_CHECK(e.target.isValid(), "a target without error that is not valid");
            QString again;
            const TokenTarget back = TokenTarget::parse(e.target.toString(), &again);
            PORTHOLE_FUZZ_CHECK(again.isEmpty() && back == e.target, "a target does not survive toString()");
        } else {
            PORTHOLE_FUZZ_CHECK(!e.target.isValid(), "a target with an error that is valid");
        }
    }
    for (const TokenProblem &p : result.problems) {
        PORTHOLE_FUZZ_CHECK(p.line >= 1 && p.line <= lines, "a problem on a line the file does not have");
        PORTHOLE_FUZZ_CHECK(!p.message.isEmpty(), "a problem without a message");
    }
    return 0;
}
