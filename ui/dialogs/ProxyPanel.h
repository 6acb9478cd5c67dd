// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include <QDialog>
#include <QPointer>
#include <QTimer>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace Porthole {

class LocalTokenProxy;

// The embedded token proxy at a glance: start and stop it (listen address,
// token source: in-app tokens or a websockify token file/directory, TLS
// certificate), watch its counters, and manage the in-app tokens (mint one
// for any host:port, copy its console or noVNC URL, revoke it).
class ProxyPanel : public QDialog
{
    Q_OBJECT
public:
    explicit ProxyPanel(LocalTokenProxy *proxy, QWidget *parent = nullptr);

    QString statusText() const;
    QTableWidget *tokenTable() const { return m_tokens; }
    QTableWidget *sessionTable() const { return m_sessions; }
    // Closes the live session shown in that row; false when it is gone.
    bool closeSession(int row);

public Q_SLOTS:
    void toggleRunning();
    // Mints a token for "host:port" typed by the user; false with a message otherwise.
    bool addToken(const QString &target);
    void copyUrl(int row, bool noVnc);
    void revoke(int row);
    // The buttons: they ask first, and act on what was selected when they were pressed.
    void revokeSelected();
    void closeSelectedSession();

private:
    void refreshState();
    void refreshTokens();
    void refreshCounters();
    void refreshSessions();
    bool confirm(const QString &title, const QString &text);
    // Each table shows several rows, every header in full (bounded by the screen).
    QSize defaultSize();

    QPointer<LocalTokenProxy> m_proxy;
    QLineEdit *m_address = nullptr;
    QSpinBox *m_port = nullptr;
    QComboBox *m_source = nullptr;
    QLineEdit *m_sourcePath = nullptr;
    QLineEdit *m_cert = nullptr;
    QLineEdit *m_key = nullptr;
    QPushButton *m_startStop = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_counters = nullptr;
    QTableWidget *m_tokens = nullptr;
    QTableWidget *m_sessions = nullptr;
    QLineEdit *m_newTarget = nullptr;
    QTimer m_tick;
};

} // namespace Porthole
