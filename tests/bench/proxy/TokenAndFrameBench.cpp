// SPDX-License-Identifier: GPL-2.0-or-later
// What one connection costs before any byte is relayed: a token lookup in a Sunstone
// directory of thousands of files, and unmasking client frames.
#include "tokens/TokenFile.h"
#include "websocket/WebSocketFrameParser.h"

#include <benchmark/benchmark.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace Porthole;

namespace {

// One "one-<VMID>" file per VM, as Sunstone writes them (no trailing newline).
QTemporaryDir *sunstoneDirectory(int files)
{
    auto *dir = new QTemporaryDir;
    for (int i = 0; i < files; ++i) {
        QFile f(dir->filePath(QStringLiteral("one-%1").arg(i)));
        if (f.open(QIODevice::WriteOnly))
            f.write("token-" + QByteArray::number(i) + ": 10.0.0." + QByteArray::number(i % 250) + ":59"
                + QByteArray::number(10 + i % 90));
    }
    return dir;
}

void tokenFileHit(benchmark::State &state)
{
    std::unique_ptr<QTemporaryDir> dir(sunstoneDirectory(int(state.range(0))));
    TokenFile source(dir->path());
    QString error;
    if (!source.load(&error))
        state.SkipWithError("load failed");
    const QString token = QStringLiteral("token-%1").arg(state.range(0) / 2);
    for (auto _ : state)
        benchmark::DoNotOptimize(source.lookup(token));
}
BENCHMARK(tokenFileHit)->Arg(100)->Arg(5000);

void tokenFileMiss(benchmark::State &state)
{
    std::unique_ptr<QTemporaryDir> dir(sunstoneDirectory(int(state.range(0))));
    TokenFile source(dir->path());
    QString error;
    if (!source.load(&error))
        state.SkipWithError("load failed");
    const QString token = QStringLiteral("no-such-token");
    for (auto _ : state)
        benchmark::DoNotOptimize(source.lookup(token));
}
BENCHMARK(tokenFileMiss)->Arg(100)->Arg(5000);

void unmask(benchmark::State &state)
{
    QByteArray data(state.range(0), 'x');
    const unsigned char mask[4] = {1, 2, 3, 4};
    for (auto _ : state) {
        WebSocketFrameParser::unmask(data.data(), data.size(), mask, 1);
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(state.iterations() * state.range(0));
}
BENCHMARK(unmask)->Arg(64)->Arg(65536);

} // namespace
