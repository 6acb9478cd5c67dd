// SPDX-License-Identifier: GPL-2.0-or-later
// German and French at the default window sizes, on the offscreen platform: no label, button,
// column header or tab is cut, no toolbar hides actions behind its "»" button, and Qt's own
// strings (standard buttons, key names) are translated too. Each window is measured as shown:
// every widget's text against the room its layout gave it.
#include "DemoMainWindow.h"
#include "cloud/OneClient.h"
#include "cloud/VirtualMachine.h"
#include "credentials/SessionCredentialStore.h"
#include "demo/DemoCloud.h"
#include "demo/DemoEnvironment.h"
#include "profiles/ProfileStore.h"
#include "proxy/LocalTokenProxy.h"
#include "ui/app/MainWindow.h"
#include "ui/app/Translations.h"
#include "ui/console/ConsoleTabs.h"
#include "ui/console/ConsoleWindow.h"
#include "ui/dialogs/AboutDialog.h"
#include "ui/dialogs/PowerConfirmDialog.h"
#include "ui/dialogs/ProxyPanel.h"
#include "ui/dialogs/SettingsDialog.h"
#include "ui/dialogs/SignInDialog.h"
#include "ui/dialogs/TokenInspectorDialog.h"
#include "ui/vms/VmTableModel.h"

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStyle>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QToolBar>
#include <QToolButton>

#include <memory>
#include <optional>

using namespace Porthole;

namespace {

constexpr int kWaitMs = 60000;

QString plain(QString text)
{
    if (Qt::mightBeRichText(text)) {
        QTextDocument doc;
        doc.setHtml(text);
        text = doc.toPlainText();
    }
    return text;
}

// What is cut in window, one line each ("QLabel 'Propriétaire' wants 84 px, has 60").
QStringList cutTexts(QWidget *window)
{
    QStringList cut;
    const auto describe = [](const QWidget *w, const QString &text, int wants, int has) {
        return QStringLiteral("%1 %2 '%3' wants %4 px, has %5")
            .arg(QString::fromLatin1(w->metaObject()->className()), w->objectName(), text.left(60))
            .arg(wants)
            .arg(has);
    };
    QList<QWidget *> widgets = window->findChildren<QWidget *>();
    widgets.prepend(window);
    for (QWidget *w : std::as_const(widgets)) {
        if (!w->isVisibleTo(window) || w->width() <= 0 || w->window() != window)
            continue;
        if (auto *label = qobject_cast<QLabel *>(w)) {
            const QString text = plain(label->text());
            if (text.trimmed().isEmpty() || label->sizePolicy().horizontalPolicy() == QSizePolicy::Ignored)
                continue;
            if (label->wordWrap()) {
                const int wants = label->heightForWidth(label->width());
                if (wants > label->height() + 1)
                    cut << describe(label, text, wants, label->height()) + QStringLiteral(" (height)");
            } else if (label->minimumSizeHint().width() > label->width() + 1) {
                cut << describe(label, text, label->minimumSizeHint().width(), label->width());
            }
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            if (button->text().isEmpty() || button->objectName().startsWith(u"qt_"))
                continue;
            if (button->sizeHint().width() > button->width() + 1)
                cut << describe(button, button->text(), button->sizeHint().width(), button->width());
        } else if (auto *box = qobject_cast<QGroupBox *>(w)) {
            if (box->minimumSizeHint().width() > box->width() + 1)
                cut << describe(box, box->title(), box->minimumSizeHint().width(), box->width());
        } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            if (combo->minimumSizeHint().width() > combo->width() + 1)
                cut << describe(combo, combo->currentText(), combo->minimumSizeHint().width(), combo->width());
        } else if (auto *header = qobject_cast<QHeaderView *>(w)) {
            if (header->orientation() != Qt::Horizontal)
                continue;
            for (int i = 0; i < header->count(); ++i) {
                if (header->isSectionHidden(i) || (header->stretchLastSection() && i == header->count() - 1))
                    continue;
                const int wants = header->sectionSizeHint(i);
                if (wants > header->sectionSize(i) + 1)
                    cut << describe(header, header->model()->headerData(i, Qt::Horizontal).toString(), wants,
                        header->sectionSize(i));
            }
        } else if (auto *area = qobject_cast<QScrollArea *>(w)) {
            // A panel wider than its room scrolls sideways and cuts whatever is at its edge.
            if (area->horizontalScrollBar()->isVisible())
                cut << QStringLiteral("QScrollArea %1 scrolls sideways").arg(area->objectName());
        } else if (auto *bar = qobject_cast<QToolBar *>(w)) {
            const auto *more = bar->findChild<QToolButton *>(QStringLiteral("qt_toolbar_ext_button"));
            if (more && more->isVisible())
                cut << QStringLiteral("QToolBar %1 hides actions behind »").arg(bar->objectName());
        } else if (auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                // The text's width against the tab's room for it (a cut tab text is elided).
                const QString text = QString(tabs->tabText(i)).remove(u'&');
                int room
                    = tabs->tabRect(i).width() - tabs->style()->pixelMetric(QStyle::PM_TabBarTabHSpace, nullptr, tabs);
                for (auto side : {QTabBar::LeftSide, QTabBar::RightSide}) {
                    if (const QWidget *button = tabs->tabButton(i, side))
                        room -= button->width();
                }
                if (!tabs->tabIcon(i).isNull())
                    room -= tabs->iconSize().width();
                const int wants = tabs->fontMetrics().horizontalAdvance(text);
                if (wants > room + 1)
                    cut << describe(tabs, text, wants, room);
            }
        }
    }
    return cut;
}

std::string lines(const QStringList &list)
{
    return list.join(u'\n').toStdString();
}

class LabelFitTest : public ::testing::TestWithParam<const char *>
{
protected:
    void SetUp() override
    {
        m_settings = std::make_unique<QSettings>(m_dir.filePath(u"porthole.conf"_qs), QSettings::IniFormat);
        m_settings->setValue(u"confirmCloseLive"_qs, false);
    }

    void TearDown() override { m_translations.reset(); }

    // The application's own way into a language, as at start-up.
    void translate()
    {
        m_translations.emplace(QLocale(QString::fromLatin1(GetParam())));
        ASSERT_TRUE(m_translations->hasQtCatalogue()) << "Qt's own catalogue (qt6-translations-l10n)";
    }

    std::unique_ptr<MainWindow> makeWindow()
    {
        auto window = PortholeTest::demoMainWindow(m_demo.endpoint(), &m_localProxy, m_settings.get());
        QSignalSpy done(window.get(), &MainWindow::refreshFinished);
        EXPECT_TRUE(done.wait(kWaitMs));
        return window;
    }

    static void expectFits(QWidget *window)
    {
        window->show();
        QCoreApplication::processEvents();
        const QStringList cut = cutTexts(window);
        EXPECT_TRUE(cut.isEmpty()) << window->metaObject()->className() << ":\n" << lines(cut);
    }

    std::optional<Translations> m_translations;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    DemoEnvironment m_demo;
    LocalTokenProxy m_localProxy;
};

} // namespace

TEST_P(LabelFitTest, QtsOwnStringsAreTranslated)
{
    translate();
    QDialogButtonBox buttons(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    const QString cancel = buttons.button(QDialogButtonBox::Cancel)->text().remove(u'&');
    EXPECT_NE(cancel, u"Cancel"_qs) << "qtbase_" << GetParam() << ".qm is not in use";
    const QString key = QKeySequence(Qt::CTRL | Qt::Key_Q).toString(QKeySequence::NativeText);
    if (QLocale().language() == QLocale::German)
        EXPECT_EQ(key, u"Strg+Q"_qs);
    else
        EXPECT_FALSE(key.isEmpty());
    // Dates follow the language chosen, not the C locale.
    EXPECT_NE(QLocale().monthName(3), u"March"_qs);
}

TEST_P(LabelFitTest, TheMainWindowAndAConsoleTabFit)
{
    ASSERT_TRUE(m_demo.start()) << m_demo.errorString().toStdString();
    QString error;
    ASSERT_TRUE(m_localProxy.start(&error)) << error.toStdString();
    // The column widths of an English session come back in this one: they must still fit.
    {
        auto english = makeWindow();
        english->close();
    }
    translate();
    auto window = makeWindow();
    expectFits(window.get());

    ASSERT_FALSE(m_demo.consoleVmIds().isEmpty());
    qRegisterMetaType<ConsoleWindow *>();
    QSignalSpy opened(window.get(), &MainWindow::consoleOpened);
    window->selectVm(m_demo.consoleVmIds().first());
    window->openCurrentConsole();
    ASSERT_TRUE(opened.count() > 0 || opened.wait(kWaitMs)) << window->lastError().toStdString();
    expectFits(window.get());
    window->detachTab(1);
    auto *console = qobject_cast<ConsoleWindow *>(opened.first().first().value<ConsoleWindow *>());
    ASSERT_NE(console, nullptr);
    expectFits(console);
    console->close();
}

TEST_P(LabelFitTest, TheDialogsFit)
{
    translate();
    ProfileStore profiles(m_settings.get());
    SessionCredentialStore credentials;
    SignInDialog signIn(&profiles, &credentials);
    expectFits(&signIn);
    SettingsDialog settings(m_settings.get());
    expectFits(&settings);
    TokenInspectorDialog inspector;
    expectFits(&inspector);
    QString error;
    ASSERT_TRUE(m_localProxy.start(&error)) << error.toStdString();
    ProxyPanel panel(&m_localProxy);
    expectFits(&panel);
    AboutDialog about;
    expectFits(&about);
    VirtualMachine vm;
    vm.id = 7;
    vm.name = u"web-1"_qs;
    vm.state = 3;
    vm.lcmState = 3;
    for (VmAction action : {VmAction::PoweroffHard, VmAction::Terminate}) {
        PowerConfirmDialog confirm(action, {vm});
        expectFits(&confirm);
    }
}

INSTANTIATE_TEST_SUITE_P(Languages, LabelFitTest, ::testing::Values("de", "fr"));
