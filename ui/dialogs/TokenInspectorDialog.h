// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "console/ConsoleProbe.h"
#include "console/ProbeReport.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace Porthole {

// Takes a console URL (or a token plus the proxy URL), runs the step-by-step
// console probe on its own thread and shows each step (DNS, TCP, TLS, HTTP
// upgrade, RFB version, security, authentication, desktop) with its time and
// result, and what the first failure means, readable at a glance.
class TokenInspectorDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TokenInspectorDialog(QWidget *parent = nullptr);
    ~TokenInspectorDialog() override;

    void setInput(const QString &urlOrToken);
    void setProxyUrl(const QUrl &proxy);
    void setPassword(const QString &password);
    // Shown above the steps, e.g. where the token came from.
    void setContext(const QString &text);
    const ProbeReport &report() const { return m_report; }
    bool isRunning() const { return m_probe != nullptr; }
    QString resultText() const;

public Q_SLOTS:
    void run();

Q_SIGNALS:
    void probeFinished(const Porthole::ProbeReport &report);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void clearResults();
    void showReport(const ProbeReport &report);
    void setBusy(bool busy);

    QLineEdit *m_input = nullptr;
    QLineEdit *m_proxy = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_context = nullptr;
    QTreeWidget *m_steps = nullptr;
    QLabel *m_result = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_runButton = nullptr;
    QPushButton *m_copyButton = nullptr;
    QPointer<ConsoleProbe> m_probe;
    ProbeReport m_report;
};

} // namespace Porthole
