// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/XmlScanner.h"

#include <algorithm>

namespace Porthole {

namespace {

// A start or end tag that is still not closed after this much text is not
// something oned sends; refusing it bounds how often a tag is rescanned.
constexpr qsizetype kMaxTagLength = 1 << 20;
// oned's documents nest about eight levels deep; the open names are kept on a stack.
constexpr qsizetype kMaxDepth = 256;
// oned writes no attributes inside its documents (nor does the XML-RPC envelope): a tag with
// more than this is no answer of oned, and refusing it keeps the duplicate check's sort short.
constexpr qsizetype kMaxAttributes = 256;

bool isSpace(QChar c)
{
    const char16_t u = c.unicode();
    return u == u' ' || u == u'\n' || u == u'\t' || u == u'\r';
}

bool isNameStart(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'_' || u == u':' || u >= 0x80;
}

bool isNameChar(QChar c)
{
    const char16_t u = c.unicode();
    return isNameStart(c) || (u >= u'0' && u <= u'9') || u == u'-' || u == u'.';
}

// Where the first character that is not white space is; -1 when there is none.
qsizetype firstNonSpace(QStringView s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (!isSpace(s[i]))
            return i;
    }
    return -1;
}

QString shown(QStringView s)
{
    return s.size() > 40 ? s.left(40).toString() + QStringLiteral("...") : s.toString();
}

} // namespace

void XmlScanner::addData(QStringView data)
{
    if (m_pos > 0) {
        // Drop what was consumed, remembering where lines started for messages.
        const QStringView gone = QStringView(m_buf).left(m_pos);
        const qsizetype lastNewline = gone.lastIndexOf(u'\n');
        if (lastNewline >= 0) {
            m_lineBase += gone.count(u'\n');
            m_lineStart = m_discarded + lastNewline + 1;
        }
        m_buf.remove(0, m_pos);
        m_discarded += m_pos;
        if (m_resume >= 0)
            m_resume -= m_pos;
        m_pos = 0;
    }
    m_buf.append(data);
}

qint64 XmlScanner::lineNumber() const
{
    return m_lineBase + QStringView(m_buf).left(m_pos).count(u'\n');
}

qint64 XmlScanner::columnNumber() const
{
    const qsizetype nl = QStringView(m_buf).left(m_pos).lastIndexOf(u'\n');
    if (nl >= 0)
        return m_pos - nl - 1;
    return m_discarded + m_pos - m_lineStart;
}

void XmlScanner::raiseError(const QString &message)
{
    if (!hasError())
        m_error = QStringLiteral("line %1, column %2: %3").arg(lineNumber()).arg(columnNumber()).arg(message);
}

XmlScanner::Token XmlScanner::fail(const QString &message)
{
    raiseError(message);
    return Token::Error;
}

void XmlScanner::pushName(QStringView name)
{
    m_nameStarts.append(m_nameStack.size());
    m_nameStack.append(name);
}

XmlScanner::Token XmlScanner::next()
{
    if (hasError())
        return Token::Error;
    if (m_deferredTruncate >= 0) {
        m_nameStack.truncate(m_deferredTruncate);
        m_deferredTruncate = -1;
    }
    if (m_pendingEnd) {
        m_pendingEnd = false;
        // name() points into the name stack, so the name leaves it only on the
        // next call (QString::truncate() writes a terminating null).
        const qsizetype start = m_nameStarts.back();
        m_name = QStringView(m_nameStack).mid(start);
        m_nameStarts.pop_back();
        m_deferredTruncate = start;
        if (m_nameStarts.isEmpty())
            m_rootClosed = true;
        return Token::EndElement;
    }
    for (;;) {
        if (m_inCdata) {
            if (const std::optional<Token> t = scanCdata())
                return *t;
            continue;
        }
        if (m_inComment) {
            if (const std::optional<Token> t = scanComment())
                return *t;
            continue;
        }
        if (m_pos >= m_buf.size())
            return Token::NeedData;
        const std::optional<Token> t = m_buf.at(m_pos) == u'<' ? scanMarkup() : scanText();
        if (t)
            return *t;
    }
}

std::optional<XmlScanner::Token> XmlScanner::scanText()
{
    const QStringView buf(m_buf);
    const qsizetype lt = buf.indexOf(u'<', m_pos);
    qsizetype end = lt < 0 ? buf.size() : lt;
    if (m_nameStarts.isEmpty()) {
        if (const qsizetype bad = firstNonSpace(buf.mid(m_pos, end - m_pos)); bad >= 0) {
            // Reported where the text starts, not where this piece of white space began: the
            // message must not depend on how the document was cut.
            m_pos += bad;
            return fail(m_rootClosed ? QStringLiteral("text after the end of the document element")
                                     : QStringLiteral("text before the document element"));
        }
        m_pos = end;
        return std::nullopt;
    }
    if (lt < 0) {
        // Keep a reference cut by the end of the data for the next round: the first one whose ';'
        // has not arrived, found as decodeText() walks them, so that an earlier bad reference is
        // reported (where it is) the same however the text was cut.
        qsizetype amp = buf.indexOf(u'&', m_pos);
        while (amp >= 0) {
            const qsizetype semi = buf.indexOf(u';', amp + 1);
            if (semi < 0)
                break;
            amp = buf.indexOf(u'&', semi + 1);
        }
        if (amp >= 0 && buf.size() - amp <= 32)
            end = amp; // else it can no longer end within 32 characters: decodeText() says so
        // "]]>" is not allowed in text; keep a ']' tail until the next character is known.
        while (end > m_pos && buf.at(end - 1) == u']' && end > buf.size() - 2)
            --end;
    }
    if (end == m_pos)
        return Token::NeedData;
    const QStringView raw = buf.mid(m_pos, end - m_pos);
    if (raw.contains(u']')) {
        if (const qsizetype bad = raw.indexOf(u"]]>"); bad >= 0) {
            // The first problem is the one told, however the text was cut: a bad reference
            // before the "]]>" comes first (a piece may hold the one and not the other).
            if (!decodeText(raw.left(bad)))
                return Token::Error;
            m_pos += bad;
            return fail(QStringLiteral("']]>' is not allowed in text"));
        }
    }
    if (!decodeText(raw))
        return Token::Error;
    m_pos = end;
    return Token::Characters;
}

bool XmlScanner::decodeText(QStringView raw)
{
    qsizetype amp = raw.indexOf(u'&');
    if (amp < 0) {
        m_text = raw;
        return true;
    }
    m_decoded.truncate(0);
    qsizetype from = 0;
    while (amp >= 0) {
        m_decoded.append(raw.mid(from, amp - from));
        const qsizetype semi = raw.indexOf(u';', amp + 1);
        if (semi < 0 || semi - amp > 32) {
            m_pos += amp;
            fail(QStringLiteral("unterminated entity reference"));
            return false;
        }
        const QStringView ref = raw.mid(amp + 1, semi - amp - 1);
        if (ref == u"lt") {
            m_decoded.append(u'<');
        } else if (ref == u"gt") {
            m_decoded.append(u'>');
        } else if (ref == u"amp") {
            m_decoded.append(u'&');
        } else if (ref == u"quot") {
            m_decoded.append(u'"');
        } else if (ref == u"apos") {
            m_decoded.append(u'\'');
        } else if (ref.startsWith(u'#')) {
            bool ok = false;
            const uint code = ref.startsWith(u"#x") ? ref.mid(2).toUInt(&ok, 16) : ref.mid(1).toUInt(&ok, 10);
            const bool digitsOnly = ref.size() > (ref.startsWith(u"#x") ? 2 : 1) && !ref.contains(u'+')
                && !ref.contains(u'-') && !ref.contains(u' ');
            if (!ok || !digitsOnly || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
                m_pos += amp;
                fail(QStringLiteral("invalid character reference &%1;").arg(ref));
                return false;
            }
            const char32_t c = code;
            m_decoded.append(QStringView(QChar::fromUcs4(c)));
        } else {
            m_pos += amp;
            fail(QStringLiteral("undeclared entity &%1;").arg(shown(ref)));
            return false;
        }
        from = semi + 1;
        amp = raw.indexOf(u'&', from);
    }
    m_decoded.append(raw.mid(from));
    m_text = m_decoded;
    return true;
}

std::optional<XmlScanner::Token> XmlScanner::scanCdata()
{
    const QStringView buf(m_buf);
    const qsizetype end = buf.indexOf(u"]]>", m_pos);
    if (end >= 0) {
        m_text = buf.mid(m_pos, end - m_pos);
        m_pos = end + 3;
        m_inCdata = false;
        if (m_text.isEmpty())
            return std::nullopt;
        return Token::Characters;
    }
    // Hand out what cannot be part of the terminator; keep the last two characters.
    const qsizetype safe = buf.size() - 2;
    if (safe <= m_pos)
        return Token::NeedData;
    m_text = buf.mid(m_pos, safe - m_pos);
    m_pos = safe;
    return Token::Characters;
}

// Comment text is consumed as it arrives, so a long comment does not pile up.
std::optional<XmlScanner::Token> XmlScanner::scanComment()
{
    const QStringView buf(m_buf);
    const qsizetype dashes = buf.indexOf(u"--", m_pos);
    if (dashes < 0) {
        m_pos = std::max(m_pos, buf.size() - 1); // a final '-' may start "--"
        return Token::NeedData;
    }
    if (dashes + 2 >= buf.size()) {
        m_pos = dashes;
        return Token::NeedData;
    }
    if (buf.at(dashes + 2) != u'>') {
        m_pos = dashes;
        return fail(QStringLiteral("'--' is not allowed inside a comment"));
    }
    m_pos = dashes + 3;
    m_inComment = false;
    return std::nullopt;
}

std::optional<XmlScanner::Token> XmlScanner::scanMarkup()
{
    const QStringView buf(m_buf);
    const QStringView rest = buf.mid(m_pos);
    if (rest.size() < 2)
        return Token::NeedData;
    const QChar c1 = rest.at(1);
    if (c1 == u'/')
        return scanEndTag();
    if (c1 == u'?') {
        const qsizetype from = m_resume >= m_pos + 2 ? m_resume : m_pos + 2;
        const qsizetype end = buf.indexOf(u"?>", from);
        if (end < 0) {
            if (buf.size() - m_pos > kMaxTagLength)
                return fail(QStringLiteral("processing instruction longer than 1 MiB"));
            m_resume = std::max(m_pos + 2, buf.size() - 1);
            return Token::NeedData;
        }
        m_resume = -1;
        qsizetype t = m_pos + 2;
        while (t < end && isNameChar(buf.at(t)))
            ++t;
        const QStringView target = buf.mid(m_pos + 2, t - m_pos - 2);
        if (target.isEmpty())
            return fail(QStringLiteral("invalid processing instruction"));
        if (target.compare(u"xml", Qt::CaseInsensitive) == 0 && m_discarded + m_pos != 0)
            return fail(QStringLiteral("the XML declaration must be at the start of the document"));
        m_pos = end + 2;
        return std::nullopt;
    }
    if (c1 == u'!') {
        static constexpr QStringView comment = u"<!--";
        static constexpr QStringView cdata = u"<![CDATA[";
        static constexpr QStringView doctype = u"<!DOCTYPE";
        const auto prefixOf = [&rest](QStringView what) { return rest.size() < what.size() && what.startsWith(rest); };
        if (prefixOf(comment) || prefixOf(cdata) || prefixOf(doctype))
            return Token::NeedData;
        if (rest.startsWith(comment)) {
            m_pos += comment.size();
            m_inComment = true;
            return std::nullopt;
        }
        if (rest.startsWith(cdata)) {
            if (m_nameStarts.isEmpty())
                return fail(QStringLiteral("CDATA section outside the document element"));
            m_pos += cdata.size();
            m_inCdata = true;
            return scanCdata();
        }
        if (rest.startsWith(doctype))
            return fail(QStringLiteral("document type declarations are not allowed"));
        return fail(QStringLiteral("unexpected markup after '<!' (expected a comment or a CDATA section)"));
    }
    return scanStartTag();
}

XmlScanner::Token XmlScanner::scanEndTag()
{
    const QStringView buf(m_buf);
    const qsizetype gt = buf.indexOf(u'>', m_pos + 2);
    if (gt < 0) {
        if (buf.size() - m_pos > kMaxTagLength)
            return fail(QStringLiteral("end tag longer than 1 MiB"));
        return Token::NeedData;
    }
    QStringView name = buf.mid(m_pos + 2, gt - m_pos - 2);
    while (!name.isEmpty() && isSpace(name.back()))
        name.chop(1);
    if (m_nameStarts.isEmpty())
        return fail(QStringLiteral("unexpected </%1>").arg(shown(name)));
    const qsizetype start = m_nameStarts.back();
    const QStringView open = QStringView(m_nameStack).mid(start);
    if (name != open)
        return fail(QStringLiteral("expected </%1>, found </%2>").arg(open, shown(name)));
    m_nameStarts.pop_back();
    m_nameStack.truncate(start);
    m_name = name;
    m_pos = gt + 1;
    if (m_nameStarts.isEmpty())
        m_rootClosed = true;
    return Token::EndElement;
}

XmlScanner::Token XmlScanner::scanStartTag()
{
    const QStringView buf(m_buf);
    const qsizetype size = buf.size();
    // A tag cut by the end of the data resumes after its last whole attribute, with the names
    // seen so far kept in m_tag: rescanning from '<' on every piece, and comparing each name with
    // all earlier ones, made a tag with 100,000 attributes cost minutes (issue 16).
    const auto needData = [&](qsizetype resumeAt) {
        if (size - m_pos > kMaxTagLength)
            return fail(QStringLiteral("start tag longer than 1 MiB"));
        m_tag.resume = resumeAt - m_pos;
        return Token::NeedData;
    };
    const auto done = [this](Token token) {
        m_tag = {};
        return token;
    };
    qsizetype i = m_pos + 1;
    if (m_tag.resume > 0) {
        i = m_pos + m_tag.resume;
    } else {
        if (!isNameStart(buf.at(i)))
            return done(fail(QStringLiteral("invalid element name after '<'")));
        while (i < size && isNameChar(buf.at(i)))
            ++i;
        if (i >= size)
            return needData(m_pos);
        m_tag.nameEnd = i - m_pos;
    }
    const QStringView name = buf.mid(m_pos + 1, m_tag.nameEnd - 1);
    if (m_rootClosed)
        return done(fail(QStringLiteral("unexpected <%1> after the end of the document element").arg(shown(name))));
    bool empty = false;
    for (;;) {
        const qsizetype beforeSpace = i;
        while (i < size && isSpace(buf.at(i)))
            ++i;
        if (i >= size)
            return needData(beforeSpace);
        const QChar c = buf.at(i);
        if (c == u'>') {
            ++i;
            break;
        }
        if (c == u'/') {
            if (i + 1 >= size)
                return needData(beforeSpace);
            if (buf.at(i + 1) != u'>')
                return done(fail(QStringLiteral("expected '>' after '/' in <%1>").arg(shown(name))));
            i += 2;
            empty = true;
            break;
        }
        // An attribute: name = "value" (parsed for well-formedness, then ignored).
        if (i == beforeSpace || !isNameStart(c))
            return done(fail(QStringLiteral("malformed attribute in <%1>").arg(shown(name))));
        const qsizetype attributeStart = i;
        while (i < size && isNameChar(buf.at(i)))
            ++i;
        const QStringView attribute = buf.mid(attributeStart, i - attributeStart);
        while (i < size && isSpace(buf.at(i)))
            ++i;
        if (i >= size)
            return needData(beforeSpace);
        if (buf.at(i) != u'=')
            return done(fail(QStringLiteral("expected '=' after an attribute name in <%1>").arg(shown(name))));
        ++i;
        while (i < size && isSpace(buf.at(i)))
            ++i;
        if (i >= size)
            return needData(beforeSpace);
        const QChar quote = buf.at(i);
        if (quote != u'"' && quote != u'\'')
            return done(fail(QStringLiteral("attribute value without quotes in <%1>").arg(shown(name))));
        const qsizetype close = buf.indexOf(quote, i + 1);
        if (close < 0)
            return needData(beforeSpace);
        if (buf.mid(i + 1, close - i - 1).contains(u'<'))
            return done(fail(QStringLiteral("'<' in an attribute value of <%1>").arg(shown(name))));
        if (qsizetype(m_tag.attributes.size()) >= kMaxAttributes)
            return done(fail(QStringLiteral("more than %1 attributes in <%2>; oned's documents carry none")
                                 .arg(kMaxAttributes)
                                 .arg(shown(name))));
        m_tag.attributes.emplace_back(attributeStart - m_pos, attribute.size());
        i = close + 1;
    }
    if (m_tag.attributes.size() > 1) {
        // Sorted, a name given twice sits next to itself: n log n, where comparing each name
        // with every earlier one was quadratic.
        const auto view = [&](const std::pair<qsizetype, qsizetype> &a) { return buf.mid(m_pos + a.first, a.second); };
        std::sort(m_tag.attributes.begin(), m_tag.attributes.end(),
            [&](const auto &a, const auto &b) { return view(a) < view(b); });
        const auto twice = std::adjacent_find(m_tag.attributes.cbegin(), m_tag.attributes.cend(),
            [&](const auto &a, const auto &b) { return view(a) == view(b); });
        if (twice != m_tag.attributes.cend())
            return done(
                fail(QStringLiteral("attribute '%1' appears twice in <%2>").arg(shown(view(*twice)), shown(name))));
    }
    m_tag = {};
    if (m_nameStarts.size() >= kMaxDepth)
        return fail(QStringLiteral("elements nested more than %1 levels deep").arg(kMaxDepth));
    pushName(name);
    m_name = name;
    m_started = true;
    m_pos = i;
    m_pendingEnd = empty;
    return Token::StartElement;
}

} // namespace Porthole
