// SPDX-License-Identifier: GPL-2.0-or-later
#include "demo/DemoDesktop.h"

#include "base/Logging.h"

#include <QDateTime>
#include <QFontMetrics>
#include <QPainter>
#include <QTcpServer>
#include <QtEndian>
#include <QtMath>

#include <arpa/inet.h>
#include <mutex>
#include <rfb/rfb.h>

namespace Porthole {

namespace {
constexpr int kBall = 48;
const QRect kClockRect(24, 80, 360, 56);
const QRect kTypedRect(24, 150, 752, 40);

// libvncserver logs to stderr by default; the demo should stay quiet.
const bool s_quiet = [] {
    rfbLogEnable(0);
    return true;
}();
} // namespace

DemoDesktop::DemoDesktop(const QString &name, const QString &password, QObject *parent)
    : QObject(parent)
    , m_name(name)
    , m_password(password.toLatin1())
{
    Q_UNUSED(s_quiet)
    m_pump.setInterval(10);
    connect(&m_pump, &QTimer::timeout, this, [this] {
        if (!m_screen)
            return;
        // Non-blocking: accepts, reads input and sends due updates, then returns.
        rfbProcessEvents(m_screen, 0);
        const bool viewers = m_screen->clientHead != nullptr;
        if (viewers && !m_animation.isActive())
            m_animation.start();
        else if (!viewers && m_animation.isActive())
            m_animation.stop();
    });
    m_animation.setInterval(40); // 25 frames per second
    connect(&m_animation, &QTimer::timeout, this, &DemoDesktop::animate);
}

DemoDesktop::~DemoDesktop()
{
    if (m_screen) {
        rfbShutdownServer(m_screen, TRUE);
        rfbScreenCleanup(m_screen);
    }
}

bool DemoDesktop::start(QString *error, const QSize &size)
{
    // A port that was free a moment ago; libvncserver binds it itself.
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost)) {
        *error = tr("No free port on 127.0.0.1 for the demo desktop: %1").arg(probe.errorString());
        return false;
    }
    m_port = probe.serverPort();
    probe.close();

    m_image = QImage(size, QImage::Format_RGBX8888); // R,G,B,X bytes: libvncserver's default 32-bit format
    paintAll();
    int argc = 0;
    m_screen = rfbGetScreen(&argc, nullptr, size.width(), size.height(), 8, 3, 4);
    if (!m_screen) {
        *error = tr("libvncserver could not create the demo desktop.");
        return false;
    }
    m_desktopName = m_name.toUtf8();
    m_screen->desktopName = m_desktopName.constData();
    m_screen->frameBuffer = reinterpret_cast<char *>(m_image.bits());
    m_screen->autoPort = FALSE;
    m_screen->port = m_port;
    m_screen->ipv6port = 0;
    m_screen->listenInterface = htonl(INADDR_LOOPBACK);
    m_screen->alwaysShared = TRUE;
    m_screen->screenData = this;
    m_screen->kbdAddEvent = &DemoDesktop::onKey;
    m_screen->ptrAddEvent = &DemoDesktop::onPointer;
    m_screen->setXCutText = &DemoDesktop::onCutText;
    registerQemuKeyExtension();
    m_screen->deferUpdateTime = 5;
    if (!m_password.isEmpty()) {
        m_passwordList[0] = m_password.data();
        m_screen->authPasswdData = m_passwordList;
        m_screen->passwordCheck = rfbCheckPasswordByList;
    }
    rfbInitServer(m_screen);
    if (m_screen->listenSock == RFB_INVALID_SOCKET) {
        *error = tr("The demo desktop could not listen on 127.0.0.1:%1.").arg(m_port);
        rfbScreenCleanup(m_screen);
        m_screen = nullptr;
        return false;
    }
    m_pump.start();
    qCDebug(lcUi) << "demo desktop" << m_name << "on 127.0.0.1:" << m_port;
    return true;
}

int DemoDesktop::clientCount() const
{
    int n = 0;
    if (m_screen) {
        for (rfbClientPtr c = m_screen->clientHead; c; c = c->next)
            ++n;
    }
    return n;
}

void DemoDesktop::setPoweredOn(bool on)
{
    if (on == m_poweredOn)
        return;
    m_poweredOn = on;
    if (!m_screen)
        return;
    if (!on) {
        m_screen->newClientHook = [](rfbClientPtr) { return RFB_CLIENT_REFUSE; };
        for (rfbClientPtr c = m_screen->clientHead; c; c = c->next)
            rfbCloseClient(c);
        return;
    }
    m_screen->newClientHook = [](rfbClientPtr) { return RFB_CLIENT_ACCEPT; };
    ++m_boots;
    m_typed.clear();
    m_marks.clear();
    m_ballRect = QRect();
    m_frame = 0;
    paintAll();
    markDirty(m_image.rect());
}

void DemoDesktop::onKey(signed char down, unsigned int keysym, rfbClientPtr client)
{
    takeKey(down != 0, keysym, 0, client);
}

void DemoDesktop::onPointer(int buttonMask, int x, int y, rfbClientPtr client)
{
    auto *desktop = static_cast<DemoDesktop *>(client->screen->screenData);
    desktop->m_events.append({InputEvent::Kind::Pointer, false, 0, buttonMask, QPoint(x, y)});
    desktop->handlePointer(buttonMask, QPoint(x, y));
    rfbDefaultPtrAddEvent(buttonMask, x, y, client);
}

void DemoDesktop::onCutText(char *text, int length, rfbClientPtr client)
{
    auto *desktop = static_cast<DemoDesktop *>(client->screen->screenData);
    // RFB's ClientCutText is Latin-1.
    desktop->m_clipboard << QString::fromLatin1(text, length);
    Q_EMIT desktop->clipboardReceived(desktop->m_clipboard.constLast());
}

void DemoDesktop::takeKey(bool down, quint32 keysym, quint32 scancode, rfbClientPtr client)
{
    auto *desktop = static_cast<DemoDesktop *>(client->screen->screenData);
    desktop->m_events.append({InputEvent::Kind::Key, down, keysym, 0, {}, scancode});
    desktop->handleKey(down, keysym);
}

// QEMU's extended key events, as libvncserver 0.9.14 does not know them: the desktop
// acknowledges -258 the way QEMU does (a pixel-less rectangle over the whole screen, so
// viewers meet QEMU's quirk here too) and takes the 12-byte message type 255.
void DemoDesktop::registerQemuKeyExtension()
{
    static std::once_flag once;
    std::call_once(once, [] {
        static int encodings[] = {int(rfbEncodingQemuExtendedKeyEvent), 0};
        static rfbProtocolExtension extension {};
        extension.newClient = [](rfbClientPtr client, void **) -> rfbBool {
            return client->screen->kbdAddEvent == &DemoDesktop::onKey;
        };
        extension.pseudoEncodings = encodings;
        extension.enablePseudoEncoding = [](rfbClientPtr client, void **, int encoding) -> rfbBool {
            if (encoding != int(rfbEncodingQemuExtendedKeyEvent))
                return FALSE;
            uchar ack[16] = {};
            qToBigEndian<quint16>(1, ack + 2);
            qToBigEndian<quint16>(quint16(client->screen->width), ack + 8);
            qToBigEndian<quint16>(quint16(client->screen->height), ack + 10);
            qToBigEndian<quint32>(quint32(rfbEncodingQemuExtendedKeyEvent), ack + 12);
            rfbWriteExact(client, reinterpret_cast<const char *>(ack), sizeof ack);
            return TRUE;
        };
        extension.handleMessage = [](rfbClientPtr client, void *, const rfbClientToServerMsg *message) -> rfbBool {
            if (message->type != rfbQemuEvent)
                return FALSE;
            uchar rest[sz_rfbQemuExtendedKeyEventMsg - 1];
            if (rfbReadExact(client, reinterpret_cast<char *>(rest), sizeof rest) <= 0 || rest[0] != 0) {
                rfbCloseClient(client); // a read error, or a QEMU message other than a key
                return TRUE;
            }
            takeKey(qFromBigEndian<quint16>(rest + 1) != 0, qFromBigEndian<quint32>(rest + 3),
                qFromBigEndian<quint32>(rest + 7), client);
            return TRUE;
        };
        rfbRegisterProtocolExtension(&extension);
    });
}

void DemoDesktop::handleKey(bool down, unsigned int keysym)
{
    if (!down)
        return;
    if (keysym == 0xff08) { // BackSpace
        m_typed.chop(1);
    } else if (keysym == 0xff0d) { // Return
        m_typed.clear();
    } else if (keysym >= 0x20 && keysym <= 0xff) { // Latin-1 keysyms are the characters
        m_typed += QChar(char16_t(keysym));
        Q_EMIT keyTyped(QString(QChar(char16_t(keysym))));
    } else {
        return;
    }
    m_typed = m_typed.right(60);
    QPainter p(&m_image);
    p.fillRect(kTypedRect, QColor(0x10, 0x1c, 0x2b));
    p.setPen(QColor(0x7e, 0xe0, 0x81));
    QFont font = p.font();
    font.setPixelSize(24);
    font.setFamily(QStringLiteral("monospace"));
    p.setFont(font);
    p.drawText(
        kTypedRect.adjusted(8, 0, 0, 0), Qt::AlignVCenter | Qt::AlignLeft, QStringLiteral("> ") + m_typed + u'_');
    p.end();
    markDirty(kTypedRect);
}

void DemoDesktop::handlePointer(int buttonMask, const QPoint &position)
{
    const bool pressed = (buttonMask & 1) && !(m_lastButtons & 1);
    m_lastButtons = buttonMask;
    if (!pressed || !m_image.rect().contains(position))
        return;
    m_marks << position;
    QPainter p(&m_image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(QColor(0xff, 0xd1, 0x66), 3));
    p.setBrush(QColor(0xff, 0x8a, 0x3d));
    const QRect mark(position - QPoint(9, 9), QSize(18, 18));
    p.drawEllipse(mark);
    p.end();
    markDirty(mark.adjusted(-3, -3, 3, 3));
    Q_EMIT clicked(position);
}

void DemoDesktop::paintAll()
{
    QPainter p(&m_image);
    QLinearGradient sky(0, 0, 0, m_image.height());
    sky.setColorAt(0, QColor(0x17, 0x3a, 0x6b));
    sky.setColorAt(1, QColor(0x0d, 0x1b, 0x2a));
    p.fillRect(m_image.rect(), sky);
    // A line in the largest size up to its own that fits the desktop's width: a remote resize to
    // a narrow window shows whole sentences, not their first words.
    auto line = [&](const QRect &box, int pixelSize, bool bold, const QColor &colour, const QString &text) {
        QFont font = p.font();
        font.setBold(bold);
        for (font.setPixelSize(pixelSize); font.pixelSize() > 8; font.setPixelSize(font.pixelSize() - 1)) {
            if (QFontMetrics(font).horizontalAdvance(text) <= box.width())
                break;
        }
        p.setFont(font);
        p.setPen(colour);
        p.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, text);
    };
    line(QRect(24, 20, m_image.width() - 48, 50), 28, true, Qt::white,
        m_boots > 1 ? tr("Porthole demo desktop — %1 (boot %2)").arg(m_name).arg(m_boots)
                    : tr("Porthole demo desktop — %1").arg(m_name));
    line(QRect(24, m_image.height() - 40, m_image.width() - 48, 30), 16, false, QColor(0xcf, 0xe3, 0xff),
        tr("Type to see the keys arrive; click to leave a mark."));
    p.fillRect(kTypedRect, QColor(0x10, 0x1c, 0x2b));
}

void DemoDesktop::animate()
{
    ++m_frame;
    QPainter p(&m_image);
    p.setRenderHint(QPainter::Antialiasing);
    // The ball: erase where it was (background band), draw where it is.
    const int bandTop = 210;
    const int bandHeight = m_image.height() - bandTop - 60;
    if (!m_ballRect.isNull()) {
        p.fillRect(m_ballRect, QColor(0x12, 0x25, 0x42));
        markDirty(m_ballRect);
    }
    const double t = m_frame / 25.0;
    const int x = int((m_image.width() - kBall) * (0.5 + 0.5 * qSin(t * 1.3)));
    const int y = bandTop + int((bandHeight - kBall) * qAbs(qSin(t * 2.1)));
    m_ballRect = QRect(x, y, kBall, kBall);
    if (m_frame == 1) {
        p.fillRect(QRect(0, bandTop, m_image.width(), bandHeight), QColor(0x12, 0x25, 0x42));
        markDirty(QRect(0, bandTop, m_image.width(), bandHeight));
    }
    QRadialGradient ball(m_ballRect.center(), kBall / 2.0, m_ballRect.topLeft() + QPoint(kBall / 3, kBall / 3));
    ball.setColorAt(0, QColor(0xff, 0xe0, 0x8a));
    ball.setColorAt(1, QColor(0xc8, 0x8a, 0x2e));
    p.setPen(Qt::NoPen);
    p.setBrush(ball);
    p.drawEllipse(m_ballRect);
    markDirty(m_ballRect);

    if (m_frame % 5 == 1) { // the clock, five times a second
        p.fillRect(kClockRect, QColor(0x15, 0x30, 0x58));
        p.setPen(Qt::white);
        QFont font = p.font();
        font.setPixelSize(40);
        font.setFamily(QStringLiteral("monospace"));
        p.setFont(font);
        p.drawText(kClockRect, Qt::AlignLeft | Qt::AlignVCenter,
            QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss.zzz")).left(10));
        markDirty(kClockRect);
    }
}

void DemoDesktop::markDirty(const QRect &rect)
{
    if (!m_screen)
        return;
    const QRect r = rect.intersected(m_image.rect());
    if (!r.isEmpty())
        rfbMarkRectAsModified(m_screen, r.left(), r.top(), r.right() + 1, r.bottom() + 1);
}

} // namespace Porthole
