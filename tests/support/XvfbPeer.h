// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QProcess>
#include <QString>

#include <memory>

namespace PortholeTest {

// Xvfb on a display it picks itself (-displayfd), for external viewers (TigerVNC's
// vncviewer, remote-viewer) whose windows the tests look for with xwininfo.
class XvfbPeer
{
public:
    ~XvfbPeer();
    bool start();
    QString display() const { return m_display; } // ":N"
    // Polls xwininfo -root -tree until a window whose name contains text appears.
    bool waitForWindow(const QString &text, int timeoutMs = 30000) const;
    QString windowTree() const;

private:
    std::unique_ptr<QProcess> m_process;
    QString m_display;
};

} // namespace PortholeTest
