// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/dialogs/TokenInspectorDialog.h"

#include "console/ConsoleProbe.h"
#include "tokens/ConsoleUrl.h"
#include "ui/dialogs/FormBuddies.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace Porthole {

namespace {
// The probe's step keys, in words.
QString stepTitle(const QString &key)
{
    static const QHash<QString, const char *> titles {
        {QStringLiteral("resolve"), QT_TRANSLATE_NOOP("Porthole::TokenInspectorDialog", "DNS lookup")},
        {QStringLiteral("connect"), QT_TRANSLATE_NOOP("Porthole::TokenInspectorDialog", "TCP connection")},
        {QStringLiteral("tls"), QT_TRANSLATE_NOOP("Porthole::TokenInspectorDialog", "TLS certificate")},
        {QStringLiteral("upgrade"), QT_TRANSLATE_NOOP("Porthole::TokenInspectorDialog", "HTTP upgrade to WebSocket")},
        {QStringLiteral("subprotocol"), QT_TRANSLATE_NOOP("Porthole::TokenInspectorDialog", "WebSocket subprotocol")},
        {QStringLiteral("close"), QT_TRANSLATE_NOOP("Porthole::TokenInspectorDialog", "Close reason")},
        {QStringLiteral("rfb-version"), QT_TRANSLATE_NOOP("Porthole::TokenInspectorDialog", "RFB version")},
        {QStringLiteral("security-types"), QT_TRANSLATE_NOOP("Porthole::TokenInspectorDialog", "Security types")},
        {QStringLiteral("security"), QT_TRANSLATE_NOOP("Porthole::TokenInspectorDialog", "Security types")},
        {QStringLiteral("auth"), QT_TRANSLATE_NOOP("Porthole::TokenInspectorDialog", "Authentication")},
        {QStringLiteral("authentication"), QT_TRANSLATE_NOOP("Porthole::TokenInspectorDialog", "Authentication")},
        {QStringLiteral("init"), QT_TRANSLATE_NOOP("Porthole::TokenInspectorDialog", "Desktop name and size")},
        {QStringLiteral("server-init"), QT_TRANSLATE_NOOP("Porthole::TokenInspectorDialog", "Desktop name and size")},
    };
    if (const char *title = titles.value(key))
        return QCoreApplication::translate("Porthole::TokenInspectorDialog", title);
    return key;
}
} // namespace

TokenInspectorDialog::TokenInspectorDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Token inspector"));
    resize(760, 520);
    auto *layout = new QVBoxLayout(this);
    m_context = new QLabel;
    m_context->setWordWrap(true);
    m_context->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_context->hide();
    layout->addWidget(m_context);

    auto *form = new QFormLayout;
    m_input = new QLineEdit;
    m_input->setObjectName(QStringLiteral("input"));
    m_input->setPlaceholderText(
        tr("wss://proxy:29876/websockify?token=…, a noVNC URL, vnc://host:port, or a bare token"));
    m_input->setAccessibleName(tr("Console URL or token"));
    form->addRow(tr("Console &URL or token:"), m_input);
    m_proxy = new QLineEdit;
    m_proxy->setObjectName(QStringLiteral("proxy"));
    m_proxy->setPlaceholderText(QStringLiteral("wss://frontend:29876/websockify"));
    m_proxy->setAccessibleName(tr("Proxy URL for a bare token"));
    form->addRow(tr("&Proxy URL (for a bare token):"), m_proxy);
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("optional; needed to test VNC authentication"));
    m_password->setAccessibleName(tr("VNC password"));
    form->addRow(tr("VNC pass&word:"), m_password);
    layout->addLayout(form);

    m_steps = new QTreeWidget;
    m_steps->setObjectName(QStringLiteral("steps"));
    m_steps->setAccessibleName(tr("Probe steps"));
    m_steps->setRootIsDecorated(false);
    m_steps->setHeaderLabels({tr("Step"), tr("Result"), tr("Time"), tr("Details")});
    m_steps->header()->setStretchLastSection(true);
    m_steps->setWordWrap(true);
    layout->addWidget(m_steps, 1);

    m_result = new QLabel;
    m_result->setObjectName(QStringLiteral("result"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);
    m_progress = new QProgressBar;
    m_progress->setRange(0, 0);
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(12);
    m_progress->hide();
    layout->addWidget(m_progress);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_runButton = buttons->addButton(tr("&Run probe"), QDialogButtonBox::ActionRole);
    m_copyButton = buttons->addButton(tr("&Copy report"), QDialogButtonBox::ActionRole);
    m_copyButton->setEnabled(false);
    // Enter in a field runs the probe. No button may become the default by taking focus:
    // Close did, and Enter then closed the dialog and lost the URL.
    for (QAbstractButton *button : buttons->buttons()) {
        if (auto *push = qobject_cast<QPushButton *>(button))
            push->setAutoDefault(false);
    }
    for (QLineEdit *field : {m_input, m_proxy, m_password})
        connect(field, &QLineEdit::returnPressed, this, &TokenInspectorDialog::run);
    connect(m_runButton, &QPushButton::clicked, this, &TokenInspectorDialog::run);
    connect(m_copyButton, &QPushButton::clicked, this,
        [this] { QGuiApplication::clipboard()->setText(m_report.toText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    // Rows whose field is a layout: their labels get a buddy, so no literal '&' is drawn.
    FormBuddies::attach(this);
}

void TokenInspectorDialog::keyPressEvent(QKeyEvent *event)
{
    // QDialog would press a default button on Enter; the fields run the probe themselves.
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void TokenInspectorDialog::clearResults()
{
    m_report = ProbeReport();
    m_steps->clear();
    m_result->clear();
    m_copyButton->setEnabled(false);
}

TokenInspectorDialog::~TokenInspectorDialog() = default;

void TokenInspectorDialog::setInput(const QString &urlOrToken)
{
    m_input->setText(urlOrToken);
}

void TokenInspectorDialog::setProxyUrl(const QUrl &proxy)
{
    m_proxy->setText(proxy.toString());
}

void TokenInspectorDialog::setPassword(const QString &password)
{
    m_password->setText(password);
}

void TokenInspectorDialog::setContext(const QString &text)
{
    m_context->setText(text);
    m_context->setVisible(!text.isEmpty());
}

QString TokenInspectorDialog::resultText() const
{
    return m_result->text();
}

void TokenInspectorDialog::setBusy(bool busy)
{
    m_progress->setVisible(busy);
    m_runButton->setEnabled(!busy);
    m_input->setEnabled(!busy);
    m_proxy->setEnabled(!busy);
}

void TokenInspectorDialog::run()
{
    if (m_probe)
        return;
    // Nothing of the last run stays, whatever this one comes to.
    clearResults();
    QString text = m_input->text().trimmed();
    // A bare token goes behind the proxy URL, as websockify expects it.
    if (!text.isEmpty() && !text.contains(QLatin1String("://"))) {
        QUrl proxy(m_proxy->text().trimmed());
        if (!proxy.isValid() || proxy.host().isEmpty()) {
            m_result->setText(
                tr("A bare token needs the proxy URL it belongs to, e.g. wss://frontend:29876/websockify."));
            return;
        }
        proxy.setQuery(QStringLiteral("token=") + QString::fromLatin1(QUrl::toPercentEncoding(text)));
        text = proxy.toString();
    }
    QString error;
    const std::optional<ConsoleUrl> url = ConsoleUrl::parse(text, &error);
    if (!url) {
        m_result->setText(tr("Not a console URL: %1").arg(error));
        return;
    }
    ConsoleProbe::Options options;
    if (!m_password->text().isEmpty())
        options.password = m_password->text();
    m_result->setText(tr("Probing %1…").arg(url->displayString()));
    m_probe = new ConsoleProbe(this);
    connect(m_probe, &ConsoleProbe::finished, this, [this](const ProbeReport &report) {
        m_probe->deleteLater();
        m_probe = nullptr;
        setBusy(false);
        showReport(report);
    });
    setBusy(true);
    m_probe->start(*url, options);
}

void TokenInspectorDialog::showReport(const ProbeReport &report)
{
    m_report = report;
    m_steps->clear();
    static const QIcon ok(QStringLiteral(":/icons/state-running.svg"));
    static const QIcon failed(QStringLiteral(":/icons/state-failed.svg"));
    static const QIcon skipped(QStringLiteral(":/icons/state-off.svg"));
    for (const ProbeReport::Step &step : report.steps) {
        auto *item = new QTreeWidgetItem(m_steps);
        item->setText(0, stepTitle(step.name));
        switch (step.outcome) {
        case ProbeReport::Step::Outcome::Ok:
            item->setIcon(1, ok);
            item->setText(1, tr("OK"));
            break;
        case ProbeReport::Step::Outcome::Failed:
            item->setIcon(1, failed);
            item->setText(1, tr("Failed"));
            for (int c = 0; c < 4; ++c)
                item->setForeground(c, QColor(0xa4, 0x0e, 0x26));
            break;
        case ProbeReport::Step::Outcome::Skipped:
            item->setIcon(1, skipped);
            item->setText(1, tr("Skipped"));
            break;
        }
        item->setText(2, tr("%1 ms").arg(step.elapsedMs, 0, 'f', 1));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setText(3, step.summary);
        item->setToolTip(3, step.summary);
    }
    for (int c = 0; c < 3; ++c)
        m_steps->resizeColumnToContents(c);
    m_result->setText(report.ok() ? tr("Every step answered: this console can be opened.")
                                  : tr("<b>What it means:</b> %1").arg(report.meaning.toHtmlEscaped()));
    m_copyButton->setEnabled(true);
    Q_EMIT probeFinished(report);
}

} // namespace Porthole
