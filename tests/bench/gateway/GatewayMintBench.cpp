// SPDX-License-Identifier: GPL-2.0-or-later
// Console tokens minted per second through the gateway, and each mint's latency (p50, p99),
// with oned's answer taken out: the demo cloud answers one.vm.info in process (its VM
// document is still written and parsed), so what is measured is the gateway itself.
//
//   mintOverHttp      an HTTP POST of one.vm.vnctoken to a TokenProxy + ConsoleGateway on
//                     127.0.0.1 (its own thread and event loop, as in porthole-proxy), answer
//                     read to the close: what a billing system sees
//   mintMethodLayer   GatewayMethods::call alone: parse, check, mint, write the answer
#include "cloud/VmPoolParser.h"
#include "demo/DemoCloud.h"
#include "gateway/ConsoleGateway.h"
#include "gateway/VmInfoSource.h"
#include "proxy/TokenProxy.h"
#include "tokens/MemoryTokenSource.h"
#include "xmlrpc/XmlRpcWriter.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QThread>

#include <algorithm>
#include <arpa/inet.h>
#include <chrono>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

using namespace Porthole;

namespace {

// one.vm.info from the demo cloud, parsed as oned's answer would be.
class DemoVmInfo : public VmInfoSource
{
public:
    explicit DemoVmInfo(QObject *context, bool queued)
        : m_context(context)
        , m_queued(queued)
    { }

    void vmInfo(const QString &session, int vmId, Done done) override
    {
        auto answer = [this, session, vmId, done] {
            const QVariantList envelope
                = m_cloud.call(QStringLiteral("one.vm.info"), QVariantList {session, vmId}).value.toList();
            Result result;
            if (envelope.value(0).toBool()) {
                const auto vms = VmPoolParser::parse(envelope.value(1).toString());
                if (vms && vms->size() == 1)
                    result.vm = vms->first();
            } else {
                result.onedAnswered = true;
                result.message = envelope.value(1).toString();
            }
            done(result);
        };
        if (m_queued)
            QMetaObject::invokeMethod(m_context, answer, Qt::QueuedConnection);
        else
            answer();
    }

private:
    DemoCloud m_cloud;
    QObject *m_context;
    bool m_queued;
};

// The gateway as porthole-proxy runs it, on a thread of its own.
struct Server
{
    QThread thread;
    QObject *context = nullptr;
    std::unique_ptr<MemoryTokenSource> tokens;
    std::unique_ptr<DemoVmInfo> vms;
    std::unique_ptr<TokenProxy> proxy;
    std::unique_ptr<ConsoleGateway> gateway;
    quint16 port = 0;

    Server()
    {
        thread.start();
        context = new QObject;
        context->moveToThread(&thread);
        QMetaObject::invokeMethod(
            context,
            [this] {
                tokens = std::make_unique<MemoryTokenSource>();
                vms = std::make_unique<DemoVmInfo>(context, true);
                ProxyConfig config;
                config.listenAddress = QHostAddress::LocalHost;
                proxy = std::make_unique<TokenProxy>(config, tokens.get());
                QString error;
                if (proxy->start(&error))
                    port = proxy->port();
                gateway = std::make_unique<ConsoleGateway>(
                    GatewayMethods::Settings {}, proxy.get(), vms.get(), tokens.get());
            },
            Qt::BlockingQueuedConnection);
    }
    ~Server()
    {
        QMetaObject::invokeMethod(
            context,
            [this] {
                gateway.reset();
                proxy.reset();
                vms.reset();
                tokens.reset();
                delete context;
            },
            Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
};

Server *g_server = nullptr;

const QByteArray &request()
{
    static const QByteArray body = XmlRpcWriter::methodCall(QStringLiteral("one.vm.vnctoken"),
        QVariantList {QString(DemoCloud::demoUser() + QLatin1Char(':') + DemoCloud::demoPassword()), 0});
    static const QByteArray whole
        = "POST /RPC2 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return whole;
}

// One call on a fresh connection (the gateway, like the addon and oned, closes after each).
bool mintOnce(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in address {};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0
        && ::write(fd, request().constData(), size_t(request().size())) == request().size();
    char buffer[4096];
    QByteArray answer;
    while (ok) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0)
            break;
        answer.append(buffer, n);
    }
    ::close(fd);
    return ok && answer.contains("<name>token</name>");
}

void reportPercentiles(benchmark::State &state, std::vector<double> &latencies)
{
    if (latencies.empty())
        return;
    std::sort(latencies.begin(), latencies.end());
    auto at = [&](double q) { return latencies[std::min(latencies.size() - 1, size_t(q * double(latencies.size())))]; };
    state.counters["p50_ms"] = benchmark::Counter(at(0.50), benchmark::Counter::kAvgThreads);
    state.counters["p99_ms"] = benchmark::Counter(at(0.99), benchmark::Counter::kAvgThreads);
}

void mintOverHttp(benchmark::State &state)
{
    std::vector<double> latencies;
    latencies.reserve(1 << 16);
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        if (!mintOnce(g_server->port)) {
            state.SkipWithError("a mint failed");
            break;
        }
        latencies.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    }
    state.SetItemsProcessed(state.iterations());
    reportPercentiles(state, latencies);
}
BENCHMARK(mintOverHttp)->UseRealTime()->MinTime(3.0);
BENCHMARK(mintOverHttp)->Threads(4)->UseRealTime()->MinTime(3.0);

void mintMethodLayer(benchmark::State &state)
{
    QObject context;
    MemoryTokenSource tokens;
    DemoVmInfo vms(&context, false);
    GatewayMethods methods(GatewayMethods::Settings {}, &vms, &tokens);
    const QByteArray body = request().mid(request().indexOf("\r\n\r\n") + 4);
    std::vector<double> latencies;
    latencies.reserve(1 << 18);
    for (auto _ : state) {
        const auto start = std::chrono::steady_clock::now();
        QByteArray answer;
        methods.call(body, [&](const QByteArray &document) { answer = document; });
        latencies.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        benchmark::DoNotOptimize(answer);
    }
    state.SetItemsProcessed(state.iterations());
    reportPercentiles(state, latencies);
}
BENCHMARK(mintMethodLayer)->UseRealTime()->MinTime(2.0);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // One log line per mint goes to the journal in production; measured here is the gateway.
    QLoggingCategory::setFilterRules(QStringLiteral("porthole.*.info=false"));
    benchmark::Initialize(&argc, argv);
    Server server;
    g_server = &server;
    if (server.port == 0)
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    g_server = nullptr;
    return 0;
}
