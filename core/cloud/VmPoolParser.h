// SPDX-License-Identifier: GPL-2.0-or-later
#pragma once

#include "cloud/VirtualMachine.h"
#include "cloud/XmlScanner.h"

#include <QList>
#include <QString>
#include <QStringView>
#include <QVarLengthArray>

#include <limits>
#include <optional>

namespace Porthole {

// Turns oned's inner VM documents into VirtualMachine values: a <VM_POOL>
// with any number of <VM> (one.vmpool.info short bodies, one.vmpool.infoextended
// full bodies) or a single <VM> (one.vm.info).
//
// Incremental: the document may arrive in pieces of any size (as the XML-RPC
// reader unescapes the result string), and is scanned with XmlScanner (see
// there why not QXmlStreamReader); VMs are available from takeVms() as
// soon as their </VM> was read, so a caller can drain them while a large pool
// is still arriving. Values may be plain text or CDATA; elements Porthole does
// not use are skipped without being looked at, missing ones keep the
// VirtualMachine defaults. A document type declaration is refused, which is
// also what keeps entity expansion out.
//
// Where each field comes from (paths below <VM>):
//   ID UID GID UNAME GNAME NAME STATE LCM_STATE (USERNAME for pre-3.x servers),
//   TEMPLATE/{MEMORY,CPU,VCPU}, TEMPLATE/GRAPHICS/{TYPE,LISTEN,PORT,PASSWD},
//   TEMPLATE/{NIC,NIC_ALIAS}/{IP,IP6,IP6_GLOBAL,IP6_ULA},
//   HISTORY_RECORDS/HISTORY[last]/HOSTNAME (HISTORY/HOSTNAME for pre-3.x), LOCK/LOCKED.
class VmPoolParser
{
public:
    VmPoolParser();

    // A page asked for at most max VMs: one more is an error, found before it is built.
    void setMaxVms(int max) { m_maxVms = max; }
    void addData(QStringView chunk);
    // Call after the last chunk: true when a complete, valid document was read.
    bool finish();
    bool hasError() const { return !m_error.isEmpty(); }
    // "line 1, column 57: <STATE> is not an integer: 'x'"; empty without error.
    QString errorString() const { return m_error; }

    // The VMs completed so far, in document order; the parser forgets them.
    QList<VirtualMachine> takeVms();

    static std::optional<QList<VirtualMachine>> parse(QStringView document, QString *error = nullptr);

private:
    enum class Ctx : quint8
    {
        Pool,
        Vm,
        Template,
        Graphics,
        Nic,
        HistoryRecords,
        History,
        Lock,
        Leaf
    };
    enum class Field : quint8
    {
        None,
        Id,
        Uid,
        Gid,
        Uname,
        Gname,
        Username,
        Name,
        State,
        LcmState,
        Memory,
        Cpu,
        Vcpu,
        GraphicsType,
        GraphicsListen,
        GraphicsPort,
        GraphicsPasswd,
        NicIp,
        Hostname,
        LockLevel,
    };

    void parsePending();
    void startElement(QStringView name);
    void endElement();
    void commitField();
    bool setInt(int *target, const char *element);
    void fail(const QString &message);
    QString openElementName() const;
    Field leafField(Ctx parent, QStringView name) const;
    Ctx containerCtx(Ctx parent, QStringView name) const;

    XmlScanner m_scanner;
    QVarLengthArray<Ctx, 16> m_stack;
    int m_skipDepth = 0; // > 0 while inside an element Porthole does not use
    Field m_field = Field::None;
    QString m_text; // text of the current leaf; reused, never shared
    bool m_rootClosed = false;
    bool m_isPool = false;
    int m_maxVms = std::numeric_limits<int>::max();
    int m_vmsStarted = 0;
    VirtualMachine m_vm;
    QList<VirtualMachine> m_vms;
    QString m_error;
};

} // namespace Porthole
