// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "console/KeyMapper.h"
#include "console/ReleaseChord.h"

#include <QImage>
#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace Porthole {

class RfbSession;

// Shows an RfbSession and feeds it input. Paints only dirty regions from the session's
// front image (copied at update boundaries, so no tearing); scales to fit keeping the
// aspect ratio or shows 1:1 in device pixels (HiDPI-correct); sends keys by physical
// position when the server takes QEMU extended key events; never leaves keys stuck.
class ConsoleView : public QWidget
{
    Q_OBJECT
public:
    // Remote: 1:1, and the server is asked to match the view's size (when it can).
    enum class ScaleMode
    {
        Fit,
        OneToOne,
        Remote
    };
    Q_ENUM(ScaleMode)

    explicit ConsoleView(RfbSession *session, QWidget *parent = nullptr);
    ~ConsoleView() override;

    void setScaleMode(ScaleMode mode);
    ScaleMode scaleMode() const { return m_scaleMode; }
    void setViewOnly(bool viewOnly);
    bool isViewOnly() const { return m_viewOnly; }
    // Grabbed, the view takes the keyboard from the window system while it has focus,
    // so Alt+Tab or the Windows key reach the VM; GrabChord toggles it from the keyboard.
    void setKeyboardGrab(bool grab);
    bool keyboardGrab() const { return m_grabWanted; }
    // While the view has focus every key is the VM's (captured), Porthole's shortcuts
    // included; the release chord (Ctrl+Alt by default, pressed and released) gives the
    // keyboard back to Porthole until the console is clicked or the chord comes again.
    bool keyboardCaptured() const { return m_captured; }
    void setKeyboardCaptured(bool captured);
    void setReleaseChord(const ReleaseChord &chord);
    const ReleaseChord &releaseChord() const { return m_releaseChord; }
    // Sends a Send Keys combination (Ctrl+Alt+Del, ...).
    void sendCombo(KeyMapper::Combo combo);

    // Where the remote framebuffer is drawn, in widget coordinates.
    QRectF imageRect() const;
    // Widget position -> remote pixel (clamped to the desktop).
    QPoint toRemote(const QPointF &position) const;

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    bool event(QEvent *event) override;

Q_SIGNALS:
    void keyboardGrabChanged(bool grab);
    void keyboardCaptureChanged(bool captured);
    // Remote mode asked the server for a size it did not take (it refused, or cannot):
    // the view is back to Fit, and why says so.
    void remoteResizeFailed(const QString &why);

private:
    void applyKeyboardGrab();
    void onFrameUpdated(const QRegion &dirty);
    void onCursorShape(const QImage &shape, const QPoint &hotspot);
    void sendStroke(const KeyMapper::Stroke &stroke);
    void releaseAllKeys();
    void flushPointer();
    void requestRemoteResize();
    void fallBackToFit(const QString &why);
    int buttonMask(Qt::MouseButtons buttons) const;
    KeyMapper::Input inputFrom(const QKeyEvent *event) const;
    QSize shownSize() const;

    QPointer<RfbSession> m_session;
    QImage m_lastPicture; // the last picture of a dropped session, shown dimmed until the next one
    ScaleMode m_scaleMode = ScaleMode::Fit;
    bool m_viewOnly = false;
    bool m_grabWanted = false;
    KeyMapper m_keys;
    ReleaseChord m_releaseChord;
    bool m_captured = true;
    QTimer m_pointerTimer;
    QTimer m_resizeTimer;
    QTimer m_resizeAnswerTimer; // a resize request the server has not carried out yet
    QSize m_resizeWanted;
    QPoint m_pendingPointer;
    int m_buttons = 0;
    bool m_pointerPending = false;
};

} // namespace Porthole
