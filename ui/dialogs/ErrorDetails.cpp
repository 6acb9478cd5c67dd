// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/dialogs/ErrorDetails.h"

#include <QResizeEvent>
#include <QScrollBar>
#include <QTextDocument>

#include <cmath>
#include <memory>

namespace Porthole {

ErrorDetails::ErrorDetails(QWidget *parent)
    : QTextEdit(parent)
{
    setReadOnly(true);
    setAcceptRichText(false);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
}

void ErrorDetails::setMessage(const QString &text)
{
    setPlainText(text);
    updateGeometry();
}

int ErrorDetails::heightFor(int lines) const
{
    const int width = m_hintedWidth > 0 ? m_hintedWidth : QTextEdit::sizeHint().width();
    // Measured on a copy: laying out the shown document at another width would move its text.
    // The frame, a style sheet's padding and the scroll bar are around the text.
    const QMargins around = contentsMargins() + viewportMargins();
    std::unique_ptr<QTextDocument> copy(document()->clone());
    copy->setDefaultFont(font());
    copy->setTextWidth(std::max(1, width - around.left() - around.right() - verticalScrollBar()->sizeHint().width()));
    const int margins = int(2 * copy->documentMargin());
    const int text = int(std::ceil(copy->size().height()));
    return std::min(text, lines * fontMetrics().lineSpacing() + margins) + around.top() + around.bottom();
}

QSize ErrorDetails::sizeHint() const
{
    return {QTextEdit::sizeHint().width(), heightFor(kMaxLines)};
}

QSize ErrorDetails::minimumSizeHint() const
{
    return {QTextEdit::minimumSizeHint().width(), heightFor(kMinLines)};
}

void ErrorDetails::resizeEvent(QResizeEvent *event)
{
    QTextEdit::resizeEvent(event);
    // The hint depends on the width the layout gave; only the height follows from it.
    if (event->size().width() != m_hintedWidth) {
        m_hintedWidth = event->size().width();
        updateGeometry();
    }
}

bool ErrorDetails::isScrollable() const
{
    return verticalScrollBar()->maximum() > 0;
}

} // namespace Porthole
