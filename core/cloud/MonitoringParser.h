// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/XmlScanner.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringView>

#include <deque>
#include <optional>

namespace Porthole {

// One <MONITORING> record of a VM as oned's monitord stores it. Network and disk values are
// counters since the guest booted; VmMonitoringSeries turns them into rates.
struct VmMonitoringRecord
{
    qint64 timestamp = 0; // TIMESTAMP, seconds since the epoch
    double cpu = 0; // CPU, percent of one physical CPU (200: two busy cores)
    qint64 memoryKiB = 0; // MEMORY
    qint64 netRx = 0; // NETRX, bytes
    qint64 netTx = 0; // NETTX
    qint64 diskReadBytes = 0; // DISKRDBYTES
    qint64 diskWriteBytes = 0; // DISKWRBYTES
    qint64 diskReadIops = 0; // DISKRDIOPS
    qint64 diskWriteIops = 0; // DISKWRIOPS

    friend bool operator==(const VmMonitoringRecord &, const VmMonitoringRecord &) = default;
};

// Reads one.vm.monitoring's <MONITORING_DATA> (any number of <MONITORING>) incrementally, as the
// XML-RPC reader unescapes it: a long-running VM's answer can be tens of megabytes, and only the
// newest maxRecords records are kept (older ones are counted in dropped()), so memory stays
// bounded whatever oned sends. Values are whatever the probes reported: a number that does not
// parse counts as 0, unknown elements are skipped; the markup itself must be well-formed and
// complete (XmlScanner), or finish() fails.
class MonitoringParser
{
public:
    static constexpr qsizetype kDefaultMaxRecords = 20000; // a week at oned's 30 s probe period

    explicit MonitoringParser(qsizetype maxRecords = kDefaultMaxRecords);

    void addData(QStringView chunk);
    bool finish();
    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }

    // The records kept, oldest first (oned writes them in time order; they are sorted anyway).
    QList<VmMonitoringRecord> records() const;
    qint64 dropped() const { return m_dropped; }

    static std::optional<QList<VmMonitoringRecord>> parse(
        QStringView document, QString *error = nullptr, qsizetype maxRecords = kDefaultMaxRecords);

private:
    void startElement(QStringView name);
    void endElement();
    void commit();

    XmlScanner m_scanner;
    qsizetype m_max;
    int m_depth = 0; // 1 MONITORING_DATA, 2 MONITORING, 3 a value
    int m_skip = 0;
    int m_field = -1;
    QString m_text;
    bool m_rootClosed = false;
    VmMonitoringRecord m_record;
    std::deque<VmMonitoringRecord> m_records;
    qint64 m_dropped = 0;
    QString m_error;
};

} // namespace Porthole

Q_DECLARE_METATYPE(Porthole::VmMonitoringRecord)
