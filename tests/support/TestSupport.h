// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace PortholeTest {

// A file below tests/fixtures, read whole; fails the calling test when missing.
QByteArray fixture(const QString &relativePath);
QString fixturePath(const QString &relativePath);

// A TCP port on 127.0.0.1 that was free a moment ago (0 if none could be had).
quint16 freePort();

// A program built by this project, e.g. "app/porthole-cli".
QString builtProgram(const QString &relativePath);

struct ProcessResult
{
    int exitCode = -1;
    bool finished = false;
    QString out;
    QString err;
};

// Runs a program to completion (bounded by timeoutMs), feeding stdinData. The event
// loop keeps running meanwhile, so in-process servers can answer the program.
ProcessResult runProgram(const QString &program, const QStringList &arguments, const QByteArray &stdinData = {},
    int timeoutMs = 30000, const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

} // namespace PortholeTest
