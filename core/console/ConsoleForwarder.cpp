// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/ConsoleForwarder.h"

#include "base/Logging.h"
#include "console/ConsoleTransport.h"

#include <QPointer>
#include <QTcpSocket>

namespace Porthole {

ConsoleForwarder::ConsoleForwarder(const ConsoleUrl &url, const RfbSession::Options &options, QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_options(options)
{
    connect(&m_server, &QTcpServer::newConnection, this, &ConsoleForwarder::onNewConnection);
}

ConsoleForwarder::~ConsoleForwarder() = default;

bool ConsoleForwarder::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_server.listen(address, port))
        return true;
    *error = QStringLiteral("cannot listen on %1:%2: %3").arg(address.toString()).arg(port).arg(m_server.errorString());
    return false;
}

void ConsoleForwarder::onNewConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        const QString name = QStringLiteral("%1:%2").arg(client->peerAddress().toString()).arg(client->peerPort());
        client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        QString error;
        std::unique_ptr<ConsoleTransport> made = RfbSession::makeTransport(m_url, m_options, &error);
        if (!made) {
            Q_EMIT connectionClosed(name, error);
            client->deleteLater();
            continue;
        }
        // The pair lives as long as the client socket: the transport is its child.
        ConsoleTransport *transport = made.release();
        transport->setParent(client);
        ++m_active;
        auto pending = std::make_shared<QByteArray>(); // viewer bytes before the console opened
        auto done = std::make_shared<bool>(false);
        QPointer<QTcpSocket> guard(client);
        auto finish = [this, client, transport, name, done](const QString &why) {
            if (*done)
                return;
            *done = true;
            --m_active;
            transport->disconnect(client);
            client->disconnect(this);
            qCInfo(lcConsole) << "forward: connection from" << name << "ended" << why;
            Q_EMIT connectionClosed(name, why);
            transport->close();
            client->disconnectFromHost();
            client->deleteLater();
        };
        connect(client, &QTcpSocket::readyRead, transport, [client, transport, pending] {
            const QByteArray bytes = client->readAll();
            if (transport->observation().opened)
                transport->write(bytes);
            else
                pending->append(bytes);
        });
        connect(transport, &ConsoleTransport::opened, client, [transport, pending, name, this] {
            if (!pending->isEmpty())
                transport->write(std::exchange(*pending, {}));
            Q_EMIT connectionOpened(name);
        });
        connect(transport, &ConsoleTransport::received, client, [guard](const QByteArray &data) {
            if (guard)
                guard->write(data);
        });
        connect(transport, &ConsoleTransport::closed, client, [transport, finish] {
            const TransportObservation &o = transport->observation();
            finish(o.closedByUs                ? QString()
                    : !o.verdictText.isEmpty() ? o.verdictText
                    : !o.errorString.isEmpty() ? o.errorString
                                               : QStringLiteral("the console closed the connection"));
        });
        connect(client, &QTcpSocket::disconnected, this, [finish] { finish(QString()); });
        qCInfo(lcConsole) << "forward: connection from" << name << "to" << m_url.displayString();
        transport->open();
    }
}

} // namespace Porthole
