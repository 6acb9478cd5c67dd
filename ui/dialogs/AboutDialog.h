// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

namespace Porthole {

// Product name, versions of Qt and libvncclient, and the licence.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace Porthole
