// SPDX-License-Identifier: GPL-2.0-or-later
#include "base/ArgvScrubber.h"

#include <QByteArray>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace Porthole {

namespace {

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

} // namespace

bool ArgvScrubber::holdsSecret(const std::string &argument, bool *password)
{
    *password = false;
    const size_t scheme = argument.find("://");
    if (scheme == std::string::npos || scheme == 0)
        return false;
    const std::string text = lower(argument);
    // userinfo with a password: scheme://user:password@host
    const size_t authorityEnd = text.find_first_of("/?#", scheme + 3);
    const std::string authority
        = text.substr(scheme + 3, authorityEnd == std::string::npos ? std::string::npos : authorityEnd - scheme - 3);
    const size_t at = authority.rfind('@');
    if (at != std::string::npos && authority.find(':') < at)
        *password = true;
    // Query parameters, also percent-encoded inside a noVNC page's path=.
    for (const char *name : {"password=", "password%3d"}) {
        if (text.find(name) != std::string::npos)
            *password = true;
    }
    // Sunstone's socket= is a whole base64 URL that may carry both: look inside.
    if (const size_t socket = text.find("socket="); socket != std::string::npos) {
        const size_t start = socket + 7;
        const size_t end = argument.find_first_of("&#", start);
        const QByteArray encoded = QByteArray::fromPercentEncoding(QByteArray::fromStdString(
            argument.substr(start, end == std::string::npos ? std::string::npos : end - start)));
        QByteArray inner = QByteArray::fromBase64(encoded);
        if (!inner.contains("://"))
            inner = QByteArray::fromBase64(encoded, QByteArray::Base64UrlEncoding);
        bool innerPassword = false;
        holdsSecret(inner.toStdString(), &innerPassword);
        *password = *password || innerPassword;
        return true; // the token, at least
    }
    return *password || text.find("token=") != std::string::npos || text.find("token%3d") != std::string::npos;
}

ArgvScrubber::ArgvScrubber(int argc, char **argv)
    : m_argc(argc)
{
    m_copies.reserve(size_t(argc));
    for (int i = 0; i < argc; ++i)
        m_copies.emplace_back(argv[i]);
    for (std::string &copy : m_copies)
        m_argv.push_back(copy.data());
    m_argv.push_back(nullptr);
    for (int i = 1; i < argc; ++i) {
        bool password = false;
        if (!holdsSecret(m_copies[size_t(i)], &password))
            continue;
        m_any = true;
        m_password = m_password || password;
        // The kernel shows the process's original argument memory: write over it in place.
        const size_t keep = m_copies[size_t(i)].find("://") + 3;
        std::memset(argv[i] + keep, '*', std::strlen(argv[i]) - keep);
    }
}

} // namespace Porthole
