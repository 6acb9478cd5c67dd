// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/dialogs/AboutDialog.h"

#include "base/BuildInfo.h"
#include "console/RfbSession.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QVBoxLayout>

namespace Porthole {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Porthole"));
    auto *layout = new QVBoxLayout(this);
    auto *text = new QLabel(tr("<h3>Porthole</h3><p>VM consoles for OpenNebula clouds, without Sunstone.</p>"
                               "<p>%1</p><p>Licensed under the GNU GPL, version 2 or later.</p>")
                                .arg(buildDescription({RfbSession::libraryVersion()}).toHtmlEscaped()),
        this);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace Porthole
