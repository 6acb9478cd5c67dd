// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTreeWidget;

namespace Porthole {

// Help → Keyboard shortcuts: built from the actions themselves (their text and shortcuts,
// in the user's language and the platform's key names), so the list never drifts from
// what the keys do. Sections are added by the window that opens it.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget *parent = nullptr);

    // Every action of the list that has a shortcut, under title.
    void addSection(const QString &title, const QList<QAction *> &actions);
    // A line that is no action (the console's chords).
    void addLine(const QString &section, const QString &what, const QString &keys);
    QTreeWidget *tree() const { return m_tree; }

private:
    QTreeWidget *m_tree;
};

} // namespace Porthole
