// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "ui/app/Preferences.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSettings;
class QSpinBox;

namespace Porthole {

// Edits the user's Preferences, read from and written to QSettings.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QSettings *settings, QWidget *parent = nullptr);

    // What the dialog shows now (saved by accept()).
    Preferences preferences() const;

    // QLoggingCategory rules for porthole.* from the log level setting.
    static void applyLogLevel(const QString &level);

public Q_SLOTS:
    void accept() override;

private:
    QSettings *m_settings;
    QComboBox *m_scaling = nullptr;
    QCheckBox *m_clipboard = nullptr;
    QCheckBox *m_grab = nullptr;
    QComboBox *m_releaseChord = nullptr;
    QCheckBox *m_reconnect = nullptr;
    QCheckBox *m_confirmClose = nullptr;
    QSpinBox *m_refresh = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_logLevel = nullptr;
    QSpinBox *m_quality = nullptr;
    QSpinBox *m_compression = nullptr;
    QLineEdit *m_encodings = nullptr;
};

} // namespace Porthole
