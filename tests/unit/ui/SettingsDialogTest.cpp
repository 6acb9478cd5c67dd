// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/dialogs/SettingsDialog.h"

#include "ui/app/Preferences.h"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>

using namespace Porthole;

TEST(Preferences, DefaultsFromAnEmptyFileThenRoundTrip)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"porthole.conf"_qs), QSettings::IniFormat);
    const Preferences defaults = Preferences::load(settings);
    EXPECT_EQ(defaults, Preferences());
    EXPECT_FALSE(defaults.oneToOneScaling);
    EXPECT_TRUE(defaults.clipboardSync);
    EXPECT_FALSE(defaults.grabKeyboard);
    EXPECT_EQ(defaults.releaseChord, u"Ctrl+Alt"_qs);
    EXPECT_TRUE(defaults.reconnect);
    EXPECT_TRUE(defaults.confirmCloseLive);
    EXPECT_EQ(defaults.refreshInterval, 30);
    EXPECT_EQ(defaults.language, QString());
    EXPECT_EQ(defaults.logLevel, u"warning"_qs);
    // The picture defaults are the session's own.
    EXPECT_EQ(defaults.jpegQuality, RfbSession::Options().jpegQuality);
    EXPECT_EQ(defaults.compressLevel, RfbSession::Options().compressLevel);
    EXPECT_EQ(defaults.encodings, RfbSession::Options().encodings);

    Preferences changed;
    changed.oneToOneScaling = true;
    changed.clipboardSync = false;
    changed.grabKeyboard = true;
    changed.releaseChord = u"Ctrl+Shift"_qs;
    changed.reconnect = false;
    changed.confirmCloseLive = false;
    changed.jpegQuality = 9;
    changed.compressLevel = 0;
    changed.encodings = "zrle raw";
    changed.refreshInterval = 5;
    changed.language = u"fr"_qs;
    changed.logLevel = u"info"_qs;
    changed.save(settings);
    QSettings reread(dir.filePath(u"porthole.conf"_qs), QSettings::IniFormat);
    EXPECT_EQ(Preferences::load(reread), changed);
    // The keys of earlier versions stay.
    EXPECT_EQ(reread.value(u"console/scaling"_qs).toString(), u"one-to-one"_qs);
    EXPECT_EQ(reread.value(u"refreshInterval"_qs).toInt(), 5);
}

TEST(Preferences, OutOfRangeValuesAreBounded)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"porthole.conf"_qs), QSettings::IniFormat);
    settings.setValue(u"console/jpegQuality"_qs, 42);
    settings.setValue(u"console/compressLevel"_qs, -3);
    settings.setValue(u"console/encodings"_qs, u"  "_qs);
    settings.setValue(u"refreshInterval"_qs, 99999);
    settings.setValue(u"console/releaseChord"_qs, u"Ctrl+Q"_qs); // not a modifier chord
    const Preferences p = Preferences::load(settings);
    EXPECT_EQ(p.releaseChord, u"Ctrl+Alt"_qs);
    EXPECT_EQ(p.jpegQuality, 9);
    EXPECT_EQ(p.compressLevel, 0);
    EXPECT_EQ(p.encodings, Preferences().encodings);
    EXPECT_EQ(p.refreshInterval, 3600);
}

TEST(Preferences, PictureSettingsReachTheSessionOptions)
{
    Preferences p;
    p.jpegQuality = 1;
    p.compressLevel = 8;
    p.encodings = "hextile raw";
    RfbSession::Options given;
    given.password = u"secret"_qs;
    given.wssCaFile = u"/ca.pem"_qs;
    const RfbSession::Options options = p.applyTo(given);
    EXPECT_EQ(options.jpegQuality, 1);
    EXPECT_EQ(options.compressLevel, 8);
    EXPECT_EQ(options.encodings, QByteArray("hextile raw"));
    EXPECT_EQ(options.password, std::optional<QString>(u"secret"_qs)) << "the rest stays";
    EXPECT_EQ(options.wssCaFile, u"/ca.pem"_qs);
}

TEST(SettingsDialog, DefaultsThenSavesWhatTheUserChose)
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"porthole.conf"_qs), QSettings::IniFormat);

    SettingsDialog dialog(&settings);
    EXPECT_EQ(dialog.preferences(), Preferences()) << "an empty file shows the defaults";
    dialog.findChild<QComboBox *>(u"scaling"_qs)->setCurrentIndex(1);
    dialog.findChild<QCheckBox *>(u"clipboardSync"_qs)->setChecked(false);
    dialog.findChild<QCheckBox *>(u"reconnect"_qs)->setChecked(false);
    dialog.findChild<QSpinBox *>(u"refreshInterval"_qs)->setValue(0);
    dialog.findChild<QSpinBox *>(u"jpegQuality"_qs)->setValue(2);
    dialog.findChild<QSpinBox *>(u"compressLevel"_qs)->setValue(7);
    dialog.findChild<QLineEdit *>(u"encodings"_qs)->setText(u" zrle   raw "_qs);
    auto *language = dialog.findChild<QComboBox *>(u"language"_qs);
    language->setCurrentIndex(language->findData(u"de"_qs));
    auto *log = dialog.findChild<QComboBox *>(u"logLevel"_qs);
    log->setCurrentIndex(log->findData(u"debug"_qs));
    dialog.accept();

    const Preferences saved = Preferences::load(settings);
    EXPECT_TRUE(saved.oneToOneScaling);
    EXPECT_FALSE(saved.clipboardSync);
    EXPECT_FALSE(saved.reconnect);
    EXPECT_EQ(saved.refreshInterval, 0);
    EXPECT_EQ(saved.jpegQuality, 2);
    EXPECT_EQ(saved.compressLevel, 7);
    EXPECT_EQ(saved.encodings, QByteArray("zrle raw"));
    EXPECT_EQ(saved.language, u"de"_qs);
    EXPECT_EQ(saved.logLevel, u"debug"_qs);
    EXPECT_TRUE(QLoggingCategory("porthole.ui").isDebugEnabled());
    SettingsDialog::applyLogLevel(u"warning"_qs);
    EXPECT_FALSE(QLoggingCategory("porthole.ui").isDebugEnabled());

    // A second dialog shows the saved choices.
    SettingsDialog again(&settings);
    EXPECT_EQ(again.preferences(), saved);
    EXPECT_EQ(again.findChild<QComboBox *>(u"scaling"_qs)->currentIndex(), 1);
    EXPECT_EQ(again.findChild<QSpinBox *>(u"jpegQuality"_qs)->value(), 2);
    EXPECT_EQ(again.findChild<QComboBox *>(u"language"_qs)->currentData().toString(), u"de"_qs);
}
