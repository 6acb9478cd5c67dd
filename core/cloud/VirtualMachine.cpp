// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/VirtualMachine.h"

#include "cloud/VmStates.h"

#include <QJsonArray>
#include <QJsonValue>

namespace Porthole {

QString VirtualMachine::stateName() const
{
    return VmStates::stateName(state);
}

QString VirtualMachine::lcmStateName() const
{
    return VmStates::lcmStateName(lcmState);
}

QString VirtualMachine::displayState() const
{
    return VmStates::displayState(state, lcmState);
}

QString VirtualMachine::longStateName() const
{
    return state == VmStates::Active ? lcmStateName() : stateName();
}

bool VirtualMachine::consolePossible() const
{
    return VmStates::consolePossible(state, lcmState) && graphics && graphics->isVnc();
}

QJsonObject VirtualMachine::toJson() const
{
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("name"), name},
        {QStringLiteral("owner"), owner},
        {QStringLiteral("group"), group},
        {QStringLiteral("state"), state},
        {QStringLiteral("lcm_state"), lcmState},
        {QStringLiteral("state_name"), longStateName()},
        {QStringLiteral("host"), host},
        {QStringLiteral("graphics"), graphics ? QJsonValue(graphics->toJson()) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("ips"), QJsonArray::fromStringList(ips)},
        {QStringLiteral("console"), consolePossible()},
    };
}

} // namespace Porthole
