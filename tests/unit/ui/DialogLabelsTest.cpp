// SPDX-License-Identifier: GPL-2.0-or-later
// Every dialog, in English, German and French: no visible text shows a literal '&' (a form
// label whose field is a layout has no buddy, and Qt then draws its mnemonic marker as
// text), and no two mnemonics of one dialog share a letter (Alt+W was "Sign in with" and
// "Password" at once).
#include "credentials/SessionCredentialStore.h"
#include "profiles/ProfileStore.h"
#include "proxy/LocalTokenProxy.h"
#include "ui/app/Translations.h"
#include "ui/dialogs/AboutDialog.h"
#include "ui/dialogs/ProxyPanel.h"
#include "ui/dialogs/SettingsDialog.h"
#include "ui/dialogs/SignInDialog.h"
#include "ui/dialogs/TokenInspectorDialog.h"

#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QCoreApplication>
#include <QGroupBox>
#include <QLabel>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>

#include <functional>
#include <memory>
#include <optional>

using namespace Porthole;

namespace {

// The mnemonic letter of a text ("Pass&word" -> 'w'), or a null QChar; "&&" is a literal '&'.
QChar mnemonicOf(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// A '&' that is drawn as itself: not "&&", not an HTML entity in rich text.
bool showsLiteralAmpersand(const QLabel *label)
{
    const QString text = label->text();
    if (Qt::mightBeRichText(text) || label->textFormat() == Qt::RichText)
        return false; // entities (&amp;) are the rich text's own
    return label->buddy() == nullptr && mnemonicOf(text) != QChar();
}

struct Problems
{
    QStringList literal;
    QStringList duplicates;
};

Problems check(QWidget *dialog)
{
    dialog->show();
    Problems out;
    QHash<QChar, QString> seen;
    const auto mnemonic = [&](const QWidget *w, const QString &text) {
        if (!w->isVisibleTo(dialog))
            return;
        const QChar m = mnemonicOf(text);
        if (m.isNull())
            return;
        if (seen.contains(m))
            out.duplicates << QStringLiteral("'%1': \"%2\" and \"%3\"").arg(m, seen.value(m), text);
        else
            seen.insert(m, text);
    };
    for (const QLabel *label : dialog->findChildren<QLabel *>()) {
        if (!label->isVisibleTo(dialog))
            continue;
        if (showsLiteralAmpersand(label))
            out.literal << label->text();
        else if (label->buddy())
            mnemonic(label, label->text());
    }
    for (const QAbstractButton *button : dialog->findChildren<QAbstractButton *>())
        mnemonic(button, button->text());
    for (const QGroupBox *box : dialog->findChildren<QGroupBox *>())
        mnemonic(box, box->title());
    for (const QTabWidget *tabs : dialog->findChildren<QTabWidget *>()) {
        for (int i = 0; i < tabs->count(); ++i)
            mnemonic(tabs, tabs->tabText(i));
    }
    dialog->hide();
    return out;
}

class DialogLabels : public ::testing::TestWithParam<const char *>
{
protected:
    void SetUp() override
    {
        m_translations.emplace(QLocale(QString::fromLatin1(GetParam())));
        m_settings = std::make_unique<QSettings>(m_dir.filePath(QStringLiteral("p.conf")), QSettings::IniFormat);
        m_profiles = std::make_unique<ProfileStore>(m_settings.get());
    }
    void TearDown() override { m_translations.reset(); }

    void expectClean(QWidget *dialog, const char *name)
    {
        const Problems p = check(dialog);
        EXPECT_TRUE(p.literal.isEmpty()) << name << " (" << GetParam()
                                         << ") shows '&': " << p.literal.join(QStringLiteral(" | ")).toStdString();
        EXPECT_TRUE(p.duplicates.isEmpty())
            << name << " (" << GetParam()
            << ") has duplicate mnemonics: " << p.duplicates.join(QStringLiteral(" | ")).toStdString();
    }

    std::optional<Translations> m_translations;
    QTemporaryDir m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ProfileStore> m_profiles;
    SessionCredentialStore m_credentials;
    LocalTokenProxy m_proxy;
};

} // namespace

TEST_P(DialogLabels, SignInDialog)
{
    SignInDialog dialog(m_profiles.get(), &m_credentials);
    expectClean(&dialog, "SignInDialog");
}

TEST_P(DialogLabels, SettingsDialog)
{
    SettingsDialog dialog(m_settings.get());
    expectClean(&dialog, "SettingsDialog");
}

TEST_P(DialogLabels, TokenInspectorDialog)
{
    TokenInspectorDialog dialog;
    expectClean(&dialog, "TokenInspectorDialog");
}

TEST_P(DialogLabels, ProxyPanel)
{
    ProxyPanel panel(&m_proxy);
    expectClean(&panel, "ProxyPanel");
}

TEST_P(DialogLabels, AboutDialog)
{
    AboutDialog dialog;
    expectClean(&dialog, "AboutDialog");
}

INSTANTIATE_TEST_SUITE_P(Languages, DialogLabels, ::testing::Values("en", "de", "fr"));
