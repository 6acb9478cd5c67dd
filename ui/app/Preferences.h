// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "console/RfbSession.h"

#include <QByteArray>
#include <QString>

class QSettings;

namespace Porthole {

class ConsoleWindow;

// The user's preferences (never secrets), declared once: the QSettings keys and
// defaults live in load() and save() only. SettingsDialog edits them; MainWindow,
// DesktopApp and every console (also those of porthole --connect) read them.
struct Preferences
{
    // Consoles
    bool oneToOneScaling = false; // default: fit to the window
    bool clipboardSync = true;
    bool grabKeyboard = false; // as the console toolbar starts
    QString releaseChord = QStringLiteral("Ctrl+Alt"); // gives the keyboard back to Porthole (ReleaseChord)
    bool reconnect = true;
    bool confirmCloseLive = true;
    // Picture, sent to the server as RFB encodings (see RfbSession::Options)
    int jpegQuality = RfbSession::Options().jpegQuality; // 0-9
    int compressLevel = RfbSession::Options().compressLevel; // 0-9
    QByteArray encodings = RfbSession::Options().encodings; // preferred first, space separated
    // General
    int refreshInterval = 30; // seconds, 0 = off
    QString language; // "" = the system's, "en", "de", "fr"
    QString logLevel = QStringLiteral("warning"); // "warning", "info", "debug"

    static Preferences load(const QSettings &settings);
    void save(QSettings &settings) const;

    // The picture settings put into options (password, CA files stay as they are).
    RfbSession::Options applyTo(RfbSession::Options options) const;
    // Scaling, clipboard, keyboard grab and reconnect of a console just made.
    void applyTo(ConsoleWindow *console) const;

    bool operator==(const Preferences &) const = default;
};

} // namespace Porthole
