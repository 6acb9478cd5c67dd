// SPDX-License-Identifier: GPL-2.0-or-later
#include "XvfbPeer.h"

#include <QDeadlineTimer>
#include <QProcessEnvironment>
#include <QTest>

namespace PortholeTest {

XvfbPeer::~XvfbPeer()
{
    if (m_process) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000))
            m_process->kill();
        m_process->waitForFinished(5000);
    }
}

bool XvfbPeer::start()
{
    m_process = std::make_unique<QProcess>();
    m_process->start(QStringLiteral("Xvfb"),
        {QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-screen"), QStringLiteral("0"),
            QStringLiteral("1024x768x24"), QStringLiteral("-nolisten"), QStringLiteral("tcp")});
    if (!m_process->waitForStarted(10000))
        return false;
    QDeadlineTimer deadline(20000);
    while (!m_process->canReadLine() && !deadline.hasExpired())
        m_process->waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
    const QString number = QString::fromLatin1(m_process->readLine()).trimmed();
    if (number.isEmpty())
        return false;
    m_display = u':' + number;
    return true;
}

QString XvfbPeer::windowTree() const
{
    QProcess xwininfo;
    xwininfo.start(QStringLiteral("xwininfo"),
        {QStringLiteral("-display"), m_display, QStringLiteral("-root"), QStringLiteral("-tree")});
    xwininfo.waitForFinished(10000);
    return QString::fromLocal8Bit(xwininfo.readAllStandardOutput());
}

bool XvfbPeer::waitForWindow(const QString &text, int timeoutMs) const
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (windowTree().contains(text))
            return true;
        QTest::qWait(100); // as QTRY_VERIFY: the X server is another process
    }
    return false;
}

} // namespace PortholeTest
