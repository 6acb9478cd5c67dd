// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QString>

namespace PortholeTest {

// Debian's noVNC page (vnc_lite.html) in headless Chromium, driven over its DevTools protocol
// with a QWebSocket (no node modules): opens pageUrl and polls the page's status line until it
// starts with "Connected to" or timeoutMs pass. Returns the last status seen; *skipReason is
// set (and "" returned) when chromium or novnc is not installed.
QString noVncStatusInChromium(const QString &pageUrl, int timeoutMs, QString *skipReason);

} // namespace PortholeTest
