// SPDX-License-Identifier: GPL-2.0-or-later
#include "cloud/VmStates.h"
#include "ui/app/Translations.h"
#include "ui/vms/VmFilterProxyModel.h"
#include "ui/vms/VmStateText.h"
#include "ui/vms/VmTableModel.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QPersistentModelIndex>
#include <QSignalSpy>

#include <algorithm>

using namespace Porthole;

namespace {

VirtualMachine vm(int id, const QString &name, const QString &owner, int state, int lcm, const QString &ip,
    const QString &graphics = u"VNC"_qs)
{
    VirtualMachine v;
    v.id = id;
    v.name = name;
    v.owner = owner;
    v.group = u"users"_qs;
    v.state = state;
    v.lcmState = lcm;
    v.host = u"node-1"_qs;
    if (!ip.isEmpty())
        v.ips << ip;
    if (!graphics.isEmpty()) {
        VmGraphics g;
        g.type = graphics;
        g.port = 5900 + id;
        v.graphics = g;
    }
    return v;
}

QList<VirtualMachine> sample()
{
    return {vm(7, u"web-1"_qs, u"alice"_qs, VmStates::Active, VmStates::Running, u"10.0.0.7"_qs),
        vm(10, u"db-primary"_qs, u"bob"_qs, VmStates::Poweroff, 0, u"10.0.0.10"_qs),
        vm(9, u"web-2"_qs, u"alice"_qs, VmStates::Active, VmStates::Running, u"10.0.0.9"_qs, u"SPICE"_qs),
        vm(3, u"builder"_qs, u"oneadmin"_qs, VmStates::Pending, 0, QString(), QString())};
}

QStringList column(const QAbstractItemModel &model, int column)
{
    QStringList out;
    for (int r = 0; r < model.rowCount(); ++r)
        out << model.index(r, column).data().toString();
    return out;
}

} // namespace

TEST(VmTableModel, ShowsEveryColumn)
{
    VmTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setVms(sample());
    ASSERT_EQ(model.rowCount(), 4);
    EXPECT_EQ(model.columnCount(), 8);
    EXPECT_EQ(model.headerData(VmTableModel::Console, Qt::Horizontal).toString(), u"Console"_qs);
    EXPECT_EQ(
        column(model, VmTableModel::Name), (QStringList {u"web-1"_qs, u"db-primary"_qs, u"web-2"_qs, u"builder"_qs}));
    EXPECT_EQ(column(model, VmTableModel::State),
        (QStringList {u"running"_qs, u"poweroff"_qs, u"running"_qs, u"pending"_qs}));
    EXPECT_EQ(column(model, VmTableModel::Console), (QStringList {u"VNC"_qs, u"VNC"_qs, u"SPICE"_qs, u"none"_qs}));
    EXPECT_EQ(model.index(0, VmTableModel::Ip).data().toString(), u"10.0.0.7"_qs);
    EXPECT_TRUE(model.index(0, 0).data(VmTableModel::ConsolePossibleRole).toBool());
    EXPECT_FALSE(model.index(1, 0).data(VmTableModel::ConsolePossibleRole).toBool()); // powered off
    EXPECT_FALSE(model.index(2, 0).data(VmTableModel::ConsolePossibleRole).toBool()); // SPICE
    EXPECT_EQ(model.index(3, 0).data(VmTableModel::VmRole).value<VirtualMachine>().name, u"builder"_qs);
}

TEST(VmTableModel, RefreshMergesInPlaceAndKeepsPersistentIndexes)
{
    VmTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setVms(sample());
    const QPersistentModelIndex web2 = model.index(model.rowOfVm(9), VmTableModel::Name);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

    QList<VirtualMachine> next = sample();
    next.removeAt(1); // db-primary gone
    next[0].name = u"web-1-renamed"_qs;
    next << vm(11, u"new-vm"_qs, u"carol"_qs, VmStates::Active, VmStates::Running, u"10.0.0.11"_qs);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setVms(next);

    EXPECT_EQ(reset.count(), 0);
    EXPECT_EQ(changed.count(), 1); // only web-1 changed
    ASSERT_EQ(model.rowCount(), 4);
    ASSERT_TRUE(web2.isValid()); // the selection of a view would survive
    EXPECT_EQ(web2.data().toString(), u"web-2"_qs);
    EXPECT_EQ(model.rowOfVm(10), -1);
    EXPECT_EQ(model.index(model.rowOfVm(7), VmTableModel::Name).data().toString(), u"web-1-renamed"_qs);
    EXPECT_EQ(model.index(model.rowOfVm(11), VmTableModel::Owner).data().toString(), u"carol"_qs);

    model.setVms({});
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_FALSE(web2.isValid());
}

TEST(VmFilterProxyModel, FiltersByTextAndStateAndSortsNumerically)
{
    VmTableModel model;
    VmFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setVms(sample());
    proxy.sort(VmTableModel::Id, Qt::AscendingOrder);
    EXPECT_EQ(column(proxy, VmTableModel::Id), (QStringList {u"3"_qs, u"7"_qs, u"9"_qs, u"10"_qs}));
    proxy.sort(VmTableModel::Ip, Qt::AscendingOrder);
    // 10.0.0.9 before 10.0.0.10; no IP last
    EXPECT_EQ(column(proxy, VmTableModel::Id), (QStringList {u"7"_qs, u"9"_qs, u"10"_qs, u"3"_qs}));
    proxy.sort(VmTableModel::Id, Qt::AscendingOrder);

    proxy.setFilterText(u"WEB"_qs); // name, case-insensitive
    EXPECT_EQ(column(proxy, VmTableModel::Id), (QStringList {u"7"_qs, u"9"_qs}));
    proxy.setFilterText(u"alice web-2"_qs); // every word somewhere
    EXPECT_EQ(column(proxy, VmTableModel::Id), (QStringList {u"9"_qs}));
    proxy.setFilterText(u"10.0.0.10"_qs); // IP
    EXPECT_EQ(column(proxy, VmTableModel::Id), (QStringList {u"10"_qs}));
    proxy.setFilterText(u"oneadmin"_qs); // owner
    EXPECT_EQ(column(proxy, VmTableModel::Id), (QStringList {u"3"_qs}));
    proxy.setFilterText(u"3"_qs); // ID (and anything else with a 3 in it)
    EXPECT_EQ(column(proxy, VmTableModel::Id), (QStringList {u"3"_qs}));
    proxy.setFilterText(u"no-such-vm"_qs);
    EXPECT_EQ(proxy.rowCount(), 0);

    proxy.setFilterText(QString());
    proxy.setStateFilter(VmStates::Active);
    EXPECT_EQ(column(proxy, VmTableModel::Id), (QStringList {u"7"_qs, u"9"_qs}));
    proxy.setFilterText(u"web-1"_qs);
    EXPECT_EQ(column(proxy, VmTableModel::Id), (QStringList {u"7"_qs}));
    proxy.setStateFilter(VmStates::Poweroff);
    EXPECT_EQ(proxy.rowCount(), 0);
    proxy.setStateFilter(VmFilterProxyModel::AnyState);
    proxy.setFilterText(QString());
    EXPECT_EQ(proxy.rowCount(), 4);

    // A refresh under an active filter: new matching rows appear, in order.
    proxy.setFilterText(u"web"_qs);
    QList<VirtualMachine> next = sample();
    next << vm(8, u"web-3"_qs, u"carol"_qs, VmStates::Active, VmStates::Running, u"10.0.0.8"_qs);
    model.setVms(next);
    EXPECT_EQ(column(proxy, VmTableModel::Id), (QStringList {u"7"_qs, u"8"_qs, u"9"_qs}));
}

TEST(VmTableModel, ControlCharactersFromTheCloudAreShownNotObeyed)
{
    VmTableModel model;
    model.setVms(
        {vm(4, QStringLiteral("evil\x1b[2J\x07"), QStringLiteral("bob\r\nroot"), 3, 3, QStringLiteral("10.0.0.4"))});
    const QString name = model.index(0, VmTableModel::Name).data().toString();
    EXPECT_EQ(name, u"evil\\x1b[2J\\x07") << qPrintable(name);
    EXPECT_EQ(model.index(0, VmTableModel::Owner).data().toString(), u"bob\\x0d\\x0aroot");
}

// The words for states: oned's own in English, a step's family for the LCM states of a longer
// action, and the catalogue's in another language.
TEST(VmStateText, SaysStatesInWords)
{
    EXPECT_EQ(VmStateText::label(VmStates::Active, VmStates::Running), u"running"_qs);
    EXPECT_EQ(VmStateText::label(VmStates::Poweroff, 0), u"poweroff"_qs);
    int bootPoweroff = -1;
    int shutdownPoweroff = -1;
    for (int lcm = 0; lcm < VmStates::lcmStateCount(); ++lcm) {
        if (VmStates::lcmStateName(lcm) == u"BOOT_POWEROFF")
            bootPoweroff = lcm;
        if (VmStates::lcmStateName(lcm) == u"SHUTDOWN_POWEROFF")
            shutdownPoweroff = lcm;
    }
    ASSERT_GE(bootPoweroff, 0);
    EXPECT_EQ(VmStateText::label(VmStates::Active, bootPoweroff), u"booting"_qs);
    EXPECT_EQ(VmStateText::label(VmStates::Active, shutdownPoweroff), u"shutting down"_qs);
    EXPECT_EQ(VmStateText::label(VmStates::Active, 999), u"lcm_999"_qs) << "oned's own name when unknown";
    EXPECT_EQ(VmStateText::label(42, 0), u"state_42"_qs);

    const Translations german {QLocale(QLocale::German)};
    EXPECT_EQ(VmStateText::label(VmStates::Active, VmStates::Running), u"läuft"_qs);
    EXPECT_EQ(VmStateText::label(VmStates::Poweroff, 0), u"ausgeschaltet"_qs);
}

// Rows that sort alike (same owner) stay in ID order, both ways and across refreshes.
TEST(VmFilterProxyModel, TiesStayInIdOrderAcrossRefreshes)
{
    VmTableModel model;
    VmFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QList<VirtualMachine> vms;
    for (int id : {5, 2, 8, 1, 6})
        vms << vm(id, u"vm-%1"_qs.arg(id), u"alice"_qs, VmStates::Active, VmStates::Running, QString());
    model.setVms(vms);
    proxy.sort(VmTableModel::Owner, Qt::AscendingOrder);
    const QStringList ordered = {u"1"_qs, u"2"_qs, u"5"_qs, u"6"_qs, u"8"_qs};
    EXPECT_EQ(column(proxy, VmTableModel::Id), ordered);
    proxy.sort(VmTableModel::Owner, Qt::DescendingOrder);
    EXPECT_EQ(column(proxy, VmTableModel::Id), ordered);
    // A refresh that touches some of them (CPU, then state back) leaves the order alone.
    for (int round = 0; round < 3; ++round) {
        for (VirtualMachine &v : vms)
            v.cpu = (v.id * 7 + round) % 5;
        std::rotate(vms.begin(), vms.begin() + 1, vms.end());
        model.setVms(vms);
        EXPECT_EQ(column(proxy, VmTableModel::Id), ordered) << "round " << round;
    }
}
