// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/dialogs/ProxyPanel.h"

#include "base/Redact.h"
#include "proxy/LocalTokenProxy.h"
#include "proxy/TokenProxy.h"
#include "ui/dialogs/FormBuddies.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSpinBox>
#include <QTableWidget>
#include <QTime>
#include <QVBoxLayout>

namespace Porthole {

namespace {
// Tokens and sessions at a glance: what each table shows at the panel's default size
// (issue 14: 1.5 rows were visible), and what it keeps when the panel is made smaller.
constexpr int kDefaultRows = 6;
constexpr int kMinimumRows = 2;

// The height at which table shows rows rows without scrolling.
int heightForRows(const QTableWidget *table, int rows)
{
    return table->horizontalHeader()->sizeHint().height() + rows * table->verticalHeader()->defaultSectionSize()
        + 2 * table->frameWidth();
}

// The width at which no header text is clipped (the sections start at their hints).
int widthForHeaders(const QTableWidget *table)
{
    const QHeaderView *header = table->horizontalHeader();
    int width = 2 * table->frameWidth();
    for (int section = 0; section < header->count(); ++section)
        width += header->sectionSizeHint(section);
    return width;
}

// The long column (a target's host:port) takes the room left; the short ones fit their
// contents and their header, so neither is ever clipped.
void sizeColumns(QTableWidget *table, int longColumn)
{
    QHeaderView *header = table->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(longColumn, QHeaderView::Stretch);
}
} // namespace

ProxyPanel::ProxyPanel(LocalTokenProxy *proxy, QWidget *parent)
    : QDialog(parent)
    , m_proxy(proxy)
{
    setWindowTitle(tr("Local token proxy"));
    auto *layout = new QVBoxLayout(this);

    auto *setup = new QGroupBox(tr("Proxy"));
    auto *form = new QFormLayout(setup);
    auto *listenRow = new QHBoxLayout;
    m_address = new QLineEdit(proxy->settings().address.toString());
    m_address->setObjectName(QStringLiteral("address"));
    m_address->setAccessibleName(tr("Listen address"));
    m_port = new QSpinBox;
    m_port->setObjectName(QStringLiteral("port"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port"));
    m_port->setValue(proxy->settings().port);
    m_port->setAccessibleName(tr("Listen port"));
    listenRow->addWidget(m_address, 1);
    listenRow->addWidget(m_port);
    form->addRow(tr("&Listen on:"), listenRow);
    m_source = new QComboBox;
    m_source->setObjectName(QStringLiteral("source"));
    m_source->addItem(tr("In-app tokens (minted here)"));
    m_source->addItem(tr("A websockify token file or directory"));
    m_source->setCurrentIndex(proxy->settings().tokenPath.isEmpty() ? 0 : 1);
    m_source->setAccessibleName(tr("Token source"));
    form->addRow(tr("&Tokens:"), m_source);
    auto *pathRow = new QHBoxLayout;
    m_sourcePath = new QLineEdit(proxy->settings().tokenPath);
    m_sourcePath->setObjectName(QStringLiteral("sourcePath"));
    m_sourcePath->setPlaceholderText(QStringLiteral("/var/lib/one/sunstone_vnc_tokens"));
    m_sourcePath->setAccessibleName(tr("Token file or directory"));
    auto *browse = new QPushButton(tr("&Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Token directory"), m_sourcePath->text());
        if (!dir.isEmpty())
            m_sourcePath->setText(dir);
    });
    pathRow->addWidget(m_sourcePath, 1);
    pathRow->addWidget(browse);
    form->addRow(tr("Token &file or directory:"), pathRow);
    // Certificate and key share a row, and the traffic counters sit with the sessions: the
    // height goes to the tables.
    auto *tlsRow = new QHBoxLayout;
    m_cert = new QLineEdit(proxy->settings().certFile);
    m_cert->setPlaceholderText(tr("none: plain ws://"));
    m_cert->setAccessibleName(tr("TLS certificate"));
    m_key = new QLineEdit(proxy->settings().keyFile);
    m_key->setPlaceholderText(tr("in the certificate file"));
    m_key->setAccessibleName(tr("TLS key"));
    auto *keyLabel = new QLabel(tr("TLS &key:"));
    keyLabel->setBuddy(m_key);
    tlsRow->addWidget(m_cert, 1);
    tlsRow->addWidget(keyLabel);
    tlsRow->addWidget(m_key, 1);
    form->addRow(tr("TLS certificate (&PEM):"), tlsRow);
    auto *runRow = new QHBoxLayout;
    m_startStop = new QPushButton;
    m_startStop->setObjectName(QStringLiteral("startStop"));
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    runRow->addWidget(m_startStop);
    runRow->addWidget(m_status, 1);
    form->addRow(runRow);
    layout->addWidget(setup);

    auto *tokens = new QGroupBox(tr("In-app tokens"));
    auto *tokenLayout = new QVBoxLayout(tokens);
    m_tokens = new QTableWidget(0, 3);
    m_tokens->setObjectName(QStringLiteral("tokens"));
    m_tokens->setAccessibleName(tr("In-app tokens"));
    m_tokens->setHorizontalHeaderLabels({tr("Token"), tr("Target"), tr("Expires")});
    sizeColumns(m_tokens, 1);
    m_tokens->verticalHeader()->hide();
    m_tokens->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tokens->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tokens->setEditTriggers(QAbstractItemView::NoEditTriggers);
    tokenLayout->addWidget(m_tokens);
    auto *tokenButtons = new QHBoxLayout;
    m_newTarget = new QLineEdit;
    m_newTarget->setObjectName(QStringLiteral("newTarget"));
    m_newTarget->setPlaceholderText(tr("host:port of a VNC server"));
    m_newTarget->setAccessibleName(tr("Target for a new token"));
    auto *add = new QPushButton(tr("&Mint token"));
    connect(add, &QPushButton::clicked, this, [this] {
        if (addToken(m_newTarget->text()))
            m_newTarget->clear();
    });
    auto *copy = new QPushButton(tr("Copy console &URL"));
    connect(copy, &QPushButton::clicked, this, [this] { copyUrl(m_tokens->currentRow(), false); });
    auto *copyNoVnc = new QPushButton(tr("Copy &noVNC URL"));
    connect(copyNoVnc, &QPushButton::clicked, this, [this] { copyUrl(m_tokens->currentRow(), true); });
    auto *revokeButton = new QPushButton(tr("&Revoke"));
    revokeButton->setObjectName(QStringLiteral("revoke"));
    connect(revokeButton, &QPushButton::clicked, this, &ProxyPanel::revokeSelected);
    tokenButtons->addWidget(m_newTarget, 1);
    tokenButtons->addWidget(add);
    tokenButtons->addWidget(copy);
    tokenButtons->addWidget(copyNoVnc);
    tokenButtons->addWidget(revokeButton);
    tokenLayout->addLayout(tokenButtons);
    layout->addWidget(tokens, 1);

    auto *live = new QGroupBox(tr("Live sessions"));
    auto *liveLayout = new QVBoxLayout(live);
    m_sessions = new QTableWidget(0, 6);
    m_sessions->setObjectName(QStringLiteral("sessions"));
    m_sessions->setAccessibleName(tr("Live sessions"));
    m_sessions->setHorizontalHeaderLabels(
        {tr("Client"), tr("Token"), tr("Target"), tr("To the VM"), tr("To the viewer"), tr("Duration")});
    sizeColumns(m_sessions, 2);
    m_sessions->verticalHeader()->hide();
    m_sessions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_sessions->setSelectionMode(QAbstractItemView::SingleSelection);
    m_sessions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    liveLayout->addWidget(m_sessions);
    auto *closeButton = new QPushButton(tr("&Close session"));
    closeButton->setToolTip(tr("End the selected session; its viewer is told the proxy's operator closed it"));
    closeButton->setObjectName(QStringLiteral("closeSession"));
    connect(closeButton, &QPushButton::clicked, this, &ProxyPanel::closeSelectedSession);
    auto *liveButtons = new QHBoxLayout;
    m_counters = new QLabel;
    m_counters->setObjectName(QStringLiteral("counters"));
    m_counters->setTextInteractionFlags(Qt::TextSelectableByMouse);
    liveButtons->addWidget(new QLabel(tr("Traffic:")));
    liveButtons->addWidget(m_counters, 1);
    liveButtons->addWidget(closeButton);
    liveLayout->addLayout(liveButtons);
    layout->addWidget(live, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_startStop, &QPushButton::clicked, this, &ProxyPanel::toggleRunning);
    connect(proxy, &LocalTokenProxy::runningChanged, this, &ProxyPanel::refreshState);
    connect(proxy, &LocalTokenProxy::tokensChanged, this, &ProxyPanel::refreshTokens);
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &ProxyPanel::refreshCounters);
    connect(&m_tick, &QTimer::timeout, this, &ProxyPanel::refreshSessions);
    m_tick.start();
    refreshState();
    refreshTokens();
    // Rows whose field is a layout: their labels get a buddy, so no literal '&' is drawn.
    FormBuddies::attach(this);
    resize(defaultSize());
}

QSize ProxyPanel::defaultSize()
{
    // The layout works the size out from the tables' wanted heights and widths, so it holds
    // for any font and style; afterwards the tables may shrink to a few rows again.
    for (QTableWidget *table : {m_tokens, m_sessions}) {
        table->setMinimumSize(widthForHeaders(table), heightForRows(table, kDefaultRows));
        table->updateGeometry();
    }
    layout()->activate();
    // Wide enough for a session's client address:port and a typed target beside the buttons.
    QSize size = sizeHint().expandedTo(QSize(760, 0));
    for (QTableWidget *table : {m_tokens, m_sessions})
        table->setMinimumSize(widthForHeaders(table), heightForRows(table, kMinimumRows));
    layout()->activate(); // the panel's own minimum size follows
    if (const QScreen *shown = screen())
        size = size.boundedTo(shown->availableSize());
    return size;
}

QString ProxyPanel::statusText() const
{
    return m_status->text();
}

void ProxyPanel::toggleRunning()
{
    if (!m_proxy)
        return;
    if (m_proxy->isRunning()) {
        m_proxy->stop();
        return;
    }
    LocalTokenProxy::Settings settings;
    settings.address = QHostAddress(m_address->text().trimmed());
    if (settings.address.isNull()) {
        m_status->setText(tr("“%1” is not an IP address to listen on.").arg(m_address->text()));
        return;
    }
    settings.port = quint16(m_port->value());
    if (m_source->currentIndex() == 1)
        settings.tokenPath = m_sourcePath->text().trimmed();
    settings.certFile = m_cert->text().trimmed();
    settings.keyFile = m_key->text().trimmed();
    if (m_source->currentIndex() == 1 && settings.tokenPath.isEmpty()) {
        m_status->setText(tr("Choose the token file or directory to serve."));
        return;
    }
    QString error;
    if (!m_proxy->start(&error, settings))
        m_status->setText(tr("Not started: %1").arg(error));
}

void ProxyPanel::refreshState()
{
    const bool running = m_proxy && m_proxy->isRunning();
    m_startStop->setText(running ? tr("&Stop") : tr("&Start"));
    for (QWidget *w :
        {static_cast<QWidget *>(m_address), static_cast<QWidget *>(m_port), static_cast<QWidget *>(m_source),
            static_cast<QWidget *>(m_sourcePath), static_cast<QWidget *>(m_cert), static_cast<QWidget *>(m_key)})
        w->setEnabled(!running);
    if (running) {
        m_status->setText(tr("Listening on %1://%2:%3/websockify, serving %4")
                              .arg(m_proxy->tlsEnabled() ? QStringLiteral("wss") : QStringLiteral("ws"),
                                  m_proxy->settings().address.toString())
                              .arg(m_proxy->port())
                              .arg(m_proxy->sourceDescription()));
    } else {
        m_status->setText(tr("Stopped."));
    }
    refreshCounters();
}

void ProxyPanel::refreshTokens()
{
    const QList<LocalTokenProxy::Minted> minted = m_proxy ? m_proxy->minted() : QList<LocalTokenProxy::Minted>();
    m_tokens->setRowCount(int(minted.size()));
    for (int row = 0; row < minted.size(); ++row) {
        const LocalTokenProxy::Minted &m = minted.at(row);
        auto *token = new QTableWidgetItem(redact(m.token));
        token->setData(Qt::UserRole, m.token);
        m_tokens->setItem(row, 0, token);
        m_tokens->setItem(row, 1, new QTableWidgetItem(m.target.toString()));
        m_tokens->setItem(
            row, 2, new QTableWidgetItem(QLocale().toString(m.expiresAt.toLocalTime(), QLocale::ShortFormat)));
    }
}

void ProxyPanel::refreshCounters()
{
    const ProxyMetrics metrics = m_proxy ? m_proxy->metrics() : ProxyMetrics();
    quint64 refused = 0;
    for (quint64 n : metrics.refused)
        refused += n;
    m_counters->setText(tr("%1 open, %2 in all, %3 refused · %4 to the VMs, %5 to the viewers")
                            .arg(metrics.sessionsOpen)
                            .arg(metrics.sessionsTotal)
                            .arg(refused)
                            .arg(QLocale().formattedDataSize(qint64(metrics.bytesToTarget)),
                                QLocale().formattedDataSize(qint64(metrics.bytesToClient))));
}

void ProxyPanel::refreshSessions()
{
    const QList<ProxySessionInfo> sessions
        = m_proxy && m_proxy->proxy() ? m_proxy->proxy()->sessions() : QList<ProxySessionInfo>();
    // Rows are rebuilt each second; the selection follows its session, not its row.
    const QTableWidgetItem *current = m_sessions->item(m_sessions->currentRow(), 0);
    const quint64 selected = current ? current->data(Qt::UserRole).toULongLong() : 0;
    m_sessions->setRowCount(int(sessions.size()));
    for (int row = 0; row < sessions.size(); ++row) {
        const ProxySessionInfo &session = sessions[row];
        const QStringList cells {session.client, session.token, session.target,
            QLocale().formattedDataSize(qint64(session.bytesToTarget)),
            QLocale().formattedDataSize(qint64(session.bytesToClient)),
            QTime(0, 0)
                .addMSecs(int(std::min<qint64>(session.durationMs, 86399999)))
                .toString(QStringLiteral("hh:mm:ss"))};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setData(Qt::UserRole, session.id);
            m_sessions->setItem(row, column, item);
        }
        if (session.id == selected)
            m_sessions->selectRow(row);
    }
    // The selected session is gone: nothing is selected, rather than whichever took its row.
    if (selected != 0 && !m_sessions->selectionModel()->hasSelection())
        m_sessions->setCurrentItem(nullptr);
}

bool ProxyPanel::confirm(const QString &title, const QString &text)
{
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::Yes | QMessageBox::No, this);
    box.setObjectName(QStringLiteral("confirm"));
    box.setDefaultButton(QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
}

void ProxyPanel::revokeSelected()
{
    const int row = m_tokens->currentRow();
    const QTableWidgetItem *token = m_tokens->item(row, 0);
    if (!token || !m_tokens->selectionModel()->hasSelection()) {
        m_status->setText(tr("Select a token to revoke first."));
        return;
    }
    const QTableWidgetItem *target = m_tokens->item(row, 1);
    if (!confirm(tr("Revoke token"),
            tr("Revoke token %1 (for %2)? Viewers can no longer connect with it.")
                .arg(token->text(), target ? target->text() : QString())))
        return;
    revoke(row);
}

void ProxyPanel::closeSelectedSession()
{
    const int row = m_sessions->currentRow();
    const QTableWidgetItem *client = m_sessions->item(row, 0);
    if (!client || !m_sessions->selectionModel()->hasSelection()) {
        m_status->setText(tr("Select a session to close first."));
        return;
    }
    const QTableWidgetItem *target = m_sessions->item(row, 2);
    const quint64 id = client->data(Qt::UserRole).toULongLong();
    if (!confirm(tr("Close session"),
            tr("Close the session of %1 to %2? Its viewer is disconnected.")
                .arg(client->text(), target ? target->text() : QString())))
        return;
    // The rows may have been rebuilt while the question was open: close the session asked about.
    for (int r = 0; r < m_sessions->rowCount(); ++r) {
        if (m_sessions->item(r, 0) && m_sessions->item(r, 0)->data(Qt::UserRole).toULongLong() == id) {
            closeSession(r);
            return;
        }
    }
}

bool ProxyPanel::closeSession(int row)
{
    const QTableWidgetItem *item = m_sessions->item(row, 0);
    if (!item || !m_proxy || !m_proxy->proxy())
        return false;
    const bool closed = m_proxy->proxy()->closeSession(item->data(Qt::UserRole).toULongLong());
    m_sessions->setCurrentItem(nullptr); // no other session becomes the selected one
    refreshSessions();
    return closed;
}

bool ProxyPanel::addToken(const QString &text)
{
    if (!m_proxy)
        return false;
    if (!m_proxy->isRunning() || !m_proxy->canMint()) {
        m_status->setText(tr("Start the proxy with in-app tokens to mint one."));
        return false;
    }
    QString error;
    const TokenTarget target = TokenTarget::parse(text.trimmed(), &error);
    if (!target.isValid()) {
        m_status->setText(tr("Not a target: %1").arg(error));
        return false;
    }
    m_proxy->mint(target);
    m_tokens->selectRow(m_tokens->rowCount() - 1);
    return true;
}

void ProxyPanel::copyUrl(int row, bool noVnc)
{
    if (!m_proxy || row < 0 || row >= m_tokens->rowCount())
        return;
    const ConsoleUrl url = m_proxy->urlFor(m_tokens->item(row, 0)->data(Qt::UserRole).toString());
    if (noVnc) {
        const QUrl page = m_proxy->noVncPage();
        if (page.isEmpty()) {
            m_status->setText(tr("noVNC is not installed for the proxy to serve (Debian package novnc)."));
            return;
        }
        QGuiApplication::clipboard()->setText(url.noVncUrl(page).toString());
    } else {
        QGuiApplication::clipboard()->setText(url.connectUrl().toString());
    }
}

void ProxyPanel::revoke(int row)
{
    if (m_proxy && row >= 0 && row < m_tokens->rowCount()) {
        m_proxy->revoke(m_tokens->item(row, 0)->data(Qt::UserRole).toString());
        // No other token becomes the selected one (a second click would revoke it).
        m_tokens->setCurrentItem(nullptr);
        m_tokens->clearSelection();
    }
}

} // namespace Porthole
