// SPDX-License-Identifier: GPL-2.0-or-later
#include "HeadlessNoVnc.h"

#include "ProxyTestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QWebSocket>

#include <csignal>
#include <unistd.h>

namespace PortholeTest {

QString noVncStatusInChromium(const QString &pageUrl, int timeoutMs, QString *skipReason)
{
    const QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
    if (chromium.isEmpty() || !QFileInfo::exists(QStringLiteral("/usr/share/novnc/vnc_lite.html"))) {
        *skipReason = QStringLiteral("chromium or novnc is not installed (installer/debian-deps.sh installs both)");
        return {};
    }
    QTemporaryDir profile;
    const QString page = pageUrl;
    QProcess browser;
    browser.setProcessChannelMode(QProcess::MergedChannels);
    // Chromium puts its singleton socket in a directory of $TMPDIR (org.chromium.Chromium.XXXXXX)
    // and leaves it there when stopped: inside the profile it goes with the profile.
    const QString temporary = profile.filePath(QStringLiteral("tmp"));
    QDir().mkpath(temporary);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TMPDIR"), temporary);
    browser.setProcessEnvironment(environment);
    // Its own process group, so the renderer and zygote helpers can be stopped with it.
    browser.setChildProcessModifier([] { ::setsid(); });
    browser.start(chromium,
        {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"), QStringLiteral("--disable-gpu"),
            QStringLiteral("--disable-quic"), QStringLiteral("--no-first-run"),
            QStringLiteral("--disable-background-networking"), QStringLiteral("--disable-component-update"),
            QStringLiteral("--disable-sync"), QStringLiteral("--remote-allow-origins=*"),
            QStringLiteral("--remote-debugging-port=0"), QStringLiteral("--user-data-dir=") + profile.path(), page});
    auto stopBrowser = qScopeGuard([&] {
        const pid_t group = pid_t(browser.processId());
        if (group > 0) {
            ::kill(-group, SIGTERM);
            if (!waitUntil([&] { return ::kill(-group, 0) != 0; }, 20000))
                ::kill(-group, SIGKILL);
            waitUntil([&] { return ::kill(-group, 0) != 0; }, 10000);
        }
        browser.waitForFinished(10000);
        profile.remove();
    });

    // Chromium writes the port it picked into the profile.
    QByteArray activePort;
    waitUntil(
        [&] {
            QFile f(profile.filePath(QStringLiteral("DevToolsActivePort")));
            if (f.open(QIODevice::ReadOnly))
                activePort = f.readLine().trimmed();
            return !activePort.isEmpty() || browser.state() == QProcess::NotRunning;
        },
        60000);
    if (activePort.isEmpty())
        return {};

    QNetworkAccessManager network;
    QString debuggerUrl;
    const bool listed = waitUntil(
        [&] {
            QNetworkReply *reply = network.get(QNetworkRequest(
                QUrl(QStringLiteral("http://127.0.0.1:%1/json/list").arg(QString::fromLatin1(activePort)))));
            if (!waitUntil([&] { return reply->isFinished(); }, 10000)) {
                reply->abort();
            }
            const QJsonArray targets = QJsonDocument::fromJson(reply->readAll()).array();
            reply->deleteLater();
            for (const QJsonValue &t : targets) {
                const QJsonObject o = t.toObject();
                if (o.value(QLatin1String("type")).toString() == QLatin1String("page")
                    && o.value(QLatin1String("url")).toString().contains(QLatin1String("vnc_lite")))
                    debuggerUrl = o.value(QLatin1String("webSocketDebuggerUrl")).toString();
            }
            return !debuggerUrl.isEmpty();
        },
        60000);
    if (!listed)
        return {};

    QWebSocket devtools;
    QString status;
    int nextId = 1;
    bool pending = false;
    QObject::connect(&devtools, &QWebSocket::textMessageReceived, [&](const QString &message) {
        const QJsonObject reply = QJsonDocument::fromJson(message.toUtf8()).object();
        const QJsonValue value = reply.value(QLatin1String("result"))
                                     .toObject()
                                     .value(QLatin1String("result"))
                                     .toObject()
                                     .value(QLatin1String("value"));
        if (value.isString())
            status = value.toString();
        pending = false;
    });
    devtools.open(QUrl(debuggerUrl));
    if (!waitUntil([&] { return devtools.state() == QAbstractSocket::ConnectedState; }))
        return {};
    waitUntil(
        [&] {
            const QJsonObject call {{QStringLiteral("id"), nextId++},
                {QStringLiteral("method"), QStringLiteral("Runtime.evaluate")},
                {QStringLiteral("params"),
                    QJsonObject {
                        {QStringLiteral("expression"), QStringLiteral("document.getElementById('status').textContent")},
                        {QStringLiteral("returnByValue"), true}}}};
            // One question at a time: the next goes out when the last is answered.
            if (!pending) {
                pending = true;
                devtools.sendTextMessage(QString::fromUtf8(QJsonDocument(call).toJson(QJsonDocument::Compact)));
            }
            return status.startsWith(QLatin1String("Connected to"));
        },
        timeoutMs);
    devtools.close();
    return status;
}

} // namespace PortholeTest
