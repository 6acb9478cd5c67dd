// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/dialogs/ShortcutsDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Porthole {

namespace {

QTreeWidgetItem *sectionItem(QTreeWidget *tree, const QString &title)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(0) == title)
            return tree->topLevelItem(i);
    }
    auto *item = new QTreeWidgetItem(tree, {title});
    QFont bold = item->font(0);
    bold.setBold(true);
    item->setFont(0, bold);
    item->setExpanded(true);
    return item;
}

} // namespace

ShortcutsDialog::ShortcutsDialog(QWidget *parent)
    : QDialog(parent)
    , m_tree(new QTreeWidget)
{
    setWindowTitle(tr("Keyboard shortcuts"));
    m_tree->setObjectName(QStringLiteral("shortcuts"));
    m_tree->setHeaderLabels({tr("Action"), tr("Keys")});
    m_tree->setRootIsDecorated(false);
    m_tree->header()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tree);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 480);
}

void ShortcutsDialog::addSection(const QString &title, const QList<QAction *> &actions)
{
    QStringList seen;
    for (const QAction *action : actions) {
        const QList<QKeySequence> keys = action->shortcuts();
        QString text = action->text();
        text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
        text.remove(QStringLiteral("…"));
        if (keys.isEmpty() || text.isEmpty())
            continue;
        QStringList names;
        for (const QKeySequence &key : keys)
            names << key.toString(QKeySequence::NativeText);
        const QString line = text + u'\t' + names.join(QStringLiteral(", "));
        if (seen.contains(line))
            continue;
        seen << line;
        addLine(title, text, names.join(QStringLiteral(", ")));
    }
}

void ShortcutsDialog::addLine(const QString &section, const QString &what, const QString &keys)
{
    new QTreeWidgetItem(sectionItem(m_tree, section), {what, keys});
    m_tree->expandAll();
    m_tree->resizeColumnToContents(0);
}

} // namespace Porthole
