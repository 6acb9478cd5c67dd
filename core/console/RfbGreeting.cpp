// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/RfbGreeting.h"

#include <QtEndian>

#include <cstdio>

namespace Porthole {

namespace {

// A length-prefixed reason string at pos; false when it is not all there.
bool readReason(QByteArrayView bytes, qsizetype pos, QString *reason)
{
    if (bytes.size() < pos + 4)
        return false;
    const quint32 length = qFromBigEndian<quint32>(bytes.data() + pos);
    if (quint64(bytes.size() - pos - 4) < length)
        return false;
    *reason = QString::fromUtf8(bytes.sliced(pos + 4, qsizetype(length))).trimmed();
    return true;
}

} // namespace

bool RfbGreeting::clientSupports(int type)
{
    return type == 1 || type == 2 || type == 18 || type == 19;
}

RfbGreeting RfbGreeting::parse(QByteArrayView bytes, int chosenType)
{
    RfbGreeting g;
    if (bytes.size() < 12 || !bytes.startsWith("RFB ") || bytes[7] != '.' || bytes[11] != '\n')
        return g;
    int major = 0;
    int minor = 0;
    const QByteArray version = bytes.first(12).toByteArray();
    if (std::sscanf(version.constData(), "RFB %03d.%03d\n", &major, &minor) != 2 || major <= 0)
        return g;
    g.major = major;
    g.minor = minor;
    // libvncclient answers 3.8 to anything newer and reads a type list from 3.7 on.
    const bool typeList = major > 3 || minor > 6;
    const bool resultAfterNone = major > 3 || minor > 7;
    qsizetype pos = 12;
    if (typeList) {
        if (bytes.size() < pos + 1)
            return g;
        const int count = quint8(bytes[pos]);
        ++pos;
        if (count == 0) {
            g.typesComplete = true;
            g.refused = true;
            readReason(bytes, pos, &g.refusalReason);
            return g;
        }
        if (bytes.size() < pos + count)
            return g;
        for (int i = 0; i < count; ++i)
            g.securityTypes.append(quint8(bytes[pos + i]));
        pos += count;
    } else {
        if (bytes.size() < pos + 4)
            return g;
        const quint32 scheme = qFromBigEndian<quint32>(bytes.data() + pos);
        pos += 4;
        if (scheme == 0) {
            g.typesComplete = true;
            g.refused = true;
            readReason(bytes, pos, &g.refusalReason);
            return g;
        }
        g.securityTypes.append(int(scheme));
    }
    g.typesComplete = true;
    if (chosenType == 2) {
        pos += 16; // the VncAuth challenge
    } else if (chosenType != 1 || !resultAfterNone) {
        return g; // no clear security result to read
    }
    if (bytes.size() < pos + 4)
        return g;
    const quint32 result = qFromBigEndian<quint32>(bytes.data() + pos);
    g.securityResult = result == 0 ? Result::Ok : Result::Failed;
    if (result != 0 && resultAfterNone)
        readReason(bytes, pos + 4, &g.failureReason);
    return g;
}

} // namespace Porthole
