// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace Porthole {

// A small element tree read with XmlScanner, for documents that are read whole and looked at
// in many places (one VM's one.vm.info body for the details panel). Text is the element's own
// text (CDATA included); attributes are dropped, as oned writes none.
class XmlTree
{
public:
    struct Node
    {
        QString name;
        QString text;
        QList<Node> children;

        // The first child with that name, or null.
        const Node *child(QStringView childName) const;
        // Every child with that name, in document order.
        QList<const Node *> childrenNamed(QStringView childName) const;
        // The text of the first child with that name (empty when there is none).
        QString value(QStringView childName) const;
        qint64 number(QStringView childName, qint64 fallback = 0) const;
    };

    // Nesting beyond maxDepth or more than maxNodes elements is refused: a VM body is a few
    // hundred elements, and the tree must not grow without bound on a hostile answer.
    static std::optional<Node> parse(
        QStringView document, QString *error = nullptr, int maxDepth = 64, qsizetype maxNodes = 200000);
};

} // namespace Porthole
