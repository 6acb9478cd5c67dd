// SPDX-License-Identifier: GPL-2.0-or-later
#include "ui/console/SshPrompts.h"

#include "ssh/SshConnectionPool.h"

#include <QApplication>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

namespace Porthole {

SshPrompts::SshPrompts(QObject *parent)
    : QObject(parent)
{
    connect(&SshConnectionPool::shared(), &SshConnectionPool::connectionCreated, this, &SshPrompts::watch);
}

void SshPrompts::watch(SshConnection *connection)
{
    QPointer<SshConnection> guard(connection);
    connect(connection, &SshConnection::hostKeyQuestion, this, [guard](const SshHostKey &key) {
        auto *box = new QMessageBox(QApplication::activeWindow());
        box->setObjectName(QStringLiteral("sshHostKeyPrompt"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setIcon(QMessageBox::Question);
        box->setWindowTitle(tr("Unknown SSH host"));
        box->setText(tr("The SSH jump host %1 is not in %2.").arg(key.host, key.knownHostsFile));
        box->setInformativeText(tr("Its %1 key has the fingerprint\n%2\n\nCompare it with the one the host's "
                                   "administrator gives you before you trust it.")
                                    .arg(key.type, key.fingerprint));
        QPushButton *once = box->addButton(tr("Trust &once"), QMessageBox::AcceptRole);
        QPushButton *always = box->addButton(tr("Trust and &remember"), QMessageBox::AcceptRole);
        box->addButton(QMessageBox::Cancel);
        connect(box, &QMessageBox::finished, box, [box, once, always, guard] {
            if (!guard)
                return;
            const QAbstractButton *clicked = box->clickedButton();
            guard->answerHostKey(clicked == once ? SshHostKeyAnswer::TrustOnce
                    : clicked == always          ? SshHostKeyAnswer::TrustAlways
                                                 : SshHostKeyAnswer::Refuse);
        });
        box->open();
    });
    connect(connection, &SshConnection::secretQuestion, this, [guard](const SshLink::SecretRequest &request) {
        auto *ask = new QInputDialog(QApplication::activeWindow());
        ask->setObjectName(QStringLiteral("sshSecretPrompt"));
        ask->setAttribute(Qt::WA_DeleteOnClose);
        ask->setTextEchoMode(QLineEdit::Password);
        const bool passphrase = request.kind == SshLink::SecretRequest::Kind::Passphrase;
        ask->setWindowTitle(passphrase ? tr("SSH key passphrase") : tr("SSH password"));
        QString label = passphrase ? tr("Passphrase of the key %1 (for %2):").arg(request.keyFile, request.account)
                                   : tr("Password of %1:").arg(request.account);
        if (request.retry)
            label = tr("That was not right. %1").arg(label);
        ask->setLabelText(label);
        auto answered = std::make_shared<bool>(false);
        connect(ask, &QInputDialog::textValueSelected, ask, [guard, answered](const QString &secret) {
            *answered = true;
            if (guard)
                guard->answerSecret(secret);
        });
        connect(ask, &QDialog::finished, ask, [guard, answered] {
            if (!*answered && guard)
                guard->answerSecret(std::nullopt);
        });
        ask->open();
    });
}

} // namespace Porthole
