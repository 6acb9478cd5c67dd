// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "proxy/SocketStream.h"

#include <QByteArray>

class QSocketNotifier;

namespace Porthole {

// A plain TCP socket driven with recv/send and two notifiers: no Qt-side read buffer
// (reads land in the proxy's one scratch buffer) and a write buffer only for what the
// kernel did not take, released once sent.
class RawSocketStream : public SocketStream
{
public:
    explicit RawSocketStream(int fd);
    ~RawSocketStream() override;

    int fd() const { return m_fd; }

    qint64 read(char *data, qint64 maxSize) override;
    void write(const char *data, qint64 size) override;
    qint64 pending() const override { return m_pending.size() - m_pendingOffset; }
    void setReadEnabled(bool enabled) override;
    void shutdownWrite() override;
    void abort() override;
    QString errorString() const override { return m_error; }

private:
    void onWritable();
    // Sends what the kernel takes now; a hard error marks the stream failed.
    qint64 sendNow(const char *data, qint64 size);
    void fail(int error);

    int m_fd;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QByteArray m_pending;
    qsizetype m_pendingOffset = 0;
    bool m_failed = false;
    QString m_error;
};

} // namespace Porthole
