// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/dialogs/SettingsDialog.h"

#include "console/ReleaseChord.h"
#include "ui/dialogs/FormBuddies.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Porthole {

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
    const Preferences saved = Preferences::load(*settings);
    auto *layout = new QVBoxLayout(this);

    auto *consoles = new QGroupBox(tr("Consoles"));
    auto *consoleForm = new QFormLayout(consoles);
    m_scaling = new QComboBox;
    m_scaling->setObjectName(QStringLiteral("scaling"));
    m_scaling->addItem(tr("Fit to the window"), QStringLiteral("fit"));
    m_scaling->addItem(tr("1:1 (one VM pixel per screen pixel)"), QStringLiteral("one-to-one"));
    m_scaling->setCurrentIndex(saved.oneToOneScaling ? 1 : 0);
    m_scaling->setAccessibleName(tr("Default scaling"));
    consoleForm->addRow(tr("Default &scaling:"), m_scaling);
    m_clipboard = new QCheckBox(tr("Share the &clipboard with the VM"));
    m_clipboard->setObjectName(QStringLiteral("clipboardSync"));
    m_clipboard->setChecked(saved.clipboardSync);
    consoleForm->addRow(m_clipboard);
    m_grab = new QCheckBox(tr("Send system &keys (Alt+Tab, Super) to the VM while it has focus"));
    m_grab->setToolTip(
        tr("Each console's Grab keyboard button starts this way; %1 lets go").arg(QStringLiteral("Ctrl+Alt+G")));
    m_grab->setObjectName(QStringLiteral("grabKeyboard"));
    m_grab->setChecked(saved.grabKeyboard);
    consoleForm->addRow(m_grab);
    m_releaseChord = new QComboBox;
    m_releaseChord->setObjectName(QStringLiteral("releaseChord"));
    m_releaseChord->setAccessibleName(tr("Keys that give the keyboard back to Porthole"));
    m_releaseChord->setToolTip(tr("A console takes every key while it has focus; pressing and releasing these "
                                  "together gives the keyboard back to Porthole's own shortcuts"));
    for (const QString &choice : ReleaseChord::choices())
        m_releaseChord->addItem(ReleaseChord::fromText(choice)->displayText(), choice);
    m_releaseChord->setCurrentIndex(qMax(0, m_releaseChord->findData(saved.releaseChord)));
    consoleForm->addRow(tr("Keyboard &back to Porthole:"), m_releaseChord);
    m_reconnect = new QCheckBox(tr("&Reconnect automatically when a console drops"));
    m_reconnect->setObjectName(QStringLiteral("reconnect"));
    m_reconnect->setChecked(saved.reconnect);
    consoleForm->addRow(m_reconnect);
    m_confirmClose = new QCheckBox(tr("&Ask before closing a connected console"));
    m_confirmClose->setObjectName(QStringLiteral("confirmClose"));
    m_confirmClose->setChecked(saved.confirmCloseLive);
    consoleForm->addRow(m_confirmClose);
    layout->addWidget(consoles);

    auto *picture = new QGroupBox(tr("Picture"));
    auto *pictureForm = new QFormLayout(picture);
    // A level from 0 to 9, as RFB's quality and compression pseudo-encodings have them.
    const auto level = [pictureForm](const QString &name, int value, const QString &toolTip, const QString &accessible,
                           const QString &label) {
        auto *box = new QSpinBox;
        box->setObjectName(name);
        box->setRange(0, 9);
        box->setValue(value);
        box->setToolTip(toolTip);
        box->setAccessibleName(accessible);
        pictureForm->addRow(label, box);
        return box;
    };
    m_quality = level(QStringLiteral("jpegQuality"), saved.jpegQuality,
        tr("0 is the smallest, 9 the sharpest picture (Tight encoding)"), tr("JPEG quality"), tr("JPEG &quality:"));
    m_compression = level(QStringLiteral("compressLevel"), saved.compressLevel,
        tr("0 is the fastest, 9 the smallest on the network"), tr("Compression"), tr("Co&mpression:"));
    m_encodings = new QLineEdit(QString::fromLatin1(saved.encodings));
    m_encodings->setObjectName(QStringLiteral("encodings"));
    m_encodings->setPlaceholderText(QString::fromLatin1(Preferences().encodings));
    m_encodings->setToolTip(tr("The encodings to ask the server for, preferred first, separated by spaces"));
    m_encodings->setAccessibleName(tr("Preferred encodings"));
    pictureForm->addRow(tr("Preferred &encodings:"), m_encodings);
    auto *pictureNote = new QLabel(tr("Consoles opened from now on use these."));
    pictureNote->setWordWrap(true);
    pictureForm->addRow(pictureNote);
    layout->addWidget(picture);

    auto *general = new QGroupBox(tr("General"));
    auto *generalForm = new QFormLayout(general);
    m_refresh = new QSpinBox;
    m_refresh->setObjectName(QStringLiteral("refreshInterval"));
    m_refresh->setRange(0, 3600);
    m_refresh->setSuffix(tr(" s"));
    m_refresh->setSpecialValueText(tr("Off"));
    m_refresh->setValue(saved.refreshInterval);
    m_refresh->setAccessibleName(tr("Refresh the VM list every"));
    generalForm->addRow(tr("Refresh the VM list e&very:"), m_refresh);
    m_language = new QComboBox;
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("The system's language"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(saved.language)));
    m_language->setAccessibleName(tr("Language"));
    generalForm->addRow(tr("&Language:"), m_language);
    m_logLevel = new QComboBox;
    m_logLevel->setObjectName(QStringLiteral("logLevel"));
    m_logLevel->addItem(tr("Warnings and errors"), QStringLiteral("warning"));
    m_logLevel->addItem(tr("Information"), QStringLiteral("info"));
    m_logLevel->addItem(tr("Debugging (secrets stay redacted)"), QStringLiteral("debug"));
    m_logLevel->setCurrentIndex(qMax(0, m_logLevel->findData(saved.logLevel)));
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
    // Rows whose field is a layout: their labels get a buddy, so no literal '&' is drawn.
    FormBuddies::attach(this);
}

Preferences SettingsDialog::preferences() const
{
    Preferences p;
    p.oneToOneScaling = m_scaling->currentData().toString() == QLatin1String("one-to-one");
    p.clipboardSync = m_clipboard->isChecked();
    p.grabKeyboard = m_grab->isChecked();
    p.releaseChord = m_releaseChord->currentData().toString();
    p.reconnect = m_reconnect->isChecked();
    p.confirmCloseLive = m_confirmClose->isChecked();
    p.jpegQuality = m_quality->value();
    p.compressLevel = m_compression->value();
    p.encodings = m_encodings->text().simplified().toLatin1();
    if (p.encodings.isEmpty())
        p.encodings = Preferences().encodings;
    p.refreshInterval = m_refresh->value();
    p.language = m_language->currentData().toString();
    p.logLevel = m_logLevel->currentData().toString();
    return p;
}

void SettingsDialog::accept()
{
    const Preferences p = preferences();
    p.save(*m_settings);
    applyLogLevel(p.logLevel);
    QDialog::accept();
}

} // namespace Porthole
