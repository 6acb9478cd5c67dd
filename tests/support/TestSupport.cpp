// SPDX-License-Identifier: GPL-2.0-or-later
#include "TestSupport.h"

#include <gtest/gtest.h>

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>

namespace PortholeTest {

quint16 freePort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

QString fixturePath(const QString &relativePath)
{
    return QStringLiteral(PORTHOLE_FIXTURES_DIR "/") + relativePath;
}

QByteArray fixture(const QString &relativePath)
{
    QFile file(fixturePath(relativePath));
    if (!file.open(QIODevice::ReadOnly)) {
        ADD_FAILURE() << "missing fixture " << qPrintable(file.fileName());
        return {};
    }
    return file.readAll();
}

QString builtProgram(const QString &relativePath)
{
    return QStringLiteral(PORTHOLE_BINARY_DIR "/") + relativePath;
}

ProcessResult runProgram(const QString &program, const QStringList &arguments, const QByteArray &stdinData,
    int timeoutMs, const QProcessEnvironment &environment)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    ProcessResult result;
    if (!process.waitForStarted(timeoutMs)) { // a local fork+exec, never a network wait
        result.err = process.errorString();
        return result;
    }
    if (!stdinData.isEmpty())
        process.write(stdinData);
    process.closeWriteChannel();
    // Wait on the event loop, so that servers living in the test process keep answering.
    QSignalSpy finished(&process, &QProcess::finished);
    result.finished = finished.wait(timeoutMs);
    if (!result.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace PortholeTest
