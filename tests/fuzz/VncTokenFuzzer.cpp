// SPDX-License-Identifier: GPL-2.0-or-later
// The addon-vnctoken answers: the input as one.vm.vnc's hand-built XML, as the bare token of
// one.vm.vnctokenonly, and as a whole XML-RPC response whose struct goes to fromStruct, as
// OneClient::consoleToken reads them. A token read is never empty, a port is -1 (unknown) or 0-65535, and
// toJson() never carries the password.
#include "FuzzSupport.h"
#include "cloud/VncToken.h"
#include "xmlrpc/XmlRpcReader.h"

#include <QJsonDocument>

using namespace Porthole;
using namespace PortholeFuzz;

namespace {

void checkToken(const std::optional<VncToken> &token, const QString &error)
{
    if (!token) {
        PORTHOLE_FUZZ_CHECK(!error.isEmpty(), "a refusal without a reason");
        return;
    }
    PORTHOLE_FUZZ_CHECK(!token->token.isEmpty(), "an empty token was accepted");
    PORTHOLE_FUZZ_CHECK(token->token == token->token.trimmed(), "the token keeps surrounding white space");
    // VncToken takes port 0 as given (validPort); the CLI shows it as unknown.
    PORTHOLE_FUZZ_CHECK(token->port >= -1 && token->port <= 65535, "a port out of range");
    const QJsonObject json = token->toJson(QString());
    PORTHOLE_FUZZ_CHECK(!json.contains(QStringLiteral("password")), "toJson() carries the password");
    PORTHOLE_FUZZ_CHECK(json.value(QStringLiteral("token")).toString() == token->token, "toJson() changed the token");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString text = QString::fromUtf8(bytes);

    QString error;
    checkToken(VncToken::fromVncXml(text, &error), error);

    const VncToken only = VncToken::fromTokenOnly(7, text);
    PORTHOLE_FUZZ_CHECK(!only.detailsKnown, "a bare token claims to know its details");
    PORTHOLE_FUZZ_CHECK(only.token == text.trimmed(), "the bare token was changed beyond trimming");

    const auto reader = XmlRpcReader::parse(XmlRpcReader::Kind::Response, bytes);
    if (!reader->hasError() && !reader->isFault()) {
        const QVariant value = reader->value();
        if (value.typeId() == QMetaType::QVariantMap) {
            error.clear();
            checkToken(VncToken::fromStruct(value.toMap(), &error), error);
        } else if (value.typeId() == QMetaType::QString) {
            error.clear();
            checkToken(VncToken::fromVncXml(value.toString(), &error), error);
        }
    }
    return 0;
}
