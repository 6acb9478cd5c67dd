// SPDX-License-Identifier: GPL-2.0-or-later
#include "base/ArgvScrubber.h"

#include <gtest/gtest.h>

#include <QByteArray>

#include <cstring>
#include <string>
#include <vector>

using Porthole::ArgvScrubber;

// What ps shows of the process is its own argument memory: console URLs with a password or
// token are overwritten there, and the program works on copies (issue 16).
TEST(ArgvScrubber, SecretsLeaveTheCommandLineAndTheProgramKeepsThem)
{
    std::vector<std::string> original = {"porthole-cli", "screenshot", "vnc://:s3cret@host:5901", "--out",
        "ws://proxy/websockify?token=abcdef123", "http://h/vnc.html?host=p&port=1&password=pw",
        "https://sunstone/vnc?socket=d3M6Ly9oP3Rva2VuPVQ", "vnc://host:5901", "plain"};
    std::vector<std::vector<char>> memory;
    std::vector<char *> argv;
    for (const std::string &a : original) {
        memory.emplace_back(a.begin(), a.end());
        memory.back().push_back('\0');
    }
    for (auto &m : memory)
        argv.push_back(m.data());
    ArgvScrubber scrubber(int(argv.size()), argv.data());

    ASSERT_EQ(scrubber.argc(), int(original.size()));
    for (size_t i = 0; i < original.size(); ++i)
        EXPECT_EQ(std::string(scrubber.argv()[i]), original[i]) << "the program sees the whole argument";
    EXPECT_EQ(scrubber.argv()[original.size()], nullptr);
    EXPECT_STREQ(argv[2], "vnc://*****************");
    EXPECT_EQ(std::string(argv[4]).find("abcdef"), std::string::npos) << argv[4];
    EXPECT_EQ(std::string(argv[5]).find("pw"), std::string::npos) << argv[5];
    EXPECT_EQ(std::string(argv[6]).find("d3M6"), std::string::npos) << argv[6];
    EXPECT_STREQ(argv[7], "vnc://host:5901") << "nothing secret, left as it is";
    EXPECT_STREQ(argv[1], "screenshot");
    EXPECT_TRUE(scrubber.scrubbedPassword());
}

TEST(ArgvScrubber, ATokenAloneIsScrubbedWithoutAPasswordWarning)
{
    char program[] = "porthole";
    char url[] = "wss://proxy:443/websockify?token=T0KEN";
    char *argv[] = {program, url, nullptr};
    ArgvScrubber scrubber(2, argv);
    EXPECT_TRUE(scrubber.scrubbedAny());
    EXPECT_FALSE(scrubber.scrubbedPassword());
    EXPECT_EQ(std::string(url).find("T0KEN"), std::string::npos);
}

// Sunstone's socket= holds a base64 WebSocket URL: scrubbed always, a password warning only
// when the decoded URL carries one.
TEST(ArgvScrubber, ASunstoneSocketWarnsOnlyWhenItHoldsAPassword)
{
    const auto check = [](const QByteArray &inner, bool password) {
        std::string url = "https://sunstone/vnc?socket=" + inner.toBase64().toStdString() + "&x=1";
        std::vector<char> memory(url.begin(), url.end());
        memory.push_back('\0');
        char program[] = "porthole";
        char *argv[] = {program, memory.data(), nullptr};
        ArgvScrubber scrubber(2, argv);
        EXPECT_TRUE(scrubber.scrubbedAny()) << inner.constData();
        EXPECT_EQ(scrubber.scrubbedPassword(), password) << inner.constData();
        EXPECT_EQ(std::string(memory.data()).find("socket=" + inner.toBase64().toStdString().substr(0, 8)),
            std::string::npos);
    };
    check("ws://proxy:29876/?token=T", false);
    check("ws://proxy:29876/?port=5901&encrypt=no&password=PW&token=T", true);
}
