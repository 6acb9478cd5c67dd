// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/XmlTree.h"

#include "cloud/XmlScanner.h"

namespace Porthole {

const XmlTree::Node *XmlTree::Node::child(QStringView childName) const
{
    for (const Node &c : children) {
        if (c.name == childName)
            return &c;
    }
    return nullptr;
}

QList<const XmlTree::Node *> XmlTree::Node::childrenNamed(QStringView childName) const
{
    QList<const Node *> out;
    for (const Node &c : children) {
        if (c.name == childName)
            out << &c;
    }
    return out;
}

QString XmlTree::Node::value(QStringView childName) const
{
    const Node *c = child(childName);
    return c ? c->text : QString();
}

qint64 XmlTree::Node::number(QStringView childName, qint64 fallback) const
{
    const Node *c = child(childName);
    if (!c)
        return fallback;
    bool ok = false;
    const qint64 n = QStringView(c->text).trimmed().toLongLong(&ok);
    return ok ? n : fallback;
}

std::optional<XmlTree::Node> XmlTree::parse(QStringView document, QString *error, int maxDepth, qsizetype maxNodes)
{
    XmlScanner scanner;
    scanner.addData(document);
    Node root;
    QList<Node *> stack;
    qsizetype nodes = 0;
    const auto failed = [&](const QString &message) -> std::optional<Node> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    while (true) {
        switch (scanner.next()) {
        case XmlScanner::Token::StartElement: {
            if (++nodes > maxNodes)
                return failed(QStringLiteral("more than %1 elements").arg(maxNodes));
            if (stack.size() >= maxDepth)
                return failed(QStringLiteral("elements nest deeper than %1").arg(maxDepth));
            if (stack.isEmpty()) {
                root.name = scanner.name().toString();
                stack.append(&root);
            } else {
                Node *parent = stack.back();
                parent->children.append(Node {scanner.name().toString(), {}, {}});
                stack.append(&parent->children.back());
            }
            break;
        }
        case XmlScanner::Token::EndElement:
            if (!stack.isEmpty())
                stack.removeLast();
            break;
        case XmlScanner::Token::Characters:
            if (!stack.isEmpty())
                stack.back()->text.append(scanner.text());
            break;
        case XmlScanner::Token::Error:
            return failed(scanner.errorString());
        case XmlScanner::Token::NeedData:
            if (!scanner.documentElementClosed() || scanner.hasPendingInput())
                return failed(scanner.started() ? QStringLiteral("the document ended early")
                                                : QStringLiteral("the document is empty"));
            return root;
        }
    }
}

} // namespace Porthole
