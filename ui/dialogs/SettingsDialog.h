// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QSettings;
class QSpinBox;

namespace Porthole {

// The user's preferences, read from and written to QSettings (never secrets).
// Keys are declared once here; the rest of the app reads them through the
// static accessors so defaults live in one place.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QSettings *settings, QWidget *parent = nullptr);

    static bool oneToOneScaling(const QSettings &settings); // default: fit to window
    static bool clipboardSync(const QSettings &settings); // default: on
    static bool grabKeyboard(const QSettings &settings); // default: off, as the console toolbar starts
    static bool reconnect(const QSettings &settings); // default: on
    static bool confirmCloseLive(const QSettings &settings); // default: on
    static int refreshInterval(const QSettings &settings); // seconds, 0 = off; default 30
    static QString language(const QSettings &settings); // "" = the system's, "en", "de", "fr"
    static QString logLevel(const QSettings &settings); // "warning", "info", "debug"

    // QLoggingCategory rules for porthole.* from the log level setting.
    static void applyLogLevel(const QString &level);

public Q_SLOTS:
    void accept() override;

private:
    QSettings *m_settings;
    QComboBox *m_scaling = nullptr;
    QCheckBox *m_clipboard = nullptr;
    QCheckBox *m_grab = nullptr;
    QCheckBox *m_reconnect = nullptr;
    QCheckBox *m_confirmClose = nullptr;
    QSpinBox *m_refresh = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_logLevel = nullptr;
};

} // namespace Porthole
