// SPDX-License-Identifier: GPL-2.0-or-later
// translations/: every message of porthole_de.ts and porthole_fr.ts is finished,
// keeps the placeholders of its source, and the compiled catalogues load.
#include "ui/dialogs/SignInDialog.h"

#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

struct Message
{
    QString context;
    QString source;
    QStringList translations; // one, or the numerus forms
    bool unfinished = false;
};

QList<Message> readTs(const QString &path)
{
    QFile file(path);
    EXPECT_TRUE(file.open(QIODevice::ReadOnly)) << path.toStdString();
    QXmlStreamReader xml(&file);
    QList<Message> out;
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            current = Message {context, {}, {}, false};
        } else if (name == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            current.unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            QString text;
            while (!xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    current.translations << xml.readElementText();
                else if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isEndElement() && xml.name() == QLatin1String("translation"))
                    break;
            }
            if (current.translations.isEmpty())
                current.translations << text;
            out << current;
        }
    }
    EXPECT_FALSE(xml.hasError()) << xml.errorString().toStdString();
    return out;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(?:n|\\d)"));
    QStringList out;
    for (auto it = re.globalMatch(text); it.hasNext();)
        out << it.next().captured();
    out.sort();
    out.removeDuplicates();
    return out;
}

} // namespace

class TranslationFile : public ::testing::TestWithParam<const char *>
{
};

TEST_P(TranslationFile, IsCompleteAndKeepsPlaceholders)
{
    const QString path = QStringLiteral(PORTHOLE_TRANSLATIONS_DIR "/") + QString::fromLatin1(GetParam());
    const QList<Message> messages = readTs(path);
    ASSERT_GT(messages.size(), 200);
    for (const Message &m : messages) {
        EXPECT_FALSE(m.unfinished) << m.source.toStdString();
        for (const QString &t : m.translations) {
            EXPECT_FALSE(t.trimmed().isEmpty() && !m.source.trimmed().isEmpty()) << m.source.toStdString();
            EXPECT_EQ(placeholders(t), placeholders(m.source)) << m.source.toStdString() << " → " << t.toStdString();
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Translations, TranslationFile, ::testing::Values("porthole_de.ts", "porthole_fr.ts"));

TEST(Translations, CompiledCataloguesLoadFromResources)
{
    Q_INIT_RESOURCE(porthole_ui_translations);
    QTranslator de;
    ASSERT_TRUE(de.load(QStringLiteral(":/i18n/porthole_de.qm")));
    EXPECT_EQ(
        de.translate("Porthole::SignInDialog", "Sign in to OpenNebula"), QStringLiteral("Bei OpenNebula anmelden"));
    QTranslator fr;
    ASSERT_TRUE(
        fr.load(QLocale(QLocale::French), QStringLiteral("porthole"), QStringLiteral("_"), QStringLiteral(":/i18n")));
    EXPECT_EQ(
        fr.translate("Porthole::SignInDialog", "Sign in to OpenNebula"), QStringLiteral("Se connecter à OpenNebula"));
    EXPECT_EQ(fr.translate("Porthole::MainWindow", "%n VM(s), updated %1", nullptr, 2),
        QStringLiteral("%n VM, actualisées à %1"));
}
