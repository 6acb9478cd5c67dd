// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/dialogs/SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLoggingCategory>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Porthole {

namespace {
const QString kScaling = QStringLiteral("console/scaling");
const QString kClipboard = QStringLiteral("console/clipboardSync");
const QString kGrab = QStringLiteral("console/grabKeyboard");
const QString kReconnect = QStringLiteral("console/reconnect");
const QString kConfirmClose = QStringLiteral("confirmCloseLive");
const QString kRefresh = QStringLiteral("refreshInterval");
const QString kLanguage = QStringLiteral("language");
const QString kLogLevel = QStringLiteral("logLevel");
} // namespace

bool SettingsDialog::oneToOneScaling(const QSettings &s)
{
    return s.value(kScaling).toString() == QLatin1String("one-to-one");
}
bool SettingsDialog::clipboardSync(const QSettings &s)
{
    return s.value(kClipboard, true).toBool();
}
bool SettingsDialog::grabKeyboard(const QSettings &s)
{
    return s.value(kGrab, false).toBool();
}
bool SettingsDialog::reconnect(const QSettings &s)
{
    return s.value(kReconnect, true).toBool();
}
bool SettingsDialog::confirmCloseLive(const QSettings &s)
{
    return s.value(kConfirmClose, true).toBool();
}
int SettingsDialog::refreshInterval(const QSettings &s)
{
    return qBound(0, s.value(kRefresh, 30).toInt(), 3600);
}
QString SettingsDialog::language(const QSettings &s)
{
    return s.value(kLanguage).toString();
}
QString SettingsDialog::logLevel(const QSettings &s)
{
    return s.value(kLogLevel, QStringLiteral("warning")).toString();
}

void SettingsDialog::applyLogLevel(const QString &level)
{
    // Info is on by default per category; "warning" turns it off for porthole.*.
    if (level == QLatin1String("debug"))
        QLoggingCategory::setFilterRules(QStringLiteral("porthole.*.debug=true\nporthole.*.info=true"));
    else if (level == QLatin1String("info"))
        QLoggingCategory::setFilterRules(QStringLiteral("porthole.*.debug=false\nporthole.*.info=true"));
    else
        QLoggingCategory::setFilterRules(QStringLiteral("porthole.*.debug=false\nporthole.*.info=false"));
}

SettingsDialog::SettingsDialog(QSettings *settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
{
    setWindowTitle(tr("Settings"));
    auto *layout = new QVBoxLayout(this);

    auto *consoles = new QGroupBox(tr("Consoles"));
    auto *consoleForm = new QFormLayout(consoles);
    m_scaling = new QComboBox;
    m_scaling->setObjectName(QStringLiteral("scaling"));
    m_scaling->addItem(tr("Fit to the window"), QStringLiteral("fit"));
    m_scaling->addItem(tr("1:1 (one VM pixel per screen pixel)"), QStringLiteral("one-to-one"));
    m_scaling->setCurrentIndex(oneToOneScaling(*settings) ? 1 : 0);
    m_scaling->setAccessibleName(tr("Default scaling"));
    consoleForm->addRow(tr("Default &scaling:"), m_scaling);
    m_clipboard = new QCheckBox(tr("Share the &clipboard with the VM"));
    m_clipboard->setObjectName(QStringLiteral("clipboardSync"));
    m_clipboard->setChecked(clipboardSync(*settings));
    consoleForm->addRow(m_clipboard);
    m_grab = new QCheckBox(tr("Send system &keys (Alt+Tab, Super) to the VM while it has focus"));
    m_grab->setToolTip(tr("Each console's Grab keyboard button starts this way; %1 lets go").arg(QStringLiteral("Ctrl+Alt+G")));
    m_grab->setObjectName(QStringLiteral("grabKeyboard"));
    m_grab->setChecked(grabKeyboard(*settings));
    consoleForm->addRow(m_grab);
    m_reconnect = new QCheckBox(tr("&Reconnect automatically when a console drops"));
    m_reconnect->setObjectName(QStringLiteral("reconnect"));
    m_reconnect->setChecked(reconnect(*settings));
    consoleForm->addRow(m_reconnect);
    m_confirmClose = new QCheckBox(tr("&Ask before closing a connected console"));
    m_confirmClose->setObjectName(QStringLiteral("confirmClose"));
    m_confirmClose->setChecked(confirmCloseLive(*settings));
    consoleForm->addRow(m_confirmClose);
    layout->addWidget(consoles);

    auto *general = new QGroupBox(tr("General"));
    auto *generalForm = new QFormLayout(general);
    m_refresh = new QSpinBox;
    m_refresh->setObjectName(QStringLiteral("refreshInterval"));
    m_refresh->setRange(0, 3600);
    m_refresh->setSuffix(tr(" s"));
    m_refresh->setSpecialValueText(tr("Off"));
    m_refresh->setValue(refreshInterval(*settings));
    m_refresh->setAccessibleName(tr("Refresh the VM list every"));
    generalForm->addRow(tr("Refresh the VM list &every:"), m_refresh);
    m_language = new QComboBox;
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("The system's language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(language(*settings))));
    m_language->setAccessibleName(tr("Language"));
    generalForm->addRow(tr("&Language:"), m_language);
    m_logLevel = new QComboBox;
    m_logLevel->setObjectName(QStringLiteral("logLevel"));
    m_logLevel->addItem(tr("Warnings and errors"), QStringLiteral("warning"));
    m_logLevel->addItem(tr("Information"), QStringLiteral("info"));
    m_logLevel->addItem(tr("Debugging (secrets stay redacted)"), QStringLiteral("debug"));
    m_logLevel->setCurrentIndex(qMax(0, m_logLevel->findData(logLevel(*settings))));
    m_logLevel->setAccessibleName(tr("Log level"));
    generalForm->addRow(tr("Lo&g level:"), m_logLevel);
    auto *note = new QLabel(tr("A new language takes effect when Porthole starts again."));
    note->setWordWrap(true);
    generalForm->addRow(note);
    layout->addWidget(general);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    layout->addWidget(buttons);
}

void SettingsDialog::accept()
{
    m_settings->setValue(kScaling, m_scaling->currentData());
    m_settings->setValue(kClipboard, m_clipboard->isChecked());
    m_settings->setValue(kGrab, m_grab->isChecked());
    m_settings->setValue(kReconnect, m_reconnect->isChecked());
    m_settings->setValue(kConfirmClose, m_confirmClose->isChecked());
    m_settings->setValue(kRefresh, m_refresh->value());
    m_settings->setValue(kLanguage, m_language->currentData());
    m_settings->setValue(kLogLevel, m_logLevel->currentData());
    m_settings->sync();
    applyLogLevel(logLevel(*m_settings));
    QDialog::accept();
}

} // namespace Porthole
