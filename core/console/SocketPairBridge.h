// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>

#include <deque>
#include <memory>

class QSocketNotifier;

namespace Porthole {

class ConsoleTransport;

// libvncclient reads and writes a plain fd with blocking read()/write()/select() and
// has no I/O hooks (0.9.14), so it gets one end of an AF_UNIX socketpair while the Qt
// end stays non-blocking: bytes from the transport are queued into our end, bytes the
// library writes are read here and handed to the transport.
class SocketPairBridge : public QObject
{
    Q_OBJECT
public:
    explicit SocketPairBridge(QObject *parent = nullptr);
    ~SocketPairBridge() override;

    // Creates the pair; false with *error when the system refuses.
    bool create(QString *error = nullptr);
    // The blocking end for libvncclient; ownership passes to the caller.
    int takeLibraryFd();
    // Pipes transport bytes both ways and forwards the transport's end as EOF.
    void attach(ConsoleTransport *transport);

    void writeToLibrary(const QByteArray &data);
    // EOF for the library once queued bytes are delivered.
    void finishToLibrary();
    // Wakes a library thread blocked on its end, mid-message or not.
    void shutdownBoth();

    qint64 bytesToLibrary() const { return m_bytesToLibrary; }
    // The first kGreetingBytes the server sent: the clear part of the RFB handshake, kept
    // so that a failed handshake can be explained from facts (RfbGreeting).
    const QByteArray &greeting() const { return m_greeting; }
    static constexpr qsizetype kGreetingBytes = 1024;
    qint64 bytesFromLibrary() const { return m_bytesFromLibrary; }

Q_SIGNALS:
    void fromLibrary(const QByteArray &data);
    // The library closed its end (or the pair broke).
    void libraryClosed();

private:
    void onReadable();
    void flush();

    int m_qtFd = -1;
    int m_libraryFd = -1;
    std::unique_ptr<QSocketNotifier> m_readNotifier;
    std::unique_ptr<QSocketNotifier> m_writeNotifier;
    std::deque<QByteArray> m_queue;
    qsizetype m_headOffset = 0;
    bool m_finishPending = false;
    bool m_libraryClosed = false;
    qint64 m_bytesToLibrary = 0;
    QByteArray m_greeting;
    qint64 m_bytesFromLibrary = 0;
};

} // namespace Porthole
