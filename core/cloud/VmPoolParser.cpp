// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/VmPoolParser.h"

#include <algorithm>
#include <cmath>

namespace Porthole {

namespace {

// A template number as users typed it, or 0 (unknown) when it is negative, not finite or
// beyond limit: converting 1e300 to an integer is undefined behaviour.
double plausible(double value, double limit)
{
    return std::isfinite(value) && value >= 0 && value <= limit ? value : 0.0;
}

// oned's values Porthole reads (IDs, names, states, addresses) are short; a longer one is an
// attack on memory, not a VM.
constexpr qsizetype kMaxValueLength = 64 * 1024;

} // namespace

VmPoolParser::VmPoolParser() = default;

void VmPoolParser::addData(QStringView chunk)
{
    if (hasError() || chunk.isEmpty())
        return;
    m_scanner.addData(chunk);
    parsePending();
}

void VmPoolParser::parsePending()
{
    while (!hasError()) {
        switch (m_scanner.next()) {
        case XmlScanner::Token::StartElement:
            startElement(m_scanner.name());
            break;
        case XmlScanner::Token::EndElement:
            endElement();
            break;
        case XmlScanner::Token::Characters:
            if (m_skipDepth == 0 && m_field != Field::None) {
                if (m_text.size() + m_scanner.text().size() > kMaxValueLength)
                    return fail(QStringLiteral("a VM value (ID, name, state, address…) is longer than 64 KiB"));
                m_text.append(m_scanner.text());
            }
            break;
        case XmlScanner::Token::Error:
            m_error = m_scanner.errorString();
            return;
        case XmlScanner::Token::NeedData:
            return;
        }
    }
}

// Names are only compared where they matter (a handful per level); everything
// else becomes a skipped subtree, counted but never looked at.
VmPoolParser::Field VmPoolParser::leafField(Ctx parent, QStringView n) const
{
    switch (parent) {
    case Ctx::Vm:
        if (n == u"ID")
            return Field::Id;
        if (n == u"NAME")
            return Field::Name;
        if (n == u"STATE")
            return Field::State;
        if (n == u"LCM_STATE")
            return Field::LcmState;
        if (n == u"UID")
            return Field::Uid;
        if (n == u"GID")
            return Field::Gid;
        if (n == u"UNAME")
            return Field::Uname;
        if (n == u"GNAME")
            return Field::Gname;
        if (n == u"USERNAME")
            return Field::Username;
        break;
    case Ctx::Template:
        if (n == u"MEMORY")
            return Field::Memory;
        if (n == u"CPU")
            return Field::Cpu;
        if (n == u"VCPU")
            return Field::Vcpu;
        break;
    case Ctx::Graphics:
        if (n == u"TYPE")
            return Field::GraphicsType;
        if (n == u"LISTEN")
            return Field::GraphicsListen;
        if (n == u"PORT")
            return Field::GraphicsPort;
        if (n == u"PASSWD")
            return Field::GraphicsPasswd;
        break;
    case Ctx::Nic:
        if (n == u"IP" || n == u"IP6" || n == u"IP6_GLOBAL" || n == u"IP6_ULA")
            return Field::NicIp;
        break;
    case Ctx::History:
        if (n == u"HOSTNAME")
            return Field::Hostname;
        break;
    case Ctx::Lock:
        if (n == u"LOCKED")
            return Field::LockLevel;
        break;
    default:
        break;
    }
    return Field::None;
}

VmPoolParser::Ctx VmPoolParser::containerCtx(Ctx parent, QStringView n) const
{
    switch (parent) {
    case Ctx::Pool:
        if (n == u"VM")
            return Ctx::Vm;
        break;
    case Ctx::Vm:
        if (n == u"TEMPLATE")
            return Ctx::Template;
        if (n == u"HISTORY_RECORDS")
            return Ctx::HistoryRecords;
        if (n == u"HISTORY") // pre-3.x: HISTORY directly below VM
            return Ctx::History;
        if (n == u"LOCK")
            return Ctx::Lock;
        break;
    case Ctx::Template:
        if (n == u"GRAPHICS")
            return Ctx::Graphics;
        if (n == u"NIC" || n == u"NIC_ALIAS")
            return Ctx::Nic;
        break;
    case Ctx::HistoryRecords:
        if (n == u"HISTORY")
            return Ctx::History;
        break;
    default:
        break;
    }
    return Ctx::Leaf; // "not a container"
}

void VmPoolParser::startElement(QStringView n)
{
    if (m_skipDepth > 0) {
        ++m_skipDepth;
        return;
    }
    if (m_stack.isEmpty()) {
        if (n == u"VM_POOL") {
            m_isPool = true;
            m_stack.append(Ctx::Pool);
        } else if (n == u"VM") {
            m_stack.append(Ctx::Vm);
            m_vm = VirtualMachine();
            ++m_vmsStarted;
        } else {
            fail(QStringLiteral("expected <VM_POOL> or <VM> as the document element, found <%1>").arg(n));
        }
        return;
    }
    const Ctx parent = m_stack.back();
    if (parent == Ctx::Leaf) { // markup inside a value Porthole reads: ignore it
        m_skipDepth = 1;
        return;
    }
    const Field field = leafField(parent, n);
    if (field != Field::None) {
        m_field = field;
        m_text.truncate(0);
        m_stack.append(Ctx::Leaf);
        return;
    }
    const Ctx ctx = containerCtx(parent, n);
    if (ctx == Ctx::Leaf) {
        m_skipDepth = 1;
        return;
    }
    if (ctx == Ctx::Vm) {
        // Refused before it is built: a body of <VM/> repeated would otherwise cost 32 bytes of
        // memory per byte read.
        if (++m_vmsStarted > m_maxVms) {
            fail(QStringLiteral("the pool holds more than the %1 VMs asked for").arg(m_maxVms));
            return;
        }
        m_vm = VirtualMachine();
    } else if (ctx == Ctx::Graphics && !m_vm.graphics) {
        m_vm.graphics = VmGraphics();
    }
    m_stack.append(ctx);
}

void VmPoolParser::endElement()
{
    if (m_skipDepth > 0) {
        --m_skipDepth;
        return;
    }
    if (m_stack.isEmpty())
        return; // QXmlStreamReader reports mismatched tags itself
    const Ctx ctx = m_stack.back();
    m_stack.pop_back();
    switch (ctx) {
    case Ctx::Leaf:
        commitField();
        m_field = Field::None;
        break;
    case Ctx::Vm:
        // oned writes an ID for every VM; the VM list, consoles and paging are keyed by it.
        if (m_vm.id < 0) {
            fail(QStringLiteral("a <VM> without <ID>"));
            return;
        }
        m_vms.append(std::move(m_vm));
        m_vm = VirtualMachine();
        break;
    default:
        break;
    }
    if (m_stack.isEmpty())
        m_rootClosed = true;
}

// ID, UID, GID, STATE and LCM_STATE are written by oned itself: a value that is
// not a number means the document is not what it claims to be.
bool VmPoolParser::setInt(int *target, const char *element)
{
    bool ok = false;
    const int value = QStringView(m_text).trimmed().toInt(&ok);
    if (!ok) {
        fail(QStringLiteral("<%1> is not an integer: '%2'")
                 .arg(QLatin1StringView(element), QStringView(m_text).left(40)));
        return false;
    }
    *target = value;
    return true;
}

void VmPoolParser::commitField()
{
    // Copy exactly sized strings so that m_text keeps its buffer to itself.
    const auto text = [this] { return QString(m_text.constData(), m_text.size()); };
    switch (m_field) {
    case Field::None:
        break;
    case Field::Id:
        setInt(&m_vm.id, "ID");
        break;
    case Field::Uid:
        setInt(&m_vm.uid, "UID");
        break;
    case Field::Gid:
        setInt(&m_vm.gid, "GID");
        break;
    case Field::State:
        setInt(&m_vm.state, "STATE");
        break;
    case Field::LcmState:
        setInt(&m_vm.lcmState, "LCM_STATE");
        break;
    case Field::Uname:
        m_vm.owner = text();
        break;
    case Field::Username:
        if (m_vm.owner.isEmpty())
            m_vm.owner = text();
        break;
    case Field::Gname:
        m_vm.group = text();
        break;
    case Field::Name:
        m_vm.name = text();
        break;
    // Template values are what users typed; a bad one should not hide the VM.
    case Field::Memory:
        m_vm.memoryMiB = qint64(plausible(QStringView(m_text).trimmed().toDouble(), 1e12));
        break;
    case Field::Cpu:
        m_vm.cpu = plausible(QStringView(m_text).trimmed().toDouble(), 1e6);
        break;
    case Field::Vcpu:
        m_vm.vcpu = QStringView(m_text).trimmed().toInt();
        break;
    case Field::GraphicsType:
        m_vm.graphics->type = text();
        break;
    case Field::GraphicsListen:
        m_vm.graphics->listen = text();
        break;
    case Field::GraphicsPort: {
        bool ok = false;
        const int port = QStringView(m_text).trimmed().toInt(&ok);
        m_vm.graphics->port = (ok && port >= 0 && port <= 65535) ? port : -1;
        break;
    }
    case Field::GraphicsPasswd:
        m_vm.graphics->password = text();
        break;
    case Field::NicIp:
        if (!QStringView(m_text).trimmed().isEmpty())
            m_vm.ips.append(QStringView(m_text).trimmed().toString());
        break;
    case Field::Hostname:
        m_vm.host = text(); // records come in SEQ order: the last one wins
        break;
    case Field::LockLevel:
        m_vm.lockLevel = std::max(0, QStringView(m_text).trimmed().toInt());
        break;
    }
}

void VmPoolParser::fail(const QString &message)
{
    if (hasError())
        return;
    m_scanner.raiseError(message);
    m_error = m_scanner.errorString();
}

QString VmPoolParser::openElementName() const
{
    if (m_skipDepth > 0 || m_stack.isEmpty())
        return QString();
    switch (m_stack.back()) {
    case Ctx::Pool:
        return QStringLiteral("VM_POOL");
    case Ctx::Vm:
        return QStringLiteral("VM");
    case Ctx::Template:
        return QStringLiteral("TEMPLATE");
    case Ctx::Graphics:
        return QStringLiteral("GRAPHICS");
    case Ctx::Nic:
        return QStringLiteral("NIC");
    case Ctx::HistoryRecords:
        return QStringLiteral("HISTORY_RECORDS");
    case Ctx::History:
        return QStringLiteral("HISTORY");
    case Ctx::Lock:
        return QStringLiteral("LOCK");
    case Ctx::Leaf:
        break;
    }
    return QString();
}

bool VmPoolParser::finish()
{
    if (hasError())
        return false;
    if (!m_scanner.started() && !m_scanner.hasPendingInput()) {
        fail(QStringLiteral("the document is empty (expected <VM_POOL> or <VM>)"));
        return false;
    }
    if (!m_rootClosed) {
        const QString open = openElementName();
        if (!m_scanner.started())
            fail(QStringLiteral("the document ended inside markup before <VM_POOL> or <VM>"));
        else if (!open.isEmpty())
            fail(QStringLiteral("the document ended early: expected more content or </%1>").arg(open));
        else
            fail(QStringLiteral("the document ended early, inside an element"));
        return false;
    }
    if (m_scanner.hasPendingInput()) {
        fail(QStringLiteral("the document ended inside markup after </%1>")
                 .arg(m_isPool ? QStringLiteral("VM_POOL") : QStringLiteral("VM")));
        return false;
    }
    return true;
}

QList<VirtualMachine> VmPoolParser::takeVms()
{
    return std::exchange(m_vms, {});
}

std::optional<QList<VirtualMachine>> VmPoolParser::parse(QStringView document, QString *error)
{
    VmPoolParser parser;
    parser.addData(document);
    if (!parser.finish()) {
        if (error)
            *error = parser.errorString();
        return std::nullopt;
    }
    return parser.takeVms();
}

} // namespace Porthole
