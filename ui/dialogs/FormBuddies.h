// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

class QWidget;

namespace Porthole {

// QFormLayout gives a row's label a buddy only when the field is a widget. A field that is
// a layout (a line edit with its Browse… button) leaves the label without one, and Qt then
// draws its mnemonic marker as a literal '&' ("C&A file:"). attach() gives each such label
// the first widget of its row that takes focus, so the mnemonic works and is drawn right.
class FormBuddies
{
public:
    static void attach(QWidget *root);
};

} // namespace Porthole
