// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QImage>
#include <QObject>
#include <QPoint>
#include <QTimer>

struct _rfbScreenInfo;
struct _rfbClientRec;

namespace Porthole {

// A small live VNC desktop served in-process by libvncserver on 127.0.0.1, for
// the demo cloud's running VMs: an animated scene with a clock, the keys typed
// and marks where the mouse clicked, so a console visibly answers to input.
// It runs on the GUI thread: a timer lets libvncserver handle its sockets
// without blocking, and the scene is only animated while a viewer is connected.
class DemoDesktop : public QObject
{
    Q_OBJECT
public:
    DemoDesktop(const QString &name, const QString &password = QString(), QObject *parent = nullptr);
    ~DemoDesktop() override;

    bool start(QString *error, const QSize &size = QSize(800, 600));
    quint16 port() const { return m_port; }
    int clientCount() const;

    // The VM's power: off closes every viewer and refuses new ones (the console goes dark, as a
    // powered-off guest's does); on accepts again and paints a fresh boot. A reboot is off, then on.
    void setPoweredOn(bool on);
    bool poweredOn() const { return m_poweredOn; }
    int boots() const { return m_boots; }
    QString typedText() const { return m_typed; }

    // Every input event in arrival order, exactly as the viewer sent it, so tests
    // can check that nothing was lost, merged or altered on the way.
    struct InputEvent
    {
        enum class Kind
        {
            Key,
            Pointer
        };
        Kind kind = Kind::Key;
        bool down = false;
        quint32 keysym = 0;
        int buttons = 0;
        QPoint position;
        quint32 scancode = 0; // XT scancode of a QEMU extended key event, 0 for a plain one
        friend bool operator==(const InputEvent &, const InputEvent &) = default;
    };
    const QList<InputEvent> &inputEvents() const { return m_events; }
    QImage image() const { return m_image; }
    // Every clipboard text a viewer sent (ClientCutText), in arrival order.
    const QStringList &clipboardReceivedSoFar() const { return m_clipboard; }

Q_SIGNALS:
    void keyTyped(const QString &text);
    void clicked(const QPoint &position);
    void clipboardReceived(const QString &text);

private:
    static void onKey(signed char down, unsigned int keysym, _rfbClientRec *client);
    static void onPointer(int buttonMask, int x, int y, _rfbClientRec *client);
    static void onCutText(char *text, int length, _rfbClientRec *client);
    // Plain and QEMU extended key events alike (scancode 0 for a plain one).
    static void takeKey(bool down, quint32 keysym, quint32 scancode, _rfbClientRec *client);
    static void registerQemuKeyExtension();
    void handleKey(bool down, unsigned int keysym);
    void handlePointer(int buttonMask, const QPoint &position);
    void paintAll();
    void animate();
    void markDirty(const QRect &rect);

    QString m_name;
    QByteArray m_password;
    char *m_passwordList[2] = {nullptr, nullptr};
    _rfbScreenInfo *m_screen = nullptr;
    QByteArray m_desktopName;
    QImage m_image;
    quint16 m_port = 0;
    QTimer m_pump;
    QTimer m_animation;
    int m_frame = 0;
    QRect m_ballRect;
    QString m_typed;
    QList<InputEvent> m_events;
    QStringList m_clipboard;
    QList<QPoint> m_marks;
    int m_lastButtons = 0;
    bool m_poweredOn = true;
    int m_boots = 1;
};

} // namespace Porthole
