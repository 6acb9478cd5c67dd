// SPDX-License-Identifier: GPL-2.0-or-later
// porthole's startup failures: stderr always, a message box when stderr is no terminal.
#include "ui/app/StartupError.h"

#include <gtest/gtest.h>

#include <QApplication>
#include <QMessageBox>
#include <QTimer>

#include <cstdio>
#include <memory>

using namespace Porthole;

namespace {

// Closes every message box that opens while it lives, keeping what it said.
class BoxCloser
{
public:
    BoxCloser()
    {
        m_timer.setInterval(10);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                auto *box = qobject_cast<QMessageBox *>(w);
                if (box && box->isVisible()) {
                    m_texts << box->text();
                    m_icon = box->icon();
                    m_format = box->textFormat();
                    box->done(QMessageBox::Ok);
                }
            }
        });
        m_timer.start();
    }
    QStringList m_texts;
    QMessageBox::Icon m_icon = QMessageBox::NoIcon;
    Qt::TextFormat m_format = Qt::AutoText;

private:
    QTimer m_timer;
};

QString readAll(std::FILE *file)
{
    std::rewind(file);
    QByteArray bytes;
    char buffer[512];
    while (const size_t n = std::fread(buffer, 1, sizeof buffer, file))
        bytes.append(buffer, qsizetype(n));
    return QString::fromUtf8(bytes);
}

const QString kHint = u"\"myhost:1\" is not a console URL: use vnc://myhost:5901 <b>or</b> wss://…"_qs;

} // namespace

TEST(StartupError, TheDecisionFollowsTheTerminal)
{
    EXPECT_TRUE(StartupError::wantsDialog(false, true));
    EXPECT_FALSE(StartupError::wantsDialog(true, true));
    EXPECT_FALSE(StartupError::wantsDialog(false, false)); // offscreen: nobody would see it
    EXPECT_FALSE(StartupError::windowsShow()); // the test harness runs offscreen
}

// Launched by the vnc:// handler (Terminal=false): the hint is on stderr and in a box.
TEST(StartupError, WithoutATerminalTheCliTextIsShownInACriticalBox)
{
    std::unique_ptr<std::FILE, int (*)(std::FILE *)> err(std::tmpfile(), &std::fclose);
    ASSERT_NE(err, nullptr);
    BoxCloser closer;
    const int status = StartupError::report(kHint, 2, false, true, err.get());
    EXPECT_EQ(status, 2);
    EXPECT_EQ(readAll(err.get()), u"porthole: "_qs + kHint + u"\n"_qs);
    ASSERT_EQ(closer.m_texts.size(), 1);
    EXPECT_EQ(closer.m_texts.first(), kHint);
    EXPECT_EQ(closer.m_icon, QMessageBox::Critical);
    EXPECT_EQ(closer.m_format, Qt::PlainText);
}

TEST(StartupError, InATerminalOnlyStderrSpeaks)
{
    std::unique_ptr<std::FILE, int (*)(std::FILE *)> err(std::tmpfile(), &std::fclose);
    ASSERT_NE(err, nullptr);
    BoxCloser closer;
    EXPECT_EQ(StartupError::report(kHint, 2, true, true, err.get()), 2);
    EXPECT_EQ(readAll(err.get()), u"porthole: "_qs + kHint + u"\n"_qs);
    QApplication::processEvents();
    EXPECT_TRUE(closer.m_texts.isEmpty());
    for (QWidget *w : QApplication::topLevelWidgets())
        EXPECT_EQ(qobject_cast<QMessageBox *>(w), nullptr);
}
