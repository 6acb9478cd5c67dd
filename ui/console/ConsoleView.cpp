// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/console/ConsoleView.h"

#include "console/GrabChord.h"
#include "console/RfbSession.h"

#include <QGuiApplication>
#include <QKeyEvent>
#include <QPainter>
#include <QPixmap>
#include <QWheelEvent>

namespace Porthole {

namespace {
// Pointer motion is sent at most this often; buttons and wheel go at once.
constexpr int kPointerIntervalMs = 10;
} // namespace

ConsoleView::ConsoleView(RfbSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setAttribute(Qt::WA_InputMethodEnabled, false);
    m_pointerTimer.setSingleShot(true);
    m_pointerTimer.setInterval(kPointerIntervalMs);
    connect(&m_pointerTimer, &QTimer::timeout, this, &ConsoleView::flushPointer);
    // Window drags produce a resize per pixel; the server gets the size once it settles.
    m_resizeTimer.setSingleShot(true);
    m_resizeTimer.setInterval(250);
    connect(&m_resizeTimer, &QTimer::timeout, this, &ConsoleView::requestRemoteResize);
    // A server that does not carry out a resize soon will not: Xvnc and QEMU answer in
    // milliseconds, libvncserver's default refuses every request.
    m_resizeAnswerTimer.setSingleShot(true);
    m_resizeAnswerTimer.setInterval(3000);
    connect(&m_resizeAnswerTimer, &QTimer::timeout, this, [this] {
        if (m_scaleMode == ScaleMode::Remote && m_session && m_session->desktopSize() != m_resizeWanted)
            fallBackToFit(tr("The VNC server did not change its desktop size to %1×%2, so the console is fitted "
                             "to the window instead.")
                              .arg(m_resizeWanted.width())
                              .arg(m_resizeWanted.height()));
    });
    connect(session, &RfbSession::capabilitiesChanged, this, [this] {
        if (m_scaleMode != ScaleMode::Remote)
            return;
        if (m_session->supportsRemoteResize())
            m_resizeTimer.start();
        else
            fallBackToFit(tr("This VNC server cannot change its desktop size, so the console is fitted to the "
                             "window instead."));
    });
    connect(session, &RfbSession::frameUpdated, this, &ConsoleView::onFrameUpdated);
    connect(session, &RfbSession::desktopResized, this, [this] {
        updateGeometry();
        update();
    });
    connect(session, &RfbSession::cursorShapeChanged, this, &ConsoleView::onCursorShape);
    connect(session, &RfbSession::stateChanged, this, [this](RfbSession::State state) {
        if (state == RfbSession::State::Failed || state == RfbSession::State::Closed) {
            // Kept for the time the session has no picture (it is cleared when it reconnects).
            if (const QImage last = m_session->frame(); !last.isNull())
                m_lastPicture = last;
        }
        update();
    });
    connect(session, &RfbSession::firstFullFrame, this, [this] { m_lastPicture = QImage(); });
}

ConsoleView::~ConsoleView()
{
    releaseAllKeys();
}

void ConsoleView::setScaleMode(ScaleMode mode)
{
    m_scaleMode = mode;
    updateGeometry();
    update();
    if (mode == ScaleMode::Remote)
        m_resizeTimer.start();
}

void ConsoleView::requestRemoteResize()
{
    if (m_scaleMode != ScaleMode::Remote || !m_session || !m_session->supportsRemoteResize())
        return;
    // The remote desktop is drawn 1:1 in device pixels, so ask for the device size.
    const QSize wanted = (QSizeF(size()) * devicePixelRatioF()).toSize();
    if (wanted.isValid() && wanted != m_session->desktopSize()) {
        m_session->requestResize(wanted);
        m_resizeWanted = wanted;
        m_resizeAnswerTimer.start();
    }
}

void ConsoleView::fallBackToFit(const QString &why)
{
    m_resizeAnswerTimer.stop();
    setScaleMode(ScaleMode::Fit);
    Q_EMIT remoteResizeFailed(why);
}

void ConsoleView::setViewOnly(bool viewOnly)
{
    if (viewOnly)
        releaseAllKeys();
    m_viewOnly = viewOnly;
}

QSize ConsoleView::sizeHint() const
{
    const QSize remote = m_session ? m_session->desktopSize() : QSize();
    if (!remote.isValid())
        return QSize(800, 600);
    // 1:1 means one remote pixel per device pixel.
    return (QSizeF(remote) / devicePixelRatioF()).toSize();
}

QSize ConsoleView::shownSize() const
{
    const QSize remote = m_session ? m_session->desktopSize() : QSize();
    // Between a drop and the next picture, the last picture keeps its place.
    return remote.isValid() ? remote : m_lastPicture.size();
}

QRectF ConsoleView::imageRect() const
{
    const QSize remote = shownSize();
    if (!remote.isValid() || width() <= 0 || height() <= 0)
        return QRectF();
    QSizeF size = QSizeF(remote) / devicePixelRatioF();
    if (m_scaleMode == ScaleMode::Fit)
        size = QSizeF(remote).scaled(QSizeF(this->size()), Qt::KeepAspectRatio);
    // Remote mode draws 1:1 like OneToOne; the server is asked to match us.
    // Centred when smaller than the widget, anchored top-left when larger (1:1).
    const qreal x = size.width() < width() ? (width() - size.width()) / 2.0 : 0.0;
    const qreal y = size.height() < height() ? (height() - size.height()) / 2.0 : 0.0;
    return QRectF(QPointF(x, y), size);
}

QPoint ConsoleView::toRemote(const QPointF &position) const
{
    const QRectF target = imageRect();
    const QSize remote = m_session ? m_session->desktopSize() : QSize();
    if (target.isEmpty() || !remote.isValid())
        return QPoint();
    const qreal x = (position.x() - target.x()) * remote.width() / target.width();
    const qreal y = (position.y() - target.y()) * remote.height() / target.height();
    return QPoint(qBound(0, int(x), remote.width() - 1), qBound(0, int(y), remote.height() - 1));
}

void ConsoleView::onFrameUpdated(const QRegion &dirty)
{
    const QRectF target = imageRect();
    const QSize remote = m_session ? m_session->desktopSize() : QSize();
    if (target.isEmpty() || !remote.isValid()) {
        update();
        return;
    }
    const qreal sx = target.width() / remote.width();
    const qreal sy = target.height() / remote.height();
    QRegion mapped;
    for (const QRect &r : dirty) {
        // One pixel of margin covers rounding and smooth-scaling bleed.
        const QRectF f(target.x() + r.x() * sx, target.y() + r.y() * sy, r.width() * sx, r.height() * sy);
        mapped += f.toAlignedRect().adjusted(-1, -1, 1, 1);
    }
    update(mapped);
}

void ConsoleView::paintEvent(QPaintEvent *event)
{
    QPainter painter(this);
    const QRectF target = imageRect();
    // Letterbox bars first; the image is opaque so nothing below it needs clearing.
    QRegion outside = event->region().subtracted(QRegion(target.toAlignedRect()));
    for (const QRect &r : outside)
        painter.fillRect(r, Qt::black);
    if (!m_session || target.isEmpty())
        return;
    const bool scaled = m_scaleMode == ScaleMode::Fit;
    painter.setRenderHint(QPainter::SmoothPixmapTransform, scaled);
    const auto draw = [&](const QImage &image) {
        if (image.isNull())
            return;
        // Only the exposed part of the source is drawn: a small update stays cheap.
        const QRectF exposed = QRectF(event->region().boundingRect()) & target;
        const qreal sx = image.width() / target.width();
        const qreal sy = image.height() / target.height();
        const QRectF source((exposed.x() - target.x()) * sx, (exposed.y() - target.y()) * sy, exposed.width() * sx,
            exposed.height() * sy);
        painter.drawImage(exposed, image, source);
    };
    if (m_session->state() == RfbSession::State::Connected) {
        m_session->withFrame(draw);
        return;
    }
    // Not connected: the last picture, dimmed under the console's overlay (remote-viewer
    // and KRDC do the same), rather than black while it reconnects.
    bool drawn = false;
    m_session->withFrame([&](const QImage &image) {
        drawn = !image.isNull();
        draw(image);
    });
    if (!drawn && !m_lastPicture.isNull()) {
        draw(m_lastPicture);
        drawn = true;
    }
    // The view paints opaquely (WA_OpaquePaintEvent): with no picture at all, black.
    if (!drawn)
        painter.fillRect(target, Qt::black);
    painter.fillRect(target, QColor(0, 0, 0, 150));
}

void ConsoleView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    update();
    if (m_scaleMode == ScaleMode::Remote)
        m_resizeTimer.start();
}

int ConsoleView::buttonMask(Qt::MouseButtons buttons) const
{
    int mask = 0;
    if (buttons & Qt::LeftButton)
        mask |= 1;
    if (buttons & Qt::MiddleButton)
        mask |= 2;
    if (buttons & Qt::RightButton)
        mask |= 4;
    if (buttons & Qt::BackButton)
        mask |= 128;
    return mask;
}

void ConsoleView::flushPointer()
{
    if (!m_pointerPending || !m_session)
        return;
    m_pointerPending = false;
    m_session->sendPointer(m_pendingPointer.x(), m_pendingPointer.y(), m_buttons);
}

void ConsoleView::mousePressEvent(QMouseEvent *event)
{
    // A click into the console gives it the keyboard back (remote-viewer does the same).
    if (event->type() == QEvent::MouseButtonPress)
        setKeyboardCaptured(true);
    if (m_viewOnly || !m_session)
        return;
    m_pendingPointer = toRemote(event->position());
    m_buttons = buttonMask(event->buttons());
    m_pointerPending = true;
    flushPointer();
}

void ConsoleView::mouseReleaseEvent(QMouseEvent *event)
{
    mousePressEvent(event);
}

void ConsoleView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_viewOnly || !m_session)
        return;
    m_pendingPointer = toRemote(event->position());
    m_buttons = buttonMask(event->buttons());
    m_pointerPending = true;
    if (!m_pointerTimer.isActive())
        m_pointerTimer.start();
}

void ConsoleView::wheelEvent(QWheelEvent *event)
{
    if (m_viewOnly || !m_session)
        return;
    flushPointer();
    const QPoint at = toRemote(event->position());
    const QPoint steps = event->angleDelta() / 120;
    // RFB has no wheel axis: buttons 4/5 (vertical) and 6/7 (horizontal), press + release.
    const auto click = [&](int bit, int count) {
        for (int i = 0; i < count; ++i) {
            m_session->sendPointer(at.x(), at.y(), m_buttons | bit);
            m_session->sendPointer(at.x(), at.y(), m_buttons);
        }
    };
    click(steps.y() > 0 ? 8 : 16, qAbs(steps.y()));
    click(steps.x() > 0 ? 32 : 64, qAbs(steps.x()));
    event->accept();
}

KeyMapper::Input ConsoleView::inputFrom(const QKeyEvent *event) const
{
    KeyMapper::Input input;
    input.key = event->key();
    input.modifiers = event->modifiers();
    input.text = event->text();
    input.nativeScanCode = event->nativeScanCode();
    input.nativeVirtualKey = event->nativeVirtualKey();
    const QString platform = QGuiApplication::platformName();
    if (platform == u"xcb" || platform.startsWith(u"wayland"))
        input.nativeKind = KeyMapper::NativeKind::Xkb;
    else if (platform == u"windows")
        input.nativeKind = KeyMapper::NativeKind::Windows;
    return input;
}

void ConsoleView::sendStroke(const KeyMapper::Stroke &stroke)
{
    if (!m_session || stroke.keysym == 0)
        return;
    if (stroke.scancode != 0 && m_session->supportsExtendedKeys())
        m_session->sendExtendedKey(stroke.keysym, stroke.scancode, stroke.down);
    else
        m_session->sendKey(stroke.keysym, stroke.down);
}

void ConsoleView::setKeyboardGrab(bool grab)
{
    if (grab == m_grabWanted)
        return;
    m_grabWanted = grab;
    applyKeyboardGrab();
    Q_EMIT keyboardGrabChanged(grab);
}

void ConsoleView::setKeyboardCaptured(bool captured)
{
    if (captured == m_captured)
        return;
    // Keys held for the VM are let go there before the keyboard changes hands.
    if (!captured)
        releaseAllKeys();
    m_captured = captured;
    m_releaseChord.reset();
    applyKeyboardGrab();
    Q_EMIT keyboardCaptureChanged(captured);
}

void ConsoleView::setReleaseChord(const ReleaseChord &chord)
{
    m_releaseChord = chord;
    Q_EMIT keyboardCaptureChanged(m_captured); // its text changed
}

void ConsoleView::applyKeyboardGrab()
{
    if (m_grabWanted && m_captured && hasFocus() && isVisible())
        grabKeyboard();
    else if (QWidget::keyboardGrabber() == this)
        releaseKeyboard();
}

void ConsoleView::focusInEvent(QFocusEvent *event)
{
    applyKeyboardGrab();
    QWidget::focusInEvent(event);
}

void ConsoleView::hideEvent(QHideEvent *event)
{
    if (QWidget::keyboardGrabber() == this)
        releaseKeyboard();
    QWidget::hideEvent(event);
}

void ConsoleView::keyPressEvent(QKeyEvent *event)
{
    m_releaseChord.press(event->key());
    if (!m_captured) {
        // Porthole's: unused keys go up to the window (Ctrl+Tab to the tabs), never to the VM.
        event->ignore();
        return;
    }
    if (GrabChord::matches(event->key(), event->modifiers())) {
        // Ours, not the guest's: its G is never sent (the release finds no press to match).
        setKeyboardGrab(!m_grabWanted);
        event->accept();
        return;
    }
    if (m_viewOnly)
        return;
    sendStroke(m_keys.press(inputFrom(event)));
    event->accept();
}

void ConsoleView::keyReleaseEvent(QKeyEvent *event)
{
    // Auto-repeat arrives as release+press pairs; the server repeats presses itself.
    if (event->isAutoRepeat()) {
        event->accept();
        return;
    }
    const bool chord = m_releaseChord.release(event->key());
    if (!m_captured) {
        if (chord)
            setKeyboardCaptured(true);
        event->ignore();
        return;
    }
    if (!m_viewOnly) {
        const auto [known, stroke] = m_keys.release(inputFrom(event));
        if (known)
            sendStroke(stroke);
    }
    if (chord)
        setKeyboardCaptured(false);
    event->accept();
}

void ConsoleView::releaseAllKeys()
{
    const auto strokes = m_keys.releaseAll();
    for (const auto &stroke : strokes)
        sendStroke(stroke);
}

void ConsoleView::focusOutEvent(QFocusEvent *event)
{
    // Alt+Tab away must not leave Alt held down on the server.
    releaseAllKeys();
    if (QWidget::keyboardGrabber() == this)
        releaseKeyboard();
    QWidget::focusOutEvent(event);
}

bool ConsoleView::focusNextPrevChild(bool next)
{
    // Tab belongs to the remote desktop while it has the keyboard.
    return m_captured ? false : QWidget::focusNextPrevChild(next);
}

bool ConsoleView::event(QEvent *event)
{
    if (event->type() == QEvent::ShortcutOverride) {
        // Every press comes here first; a key a shortcut takes never reaches keyPressEvent,
        // and it still spoils the chord.
        m_releaseChord.press(static_cast<QKeyEvent *>(event)->key());
        if (m_captured) {
            // Keys go to the console before any window shortcut sees them.
            event->accept();
            return true;
        }
    }
    return QWidget::event(event);
}

void ConsoleView::sendCombo(KeyMapper::Combo combo)
{
    if (m_viewOnly)
        return;
    const auto strokes = KeyMapper::combo(combo);
    for (const auto &stroke : strokes)
        sendStroke(stroke);
}

void ConsoleView::onCursorShape(const QImage &shape, const QPoint &hotspot)
{
    if (shape.isNull()) {
        unsetCursor();
        return;
    }
    QPixmap pixmap = QPixmap::fromImage(shape);
    // The remote cursor is in remote pixels; scale it like the picture (Fit) or 1:1.
    const QRectF target = imageRect();
    const QSize remote = m_session ? m_session->desktopSize() : QSize();
    qreal scale = 1.0 / devicePixelRatioF();
    if (m_scaleMode == ScaleMode::Fit && remote.isValid() && !target.isEmpty())
        scale = target.width() / remote.width();
    if (!qFuzzyCompare(scale, 1.0) && scale > 0) {
        const QSize size = (QSizeF(shape.size()) * scale * devicePixelRatioF()).toSize().expandedTo(QSize(1, 1));
        pixmap = pixmap.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }
    pixmap.setDevicePixelRatio(devicePixelRatioF());
    setCursor(QCursor(pixmap, int(hotspot.x() * scale), int(hotspot.y() * scale)));
}

} // namespace Porthole
