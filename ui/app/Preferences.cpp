// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/app/Preferences.h"

#include "console/ReleaseChord.h"
#include "ui/console/ConsoleView.h"
#include "ui/console/ConsoleWindow.h"

#include <QAction>
#include <QSettings>

namespace Porthole {

namespace {
const QString kScaling = QStringLiteral("console/scaling");
const QString kClipboard = QStringLiteral("console/clipboardSync");
const QString kGrab = QStringLiteral("console/grabKeyboard");
const QString kReleaseChord = QStringLiteral("console/releaseChord");
const QString kReconnect = QStringLiteral("console/reconnect");
const QString kQuality = QStringLiteral("console/jpegQuality");
const QString kCompression = QStringLiteral("console/compressLevel");
const QString kEncodings = QStringLiteral("console/encodings");
const QString kConfirmClose = QStringLiteral("confirmCloseLive");
const QString kRefresh = QStringLiteral("refreshInterval");
const QString kLanguage = QStringLiteral("language");
const QString kLogLevel = QStringLiteral("logLevel");
} // namespace

Preferences Preferences::load(const QSettings &s)
{
    const Preferences d;
    Preferences p;
    p.oneToOneScaling = s.value(kScaling).toString() == QLatin1String("one-to-one");
    p.clipboardSync = s.value(kClipboard, d.clipboardSync).toBool();
    p.grabKeyboard = s.value(kGrab, d.grabKeyboard).toBool();
    p.releaseChord = s.value(kReleaseChord, d.releaseChord).toString();
    if (!ReleaseChord::fromText(p.releaseChord))
        p.releaseChord = d.releaseChord;
    p.reconnect = s.value(kReconnect, d.reconnect).toBool();
    p.confirmCloseLive = s.value(kConfirmClose, d.confirmCloseLive).toBool();
    p.jpegQuality = qBound(0, s.value(kQuality, d.jpegQuality).toInt(), 9);
    p.compressLevel = qBound(0, s.value(kCompression, d.compressLevel).toInt(), 9);
    p.encodings = s.value(kEncodings, QString::fromLatin1(d.encodings)).toString().simplified().toLatin1();
    if (p.encodings.isEmpty())
        p.encodings = d.encodings;
    p.refreshInterval = qBound(0, s.value(kRefresh, d.refreshInterval).toInt(), 3600);
    p.language = s.value(kLanguage, d.language).toString();
    p.logLevel = s.value(kLogLevel, d.logLevel).toString();
    return p;
}

void Preferences::save(QSettings &s) const
{
    s.setValue(kScaling, oneToOneScaling ? QStringLiteral("one-to-one") : QStringLiteral("fit"));
    s.setValue(kClipboard, clipboardSync);
    s.setValue(kGrab, grabKeyboard);
    s.setValue(kReleaseChord, releaseChord);
    s.setValue(kReconnect, reconnect);
    s.setValue(kConfirmClose, confirmCloseLive);
    s.setValue(kQuality, jpegQuality);
    s.setValue(kCompression, compressLevel);
    s.setValue(kEncodings, QString::fromLatin1(encodings));
    s.setValue(kRefresh, refreshInterval);
    s.setValue(kLanguage, language);
    s.setValue(kLogLevel, logLevel);
    s.sync();
}

RfbSession::Options Preferences::applyTo(RfbSession::Options options) const
{
    options.jpegQuality = jpegQuality;
    options.compressLevel = compressLevel;
    options.encodings = encodings;
    return options;
}

void Preferences::applyTo(ConsoleWindow *console) const
{
    if (QAction *oneToOne = console->action(QStringLiteral("actionOneToOne")))
        oneToOne->setChecked(oneToOneScaling);
    if (QAction *clipboard = console->action(QStringLiteral("actionClipboardSync")))
        clipboard->setChecked(clipboardSync);
    if (QAction *grab = console->action(QStringLiteral("actionGrabKeyboard")))
        grab->setChecked(grabKeyboard);
    console->view()->setReleaseChord(ReleaseChord::fromText(releaseChord).value_or(ReleaseChord()));
    if (!reconnect) {
        // Runs after the window's own handler has scheduled its retry.
        QObject::connect(
            console->session(), &RfbSession::errorOccurred, console, [console] { console->cancelReconnect(); });
    }
}

} // namespace Porthole
