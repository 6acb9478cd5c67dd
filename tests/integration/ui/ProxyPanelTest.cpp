// SPDX-License-Identifier: GPL-2.0-or-later
// ProxyPanel driving the embedded proxy, with a live DemoDesktop behind its tokens.
#include "ui/dialogs/ProxyPanel.h"

#include "console/RfbSession.h"
#include "demo/DemoDesktop.h"
#include "proxy/LocalTokenProxy.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Porthole;

namespace {
constexpr int kWaitMs = 60000;

// Answers the next confirmation the panel asks (a modal QMessageBox) with button; the
// question's text goes to *asked.
void answerNextQuestion(QMessageBox::StandardButton button, QString *asked)
{
    auto *poll = new QTimer;
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, button, asked] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        *asked = box->text();
        box->button(button)->click();
        poll->deleteLater();
    });
    poll->start();
}
} // namespace

// Revoke and Close session ask first, and afterwards nothing is selected: a second click
// (a double click) must not revoke or close a different, unrelated one.
TEST(ProxyPanel, DestructiveButtonsAskFirstAndNeverMoveToAnotherRow)
{
    LocalTokenProxy proxy;
    ProxyPanel panel(&proxy);
    panel.show();
    panel.toggleRunning();
    ASSERT_TRUE(proxy.isRunning()) << panel.statusText().toStdString();
    ASSERT_TRUE(panel.addToken(u"127.0.0.1:5901"_qs));
    ASSERT_TRUE(panel.addToken(u"127.0.0.1:5902"_qs));
    QTableWidget *tokens = panel.tokenTable();
    ASSERT_EQ(tokens->rowCount(), 2);
    auto *revoke = panel.findChild<QPushButton *>(u"revoke"_qs);
    ASSERT_NE(revoke, nullptr);
    tokens->selectRow(0);

    QString asked;
    answerNextQuestion(QMessageBox::No, &asked);
    revoke->click();
    EXPECT_TRUE(asked.contains(u"127.0.0.1:5901"_qs)) << "it names what it revokes: " << asked.toStdString();
    EXPECT_EQ(tokens->rowCount(), 2) << "No keeps the token";

    answerNextQuestion(QMessageBox::Yes, &asked);
    revoke->click();
    ASSERT_EQ(tokens->rowCount(), 1);
    EXPECT_EQ(tokens->item(0, 1)->text(), u"127.0.0.1:5902"_qs);
    EXPECT_FALSE(tokens->selectionModel()->hasSelection()) << "the other token did not become the selected one";
    revoke->click(); // the second click of a double click: nothing selected, nothing asked
    EXPECT_EQ(tokens->rowCount(), 1);
    EXPECT_TRUE(panel.statusText().contains(u"Select a token"_qs)) << panel.statusText().toStdString();
}

TEST(ProxyPanel, MintsTokensThatReachTheDesktopAndRevokesThem)
{
    DemoDesktop desktop(u"panel"_qs);
    QString error;
    ASSERT_TRUE(desktop.start(&error, QSize(320, 240))) << error.toStdString();
    LocalTokenProxy proxy;
    ProxyPanel panel(&proxy);
    panel.show();
    EXPECT_TRUE(panel.statusText().contains(u"Stopped"_qs));
    panel.toggleRunning();
    ASSERT_TRUE(proxy.isRunning()) << panel.statusText().toStdString();
    EXPECT_TRUE(panel.statusText().contains(u"Listening on ws://127.0.0.1:"_qs)) << panel.statusText().toStdString();

    EXPECT_FALSE(panel.addToken(u"no port here"_qs));
    EXPECT_TRUE(panel.statusText().startsWith(u"Not a target"_qs)) << panel.statusText().toStdString();
    ASSERT_TRUE(panel.addToken(u"127.0.0.1:%1"_qs.arg(desktop.port())));
    ASSERT_EQ(panel.tokenTable()->rowCount(), 1);
    const QString token = proxy.minted().first().token;
    // The table shows the token redacted, never whole.
    EXPECT_FALSE(panel.tokenTable()->item(0, 0)->text().contains(token));

    panel.copyUrl(0, false);
    const QString url = QGuiApplication::clipboard()->text();
    EXPECT_TRUE(url.startsWith(u"ws://127.0.0.1:%1/websockify?token="_qs.arg(proxy.port()))) << url.toStdString();

    RfbSession session;
    QSignalSpy full(&session, &RfbSession::firstFullFrame);
    session.open(ConsoleUrl::parse(url).value());
    ASSERT_TRUE(full.wait(kWaitMs)) << session.errorText().toStdString();
    EXPECT_GE(proxy.metrics().sessionsTotal, 1u);

    if (QFileInfo::exists(u"/usr/share/novnc/vnc.html"_qs)) {
        panel.copyUrl(0, true);
        const QString page = QGuiApplication::clipboard()->text();
        EXPECT_TRUE(page.contains(u"/vnc.html?"_qs)) << page.toStdString();
        EXPECT_TRUE(page.contains(u"path=websockify%3Ftoken%3D"_qs)) << page.toStdString();
    }

    panel.revoke(0);
    EXPECT_EQ(panel.tokenTable()->rowCount(), 0);
    RfbSession refused;
    QSignalSpy failed(&refused, &RfbSession::errorOccurred);
    refused.open(ConsoleUrl::parse(url).value());
    ASSERT_TRUE(failed.wait(kWaitMs));
    session.close();

    panel.toggleRunning();
    EXPECT_FALSE(proxy.isRunning());
}

TEST(ProxyPanel, ServesATokenFileAndThenMintsNothing)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(u"tokens"_qs);
    QFile f(file);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("vm1: 127.0.0.1:5901\n");
    f.close();

    LocalTokenProxy proxy;
    ProxyPanel panel(&proxy);
    panel.findChild<QComboBox *>(u"source"_qs)->setCurrentIndex(1);
    panel.toggleRunning();
    EXPECT_FALSE(proxy.isRunning()); // no path yet
    EXPECT_TRUE(panel.statusText().contains(u"Choose the token file"_qs)) << panel.statusText().toStdString();
    panel.findChild<QLineEdit *>(u"sourcePath"_qs)->setText(file);
    panel.toggleRunning();
    ASSERT_TRUE(proxy.isRunning()) << panel.statusText().toStdString();
    EXPECT_TRUE(panel.statusText().contains(u"TokenFile"_qs)) << panel.statusText().toStdString();
    EXPECT_FALSE(proxy.canMint());
    EXPECT_FALSE(panel.addToken(u"127.0.0.1:5900"_qs));

    // A missing file is refused with the reason.
    panel.toggleRunning();
    panel.findChild<QLineEdit *>(u"sourcePath"_qs)->setText(dir.filePath(u"missing"_qs));
    panel.toggleRunning();
    EXPECT_FALSE(proxy.isRunning());
    EXPECT_TRUE(panel.statusText().startsWith(u"Not started:"_qs)) << panel.statusText().toStdString();
}

TEST(ProxyPanel, ShowsLiveSessionsAndClosesThem)
{
    DemoDesktop desktop(u"sessions"_qs);
    QString error;
    ASSERT_TRUE(desktop.start(&error, QSize(320, 240))) << error.toStdString();
    LocalTokenProxy proxy;
    ProxyPanel panel(&proxy);
    panel.show();
    panel.toggleRunning();
    ASSERT_TRUE(proxy.isRunning()) << panel.statusText().toStdString();
    ASSERT_TRUE(panel.addToken(u"127.0.0.1:%1"_qs.arg(desktop.port())));
    const QString token = proxy.minted().first().token;
    panel.copyUrl(0, false);
    const QString url = QGuiApplication::clipboard()->text();

    RfbSession session;
    QSignalSpy full(&session, &RfbSession::firstFullFrame);
    session.open(ConsoleUrl::parse(url).value());
    ASSERT_TRUE(full.wait(kWaitMs)) << session.errorText().toStdString();
    // The table refreshes every second.
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel.sessionTable()->rowCount() == 1; }, kWaitMs));
    QTableWidget *table = panel.sessionTable();
    EXPECT_TRUE(table->item(0, 0)->text().startsWith(u"127.0.0.1"_qs)) << table->item(0, 0)->text().toStdString();
    EXPECT_EQ(table->item(0, 1)->text(), token.left(4) + u"…"_qs); // redacted, never whole
    EXPECT_EQ(table->item(0, 2)->text(), u"127.0.0.1:%1"_qs.arg(desktop.port()));
    EXPECT_FALSE(table->item(0, 4)->text().startsWith(u"0 "_qs)) << "frames went to the viewer";

    QSignalSpy failed(&session, &RfbSession::errorOccurred);
    EXPECT_TRUE(panel.closeSession(0));
    ASSERT_TRUE(failed.wait(kWaitMs));
    EXPECT_TRUE(session.errorText().contains(u"operator"_qs)) << session.errorText().toStdString();
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel.sessionTable()->rowCount() == 0; }, kWaitMs));
    EXPECT_FALSE(panel.closeSession(0));
}

// Issue 14: the tables showed one and a half rows at the panel's default size. Each now shows
// several rows, and no header text is clipped, whatever the font.
TEST(ProxyPanel, DefaultSizeShowsSixRowsOfEachTableAndWholeHeaders)
{
    LocalTokenProxy proxy;
    ProxyPanel panel(&proxy);
    panel.toggleRunning();
    ASSERT_TRUE(proxy.isRunning()) << panel.statusText().toStdString();
    ASSERT_TRUE(panel.addToken(u"[2001:db8::1234:5678]:5901"_qs));
    ASSERT_TRUE(panel.addToken(u"127.0.0.1:5902"_qs));
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    EXPECT_LE(panel.width(), panel.screen()->availableSize().width());
    EXPECT_LE(panel.height(), panel.screen()->availableSize().height());
    for (QTableWidget *table : {panel.tokenTable(), panel.sessionTable()}) {
        SCOPED_TRACE(table->objectName().toStdString());
        const int rowHeight = table->verticalHeader()->defaultSectionSize();
        EXPECT_GE(table->viewport()->height(), 6 * rowHeight)
            << "viewport " << table->viewport()->height() << " px, rows of " << rowHeight << " px";
        EXPECT_FALSE(table->horizontalScrollBar()->isVisible());
        const QHeaderView *header = table->horizontalHeader();
        for (int section = 0; section < header->count(); ++section) {
            EXPECT_GE(header->sectionSize(section), header->sectionSizeHint(section))
                << "column " << section << " (" << table->horizontalHeaderItem(section)->text().toStdString()
                << ") is clipped";
        }
    }
    // The long column takes the room; the short ones are no wider than they need.
    const QHeaderView *tokens = panel.tokenTable()->horizontalHeader();
    EXPECT_GT(tokens->sectionSize(1), tokens->sectionSize(0));
    EXPECT_GE(
        tokens->sectionSize(1), panel.tokenTable()->fontMetrics().horizontalAdvance(u"[2001:db8::1234:5678]:5901"_qs));
}
