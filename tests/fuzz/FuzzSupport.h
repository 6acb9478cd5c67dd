// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

// What the fuzz targets share. The whole input is the document (so a real capture is a seed as
// it is); where a target cuts it into pieces, the cuts come from a hash of the input, which keeps
// every run of one input the same (a crash reproduces) while different inputs cut differently.
namespace PortholeFuzz {

// A property that must hold: printed and abort()ed, which libFuzzer reports as a crash.
#define PORTHOLE_FUZZ_CHECK(condition, what)                                                                           \
    do {                                                                                                               \
        if (!(condition)) {                                                                                            \
            std::fprintf(                                                                                              \
                stderr, "fuzz check failed: %s (%s)\n", #condition, PortholeFuzz::describe(what).constData());         \
            std::abort();                                                                                              \
        }                                                                                                              \
    } while (false)

inline QByteArray describe(const char *what)
{
    return QByteArray(what);
}

inline QByteArray describe(const QString &what)
{
    return what.toUtf8();
}

// splitmix64: a few good bits per call, seeded from the input.
class Cuts
{
public:
    Cuts(const uint8_t *data, size_t size)
    {
        // FNV-1a over the input.
        m_state = 0xcbf29ce484222325ULL;
        for (size_t i = 0; i < size; ++i)
            m_state = (m_state ^ data[i]) * 0x100000001b3ULL;
    }

    uint64_t next()
    {
        uint64_t z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    // A piece length: mostly short (1-16, where a token is most likely cut), sometimes up to
    // 64 KiB (the pieces a network read and the XML-RPC sink deliver).
    qsizetype pieceLength()
    {
        const uint64_t r = next();
        switch (r & 3) {
        case 0:
            return 1;
        case 1:
        case 2:
            return qsizetype(1 + (r >> 8) % 16);
        default:
            return qsizetype(1 + (r >> 8) % (64 * 1024));
        }
    }

    // Where to split a text of size n in two: anywhere from 0 to n.
    qsizetype splitPoint(qsizetype n) { return n <= 0 ? 0 : qsizetype(next() % uint64_t(n + 1)); }

private:
    uint64_t m_state;
};

// Cuts text into pieces (never empty) whose lengths come from cuts.
template<typename Text> QList<Text> pieces(const Text &text, Cuts &cuts)
{
    QList<Text> out;
    for (qsizetype at = 0; at < text.size();) {
        const qsizetype n = qMin(cuts.pieceLength(), text.size() - at);
        out.append(text.mid(at, n));
        at += n;
    }
    return out;
}

} // namespace PortholeFuzz
