// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/dialogs/SettingsDialog.h"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QLoggingCategory>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>

using namespace Porthole;

TEST(SettingsDialog, DefaultsThenSavesWhatTheUserChose)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"porthole.conf"_qs), QSettings::IniFormat);
    EXPECT_FALSE(SettingsDialog::oneToOneScaling(settings));
    EXPECT_TRUE(SettingsDialog::clipboardSync(settings));
    EXPECT_TRUE(SettingsDialog::reconnect(settings));
    EXPECT_EQ(SettingsDialog::refreshInterval(settings), 30);
    EXPECT_EQ(SettingsDialog::language(settings), QString());

    SettingsDialog dialog(&settings);
    dialog.findChild<QComboBox *>(u"scaling"_qs)->setCurrentIndex(1);
    dialog.findChild<QCheckBox *>(u"clipboardSync"_qs)->setChecked(false);
    dialog.findChild<QCheckBox *>(u"reconnect"_qs)->setChecked(false);
    dialog.findChild<QSpinBox *>(u"refreshInterval"_qs)->setValue(0);
    auto *language = dialog.findChild<QComboBox *>(u"language"_qs);
    language->setCurrentIndex(language->findData(u"de"_qs));
    auto *log = dialog.findChild<QComboBox *>(u"logLevel"_qs);
    log->setCurrentIndex(log->findData(u"debug"_qs));
    dialog.accept();

    EXPECT_TRUE(SettingsDialog::oneToOneScaling(settings));
    EXPECT_FALSE(SettingsDialog::clipboardSync(settings));
    EXPECT_FALSE(SettingsDialog::reconnect(settings));
    EXPECT_EQ(SettingsDialog::refreshInterval(settings), 0);
    EXPECT_EQ(SettingsDialog::language(settings), u"de"_qs);
    EXPECT_EQ(SettingsDialog::logLevel(settings), u"debug"_qs);
    EXPECT_TRUE(QLoggingCategory("porthole.ui").isDebugEnabled());
    SettingsDialog::applyLogLevel(u"warning"_qs);
    EXPECT_FALSE(QLoggingCategory("porthole.ui").isDebugEnabled());

    // A second dialog shows the saved choices.
    SettingsDialog again(&settings);
    EXPECT_EQ(again.findChild<QComboBox *>(u"scaling"_qs)->currentIndex(), 1);
    EXPECT_EQ(again.findChild<QSpinBox *>(u"refreshInterval"_qs)->value(), 0);
    EXPECT_EQ(again.findChild<QComboBox *>(u"language"_qs)->currentData().toString(), u"de"_qs);
}
