// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>
#include <QStringView>
#include <QVarLengthArray>

#include <optional>
#include <utility>
#include <vector>

namespace Porthole {

// A small, strict, incremental pull scanner for the XML documents oned puts
// inside its XML-RPC strings (VM pools can be hundreds of megabytes).
//
// Why not QXmlStreamReader: on a 10,000-VM pool it spends ~85 MB/s, more than
// the whole parse budget, and it converts everything through UTF-8 again. This
// scanner works on the UTF-16 text as the XML-RPC reader hands it out, returns
// views into its buffer (no copy unless an entity has to be decoded) and keeps
// only the unconsumed tail of the input.
//
// What it checks: tags nest and match, names are names, attributes are
// name="value" pairs (then ignored), text outside the document element is
// whitespace, one document element, entity references are the five XML ones
// or character references. Comments, processing instructions and the XML
// declaration are skipped; CDATA sections become text. A DOCTYPE is refused,
// which also keeps entity expansion out. Not done: \r\n normalisation and the
// XML 1.0 character-range check (neither matters for oned's output).
class XmlScanner
{
public:
    enum class Token : quint8
    {
        NeedData, // add more data (or finish())
        StartElement, // name()
        EndElement, // name(); also sent right after the start of <empty/>
        Characters, // text(): decoded; one text node may arrive in several pieces
        Error, // errorString()
    };

    // Views returned by name() and text() stay valid until the next call of
    // next() or addData().
    void addData(QStringView data);
    Token next();

    QStringView name() const { return m_name; }
    QStringView text() const { return m_text; }
    int depth() const { return int(m_nameStarts.size()); }
    bool started() const { return m_started; }
    bool documentElementClosed() const { return m_rootClosed; }
    // True when nothing but a partial token is waiting for data.
    bool hasPendingInput() const { return m_pos < m_buf.size() || m_inCdata || m_inComment; }

    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; } // "line 3, column 7: ..."
    // Raises an error at the current position (used by callers for content errors).
    void raiseError(const QString &message);
    qint64 lineNumber() const; // 1-based
    qint64 columnNumber() const; // characters before the position on its line

private:
    // std::nullopt: something was skipped, scan on.
    std::optional<Token> scanText();
    std::optional<Token> scanMarkup();
    std::optional<Token> scanCdata();
    std::optional<Token> scanComment();
    Token scanEndTag();
    Token scanStartTag();
    bool decodeText(QStringView raw);
    Token fail(const QString &message);
    void pushName(QStringView name);

    QString m_buf;
    qsizetype m_pos = 0;
    qsizetype m_resume = -1; // where the search for "?>" may continue
    qint64 m_discarded = 0; // characters removed from the front of m_buf
    qint64 m_lineBase = 1; // line number of m_buf[0]
    qint64 m_lineStart = 0; // absolute offset where that line starts

    // A start tag that needed more data: where to go on (from its '<'; 0: from the start), where
    // its name ends, and the attribute names it had (for the duplicate check).
    struct UnfinishedTag
    {
        qsizetype resume = 0;
        qsizetype nameEnd = 0;
        // Where each whole attribute's name starts and ends, from the tag's '<': names are
        // compared once, sorted, when the tag is complete.
        std::vector<std::pair<qsizetype, qsizetype>> attributes;
    };
    UnfinishedTag m_tag;
    QString m_nameStack; // open element names, back to back
    QVarLengthArray<qsizetype, 32> m_nameStarts;
    qsizetype m_deferredTruncate = -1;
    QString m_decoded;
    QStringView m_name;
    QStringView m_text;
    bool m_pendingEnd = false;
    bool m_inCdata = false;
    bool m_inComment = false;
    bool m_started = false;
    bool m_rootClosed = false;
    QString m_error;
};

} // namespace Porthole
