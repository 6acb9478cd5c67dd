// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/VirtualMachine.h"

#include "OneFixtures.h"
#include "cloud/VmPoolParser.h"

#include <gtest/gtest.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QVariant>

using namespace Qt::StringLiterals;
using Porthole::VirtualMachine;
using Porthole::VmPoolParser;

namespace {

VirtualMachine fromFixture(const QString &file)
{
    const auto vms = VmPoolParser::parse(PortholeTest::oneResultString(file));
    EXPECT_TRUE(vms && vms->size() == 1);
    return vms ? vms->value(0) : VirtualMachine();
}

std::string json(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace

TEST(VirtualMachine, JsonOfARunningVncVm)
{
    const VirtualMachine vm = fromFixture(u"one.vm.info__vm-vnc-upper.response.xml"_s);
    const QJsonObject expected {
        {u"id"_s, 0},
        {u"name"_s, u"vm-vnc-upper"_s},
        {u"owner"_s, u"oneadmin"_s},
        {u"group"_s, u"oneadmin"_s},
        {u"state"_s, 3},
        {u"lcm_state"_s, 3},
        {u"state_name"_s, u"RUNNING"_s},
        {u"host"_s, u"dummy-host-1"_s},
        {u"graphics"_s,
            QJsonObject {
                {u"type"_s, u"VNC"_s}, {u"listen"_s, u"0.0.0.0"_s}, {u"port"_s, 5900}, {u"password_set"_s, true}}},
        {u"ips"_s, QJsonArray()},
        {u"console"_s, true},
    };
    EXPECT_EQ(vm.toJson(), expected) << json(vm.toJson());
    EXPECT_FALSE(QJsonDocument(vm.toJson()).toJson().contains("secret"));
}

TEST(VirtualMachine, JsonOfAHeldVmWithoutHostOrPort)
{
    const VirtualMachine vm = fromFixture(u"one.vm.info__vm-on-hold.response.xml"_s);
    const QJsonObject expected {
        {u"id"_s, 5},
        {u"name"_s, u"vm-on-hold"_s},
        {u"owner"_s, u"oneadmin"_s},
        {u"group"_s, u"oneadmin"_s},
        {u"state"_s, 2},
        {u"lcm_state"_s, 0},
        {u"state_name"_s, u"HOLD"_s},
        {u"host"_s, u""_s},
        {u"graphics"_s,
            QJsonObject {{u"type"_s, u"VNC"_s}, {u"listen"_s, u"0.0.0.0"_s}, {u"port"_s, QJsonValue::Null},
                {u"password_set"_s, false}}},
        {u"ips"_s, QJsonArray()},
        {u"console"_s, false},
    };
    EXPECT_EQ(vm.toJson(), expected) << json(vm.toJson());
}

TEST(VirtualMachine, JsonWithoutGraphicsAndWithAddresses)
{
    VirtualMachine vm = fromFixture(u"one.vm.info__vm-no-graphics.response.xml"_s);
    vm.ips = QStringList {u"10.0.0.3"_s, u"fd00::3"_s};
    const QJsonObject o = vm.toJson();
    EXPECT_TRUE(o.value(u"graphics").isNull()) << json(o);
    EXPECT_EQ(o.value(u"ips").toArray(), (QJsonArray {u"10.0.0.3"_s, u"fd00::3"_s}));
    EXPECT_EQ(o.value(u"console"), QJsonValue(false));
    EXPECT_EQ(o.value(u"state_name"), QJsonValue(u"RUNNING"_s));
    EXPECT_EQ(o.keys().size(), 11);
}

TEST(VirtualMachine, StateNameUsesVmStateUnlessActive)
{
    EXPECT_EQ(fromFixture(u"one.vm.info__vm-poweroff.response.xml"_s).toJson().value(u"state_name"),
        QJsonValue(u"POWEROFF"_s));
    EXPECT_EQ(
        fromFixture(u"one.vm.info__vm-terminated.response.xml"_s).toJson().value(u"state_name"), QJsonValue(u"DONE"_s));
}

TEST(VirtualMachine, ConsoleNeedsVncGraphics)
{
    VirtualMachine vm;
    vm.state = 3;
    vm.lcmState = 3;
    EXPECT_FALSE(vm.consolePossible());
    vm.graphics = Porthole::VmGraphics {u"SPICE"_s, QString(), 5900, QString()};
    EXPECT_FALSE(vm.consolePossible());
    vm.graphics->type = u" Vnc "_s;
    EXPECT_TRUE(vm.consolePossible());
    vm.lcmState = 25; // HOTPLUG_NIC
    EXPECT_TRUE(vm.consolePossible());
    vm.state = 8;
    EXPECT_FALSE(vm.consolePossible());
}

TEST(VirtualMachine, IsAMetaType)
{
    VirtualMachine vm;
    vm.id = 12;
    const QVariant v = QVariant::fromValue(vm);
    EXPECT_EQ(v.value<VirtualMachine>().id, 12);
}
