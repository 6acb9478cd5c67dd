// SPDX-License-Identifier: GPL-2.0-or-later
#include "console/ReconnectBackoff.h"

#include <algorithm>

namespace Porthole {

ReconnectBackoff::ReconnectBackoff(int firstMs, int capMs)
    : m_firstMs(std::max(1, firstMs))
    , m_capMs(std::max(m_firstMs, capMs))
    , m_nextMs(m_firstMs)
{ }

int ReconnectBackoff::nextDelayMs()
{
    const int delay = m_nextMs;
    ++m_attempts;
    m_nextMs = m_nextMs >= m_capMs / 2 ? m_capMs : m_nextMs * 2;
    return delay;
}

void ReconnectBackoff::sessionLasted(int upMs)
{
    // Stable for longer than the longest wait: the next drop is a new incident.
    if (upMs >= m_capMs)
        reset();
}

void ReconnectBackoff::reset()
{
    m_nextMs = m_firstMs;
    m_attempts = 0;
}

} // namespace Porthole
