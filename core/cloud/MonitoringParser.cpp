// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/MonitoringParser.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

namespace Porthole {
namespace {

// Views, so that a name of another length is told apart without a call (each record has ten).
constexpr std::array<QStringView, 10> kFields = {u"TIMESTAMP", u"CPU", u"MEMORY", u"NETRX", u"NETTX", u"DISKRDBYTES",
    u"DISKWRBYTES", u"DISKRDIOPS", u"DISKWRIOPS", u"ID"};

// A probe's value: long enough for any number; text beyond it is not kept (bounded memory).
constexpr qsizetype kMaxValueChars = 64;

// Probes write plain integers almost always: those are read here, as QStringView::toDouble
// costs a locale-aware conversion each (half of parsing a week of records, bench_vm_list).
// Anything else (fractions, exponents, signs, 19 digits or more) goes through toDouble.
std::optional<qint64> plainInteger(QStringView text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (const QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

qint64 counter(QStringView text)
{
    text = text.trimmed();
    if (const std::optional<qint64> plain = plainInteger(text))
        return *plain;
    const double value = text.toDouble();
    return std::isfinite(value) && value >= 0 && value < 9e18 ? qint64(value) : 0;
}

} // namespace

MonitoringParser::MonitoringParser(qsizetype maxRecords)
    : m_max(std::max<qsizetype>(1, maxRecords))
{ }

void MonitoringParser::addData(QStringView chunk)
{
    if (hasError() || chunk.isEmpty())
        return;
    m_scanner.addData(chunk);
    while (!hasError()) {
        switch (m_scanner.next()) {
        case XmlScanner::Token::StartElement:
            startElement(m_scanner.name());
            break;
        case XmlScanner::Token::EndElement:
            endElement();
            break;
        case XmlScanner::Token::Characters:
            if (m_skip == 0 && m_field >= 0 && m_text.size() < kMaxValueChars)
                m_text.append(m_scanner.text().left(kMaxValueChars - m_text.size()));
            break;
        case XmlScanner::Token::Error:
            m_error = m_scanner.errorString();
            return;
        case XmlScanner::Token::NeedData:
            return;
        }
    }
}

void MonitoringParser::startElement(QStringView name)
{
    if (m_skip > 0) {
        ++m_skip;
        return;
    }
    switch (m_depth) {
    case 0:
        if (name != u"MONITORING_DATA") {
            m_scanner.raiseError(
                QStringLiteral("expected <MONITORING_DATA> as the document element, found <%1>").arg(name));
            m_error = m_scanner.errorString();
            return;
        }
        break;
    case 1:
        if (name != u"MONITORING") {
            m_skip = 1;
            return;
        }
        m_record = VmMonitoringRecord();
        break;
    case 2: {
        const auto it = std::find_if(
            kFields.begin(), kFields.end(), [&](QStringView f) { return f.size() == name.size() && f == name; });
        if (it == kFields.end()) {
            m_skip = 1; // DISK_SIZE vectors, GUEST_IP, ...: not graphed
            return;
        }
        m_field = int(it - kFields.begin());
        m_text.truncate(0);
        break;
    }
    default:
        m_skip = 1; // markup inside a value
        return;
    }
    ++m_depth;
}

void MonitoringParser::endElement()
{
    if (m_skip > 0) {
        --m_skip;
        return;
    }
    --m_depth;
    if (m_depth == 2) {
        commit();
        m_field = -1;
    } else if (m_depth == 1) {
        m_records.push_back(m_record);
        if (qsizetype(m_records.size()) > m_max) {
            m_records.pop_front();
            ++m_dropped;
        }
    } else if (m_depth == 0) {
        m_rootClosed = true;
    }
}

void MonitoringParser::commit()
{
    const QStringView text(m_text);
    switch (m_field) {
    case 0:
        m_record.timestamp = counter(text);
        break;
    case 1: {
        const std::optional<qint64> plain = plainInteger(text.trimmed());
        const double cpu = plain ? double(*plain) : text.trimmed().toDouble();
        m_record.cpu = std::isfinite(cpu) && cpu >= 0 && cpu < 1e7 ? cpu : 0;
        break;
    }
    case 2:
        m_record.memoryKiB = counter(text);
        break;
    case 3:
        m_record.netRx = counter(text);
        break;
    case 4:
        m_record.netTx = counter(text);
        break;
    case 5:
        m_record.diskReadBytes = counter(text);
        break;
    case 6:
        m_record.diskWriteBytes = counter(text);
        break;
    case 7:
        m_record.diskReadIops = counter(text);
        break;
    case 8:
        m_record.diskWriteIops = counter(text);
        break;
    default:
        break;
    }
}

bool MonitoringParser::finish()
{
    if (hasError())
        return false;
    if (!m_rootClosed || m_scanner.hasPendingInput()) {
        m_scanner.raiseError(m_scanner.started()
                ? QStringLiteral("the document ended early, before </MONITORING_DATA>")
                : QStringLiteral("the document is empty (expected <MONITORING_DATA>)"));
        m_error = m_scanner.errorString();
        return false;
    }
    return true;
}

QList<VmMonitoringRecord> MonitoringParser::records() const
{
    QList<VmMonitoringRecord> out(m_records.begin(), m_records.end());
    std::stable_sort(out.begin(), out.end(), [](const auto &a, const auto &b) { return a.timestamp < b.timestamp; });
    return out;
}

std::optional<QList<VmMonitoringRecord>> MonitoringParser::parse(QStringView document, QString *error, qsizetype max)
{
    MonitoringParser parser(max);
    parser.addData(document);
    if (!parser.finish()) {
        if (error)
            *error = parser.errorString();
        return std::nullopt;
    }
    return parser.records();
}

} // namespace Porthole
