// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QTextEdit>

namespace Porthole {

// A failure's text in a dialog: read-only, selectable (to paste into a ticket), wrapped
// anywhere (a 95-character fingerprint has no space to break at), and as tall as its
// text up to maxLines, then scrolling. It has no height-for-width on purpose: Qt's layouts
// give such a widget its height-for-width before the fixed rows their size, and a long
// error in a word-wrapped QLabel squeezed the sign-in form's rows to slivers.
class ErrorDetails : public QTextEdit
{
    Q_OBJECT
public:
    explicit ErrorDetails(QWidget *parent = nullptr);

    void setMessage(const QString &text);
    QString message() const { return toPlainText(); }
    bool isScrollable() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // The text's height at the current width, at most lines lines.
    int heightFor(int lines) const;

    static constexpr int kMaxLines = 6; // shown before it scrolls
    static constexpr int kMinLines = 3; // when the window is at its minimum size
    int m_hintedWidth = -1;
};

} // namespace Porthole
