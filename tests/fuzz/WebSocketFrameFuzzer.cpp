// SPDX-License-Identifier: GPL-2.0-or-later
// WebSocketFrameParser on any bytes, as the proxy (server role) and as the probe (client role),
// whole and in random pieces: the data, the control frames and the verdict must not depend on
// how the stream was cut. The data read is then framed again with WebSocketWire and must read
// back the same (the unmasking and length encodings are their own inverse).
#include "FuzzSupport.h"
#include "websocket/WebSocketFrameParser.h"
#include "websocket/WebSocketWire.h"

using namespace Porthole;
using namespace PortholeFuzz;

namespace {

struct Recorder : WebSocketFrameParser::Sink
{
    QByteArray data;
    QList<QPair<int, QByteArray>> controls;
    void binaryData(const char *bytes, qsizetype size) override
    {
        PORTHOLE_FUZZ_CHECK(size >= 0, "negative data size");
        data.append(bytes, size);
    }
    void controlFrame(int opcode, const QByteArray &payload) override
    {
        PORTHOLE_FUZZ_CHECK(opcode == 0x8 || opcode == 0x9 || opcode == 0xA, "an unknown control opcode");
        PORTHOLE_FUZZ_CHECK(payload.size() <= WebSocketWire::kMaxControlPayload, "a control payload too long");
        controls.append({opcode, payload});
    }
};

struct Outcome
{
    bool ok = true;
    quint16 closeCode = 0;
    Recorder sink;
};

void feed(WebSocketFrameParser::Role role, const QList<QByteArray> &parts, Outcome &out)
{
    WebSocketFrameParser parser(role);
    for (QByteArray part : parts) {
        if (!parser.feed(part.data(), part.size(), out.sink)) {
            out.ok = false;
            out.closeCode = parser.closeCode();
            PORTHOLE_FUZZ_CHECK(out.closeCode >= 1000 && out.closeCode < 5000, "an odd close code");
            PORTHOLE_FUZZ_CHECK(!parser.errorReason().isEmpty(), "a violation without a reason");
            return;
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    Cuts cuts(data, size);
    const QList<QByteArray> cut = pieces(bytes, cuts);
    for (const auto role : {WebSocketFrameParser::Role::Server, WebSocketFrameParser::Role::Client}) {
        Outcome whole;
        feed(role, {bytes}, whole);
        Outcome inPieces;
        feed(role, cut, inPieces);
        PORTHOLE_FUZZ_CHECK(whole.ok == inPieces.ok, "the verdict depends on the cuts");
        PORTHOLE_FUZZ_CHECK(whole.closeCode == inPieces.closeCode, "the close code depends on the cuts");
        PORTHOLE_FUZZ_CHECK(whole.sink.data == inPieces.sink.data, "the data depends on the cuts");
        PORTHOLE_FUZZ_CHECK(whole.sink.controls == inPieces.sink.controls, "the control frames depend on the cuts");

        // What was read, framed again the way this role's peer frames it, reads back the same.
        const bool masked = role == WebSocketFrameParser::Role::Server;
        QByteArray again = WebSocketWire::frame(0x2, whole.sink.data, masked);
        for (const auto &[opcode, payload] : std::as_const(whole.sink.controls)) {
            if (opcode != 0x8)
                again += WebSocketWire::frame(opcode, payload, masked);
        }
        Outcome back;
        feed(role, {again}, back);
        PORTHOLE_FUZZ_CHECK(back.ok, "a frame WebSocketWire wrote was refused");
        PORTHOLE_FUZZ_CHECK(back.sink.data == whole.sink.data, "the data changed when framed again");
    }
    return 0;
}
