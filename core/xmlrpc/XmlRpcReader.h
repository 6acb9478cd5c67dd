// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QVariant>
#include <QXmlStreamReader>

#include <functional>
#include <memory>
#include <vector>

namespace Porthole {

// Incremental XML-RPC parser for <methodCall> and <methodResponse> documents.
// Values become QVariants (see XmlRpcWriter for the mapping; <i4>/<int> → int,
// <i8>/<ex:i8> → qlonglong, an untyped <value>text</value> → QString).
//
// Data may arrive in chunks (addData) straight from the network. A document
// type declaration is refused: XML-RPC never needs one, and it is how entity
// expansion attacks arrive.
class XmlRpcReader
{
public:
    enum class Kind
    {
        Call,
        Response
    };
    using TextSink = std::function<void(QStringView chunk)>;

    explicit XmlRpcReader(Kind kind);
    ~XmlRpcReader();

    // oned returns pool documents as the 2nd element of the result array, and
    // they can be hundreds of megabytes. A sink set here receives that string's
    // text piece by piece instead of it being kept; the value keeps only the first
    // 4096 characters (enough for an error message in the same place).
    void streamResultArrayString(int index, TextSink sink);

    void addData(const QByteArray &chunk);
    // Call once all data was added; false when the document is incomplete or invalid.
    bool finish();

    bool hasError() const;
    QString errorString() const; // "line 3, column 7: expected <value>, found <foo>"
    // The error is that the document stopped before its end (a body cut off), not bad content.
    bool endedEarly() const;

    // Call
    QString methodName() const;
    const QVariantList &params() const;
    // Response
    bool isFault() const;
    int faultCode() const;
    QString faultString() const;
    QVariant value() const; // the response's single param

    // Convenience for a document that is already complete.
    static std::unique_ptr<XmlRpcReader> parse(Kind kind, const QByteArray &document);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace Porthole
