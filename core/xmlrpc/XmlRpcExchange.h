// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "base/CertificatePin.h"
#include "cloud/OneError.h"
#include "xmlrpc/XmlRpcReader.h"

#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace Porthole {

// One XML-RPC round trip over HTTP(S): POSTs a call, feeds the answer to an
// XmlRpcReader as it arrives, and turns every way it can fail into a OneError
// that names the endpoint, what answered and what to do.
class XmlRpcExchange : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int timeoutMs = 30000; // silence allowed between two reads
        qint64 maxResponseBytes = 1024LL * 1024 * 1024;
        QSslConfiguration tls;
        CertificatePin pin;
        bool insecure = false;
        // What a refused connection asks the user to check: which service should be listening.
        QString refusedAdvice = QStringLiteral("Is oned running, and is the endpoint right?");
        Remedies refusedRemedies; // the setting refusedAdvice names
    };

    XmlRpcExchange(QNetworkAccessManager *network, QUrl url, QString method, QByteArray body, Options options,
        QObject *parent = nullptr);
    ~XmlRpcExchange() override;

    XmlRpcReader &reader() { return m_reader; } // set a sink here before start()
    void start();
    void abort();

    const OneError &error() const { return m_error; }

Q_SIGNALS:
    void finished();
    void tlsWarning(const QString &warning);

private:
    void onReadyRead();
    void onFinished();
    void onSslErrors(const QList<QSslError> &errors);
    void onEncrypted();
    void stop(OneError error);
    void stopMalformed();
    OneError networkError() const;
    // For an endpoint that hung up unanswered: the words that point at oned 7.x's gRPC port, or none.
    QString grpcHint() const;
    OneError httpError(int status) const;
    QString where() const;

    QNetworkAccessManager *m_network;
    QUrl m_url;
    QString m_method;
    QByteArray m_body;
    Options m_options;
    XmlRpcReader m_reader {XmlRpcReader::Kind::Response};
    QPointer<QNetworkReply> m_reply;
    QTimer m_silence;
    qint64 m_received = 0;
    QByteArray m_errorBody; // the start of a non-200 answer, for the message
    OneError m_error;
    bool m_done = false;
};

} // namespace Porthole
