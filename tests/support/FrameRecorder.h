// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "websocket/WebSocketFrameParser.h"

#include <QByteArray>
#include <QList>
#include <QPair>

namespace PortholeTest {

// What a WebSocketFrameParser handed on: the data bytes in order, and each control frame.
struct FrameRecorder : Porthole::WebSocketFrameParser::Sink
{
    QByteArray data;
    QList<QPair<int, QByteArray>> controls;
    void binaryData(const char *bytes, qsizetype size) override { data.append(bytes, size); }
    void controlFrame(int opcode, const QByteArray &payload) override { controls.append({opcode, payload}); }
};

} // namespace PortholeTest
