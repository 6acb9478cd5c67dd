// SPDX-License-Identifier: GPL-2.0-or-later
#include "xmlrpc/XmlRpcReader.h"

#include <QDateTime>
#include <QStringDecoder>

#include <algorithm>

namespace Porthole {
namespace {

enum class Tag
{
    MethodCall,
    MethodName,
    MethodResponse,
    Params,
    Param,
    Fault,
    Value,
    Array,
    Data,
    Struct,
    Member,
    Name,
    String,
    Int,
    I8,
    Boolean,
    Double,
    Base64,
    DateTime,
    Nil,
    Unknown
};

Tag tagFor(QStringView qualifiedName)
{
    // xmlrpc-c writes extensions with a prefix (<ex:i8>, <ex:nil/>) that is not always declared,
    // so names are matched without namespace processing and without their prefix.
    const qsizetype colon = qualifiedName.indexOf(u':');
    const QStringView name = colon < 0 ? qualifiedName : qualifiedName.mid(colon + 1);
    static const std::pair<QStringView, Tag> table[] = {
        {u"value", Tag::Value},
        {u"string", Tag::String},
        {u"member", Tag::Member},
        {u"name", Tag::Name},
        {u"int", Tag::Int},
        {u"i4", Tag::Int},
        {u"i8", Tag::I8},
        {u"boolean", Tag::Boolean},
        {u"struct", Tag::Struct},
        {u"array", Tag::Array},
        {u"data", Tag::Data},
        {u"double", Tag::Double},
        {u"nil", Tag::Nil},
        {u"base64", Tag::Base64},
        {u"dateTime.iso8601", Tag::DateTime},
        {u"param", Tag::Param},
        {u"params", Tag::Params},
        {u"fault", Tag::Fault},
        {u"methodName", Tag::MethodName},
        {u"methodCall", Tag::MethodCall},
        {u"methodResponse", Tag::MethodResponse},
    };
    for (const auto &[text, tag] : table) {
        if (name == text)
            return tag;
    }
    return Tag::Unknown;
}

bool isScalar(Tag tag)
{
    return tag >= Tag::String && tag <= Tag::Nil;
}

bool allowedInside(Tag parent, Tag child)
{
    switch (parent) {
    case Tag::MethodCall:
        return child == Tag::MethodName || child == Tag::Params;
    case Tag::MethodResponse:
        return child == Tag::Params || child == Tag::Fault;
    case Tag::Params:
        return child == Tag::Param;
    case Tag::Param:
    case Tag::Fault:
    case Tag::Data:
        return child == Tag::Value;
    case Tag::Value:
        return isScalar(child) || child == Tag::Array || child == Tag::Struct;
    case Tag::Array:
        return child == Tag::Data;
    case Tag::Struct:
        return child == Tag::Member;
    case Tag::Member:
        return child == Tag::Name || child == Tag::Value;
    default:
        return false;
    }
}

constexpr size_t kMaxDepth = 64;
// QXmlStreamReader decodes all the data it is given at once, and hands out a text
// node whole however the input was chunked: slicing both ways keeps memory bounded.
constexpr qsizetype kSlice = 64 * 1024;
constexpr qsizetype kStreamedHead = 4096;

struct Frame
{
    Tag tag;
    QVariant value; // Value: the finished value; Member: the member's value
    bool typed = false; // Value: a typed child was seen (else the text is an untyped string)
    QVariantList list; // Array
    QVariantMap map; // Struct
    QString name; // Member
};

bool isXmlSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Whether bytes that arrive in pieces are UTF-8, a character cut between two pieces included.
class Utf8Checker
{
public:
    bool add(QByteArrayView bytes)
    {
        if (!m_carry.isEmpty()) {
            // Complete the character the last piece began.
            const qsizetype need = std::min(bytes.size(), sequenceLength(uchar(m_carry[0])) - m_carry.size());
            m_carry.append(bytes.first(need));
            bytes = bytes.sliced(need);
            if (m_carry.size() < sequenceLength(uchar(m_carry[0])))
                return true; // still not whole
            if (!QByteArrayView(m_carry).isValidUtf8())
                return false;
            m_carry.clear();
        }
        // A character begun in the last three bytes and not finished waits for the next piece.
        qsizetype tail = bytes.size();
        for (qsizetype i = bytes.size() - 1; i >= 0 && i >= bytes.size() - 3; --i) {
            const uchar c = uchar(bytes[i]);
            if ((c & 0xC0) == 0x80)
                continue; // a continuation byte: its lead is further back
            if (c >= 0xC0 && sequenceLength(c) > bytes.size() - i)
                tail = i;
            break;
        }
        m_carry = bytes.sliced(tail).toByteArray();
        return bytes.first(tail).isValidUtf8();
    }

    bool atCharacterEnd() const { return m_carry.isEmpty(); }

private:
    // How many bytes a sequence with this lead byte has (1 for a byte no sequence starts with:
    // isValidUtf8() refuses it).
    static qsizetype sequenceLength(uchar lead)
    {
        if (lead >= 0xF0)
            return 4;
        if (lead >= 0xE0)
            return 3;
        if (lead >= 0xC0)
            return 2;
        return 1;
    }

    QByteArray m_carry;
};

} // namespace

struct XmlRpcReader::Private
{
    Kind kind;
    QXmlStreamReader xml;
    std::vector<Frame> stack;
    QString text;
    bool collecting = false;
    bool streaming = false;
    int resultIndex = 0;
    int sinkIndex = -1;
    TextSink sink;
    bool done = false;
    QString error;
    bool endedEarly = false;
    bool epilogueUnfinished = false; // after the document, QXmlStreamReader waits for more
    bool trailingText = false; // not only white space given to it since it said the document ended

    // The streamed result string is not given to QXmlStreamReader, which would hold
    // it whole as one token: its raw bytes are unescaped here as they arrive.
    QByteArray raw; // bytes given to neither parser yet
    qsizetype rawPos = 0;
    qint64 rawBase = 0; // where raw starts in the body
    qint64 bytesFedToXml = 0;
    bool rawMode = false; // inside the streamed string
    bool inCdata = false;
    bool sinkDone = false;
    int brackets = 0; // ']' just before, in text outside CDATA ("]]>" is not allowed there)
    QStringDecoder utf8 {QStringDecoder::Utf8};
    QByteArray head; // the document's first two bytes, for refusedBytes()
    Utf8Checker utf8Checker;

    QString methodName;
    QVariantList params;
    bool fault = false;
    QVariant faultValue;

    void fail(const QString &message)
    {
        if (error.isEmpty()) {
            error = QStringLiteral("line %1, column %2: %3").arg(xml.lineNumber()).arg(xml.columnNumber()).arg(message);
        }
    }

    void process(bool ending);
    QString refusedBytes(QByteArrayView chunk);
    bool armed() const;
    void scanRaw();
    void emitRaw(QByteArrayView bytes, QByteArray &out);
    void run();
    void epilogue();
    bool allowedText(QStringView chars);
    void startElement();
    void endElement();
    void characters();
    void streamText(QStringView text);
    QVariant scalar(Tag tag);
    void deliver(const QVariant &value);
    bool atResultString() const;
    void checkDocument();
};

XmlRpcReader::XmlRpcReader(Kind kind)
    : d(std::make_unique<Private>())
{
    d->kind = kind;
    d->xml.setNamespaceProcessing(false);
    d->stack.reserve(16);
}

XmlRpcReader::~XmlRpcReader() = default;

void XmlRpcReader::streamResultArrayString(int index, TextSink sink)
{
    d->sinkIndex = index;
    d->sink = std::move(sink);
}

void XmlRpcReader::addData(const QByteArray &chunk)
{
    if (!d->error.isEmpty())
        return;
    if (const QString refused = d->refusedBytes(chunk); !refused.isEmpty()) {
        d->fail(refused);
        return;
    }
    d->raw.append(chunk);
    d->process(false);
}

bool XmlRpcReader::finish()
{
    if (d->error.isEmpty() && d->kind == Kind::Response && !d->utf8Checker.atCharacterEnd()) {
        d->endedEarly = true;
        d->fail(QStringLiteral("the answer ends inside a UTF-8 character: it was cut off"));
    }
    if (d->error.isEmpty())
        d->process(true);
    // QXmlStreamReader waits for more after a text it got alone (a ',' fed after the document
    // had ended) where it refuses the same text that came with the document: the body is over.
    if (d->error.isEmpty() && d->done && d->epilogueUnfinished && d->trailingText)
        d->fail(QStringLiteral("content after the end of the document"));
    if (d->error.isEmpty() && !d->done) {
        d->endedEarly = d->rawMode || d->xml.error() == QXmlStreamReader::PrematureEndOfDocumentError
            || d->stack.size() > 0 || d->xml.tokenType() == QXmlStreamReader::NoToken;
        d->fail(d->endedEarly ? QStringLiteral("the document ends early: it is empty or was cut off")
                              : QStringLiteral("no XML-RPC document found"));
    }
    return d->error.isEmpty();
}

bool XmlRpcReader::endedEarly() const
{
    return d->endedEarly;
}

bool XmlRpcReader::hasError() const
{
    return !d->error.isEmpty();
}
QString XmlRpcReader::errorString() const
{
    return d->error;
}
QString XmlRpcReader::methodName() const
{
    return d->methodName;
}
const QVariantList &XmlRpcReader::params() const
{
    return d->params;
}
bool XmlRpcReader::isFault() const
{
    return d->fault;
}
int XmlRpcReader::faultCode() const
{
    return d->faultValue.toMap().value(QStringLiteral("faultCode")).toInt();
}

QString XmlRpcReader::faultString() const
{
    return d->faultValue.toMap().value(QStringLiteral("faultString")).toString();
}

QVariant XmlRpcReader::value() const
{
    return d->params.value(0);
}

std::unique_ptr<XmlRpcReader> XmlRpcReader::parse(Kind kind, const QByteArray &document)
{
    auto reader = std::make_unique<XmlRpcReader>(kind);
    reader->addData(document);
    reader->finish();
    return reader;
}

QString XmlRpcReader::Private::refusedBytes(QByteArrayView chunk)
{
    // UTF-16 (told by its byte order mark; without one, by its zero bytes below) is read
    // differently by QXmlStreamReader when it arrives in pieces. Answers are UTF-8; XML-RPC
    // clients send calls in UTF-8 or an 8-bit encoding.
    const bool headKnown = head.size() == 2;
    head.append(chunk.first(std::min(chunk.size(), 2 - head.size())));
    if (!headKnown && (head == "\xFE\xFF" || head == "\xFF\xFE"))
        return QStringLiteral("the document is in UTF-16; XML-RPC is read in UTF-8 or an 8-bit encoding");
    // XML allows no NUL anywhere, and QXmlStreamReader drops one silently in places (after "]]"
    // in text), so a document holding one would read differently however it was cut.
    if (chunk.contains('\0'))
        return QStringLiteral("the document holds a NUL byte, which XML does not allow");
    // Answers are UTF-8. QXmlStreamReader judges a byte it cannot decode by when it gets it (one
    // after the document passes when it comes alone), so an answer's bytes are checked here.
    if (kind == Kind::Response && !utf8Checker.add(chunk))
        return QStringLiteral("the answer is not valid UTF-8");
    return QString();
}

bool XmlRpcReader::Private::armed() const
{
    // Only the envelope's first bytes are fed one at a time; oned's result string
    // starts within ~200 bytes. Past 64 KiB the plain (buffering) path takes over.
    return sink && !sinkDone && bytesFedToXml < kSlice;
}

void XmlRpcReader::Private::process(bool ending)
{
    while (error.isEmpty() && rawPos < raw.size()) {
        if (rawMode) {
            const qsizetype before = rawPos;
            scanRaw();
            if (rawMode && rawPos == before)
                break; // an entity or marker continues in the next chunk
            continue;
        }
        // QXmlStreamReader gets the same pieces however the body was cut into reads: it judges
        // a piece by what it holds (bytes it cannot decode fail it before the elements in front
        // of them are read). Byte by byte while armed, so that the result string's start tag is
        // reported exactly where it ends (QXmlStreamReader reports it at its '>'); otherwise up
        // to the next multiple of kSlice in the body, the rest when the body ends.
        const qint64 at = rawBase + rawPos;
        const qint64 blockEnd = armed() ? at + 1 : (at / kSlice + 1) * kSlice;
        const qsizetype available = raw.size() - rawPos;
        if (available < blockEnd - at && !ending)
            break;
        const qsizetype size = qsizetype(std::min<qint64>(blockEnd - at, available));
        const QByteArrayView block = QByteArrayView(raw).sliced(rawPos, size);
        const bool wasDone = done;
        xml.addData(block.toByteArray());
        rawPos += size;
        bytesFedToXml += size;
        if (wasDone && !trailingText)
            trailingText = std::any_of(block.cbegin(), block.cend(), [](char c) { return !isXmlSpace(c); });
        run();
        // After the root element: QXmlStreamReader judges the rest, fed as the rest was. What
        // came with the end tag is not known to be white space until it says the document ended.
        if (done) {
            trailingText = trailingText || !wasDone;
            epilogue();
        }
    }
    rawBase += rawPos;
    raw.remove(0, rawPos);
    rawPos = 0;
}

void XmlRpcReader::Private::epilogue()
{
    // Only white space, comments and processing instructions may follow the root element.
    while (error.isEmpty()) {
        switch (xml.readNext()) {
        case QXmlStreamReader::Invalid:
            if (xml.error() != QXmlStreamReader::PrematureEndOfDocumentError)
                fail(xml.errorString());
            epilogueUnfinished = true;
            return;
        case QXmlStreamReader::EndDocument:
            epilogueUnfinished = false;
            trailingText = false;
            return;
        case QXmlStreamReader::Comment:
        case QXmlStreamReader::ProcessingInstruction:
            break;
        case QXmlStreamReader::Characters:
            if (!xml.isWhitespace())
                fail(QStringLiteral("content after the end of the document"));
            break;
        default:
            fail(QStringLiteral("content after the end of the document"));
            return;
        }
    }
}

void XmlRpcReader::Private::emitRaw(QByteArrayView bytes, QByteArray &out)
{
    // XML turns CR LF and lone CR in text into LF; keep to that.
    if (!bytes.contains('\r')) {
        out.append(bytes);
        return;
    }
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c != '\r') {
            out.append(c);
            continue;
        }
        out.append('\n');
        if (i + 1 < bytes.size() && bytes[i + 1] == '\n')
            ++i;
    }
}

void XmlRpcReader::Private::scanRaw()
{
    QByteArray out; // unescaped UTF-8 of this pass
    const QByteArrayView data(raw);
    qsizetype pos = rawPos;
    const qsizetype size = data.size();
    const qsizetype end = std::min(size, rawPos + kSlice); // a bounded piece per pass
    auto starts = [&](qsizetype at, QByteArrayView marker) { return data.sliced(at).startsWith(marker); };
    while (pos < end && error.isEmpty()) {
        if (inCdata) {
            const qsizetype close = data.indexOf("]]>", pos);
            if (close < 0 || close > end) {
                qsizetype safe = std::max(pos, std::min(end, size - 2)); // "]]" may end this chunk
                if (safe > pos && data[safe - 1] == '\r')
                    --safe; // its LF may come next: one line break either way
                emitRaw(data.sliced(pos, safe - pos), out);
                pos = safe;
                break;
            }
            // XML ends lines in CDATA as in text: CR LF and a lone CR become LF.
            emitRaw(data.sliced(pos, close - pos), out);
            pos = close + 3;
            inCdata = false;
            continue;
        }
        const char c = data[pos];
        if (c == '&') {
            const qsizetype semicolon = data.indexOf(';', pos);
            if (semicolon < 0 || semicolon - pos > 12) {
                if (semicolon < 0 && size - pos <= 12)
                    break; // the entity continues in the next chunk
                fail(QStringLiteral("a malformed entity in the result string"));
                break;
            }
            const QByteArrayView name = data.sliced(pos + 1, semicolon - pos - 1);
            if (name == "lt") {
                out.append('<');
            } else if (name == "gt") {
                out.append('>');
            } else if (name == "amp") {
                out.append('&');
            } else if (name == "quot") {
                out.append('"');
            } else if (name == "apos") {
                out.append('\'');
            } else if (name.startsWith('#')) {
                bool ok = false;
                const uint code
                    = name.startsWith("#x") ? name.sliced(2).toUInt(&ok, 16) : name.sliced(1).toUInt(&ok, 10);
                if (!ok || code == 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
                    fail(QStringLiteral("an invalid character reference &%1;").arg(QString::fromLatin1(name)));
                    break;
                }
                const char32_t character = code;
                out.append(QString::fromUcs4(&character, 1).toUtf8());
            } else {
                fail(QStringLiteral("unknown entity &%1;").arg(QString::fromLatin1(name)));
                break;
            }
            pos = semicolon + 1;
            brackets = 0;
        } else if (c == '<') {
            if (size - pos < 9)
                break; // too short to tell a CDATA section from the end tag yet
            if (starts(pos, "<![CDATA[")) {
                inCdata = true;
                brackets = 0;
                pos += 9;
            } else if (starts(pos, "</")) {
                rawMode = false; // the end tag goes back to QXmlStreamReader
                sinkDone = true;
                break;
            } else {
                fail(QStringLiteral("markup inside the result string"));
                break;
            }
        } else {
            qsizetype next = pos;
            while (next < end && data[next] != '&' && data[next] != '<')
                ++next;
            if (next == end && data[next - 1] == '\r') { // keep a CR LF pair in one piece
                if (end < size && data[end] == '\n')
                    ++next;
                else if (end == size && next - 1 > pos)
                    --next; // its LF may arrive with the next chunk
                else if (end == size)
                    break;
            }
            // XML allows "]]>" only as the end of a CDATA section; QXmlStreamReader refuses it.
            for (qsizetype i = pos; i < next; ++i) {
                if (data[i] == ']') {
                    brackets = std::min(brackets + 1, 2);
                    continue;
                }
                if (data[i] == '>' && brackets == 2) {
                    fail(QStringLiteral("']]>' in the result string outside a CDATA section"));
                    break;
                }
                brackets = 0;
            }
            if (!error.isEmpty())
                break;
            emitRaw(data.sliced(pos, next - pos), out);
            pos = next;
        }
    }
    rawPos = pos;
    // addData() has refused an answer that is not UTF-8; a character cut between two passes
    // waits in the stateful decoder.
    const QString decoded = utf8.decode(out);
    if (!allowedText(decoded))
        return;
    if (text.size() < kStreamedHead)
        text += QStringView(decoded).left(kStreamedHead - text.size());
    streamText(decoded);
}

void XmlRpcReader::Private::run()
{
    while (error.isEmpty() && !done) {
        switch (xml.readNext()) {
        case QXmlStreamReader::StartElement:
            startElement();
            break;
        case QXmlStreamReader::EndElement:
            endElement();
            break;
        case QXmlStreamReader::Characters:
            characters();
            break;
        case QXmlStreamReader::DTD:
            fail(QStringLiteral("document type declarations are not allowed in XML-RPC"));
            break;
        case QXmlStreamReader::EntityReference:
            fail(QStringLiteral("unknown entity &%1;").arg(xml.name()));
            break;
        case QXmlStreamReader::StartDocument:
            // The streamed result string is read as UTF-8 itself: an answer declared in another
            // encoding would read differently streamed and whole. oned answers in UTF-8; calls (to
            // the console gateway, from PHP's xmlrpc in ISO-8859-1 too) are read as declared.
            if (const QStringView encoding = xml.documentEncoding();
                kind == Kind::Response && !encoding.isEmpty() && encoding.compare(u"UTF-8", Qt::CaseInsensitive) != 0)
                fail(QStringLiteral("the document is declared in %1; XML-RPC answers are read as UTF-8")
                         .arg(encoding.left(40)));
            break;
        case QXmlStreamReader::Invalid:
            // More data may complete the document; anything else is final.
            if (xml.error() != QXmlStreamReader::PrematureEndOfDocumentError)
                fail(xml.errorString());
            return;
        default: // StartDocument, comments, processing instructions
            break;
        }
    }
}

void XmlRpcReader::Private::startElement()
{
    const QStringView qname = xml.qualifiedName();
    const Tag tag = tagFor(qname);
    if (stack.empty()) {
        const Tag root = kind == Kind::Call ? Tag::MethodCall : Tag::MethodResponse;
        if (tag != root) {
            fail(QStringLiteral("expected <%1>, found <%2>")
                     .arg(kind == Kind::Call ? QStringLiteral("methodCall") : QStringLiteral("methodResponse"), qname));
            return;
        }
    } else if (!allowedInside(stack.back().tag, tag)) {
        fail(QStringLiteral("<%1> is not allowed here").arg(qname));
        return;
    } else if (stack.size() >= kMaxDepth) {
        fail(QStringLiteral("values are nested more than %1 levels deep").arg(kMaxDepth));
        return;
    }

    if (tag == Tag::Value || isScalar(tag) || tag == Tag::Name || tag == Tag::MethodName) {
        if (isScalar(tag)) {
            if (stack.back().typed) {
                fail(QStringLiteral("a <value> holds more than one value"));
                return;
            }
            stack.back().typed = true;
            streaming = tag == Tag::String && sink && atResultString();
            // Fed byte by byte, the reader stands right after this start tag: scan the raw text from here.
            rawMode = streaming && armed();
        }
        text.clear();
        collecting = true;
    } else {
        if (tag == Tag::Array || tag == Tag::Struct) {
            if (stack.back().typed) {
                fail(QStringLiteral("a <value> holds more than one value"));
                return;
            }
            stack.back().typed = true;
        }
        collecting = false;
    }
    stack.push_back(Frame {tag, {}, false, {}, {}, {}});
}

bool XmlRpcReader::Private::atResultString() const
{
    // methodResponse > params > param > value > array > data > value > string
    return stack.size() == 7 && stack[0].tag == Tag::MethodResponse && stack[4].tag == Tag::Array
        && stack[5].tag == Tag::Data && resultIndex == sinkIndex;
}

bool XmlRpcReader::Private::allowedText(QStringView chars)
{
    // The characters XML 1.0 allows: no C0 control but tab, LF and CR (a VM name with ESC would
    // reach a terminal), no U+FFFE/U+FFFF. QXmlStreamReader lets a raw NUL through, so the plain
    // path checks as the streamed one does.
    const auto forbidden = std::find_if(chars.cbegin(), chars.cend(), [](QChar ch) {
        const char16_t u = ch.unicode();
        return (u < 0x20 && u != u'\t' && u != u'\n' && u != u'\r') || u == 0xFFFE || u == 0xFFFF;
    });
    if (forbidden == chars.cend())
        return true;
    fail(QStringLiteral("the result string holds U+%1, which XML does not allow")
             .arg(forbidden->unicode(), 4, 16, QLatin1Char('0')));
    return false;
}

void XmlRpcReader::Private::characters()
{
    if (collecting) {
        if (streaming) {
            // The head stays in the value: on failure oned puts its message in this very string.
            if (text.size() < kStreamedHead)
                text += xml.text().left(kStreamedHead - text.size());
            streamText(xml.text());
        } else if (allowedText(xml.text())) {
            text += xml.text();
        }
    } else if (!xml.isWhitespace()) {
        fail(QStringLiteral("unexpected text \"%1\"").arg(xml.text().left(40)));
    }
}

void XmlRpcReader::Private::streamText(QStringView all)
{
    while (!all.isEmpty()) {
        qsizetype size = std::min(all.size(), kSlice);
        if (size < all.size() && all[size - 1].isHighSurrogate())
            --size; // never split a surrogate pair between two pieces
        sink(all.first(size));
        all = all.sliced(size);
    }
}

QVariant XmlRpcReader::Private::scalar(Tag tag)
{
    const QString trimmed = text.trimmed();
    bool ok = true;
    QVariant result;
    switch (tag) {
    case Tag::String:
        return text;
    case Tag::Int:
        result = trimmed.toInt(&ok);
        break;
    case Tag::I8:
        result = trimmed.toLongLong(&ok);
        break;
    case Tag::Boolean:
        ok = trimmed == u"0" || trimmed == u"1";
        result = trimmed == u"1";
        break;
    case Tag::Double:
        result = trimmed.toDouble(&ok);
        break;
    case Tag::Base64: {
        auto decoded = QByteArray::fromBase64Encoding(trimmed.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        ok = bool(decoded);
        result = decoded.decoded;
        break;
    }
    case Tag::DateTime: {
        QDateTime when = QDateTime::fromString(trimmed, QStringLiteral("yyyyMMdd'T'HH:mm:ss"));
        if (!when.isValid())
            when = QDateTime::fromString(trimmed, Qt::ISODate);
        ok = when.isValid();
        result = when;
        break;
    }
    case Tag::Nil:
        ok = trimmed.isEmpty();
        break;
    default:
        break;
    }
    if (!ok)
        fail(QStringLiteral("\"%1\" is not a valid <%2>").arg(trimmed.left(40), xml.qualifiedName()));
    return result;
}

void XmlRpcReader::Private::endElement()
{
    Frame frame = std::move(stack.back());
    stack.pop_back();
    Frame *parent = stack.empty() ? nullptr : &stack.back();

    if (isScalar(frame.tag)) {
        parent->value = scalar(frame.tag);
        streaming = false;
        collecting = false;
        return;
    }
    switch (frame.tag) {
    case Tag::Value:
        if (!frame.typed)
            frame.value = text; // an untyped <value> is a string
        collecting = false;
        if (parent->tag == Tag::Data && stack.size() == 6 && stack[0].tag == Tag::MethodResponse)
            ++resultIndex;
        deliver(frame.value);
        break;
    case Tag::Array:
        parent->value = std::move(frame.list);
        break;
    case Tag::Struct:
        parent->value = std::move(frame.map);
        break;
    case Tag::Member:
        if (frame.name.isNull())
            fail(QStringLiteral("a struct <member> has no <name>"));
        else
            parent->map.insert(frame.name, frame.value);
        break;
    case Tag::Name:
        parent->name = text;
        collecting = false;
        break;
    case Tag::MethodName:
        methodName = text.trimmed();
        collecting = false;
        break;
    case Tag::MethodCall:
    case Tag::MethodResponse:
        done = true;
        checkDocument();
        break;
    default:
        break;
    }
}

void XmlRpcReader::Private::deliver(const QVariant &value)
{
    Frame &parent = stack.back();
    switch (parent.tag) {
    case Tag::Data:
        stack[stack.size() - 2].list.append(value);
        break;
    case Tag::Member:
        parent.value = value;
        break;
    case Tag::Param:
        params.append(value);
        break;
    case Tag::Fault:
        fault = true;
        faultValue = value;
        break;
    default:
        break;
    }
}

void XmlRpcReader::Private::checkDocument()
{
    if (kind == Kind::Call) {
        if (methodName.isEmpty())
            fail(QStringLiteral("the call has no <methodName>"));
        return;
    }
    if (fault) {
        const QVariantMap map = faultValue.toMap();
        if (faultValue.typeId() != QMetaType::QVariantMap || !map.contains(QStringLiteral("faultCode"))
            || !map.contains(QStringLiteral("faultString")))
            fail(QStringLiteral("the <fault> lacks faultCode or faultString"));
    } else if (params.size() != 1) {
        fail(QStringLiteral("a response holds exactly one <param>, this one has %1").arg(params.size()));
    }
}

} // namespace Porthole
